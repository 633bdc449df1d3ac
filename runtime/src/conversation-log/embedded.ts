/**
 * The all-in-one's conversation log: an embedded SQLite database (bun:sqlite, no server, no extra
 * package) at `<DATA_DIR>/conversation-log.sqlite`, which survives restarts. Ids are SQLite's
 * AUTOINCREMENT row ids, so an erased or expired id is never handed out again (SSE clients resume by
 * id). Retention and the byte cap are applied at open, then every minute.
 */
import { Database } from "bun:sqlite";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import type { ChatLogEvent, LogHistoryResponse, StoredLogEvent } from "@sinhome/proto";
import { eventTenant, eventTimeMs, parseLogId, type ConversationLog, type ConversationLogOptions, type HistoryQuery, type LogStats } from "./types.ts";

const PRUNE_EVERY_MS = 60_000;
/** A follower with an old Last-Event-ID is caught up in pages, yielding between them. */
const REPLAY_PAGE = 500;

type Row = { seq: number; body: string };

export class EmbeddedConversationLog implements ConversationLog {
  readonly kind = "embedded" as const;
  private readonly db: Database;
  private readonly followers = new Set<(event: StoredLogEvent) => void>();
  private readonly pruneTimer: ReturnType<typeof setInterval>;

  /** `path` = a file (created with its directory) or `:memory:` (tests). */
  constructor(path: string, private readonly opts: ConversationLogOptions) {
    if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path, { create: true, strict: true });
    this.db.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;");
    this.db.exec(`CREATE TABLE IF NOT EXISTS conversation_events (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      ts INTEGER NOT NULL,
      session_id TEXT,
      bytes INTEGER NOT NULL,
      body TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS conversation_events_session ON conversation_events (session_id, seq);
    CREATE INDEX IF NOT EXISTS conversation_events_ts ON conversation_events (ts);`);
    // Tenants came later: a file from before gets the column, its events the default tenant "".
    const columns = this.db.query<{ name: string }, []>("PRAGMA table_info(conversation_events)").all();
    if (!columns.some((c) => c.name === "tenant")) this.db.exec("ALTER TABLE conversation_events ADD COLUMN tenant TEXT NOT NULL DEFAULT ''");
    this.prune();
    this.pruneTimer = setInterval(() => this.prune(), PRUNE_EVERY_MS);
    this.pruneTimer.unref?.();
  }

  async append(event: ChatLogEvent): Promise<string> {
    const body = JSON.stringify(event);
    const row = this.db
      .query<{ seq: number }, [number, string | null, string, number, string]>("INSERT INTO conversation_events (ts, session_id, tenant, bytes, body) VALUES (?, ?, ?, ?, ?) RETURNING seq")
      .get(eventTimeMs(event), event.session_id ?? null, eventTenant(event), Buffer.byteLength(body), body)!;
    const stored = { id: String(row.seq), ...event };
    for (const follower of this.followers) follower(stored);
    return stored.id;
  }

  async history(q: HistoryQuery): Promise<LogHistoryResponse> {
    const rows = this.db
      .query<Row, [number, string | null, string | null, string | null, string | null, number, number, number]>(
        `SELECT seq, body FROM conversation_events
         WHERE seq > ? AND (? IS NULL OR session_id = ?) AND (? IS NULL OR tenant = ?) AND ts >= ? AND ts <= ?
         ORDER BY seq LIMIT ?`,
      )
      .all(parseLogId(q.afterId) ?? 0, q.sessionId ?? null, q.sessionId ?? null, q.tenant ?? null, q.tenant ?? null, q.sinceMs ?? 0, q.untilMs ?? Number.MAX_SAFE_INTEGER, q.limit + 1);
    const page = rows.slice(0, q.limit).map(toStored);
    return { events: page, next_cursor: rows.length > q.limit ? page.at(-1)!.id : null };
  }

  async erase(sessionId: string, tenant?: string): Promise<number> {
    return this.db.query("DELETE FROM conversation_events WHERE session_id = ? AND (? IS NULL OR tenant = ?)").run(sessionId, tenant ?? null, tenant ?? null).changes;
  }

  async follow(afterId: string | undefined, onEvent: (event: StoredLogEvent) => void): Promise<() => void> {
    let last = parseLogId(afterId);
    let live = false;
    const buffered: StoredLogEvent[] = [];
    const deliver = (event: StoredLogEvent) => {
      const seq = Number(event.id);
      if (last !== undefined && seq <= last) return;
      last = seq;
      onEvent(event);
    };
    const listener = (event: StoredLogEvent) => (live ? deliver(event) : buffered.push(event));
    this.followers.add(listener);
    if (last !== undefined) {
      // Catch up from the store; events stored meanwhile wait in `buffered` and are delivered after.
      for (;;) {
        const page = this.db
          .query<Row, [number, number]>("SELECT seq, body FROM conversation_events WHERE seq > ? ORDER BY seq LIMIT ?")
          .all(last ?? 0, REPLAY_PAGE);
        for (const row of page) deliver(toStored(row));
        if (page.length < REPLAY_PAGE) break;
        await Bun.sleep(0);
      }
    }
    for (const event of buffered) deliver(event);
    live = true;
    return () => void this.followers.delete(listener);
  }

  async stats(): Promise<LogStats> {
    const row = this.db.query<{ n: number; bytes: number | null; ts: number | null }, []>(
      "SELECT COUNT(*) AS n, SUM(bytes) AS bytes, MAX(ts) AS ts FROM conversation_events",
    ).get()!;
    return { kind: this.kind, events: row.n, bytes: row.bytes ?? 0, lastEventAt: row.ts === null ? null : new Date(row.ts).toISOString() };
  }

  async close(): Promise<void> {
    clearInterval(this.pruneTimer);
    this.followers.clear();
    this.db.close();
  }

  /** Drops what is older than the retention, then the oldest events while over the byte cap. */
  prune(now = Date.now()): void {
    this.db.query("DELETE FROM conversation_events WHERE ts < ?").run(now - this.opts.retentionHours * 3_600_000);
    const total = this.db.query<{ bytes: number | null }, []>("SELECT SUM(bytes) AS bytes FROM conversation_events").get()?.bytes ?? 0;
    if (total <= this.opts.maxBytes) return;
    // The newest events whose running total fits stay; everything older goes.
    this.db.query(
      `DELETE FROM conversation_events WHERE seq <= (
         SELECT seq FROM (SELECT seq, SUM(bytes) OVER (ORDER BY seq DESC) AS kept FROM conversation_events)
         WHERE kept > ? ORDER BY seq DESC LIMIT 1)`,
    ).run(this.opts.maxBytes);
  }
}

const toStored = (row: Row): StoredLogEvent => ({ id: String(row.seq), ...(JSON.parse(row.body) as ChatLogEvent) });
