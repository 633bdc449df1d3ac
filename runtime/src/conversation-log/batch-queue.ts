/**
 * Takes log writes off the request path: items are queued in memory and handed to `write` in
 * batches — when `maxBatch` are waiting or `maxDelayMs` after the first one, whichever comes first —
 * one batch at a time. The queue is bounded: past `maxQueued` waiting items a new one is dropped and
 * counted (`onDrop`) rather than slowing the caller down. Plain logic: no store, no timers beyond
 * its own flush timer, so it is unit tested alone.
 */

export type BatchQueueOptions<T, R> = {
  /** Writes one batch; resolves (or returns) one result per item, in order. */
  write: (items: T[]) => R[] | Promise<R[]>;
  /** Items written together at most (one transaction / one round of publishes). */
  maxBatch: number;
  /** How long the first queued item waits for others before its batch is written. */
  maxDelayMs: number;
  /** Items waiting at most; beyond, new items are dropped. */
  maxQueued: number;
  /** Called for each dropped item (a metric, a rate-limited warning). */
  onDrop?: (item: T) => void;
  /** Called when a whole batch failed to be written (its items are lost, their promises rejected). */
  onError?: (err: unknown, items: T[]) => void;
};

/** The error an `add` rejects with when its item was dropped because the queue was full. */
export class QueueFullError extends Error {
  constructor() {
    super("conversation log queue full: event dropped");
  }
}

type Pending<T, R> = { item: T; resolve: (r: R) => void; reject: (e: unknown) => void };

export class BatchQueue<T, R> {
  private queue: Pending<T, R>[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private soon: ReturnType<typeof setImmediate> | undefined;
  private writing: Promise<void> | undefined;
  private closed = false;

  constructor(private readonly opts: BatchQueueOptions<T, R>) {}

  /** Items waiting to be written (not counting a batch being written now). */
  get size(): number {
    return this.queue.length;
  }

  /** Queues one item; resolves with its write result once its batch is written. Never blocks. */
  add(item: T): Promise<R> {
    if (this.closed || this.queue.length >= this.opts.maxQueued) {
      this.opts.onDrop?.(item);
      return Promise.reject(new QueueFullError());
    }
    const { promise, resolve, reject } = Promise.withResolvers<R>();
    this.queue.push({ item, resolve, reject });
    // A full batch is written on the next turn of the event loop, never on the caller's.
    if (this.queue.length >= this.opts.maxBatch) this.soon ??= setImmediate(() => this.kick());
    else this.timer ??= setTimeout(() => this.kick(), this.opts.maxDelayMs);
    return promise;
  }

  /** Writes everything queued so far (and waits for a batch being written); resolves when done. */
  async flush(): Promise<void> {
    while (this.writing || this.queue.length > 0) {
      if (this.writing) await this.writing;
      else this.kick();
    }
  }

  /** Flushes what is queued, then refuses new items (they are dropped and counted). */
  async close(): Promise<void> {
    await this.flush();
    this.closed = true;
  }

  private kick(): void {
    clearTimeout(this.timer);
    clearImmediate(this.soon);
    this.timer = this.soon = undefined;
    if (this.writing || this.queue.length === 0) return;
    const batch = this.queue.splice(0, this.opts.maxBatch);
    this.writing = this.writeBatch(batch).finally(() => {
      this.writing = undefined;
      // More arrived meanwhile: a full batch goes at once, a partial one after the delay.
      if (this.queue.length >= this.opts.maxBatch) this.soon ??= setImmediate(() => this.kick());
      else if (this.queue.length > 0) this.timer ??= setTimeout(() => this.kick(), this.opts.maxDelayMs);
    });
  }

  private async writeBatch(batch: Pending<T, R>[]): Promise<void> {
    try {
      const results = await this.opts.write(batch.map((p) => p.item));
      batch.forEach((p, i) => p.resolve(results[i]!));
    } catch (err) {
      this.opts.onError?.(err, batch.map((p) => p.item));
      for (const p of batch) p.reject(err);
    }
  }
}
