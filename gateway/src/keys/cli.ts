/**
 * `bun run keys new <name> [--tenant T] [--scopes a,b] [--days N]`: makes a fresh random API key, prints it
 * ONCE (for the CRM's configuration), and the keys-file entry to paste (its SHA-256 only), the way
 * operators expect from `ssh-keygen` or a cloud console. Nothing is stored or logged.
 */
import { randomBytes } from "node:crypto";
import { CRM_SCOPES, isScope, TENANT_RE } from "@sinhome/proto";
import { NAME_RE, sha256 } from "./entry.ts";

export type NewKey = { key: string; entry: string };

/** A key with 256 random bits, prefixed so secret scanners and people recognise it. */
export function newKey(name: string, opts: { tenant?: string; scopes?: string[]; days?: number } = {}, now = Date.now()): NewKey {
  if (!NAME_RE.test(name)) throw new Error(`the name must match ${NAME_RE.source}`);
  if (opts.tenant !== undefined && !TENANT_RE.test(opts.tenant)) throw new Error(`the tenant must match ${TENANT_RE.source}`);
  const bad = (opts.scopes ?? []).filter((s) => !isScope(s));
  if (bad.length) throw new Error(`unknown scope: ${bad.join(", ")}`);
  const key = `sk-sinhome-${randomBytes(32).toString("base64url")}`;
  const lines = [`  - name: ${name}`, `    sha256: "${sha256(key).toString("hex")}"`, `    scopes: [${(opts.scopes ?? CRM_SCOPES).join(", ")}]`];
  if (opts.tenant) lines.push(`    tenant: ${opts.tenant}`);
  if (opts.days) lines.push(`    not_after: "${new Date(now + opts.days * 86_400_000).toISOString()}"`);
  return { key, entry: lines.join("\n") };
}

function main(argv: string[]): number {
  const [command, name, ...rest] = argv;
  if (command !== "new" || !name) {
    console.error("usage: bun run keys new <name> [--tenant T] [--scopes chat,media,...] [--days N]");
    return 2;
  }
  const flag = (f: string) => {
    const i = rest.indexOf(f);
    return i >= 0 ? rest[i + 1] : undefined;
  };
  try {
    const days = flag("--days");
    const { key, entry } = newKey(name, { tenant: flag("--tenant"), scopes: flag("--scopes")?.split(",").map((s) => s.trim()), days: days ? Number(days) : undefined });
    console.log(`API key for ${name} (shown once; give it to the client, store it nowhere else):\n\n  ${key}\n`);
    console.log(`Entry for GATEWAY_KEYS_FILE (the digest only):\n\n${entry}\n`);
    return 0;
  } catch (e) {
    console.error(`keys: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
}

if (import.meta.main) process.exit(main(process.argv.slice(2)));
