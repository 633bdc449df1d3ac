/**
 * The LLM calls one replica takes at a time (VLLM_MAX_IN_FLIGHT, matched to vLLM's `--max-num-seqs`:
 * past it vLLM queues them itself, where nobody sees them). Calls beyond the limit wait here, first
 * come first served, where they are counted (in flight / queued per replica, as metrics). A call
 * whose wait would not end before its deadline is refused at once instead of waiting in vain: when
 * the queue is full, when the expected wait (calls ahead ÷ limit × the replica's recent call duration)
 * is past its deadline, or when its deadline comes while it waits. The caller then tries another
 * replica, the fallback backend, or answers a fast 503 / v2 fallback. Plain logic, no I/O.
 */

export type SlotRefusal = "queue_full" | "would_miss_deadline" | "deadline_while_queued" | "aborted";

export class SlotUnavailable extends Error {
  constructor(readonly reason: SlotRefusal) {
    super(`no free LLM slot: ${reason.replaceAll("_", " ")}`);
    this.name = "SlotUnavailable";
  }
}

type Waiter = { resolve: () => void; reject: (e: SlotUnavailable) => void; timer: ReturnType<typeof setTimeout> };

/** Weight of the newest call in the moving average of call durations. */
const EWMA_WEIGHT = 0.2;

export class InFlightSlots {
  private running = 0;
  private readonly waiters: Waiter[] = [];
  /** Moving average of recent call durations (ms); unknown until the first call ends. */
  private avgMs: number | undefined;

  constructor(
    /** Calls in flight at most; 0 = no limit. */
    readonly limit: number,
    /** Calls waiting at most (beyond: refused at once). */
    readonly maxQueued: number,
    private readonly now: () => number = Date.now,
    /** Told whenever in flight / queued change (the metrics). */
    private readonly onChange: (inFlight: number, queued: number) => void = () => {},
  ) {}

  get inFlight(): number {
    return this.running;
  }

  get queued(): number {
    return this.waiters.length;
  }

  /** How long a call queued now would expect to wait (ms), from the recent call durations. */
  expectedWaitMs(): number {
    if (this.limit === 0 || this.running < this.limit) return 0;
    return Math.ceil((this.waiters.length + 1) / this.limit) * (this.avgMs ?? 0);
  }

  /**
   * A slot for one call that must start by `startBy` (epoch ms); resolves with its release function.
   * Rejects with SlotUnavailable when the call could not start in time.
   */
  async acquire(startBy: number, signal?: AbortSignal): Promise<() => void> {
    if (this.limit === 0 || (this.running < this.limit && this.waiters.length === 0)) return this.take();
    if (this.waiters.length >= this.maxQueued) throw new SlotUnavailable("queue_full");
    if (this.now() + this.expectedWaitMs() > startBy) throw new SlotUnavailable("would_miss_deadline");
    if (signal?.aborted) throw new SlotUnavailable("aborted");
    await new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        resolve,
        reject,
        timer: setTimeout(() => this.drop(waiter, "deadline_while_queued"), Math.max(0, startBy - this.now())),
      };
      signal?.addEventListener("abort", () => this.drop(waiter, "aborted"), { once: true });
      this.waiters.push(waiter);
      this.onChange(this.running, this.waiters.length);
    });
    // The slot was handed over by the call that ended (still counted as running): no gap for another to take it.
    return this.releaser();
  }

  private take(): () => void {
    this.running++;
    this.onChange(this.running, this.waiters.length);
    return this.releaser();
  }

  private releaser(): () => void {
    const started = this.now();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const took = this.now() - started;
      this.avgMs = this.avgMs === undefined ? took : this.avgMs + EWMA_WEIGHT * (took - this.avgMs);
      const next = this.waiters.shift();
      if (next) {
        clearTimeout(next.timer);
        next.resolve(); // the slot passes to the first waiter as it is
      } else this.running--;
      this.onChange(this.running, this.waiters.length);
    };
  }

  private drop(waiter: Waiter, reason: SlotRefusal): void {
    const i = this.waiters.indexOf(waiter);
    if (i < 0) return;
    this.waiters.splice(i, 1);
    clearTimeout(waiter.timer);
    waiter.reject(new SlotUnavailable(reason));
    this.onChange(this.running, this.waiters.length);
  }
}
