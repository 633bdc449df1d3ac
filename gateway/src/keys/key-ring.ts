/**
 * The API keys the gateway accepts right now, from `GATEWAY_API_KEYS` (fixed) or `GATEWAY_KEYS_FILE`
 * (re-read while running). A Kubernetes Secret update swaps a symlink under the mount, which fs.watch
 * does not reliably report: the file is read every `pollMs` and re-parsed when its content hash
 * changes. A valid file replaces the whole set in one assignment (a request sees the old set or the
 * new one, never a mix); a broken one keeps the previous set, says why (never a key) and marks the
 * gateway degraded until a good file arrives. Every reload is counted and audited.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { audit, AuditAction, prom, type Logger } from "@sinhome/runtime";
import { findByKey, type KeyEntry } from "./entry.ts";
import { parseKeysFile } from "./file.ts";

export type KeysSource = { kind: "file"; path: string; pollMs: number } | { kind: "env"; entries: KeyEntry[] } | { kind: "none" };

export type KeysStatus = {
  source: "file" | "env" | "none";
  path?: string;
  keys: number;
  loaded_at: string | null;
  /** Set while the last read of the file was rejected (the previous keys are still in use). */
  error?: string;
};

const hashOf = (text: string) => createHash("sha256").update(text).digest("hex");

export class KeyRing {
  private entries: readonly KeyEntry[] = [];
  private contentHash = "";
  private loadedAt: string | null = null;
  private error: string | undefined;
  private timer: ReturnType<typeof setInterval> | undefined;
  private polling = false;

  /** Loads the keys; a keys file that cannot be read or validated at start throws (no previous set to keep). */
  constructor(private readonly source: KeysSource, private readonly log?: Logger) {
    if (source.kind === "env") this.swap(source.entries);
    if (source.kind === "file") {
      const text = readFileSync(source.path, "utf8");
      const parsed = parseKeysFile(text);
      if (parsed.problems.length) throw new Error(`GATEWAY_KEYS_FILE ${source.path}: ${parsed.problems.join("; ")}`);
      for (const w of parsed.warnings) log?.warn(w);
      this.contentHash = hashOf(text);
      this.swap(parsed.entries);
    }
  }

  /** False when the gateway is open (no keys configured). */
  get enabled(): boolean {
    return this.source.kind !== "none";
  }

  get hasOwnLimits(): boolean {
    return this.entries.some((e) => e.limitPerMinute !== undefined && e.limitPerMinute > 0);
  }

  match(key: string | undefined): KeyEntry | undefined {
    return key ? findByKey(this.entries, key) : undefined;
  }

  status(): KeysStatus {
    return {
      source: this.source.kind,
      ...(this.source.kind === "file" ? { path: this.source.path } : {}),
      keys: this.entries.length,
      loaded_at: this.loadedAt,
      ...(this.error ? { error: this.error } : {}),
    };
  }

  /** One line for banners and start logs: how many keys, from where. */
  describe(): string {
    if (this.source.kind === "none") return "OPEN — set GATEWAY_KEYS_FILE or GATEWAY_API_KEYS before exposing this port";
    const from = this.source.kind === "file" ? `GATEWAY_KEYS_FILE ${this.source.path} (re-read every ${this.source.pollMs / 1000} s)` : "GATEWAY_API_KEYS (every scope, no tenant)";
    return `${this.entries.length} API key${this.entries.length === 1 ? "" : "s"} from ${from}`;
  }

  /** Starts re-reading the keys file (no-op for other sources). */
  start(): this {
    if (this.source.kind !== "file" || this.timer) return this;
    this.timer = setInterval(() => void this.poll(), this.source.pollMs);
    this.timer.unref?.();
    return this;
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Reads the file once; swaps the set in when its content changed and is valid. */
  async poll(): Promise<void> {
    if (this.source.kind !== "file" || this.polling) return;
    this.polling = true;
    try {
      let text: string;
      try {
        text = await readFile(this.source.path, "utf8");
      } catch (e) {
        // Mid-swap a Secret's symlink may point nowhere for an instant: reject this read, keep the keys.
        const code = (e as { code?: string }).code ?? "unreadable";
        return this.reject(`cannot read the file (${code})`, `unreadable:${code}`);
      }
      const hash = hashOf(text);
      if (hash === this.contentHash) return;
      const parsed = parseKeysFile(text);
      if (parsed.problems.length) return this.reject(parsed.problems.join("; "), hash);
      this.contentHash = hash;
      this.error = undefined;
      this.swap(parsed.entries);
      for (const w of parsed.warnings) this.log?.warn(w);
      prom.gatewayKeysReloads.inc({ outcome: "ok" });
      this.log?.info({ keys: parsed.entries.length, path: this.source.path }, "API keys reloaded");
      if (this.log) audit(this.log, { action: AuditAction.KeysReload, keyName: "system", tenant: null, target: this.source.path, outcome: "ok" });
    } finally {
      this.polling = false;
    }
  }

  /** A rejected read: counted, logged and audited once per distinct content, the previous keys kept. */
  private reject(reason: string, contentHash: string): void {
    if (contentHash === this.contentHash) return;
    this.contentHash = contentHash;
    this.error = `keys file rejected, previous keys kept: ${reason}`;
    prom.gatewayKeysReloads.inc({ outcome: "rejected" });
    if (this.source.kind !== "file" || !this.log) return;
    this.log.warn({ path: this.source.path, reason }, "API keys file rejected; the previous keys stay in use");
    audit(this.log, { action: AuditAction.KeysReload, keyName: "system", tenant: null, target: this.source.path, outcome: "rejected" });
  }

  private swap(entries: KeyEntry[]): void {
    this.entries = entries;
    this.loadedAt = new Date().toISOString();
    prom.gatewayKeysLoaded.set(entries.length);
  }
}
