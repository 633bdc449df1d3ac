/**
 * The all-in-one's conversation log: an embedded SQLite database (bun:sqlite, no server, no extra
 * package) at `<DATA_DIR>/conversation-log.sqlite`, which survives restarts.
 *
 * Off the request path: `append` only queues the event (BatchQueue); batches of events are written in
 * one transaction each, a few milliseconds later. A full queue drops and counts
 * (`sinhome_conversation_log_dropped_total`) instead of slowing replies. Ids are SQLite's AUTOINCREMENT
 * row ids, given at write time, so they increase and an erased or expired id is never handed out again;
 * followers are told of an event once it is committed, so SSE resume by id is exact. Reads and erasures
 * flush the queue first (an erasure cannot miss an event still waiting). `close` flushes.
 *
 * System prompts are stored once each (prompts.ts): an event keeps a reference, reads put the text back.
 *
 * On disk: the files stay within maxBytes plus a margin (disk.ts) while running: the write-ahead log has
 * a size limit and is checkpointed, pruning runs every minute and after each twentieth of the cap written,
 * and the pages it frees are given back to the file system (incremental vacuum).
 */
import { Database, type Statement } from "bun:sqlite";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import type { ChatLogEvent, LogHistoryResponse, StoredLogEvent } from "@sinhome/proto";
import { BatchQueue } from "./batch-queue.ts";
import { openPragmas, SqliteDisk } from "./disk.ts";
import { conversationLogDropped } from "./metrics.ts";
import { SystemPrompts, withPrompt } from "./prompts.ts";
import { eventTenant, eventTimeMs, parseLogId, type ConversationLog, type ConversationLogOptions, type HistoryQuery, type LogStats } from "./types.ts";

const PRUNE_EVERY_MS = 60_000;
/** A follower with an old Last-Event-ID is caught up in pages, yielding between them. */
const REPLAY_PAGE = 500;

/** How appends are batched (defaults suit the all-in-one; tests shrink them). */
export type EmbeddedQueueOptions = { maxBatch: number; maxDelayMs: number; maxQueued: number };
export const EMBEDDED_QUEUE_DEFAULTS: EmbeddedQueueOptions = { maxBatch: 512, maxDelayMs: 5, maxQueued: 20_000 };

type Row = { seq: number; body: string; prompt: string | null };
/** The columns a read needs: the event, and its system prompt's text when stored apart. */
const READ_COLUMNS = "e.seq, e.body, p.content AS prompt FROM conversation_events e LEFT JOIN conversation_prompts p ON p.id = e.prompt_id";

export class EmbeddedConversationLog implements ConversationLog {
  readonly kind = "embedded" as const;
  private readonly db: Database;
  private readonly disk: SqliteDisk;
  private readonly insert: Statement<unknown, [number, string | null, string, number, string, number | null]>;
  private readonly prompts: SystemPrompts;
  private readonly queue: BatchQueue<ChatLogEvent, string>;
  private readonly followers = new Set<(event: StoredLogEvent) => void>();
  private readonly pruneTimer: ReturnType<typeof setInterval>;
  /** Bytes written since the last prune: a twentieth of the cap written triggers one. */
  private writtenSincePrune = 0;
  private pruning: Promise<void> | undefined;

  /** `path` = a file (created with its directory) or `:memory:` (tests). */
  constructor(path: string, private readonly opts: ConversationLogOptions, queue: Partial<EmbeddedQueueOptions> = {}) {
    if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path, { create: true, strict: true });
    openPragmas(this.db, opts.maxBytes);
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
    this.prompts = new SystemPrompts(this.db);
    this.disk = new SqliteDisk(this.db, path, opts.maxBytes);
    this.insert = this.db.prepare("INSERT INTO conversation_events (ts, session_id, tenant, bytes, body, prompt_id) VALUES (?, ?, ?, ?, ?, ?)");
    this.queue = new BatchQueue<ChatLogEvent, string>({
      ...EMBEDDED_QUEUE_DEFAULTS,
      ...queue,
      write: (events) => this.writeBatch(events),
      onDrop: () => conversationLogDropped.inc(),
    });
    this.disk.pruneSync(opts.retentionHours);
    this.prompts.dropUnused();
    this.pruneTimer = setInterval(() => void this.prune(), PRUNE_EVERY_MS);
    this.pruneTimer.unref?.();
  }

  /** Queues the event; resolves with its id once written (rejects when dropped: queue full). */
  append(event: ChatLogEvent): Promise<string> {
    return this.queue.add(event);
  }

  /** Events waiting to be written. */
  get queued(): number {
    return this.queue.size;
  }

  /** One transaction for the whole batch, then the followers, in id order. */
  private writeBatch(events: ChatLogEvent[]): string[] {
    const stored: StoredLogEvent[] = [];
    let bytes = 0;
    try {
      this.db.transaction(() => {
        for (const event of events) {
          const form = this.prompts.storedForm(event);
          const body = JSON.stringify(form.body);
          const size = Buffer.byteLength(body);
          bytes += size;
          const { lastInsertRowid } = this.insert.run(eventTimeMs(event), event.session_id ?? null, eventTenant(event), size, body, form.promptId);
          stored.push({ id: String(lastInsertRowid), ...event });
        }
      })();
    } catch (e) {
      this.prompts.forget();
      throw e;
    }
    for (const event of stored) for (const follower of this.followers) follower(event);
    this.writtenSincePrune += bytes;
    if (this.writtenSincePrune > this.opts.maxBytes / 20) void this.prune();
    return stored.map((e) => e.id);
  }

  async history(q: HistoryQuery): Promise<LogHistoryResponse> {
    await this.queue.flush();
    const rows = this.db
      .query<Row, [number, string | null, string | null, string | null, string | null, number, number, number]>(
        `SELECT ${READ_COLUMNS}
         WHERE e.seq > ? AND (? IS NULL OR e.session_id = ?) AND (? IS NULL OR e.tenant = ?) AND e.ts >= ? AND e.ts <= ?
         ORDER BY e.seq LIMIT ?`,
      )
      .all(parseLogId(q.afterId) ?? 0, q.sessionId ?? null, q.sessionId ?? null, q.tenant ?? null, q.tenant ?? null, q.sinceMs ?? 0, q.untilMs ?? Number.MAX_SAFE_INTEGER, q.limit + 1);
    const page = rows.slice(0, q.limit).map(toStored);
    return { events: page, next_cursor: rows.length > q.limit ? page.at(-1)!.id : null };
  }

  async erase(sessionId: string, tenant?: string): Promise<number> {
    await this.queue.flush();
    const erased = this.db.query("DELETE FROM conversation_events WHERE session_id = ? AND (? IS NULL OR tenant = ?)").run(sessionId, tenant ?? null, tenant ?? null).changes;
    if (erased > 0) this.prompts.dropUnused();
    return erased;
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
      // Catch up from the store; events written meanwhile wait in `buffered` and are delivered after.
      for (;;) {
        const page = this.db
          .query<Row, [number, number]>(`SELECT ${READ_COLUMNS} WHERE e.seq > ? ORDER BY e.seq LIMIT ?`)
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
    await this.queue.flush();
    const row = this.db.query<{ n: number; bytes: number | null; ts: number | null }, []>(
      "SELECT COUNT(*) AS n, SUM(bytes) AS bytes, MAX(ts) AS ts FROM conversation_events",
    ).get()!;
    return { kind: this.kind, events: row.n, bytes: row.bytes ?? 0, lastEventAt: row.ts === null ? null : new Date(row.ts).toISOString() };
  }

  /** Writes what is queued, then closes the file (a clean shutdown loses nothing). */
  async close(): Promise<void> {
    clearInterval(this.pruneTimer);
    await this.queue.close();
    await this.pruning;
    this.followers.clear();
    this.disk.checkpoint();
    this.db.close();
  }

  /** Retention and the size cap (see disk.ts); one at a time, in chunks that yield to replies. */
  prune(): Promise<void> {
    this.writtenSincePrune = 0;
    this.pruning ??= this.disk
      .prune(this.opts.retentionHours)
      .then(() => this.prompts.dropUnused())
      .finally(() => (this.pruning = undefined));
    return this.pruning;
  }
}

const toStored = (row: Row): StoredLogEvent => ({ id: String(row.seq), ...withPrompt(JSON.parse(row.body) as ChatLogEvent, row.prompt) });
