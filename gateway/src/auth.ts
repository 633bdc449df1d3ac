/** API keys: `Authorization: Bearer <key>` or `X-API-Key: <key>`, compared in constant time. */
import { timingSafeEqual, createHash } from "node:crypto";

const digest = (s: string) => createHash("sha256").update(s).digest();

export class ApiKeys {
  private readonly digests: Buffer[];
  constructor(keys: string | undefined) {
    this.digests = (keys ?? "").split(",").map((k) => k.trim()).filter(Boolean).map(digest);
  }

  get enabled(): boolean {
    return this.digests.length > 0;
  }

  /** The presented key, if any. */
  static presented(headers: Headers): string | undefined {
    const auth = headers.get("authorization");
    if (auth?.toLowerCase().startsWith("bearer ")) return auth.slice(7).trim();
    return headers.get("x-api-key")?.trim() || undefined;
  }

  /** True when the key is one of the configured keys (hash compare: constant time, any length). */
  accepts(key: string | undefined): boolean {
    if (!key) return false;
    const d = digest(key);
    let ok = false;
    for (const k of this.digests) ok = timingSafeEqual(k, d) || ok;
    return ok;
  }

  /** A stable, non-secret identity of a key for rate limiting and logs. */
  static identity(key: string): string {
    return digest(key).toString("hex").slice(0, 16);
  }
}
