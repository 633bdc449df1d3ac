/**
 * API keys: `Authorization: Bearer <key>` or `X-API-Key: <key>` (and, for browsers' EventSource on
 * `/logs/stream` only, a `token` query parameter), compared in constant time.
 *
 * `GATEWAY_API_KEYS` is a comma-separated list of entries, each one of:
 * - `key`                 — a bare key (the seed's format): limited by RATE_LIMIT_PER_MINUTE;
 * - `name:key`            — a named key: the name appears in limits and logs, never the key;
 * - `name:key:limit`      — a named key with its own requests-per-minute limit (`0` = unlimited).
 * Names are `[A-Za-z0-9._-]{1,64}` and unique; keys contain neither `,` nor `:` in the named forms.
 */
import { createHash, timingSafeEqual } from "node:crypto";

export type ApiKeyEntry = {
  /** Non-secret identity of the key: its configured name, or a hash prefix for a bare key. */
  name: string;
  /** Requests per minute for this key; undefined = the gateway's default. */
  limitPerMinute?: number;
  digest: Buffer;
};

const digest = (s: string) => createHash("sha256").update(s).digest();
const NAME_RE = /^[A-Za-z0-9._-]{1,64}$/;

/** Parses GATEWAY_API_KEYS; returns the problems instead of throwing so env parsing can list them all. */
export function parseApiKeys(spec: string | undefined): { entries: ApiKeyEntry[]; problems: string[] } {
  const entries: ApiKeyEntry[] = [];
  const problems: string[] = [];
  const names = new Set<string>();
  const items = (spec ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  items.forEach((item, i) => {
    const parts = item.split(":");
    const where = `GATEWAY_API_KEYS entry ${i + 1}`;
    let entry: ApiKeyEntry;
    if (parts.length === 1) {
      entry = { name: `key-${digest(item).toString("hex").slice(0, 12)}`, digest: digest(item) };
    } else if (parts.length === 2 || parts.length === 3) {
      const [name, key, limit] = parts as [string, string, string | undefined];
      if (!NAME_RE.test(name)) return void problems.push(`${where}: name must match ${NAME_RE.source}`);
      if (!key) return void problems.push(`${where}: the key is empty`);
      if (limit !== undefined && !/^\d{1,9}$/.test(limit)) return void problems.push(`${where}: limit must be a whole number of requests per minute`);
      entry = { name, digest: digest(key), ...(limit !== undefined ? { limitPerMinute: Number(limit) } : {}) };
    } else {
      return void problems.push(`${where}: expected key, name:key or name:key:limit`);
    }
    if (names.has(entry.name)) return void problems.push(`${where}: duplicate name ${entry.name}`);
    names.add(entry.name);
    entries.push(entry);
  });
  return { entries, problems };
}

export class ApiKeys {
  private readonly entries: ApiKeyEntry[];
  constructor(spec: string | undefined) {
    this.entries = parseApiKeys(spec).entries;
  }

  get enabled(): boolean {
    return this.entries.length > 0;
  }

  /** Every configured key's own limit (for building the limiter even when the default is off). */
  get hasOwnLimits(): boolean {
    return this.entries.some((e) => e.limitPerMinute !== undefined && e.limitPerMinute > 0);
  }

  /** The presented key, if any. `allowQueryToken` accepts `?token=` (EventSource cannot send headers). */
  static presented(request: Request, allowQueryToken = false): string | undefined {
    const headers = request.headers;
    const auth = headers.get("authorization");
    if (auth?.toLowerCase().startsWith("bearer ")) return auth.slice(7).trim() || undefined;
    const header = headers.get("x-api-key")?.trim();
    if (header) return header;
    if (!allowQueryToken) return undefined;
    const q = request.url.indexOf("?");
    return q < 0 ? undefined : new URLSearchParams(request.url.slice(q + 1)).get("token")?.trim() || undefined;
  }

  /** The entry of the key when it is one of the configured keys (hash compare: constant time, any length). */
  match(key: string | undefined): ApiKeyEntry | undefined {
    if (!key) return undefined;
    const d = digest(key);
    let found: ApiKeyEntry | undefined;
    for (const e of this.entries) if (timingSafeEqual(e.digest, d) && !found) found = e;
    return found;
  }

  accepts(key: string | undefined): boolean {
    return this.match(key) !== undefined;
  }
}
