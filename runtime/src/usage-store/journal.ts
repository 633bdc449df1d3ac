/**
 * Writes usage records to the durable store off the request path: `add` only queues; a timer writes
 * the queue in one batch every FLUSH_MS (or at once past BATCH); a failed write keeps the records and
 * tries again at the next flush. The queue is bounded: past MAX_QUEUED (store away for long) the oldest
 * are dropped and counted, never slowing a reply. `close` writes what is left (clean shutdown).
 */
import type { UsageRecord, UsageStore } from "./types.ts";

const FLUSH_MS = 250;
const BATCH = 500;
const MAX_QUEUED = 50_000;

export class UsageJournal {
  private queue: UsageRecord[] = [];
  private writing: Promise<void> | undefined;
  private readonly timer: ReturnType<typeof setInterval>;
  dropped = 0;

  constructor(
    readonly store: UsageStore,
    private readonly onError: (e: unknown) => void = () => {},
  ) {
    this.timer = setInterval(() => void this.flush(), FLUSH_MS);
    this.timer.unref?.();
  }

  add(record: UsageRecord): void {
    this.queue.push(record);
    if (this.queue.length > MAX_QUEUED) this.dropped += this.queue.splice(0, this.queue.length - MAX_QUEUED).length;
    if (this.queue.length >= BATCH) void this.flush();
  }

  /** Writes everything queued now (one write at a time; resolves when the queue as of now is stored or failed). */
  async flush(): Promise<void> {
    while (this.writing) await this.writing;
    if (this.queue.length === 0) return;
    const batch = this.queue;
    this.queue = [];
    this.writing = this.store.insert(batch).then(
      () => {},
      (e) => {
        this.queue = batch.concat(this.queue); // kept for the next attempt; inserts are idempotent
        this.onError(e);
      },
    ).finally(() => {
      this.writing = undefined;
    });
    await this.writing;
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }
}
