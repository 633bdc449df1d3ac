/**
 * `GATEWAY_KEYS_FILE`: the API keys as a Kubernetes Secret mounts them, in YAML or JSON (YAML is a
 * superset of JSON; read with the `yaml` package, validated with a TypeBox schema).
 *
 *   keys:
 *     - name: crm-prod                        # [A-Za-z0-9._-]{1,64}, unique
 *       sha256: "<hex digest of the key>"     # or  key: "<plaintext>" (accepted, warned about)
 *       scopes: [chat, scoring, media, embeddings, openai, feedback]   # the default (CRM_SCOPES)
 *       tenant: agency-a                      # optional: confines the key to its tenant's data
 *       limit_per_minute: 6000                # optional
 *       not_after: "2027-06-30T00:00:00Z"     # optional: refused from this instant (401 key_expired)
 *
 * Problems name the entry and the field, never a key, a digest or a line of the file.
 */
import { Type, type Static } from "@sinclair/typebox";
import { Value } from "@sinclair/typebox/value";
import { parseDocument } from "yaml";
import { CRM_SCOPES, isScope, TENANT_RE, type Scope } from "@sinhome/proto";
import { NAME_RE, sha256, type KeyEntry } from "./entry.ts";

const KeyFileEntry = Type.Object({
  name: Type.String(),
  sha256: Type.Optional(Type.String()),
  key: Type.Optional(Type.String()),
  scopes: Type.Optional(Type.Array(Type.String(), { minItems: 1 })),
  tenant: Type.Optional(Type.String()),
  limit_per_minute: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
  not_after: Type.Optional(Type.String()),
}, { additionalProperties: false });

export const KeysFileSchema = Type.Object({ keys: Type.Array(KeyFileEntry, { minItems: 1 }) });
export type KeysFileSchema = Static<typeof KeysFileSchema>;

export type ParsedKeys = { entries: KeyEntry[]; problems: string[]; warnings: string[] };

const HEX_DIGEST = /^[0-9a-fA-F]{64}$/;

/** Parses the text of a keys file; `problems` non-empty = the file must not be used. */
export function parseKeysFile(text: string): ParsedKeys {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) {
    // The parser's messages quote the offending line, which may hold a key: say where, not what.
    return { entries: [], warnings: [], problems: doc.errors.slice(0, 5).map((e) => `not valid YAML/JSON (${e.code} at line ${e.linePos?.[0]?.line ?? "?"})`) };
  }
  const raw: unknown = doc.toJS();
  if (!Value.Check(KeysFileSchema, raw)) {
    const problems = [...Value.Errors(KeysFileSchema, raw)].slice(0, 10).map((e) => `${e.path || "(file)"}: ${e.message}`);
    return { entries: [], warnings: [], problems };
  }
  return checkEntries(raw);
}

function checkEntries(file: KeysFileSchema): ParsedKeys {
  const entries: KeyEntry[] = [];
  const problems: string[] = [];
  const warnings: string[] = [];
  const names = new Set<string>();
  const digests = new Set<string>();
  file.keys.forEach((k, i) => {
    const where = `keys[${i}]${NAME_RE.test(k.name) ? ` (${k.name})` : ""}`;
    const before = problems.length;
    if (!NAME_RE.test(k.name)) problems.push(`${where}: name must match ${NAME_RE.source}`);
    else if (names.has(k.name)) problems.push(`${where}: duplicate name`);
    if ((k.sha256 === undefined) === (k.key === undefined)) problems.push(`${where}: give exactly one of sha256 or key`);
    if (k.sha256 !== undefined && !HEX_DIGEST.test(k.sha256)) problems.push(`${where}: sha256 must be 64 hexadecimal characters`);
    if (k.key !== undefined && k.key.trim().length < 16) problems.push(`${where}: key must be at least 16 characters`);
    const unknown = (k.scopes ?? []).filter((s) => !isScope(s));
    if (unknown.length) problems.push(`${where}: unknown scope ${unknown.map((s) => JSON.stringify(s.slice(0, 32))).join(", ")}`);
    if (k.tenant !== undefined && !TENANT_RE.test(k.tenant)) problems.push(`${where}: tenant must match ${TENANT_RE.source}`);
    const notAfterMs = k.not_after === undefined ? undefined : Date.parse(k.not_after);
    if (notAfterMs !== undefined && !Number.isFinite(notAfterMs)) problems.push(`${where}: not_after must be an ISO 8601 date-time`);
    if (problems.length > before) return;
    const digest = k.sha256 !== undefined ? Buffer.from(k.sha256, "hex") : sha256(k.key!.trim());
    const hex = digest.toString("hex");
    if (digests.has(hex)) return void problems.push(`${where}: the same key as an earlier entry`);
    if (k.key !== undefined) warnings.push(`${where}: plaintext key in the keys file; store its sha256 instead (bun run keys new)`);
    names.add(k.name);
    digests.add(hex);
    entries.push({
      name: k.name,
      digest,
      scopes: new Set((k.scopes ?? CRM_SCOPES) as Scope[]),
      ...(k.tenant !== undefined ? { tenant: k.tenant } : {}),
      ...(k.limit_per_minute !== undefined ? { limitPerMinute: k.limit_per_minute } : {}),
      ...(notAfterMs !== undefined ? { notAfterMs } : {}),
    });
  });
  return { entries: problems.length ? [] : entries, problems, warnings };
}
