/**
 * Who is calling and what they may do. API keys come as `Authorization: Bearer <key>` or
 * `X-API-Key: <key>` (and, for browsers' EventSource on `/logs/stream` only, a `token` query
 * parameter); they are matched by SHA-256 digest in constant time (`keys/entry.ts`). A key needs the
 * route's scope (403 `forbidden` naming it) and may be confined to a tenant, which services receive in
 * a bus header. Keys come from one of:
 *
 * - `GATEWAY_KEYS_FILE` — YAML/JSON with names, digests, scopes, tenants, limits, expiry; re-read on
 *   change (`keys/file.ts`, `keys/key-ring.ts`);
 * - `GATEWAY_API_KEYS` — the seed's comma-separated list, every key with every scope and no tenant:
 *   `key` (named by a hash prefix), `name:key`, or `name:key:limit` (requests per minute, `0` = unlimited).
 *   Names are `[A-Za-z0-9._-]{1,64}` and unique; keys contain neither `,` nor `:` in the named forms.
 */
import { ALL_SCOPES, AppError, BusHeader, TENANT_RE, type Scope } from "@sinhome/proto";
import type { Logger } from "@sinhome/runtime";
import { allows, NAME_RE, sha256, type KeyEntry } from "./keys/entry.ts";
import { KeyRing } from "./keys/key-ring.ts";
import type { ScopeLookup } from "./keys/route-scopes.ts";

export { KeyRing } from "./keys/key-ring.ts";
export type { KeyEntry } from "./keys/entry.ts";

/** How often a keys file is re-read: a Secret update is picked up within this (and the kubelet's own sync). */
export const DEFAULT_KEYS_POLL_MS = 2_000;

/** Parses GATEWAY_API_KEYS; returns the problems instead of throwing so env parsing can list them all. */
export function parseApiKeys(spec: string | undefined): { entries: KeyEntry[]; problems: string[] } {
  const entries: KeyEntry[] = [];
  const problems: string[] = [];
  const names = new Set<string>();
  const every = new Set<Scope>(ALL_SCOPES);
  const items = (spec ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  items.forEach((item, i) => {
    const parts = item.split(":");
    const where = `GATEWAY_API_KEYS entry ${i + 1}`;
    let entry: KeyEntry;
    if (parts.length === 1) {
      entry = { name: `key-${sha256(item).toString("hex").slice(0, 12)}`, digest: sha256(item), scopes: every };
    } else if (parts.length === 2 || parts.length === 3) {
      const [name, key, limit] = parts as [string, string, string | undefined];
      if (!NAME_RE.test(name)) return void problems.push(`${where}: name must match ${NAME_RE.source}`);
      if (!key) return void problems.push(`${where}: the key is empty`);
      if (limit !== undefined && !/^\d{1,9}$/.test(limit)) return void problems.push(`${where}: limit must be a whole number of requests per minute`);
      entry = { name, digest: sha256(key), scopes: every, ...(limit !== undefined ? { limitPerMinute: Number(limit) } : {}) };
    } else {
      return void problems.push(`${where}: expected key, name:key or name:key:limit`);
    }
    if (names.has(entry.name)) return void problems.push(`${where}: duplicate name ${entry.name}`);
    names.add(entry.name);
    entries.push(entry);
  });
  return { entries, problems };
}

/** The keys the environment asks for (a keys file is read now; a broken one throws with its problems). */
export function keyRingFromEnv(env: { GATEWAY_API_KEYS?: string; GATEWAY_KEYS_FILE?: string; GATEWAY_KEYS_POLL_MS?: number }, log?: Logger): KeyRing {
  if (env.GATEWAY_KEYS_FILE) return new KeyRing({ kind: "file", path: env.GATEWAY_KEYS_FILE, pollMs: env.GATEWAY_KEYS_POLL_MS ?? DEFAULT_KEYS_POLL_MS }, log);
  const { entries } = parseApiKeys(env.GATEWAY_API_KEYS);
  return new KeyRing(entries.length ? { kind: "env", entries } : { kind: "none" }, log);
}

/** The presented key, if any. `allowQueryToken` accepts `?token=` (EventSource cannot send headers). */
export function presentedKey(request: Request, allowQueryToken = false): string | undefined {
  const headers = request.headers;
  const auth = headers.get("authorization");
  if (auth?.toLowerCase().startsWith("bearer ")) return auth.slice(7).trim() || undefined;
  const header = headers.get("x-api-key")?.trim();
  if (header) return header;
  if (!allowQueryToken) return undefined;
  return queryParam(request.url, "token")?.trim() || undefined;
}

/** A query parameter without building a URL object (and without parsing at all when it is absent). */
function queryParam(url: string, name: string): string | undefined {
  const q = url.indexOf("?");
  if (q < 0 || !url.includes(`${name}=`, q)) return undefined;
  return new URLSearchParams(url.slice(q + 1)).get(name) ?? undefined;
}

/** The caller as services see it: the key's name (never the key) and the tenant it is confined to. */
export type Caller = {
  name: string;
  /** Undefined = every tenant (an operator key, or an open gateway). */
  tenant?: string;
  limitPerMinute?: number;
};

/** The bus headers that tell a service who calls. */
export const callerHeaders = (caller: Caller | undefined): Record<string, string> =>
  caller?.tenant !== undefined ? { [BusHeader.KeyName]: caller.name, [BusHeader.Tenant]: caller.tenant } : { [BusHeader.KeyName]: caller?.name ?? "anonymous" };

/**
 * Authenticates and authorises one request before routing: 401 `unauthorized` (no or unknown key),
 * 401 `key_expired`, 403 `forbidden` (scope missing, or a tenant key asking for another tenant), 422
 * (a malformed `?tenant=`). An operator key (no tenant) may choose one with `?tenant=`.
 */
export function authorize(ring: KeyRing, scopeOf: ScopeLookup, request: Request, path: string, now: number): Caller {
  // Sent empty (`?tenant=`), it is absent, like every empty query field.
  const asked = queryParam(request.url, "tenant") || undefined;
  if (asked !== undefined && !TENANT_RE.test(asked)) {
    throw new AppError("validation_failed", "request does not match the schema", [{ field: "tenant", reason: `must match ${TENANT_RE.source}` }]);
  }
  if (!ring.enabled) return { name: "anonymous", ...(asked !== undefined ? { tenant: asked } : {}) };
  const entry = ring.match(presentedKey(request, path === "/logs/stream"));
  if (!entry) throw new AppError("unauthorized", "missing or invalid API key");
  if (entry.notAfterMs !== undefined && now >= entry.notAfterMs) throw new AppError("key_expired", "this API key has expired; use its replacement");
  const scope = scopeOf(request.method, path);
  if (scope && !allows(entry, scope)) {
    throw new AppError("forbidden", `this API key lacks the scope ${scope}`, [{ field: "scope", reason: `requires ${scope}` }]);
  }
  if (entry.tenant !== undefined && asked !== undefined && asked !== entry.tenant) {
    throw new AppError("forbidden", "this API key is confined to its own tenant", [{ field: "tenant", reason: "not the key's tenant" }]);
  }
  const tenant = entry.tenant ?? asked;
  return { name: entry.name, ...(tenant !== undefined ? { tenant } : {}), ...(entry.limitPerMinute !== undefined ? { limitPerMinute: entry.limitPerMinute } : {}) };
}
