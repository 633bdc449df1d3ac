/**
 * One API key as the gateway holds it: a name (never the key), the SHA-256 digest of the key, what it
 * may do (scopes), whose data it sees (tenant) and until when. Plain data; no I/O.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import { Scope, type Scope as ScopeName } from "@sinhome/proto";

export type KeyEntry = {
  /** Non-secret identity of the key: its configured name, or a hash prefix for a bare key. */
  name: string;
  /** SHA-256 of the key (32 bytes). */
  digest: Buffer;
  /** What the key may call; `admin` opens every route. */
  scopes: ReadonlySet<ScopeName>;
  /** Confines the key to one tenant's data; absent = an operator key (every tenant). */
  tenant?: string;
  /** Requests per minute for this key; undefined = the gateway's default. */
  limitPerMinute?: number;
  /** Refused (401 key_expired) from this instant on (epoch ms). */
  notAfterMs?: number;
};

export const NAME_RE = /^[A-Za-z0-9._-]{1,64}$/;

export const sha256 = (s: string): Buffer => createHash("sha256").update(s).digest();

export const allows = (entry: Pick<KeyEntry, "scopes">, scope: ScopeName): boolean => entry.scopes.has(scope) || entry.scopes.has(Scope.Admin);

/**
 * The entry whose digest is the presented key's, comparing every entry in constant time (the loop
 * never stops early, so timing says nothing about which entry or how many bytes matched).
 */
export function findByKey(entries: readonly KeyEntry[], key: string): KeyEntry | undefined {
  const d = sha256(key);
  let found: KeyEntry | undefined;
  for (const e of entries) if (timingSafeEqual(e.digest, d) && !found) found = e;
  return found;
}
