/**
 * Test harness of the least-privilege suite: runs the mesh as users deploy it — the all-in-one process,
 * or gateway + four services as separate processes over NATS and PostgreSQL — with GATEWAY_KEYS_FILE
 * mounted the way a Kubernetes Secret is (a symlink into a `..data` directory swapped atomically), and
 * keeps every line the processes print, so tests can read the audit trail (hence its own spawn: harness.ts's
 * MeshProcesses discards stdout).
 */
import type { Subprocess } from "bun";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { testServerUrl } from "@sinhome/testing";
import { freePort, ROOT, waitFor } from "./harness.ts";

export { waitFor } from "./harness.ts";

export type Mode = "all-in-one" | "mesh";
export type KeySpec = { name: string; key: string; scopes?: string[]; tenant?: string; notAfter?: string; plaintext?: boolean };

const NATS_URL = await testServerUrl("nats");
const DATABASE_URL = await testServerUrl("postgres");

export const sha256Hex = (key: string) => createHash("sha256").update(key).digest("hex");

/** The YAML a keys Secret holds: digests, except entries marked plaintext. */
export function keysYaml(keys: readonly KeySpec[]): string {
  const lines = ["keys:"];
  for (const k of keys) {
    lines.push(`  - name: ${k.name}`, k.plaintext ? `    key: "${k.key}"` : `    sha256: "${sha256Hex(k.key)}"`);
    if (k.scopes) lines.push(`    scopes: [${k.scopes.map((s) => JSON.stringify(s)).join(", ")}]`);
    if (k.tenant) lines.push(`    tenant: ${k.tenant}`);
    if (k.notAfter) lines.push(`    not_after: "${k.notAfter}"`);
  }
  return `${lines.join("\n")}\n`;
}

/** A Secret volume: `keys.yaml` → `..data/keys.yaml`, `..data` → the current generation, swapped by rename. */
export class SecretVolume {
  readonly dir = mkdtempSync(join(tmpdir(), "sinhome-keys-"));
  readonly path = join(this.dir, "keys.yaml");
  private generation = 0;

  constructor(text: string) {
    this.write(text);
    symlinkSync("..data/keys.yaml", this.path);
  }

  write(text: string): void {
    const name = `..gen-${++this.generation}`;
    mkdirSync(join(this.dir, name));
    writeFileSync(join(this.dir, name, "keys.yaml"), text);
    symlinkSync(name, join(this.dir, "..data.tmp"));
    renameSync(join(this.dir, "..data.tmp"), join(this.dir, "..data"));
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export type Running = { base: string; lines: string[]; stop(): Promise<void> };

async function collect(stream: ReadableStream<Uint8Array>, into: string[]): Promise<void> {
  const decoder = new TextDecoder();
  let buffered = "";
  for await (const chunk of stream) {
    buffered += decoder.decode(chunk, { stream: true });
    for (let i = buffered.indexOf("\n"); i >= 0; i = buffered.indexOf("\n")) {
      into.push(buffered.slice(0, i));
      buffered = buffered.slice(i + 1);
    }
  }
}

/** Starts the mode with the keys file; resolves when every service answers through the gateway. */
export async function start(mode: Mode, keysFile: string): Promise<Running> {
  const port = freePort();
  const base = `http://127.0.0.1:${port}`;
  const lines: string[] = [];
  const procs: Subprocess<"ignore", "pipe", "inherit">[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), "sinhome-lp-"));
  const common = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", LOG_LEVEL: "info", HEALTH_PORT: "0" };
  const gatewayEnv = { PORT: String(port), HOST: "127.0.0.1", GATEWAY_KEYS_FILE: keysFile, GATEWAY_KEYS_POLL_MS: "200", RATE_LIMIT_PER_MINUTE: "0" };
  const spawn = (entry: string, env: Record<string, string>) => {
    const p = Bun.spawn(["bun", entry], { cwd: ROOT, env: { ...common, ...env }, stdout: "pipe", stderr: "inherit" });
    void collect(p.stdout, lines);
    procs.push(p);
  };
  if (mode === "all-in-one") {
    spawn("all-in-one.ts", { ...gatewayEnv, DATA_DIR: dataDir });
  } else {
    const mesh = { NATS_URL };
    spawn("gateway/src/main.ts", { ...mesh, ...gatewayEnv });
    spawn("services/chat/src/main.ts", mesh);
    spawn("services/scoring/src/main.ts", mesh);
    spawn("services/media/src/main.ts", { ...mesh, DATABASE_URL });
    spawn("services/ops/src/main.ts", mesh);
  }
  const stop = async () => {
    for (const p of procs) p.kill("SIGTERM");
    await Promise.all(procs.map((p) => p.exited));
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitFor(`${mode} ready`, async () => {
      const health = (await (await fetch(`${base}/monitoring/health`)).json()) as { components: { name: string; instances?: number }[] };
      return ["chat", "scoring", "media", "ops"].every((name) => (health.components.find((c) => c.name === name)?.instances ?? 0) >= 1);
    }, 40_000);
  } catch (e) {
    await stop();
    throw e;
  }
  return { base, lines, stop };
}
