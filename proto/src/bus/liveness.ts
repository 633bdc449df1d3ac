/**
 * How a caller learns that the replica holding its request died. While a handler works, the
 * service sends a progress message on the request's reply subject every PROGRESS_INTERVAL_MS;
 * the caller watches each pending request and calls it stalled when nothing (progress or reply)
 * arrived for STALL_MS. A stalled request is re-sent once to another replica when it is safe to
 * repeat, otherwise it fails at once — instead of waiting out its whole timeout for a reply that
 * can no longer come. Both buses use these two classes, so they behave the same.
 */

/** A handler that works longer than this sends a progress message, and again every interval. */
export const PROGRESS_INTERVAL_MS = 500;
/** Silence after which a pending request is declared orphaned: three progress intervals. */
export const STALL_MS = 1500;
/** Resolution of both clocks: one shared timer per bus, never a timer per request. */
const TICK_MS = 250;

/** The header that marks a reply-subject message as progress (its body is empty). */
export const PROGRESS_HEADER = "sinhome-progress";

/** Service side: requests being handled, and the sender of their progress messages. */
export type ProgressJob = { lastSent: number; send: () => void };

export class ProgressTicker {
  private readonly jobs = new Set<ProgressJob>();
  private timer: ReturnType<typeof setInterval> | undefined;

  /** Starts sending progress for a request received now (the first one after PROGRESS_INTERVAL_MS). */
  start(send: () => void): ProgressJob {
    const job = { lastSent: performance.now(), send };
    this.jobs.add(job);
    // Most requests end long before the first progress is due: the timer only runs while jobs exist.
    this.timer ??= setInterval(() => this.tick(), TICK_MS);
    return job;
  }

  stop(job: ProgressJob): void {
    this.jobs.delete(job);
    if (this.jobs.size === 0 && this.timer) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }

  private tick(): void {
    const now = performance.now();
    for (const job of this.jobs) {
      if (now - job.lastSent < PROGRESS_INTERVAL_MS) continue;
      job.lastSent = now;
      try {
        job.send();
      } catch {
        // A progress message lost (connection down) is what the caller's stall detection is for.
      }
    }
  }
}

/** Caller side: a pending request, heard from at `lastHeard`; `onStall` decides what happens next. */
export type Watched = { lastHeard: number; onStall: () => void };

export class StallWatch {
  private readonly items = new Set<Watched>();
  private timer: ReturnType<typeof setInterval> | undefined;
  private lastTick = 0;

  constructor(private readonly stallMs = STALL_MS) {}

  add(item: Watched): void {
    this.items.add(item);
    if (!this.timer) {
      this.lastTick = performance.now();
      this.timer = setInterval(() => this.tick(), TICK_MS);
    }
  }

  delete(item: Watched): void {
    this.items.delete(item);
    if (this.items.size === 0 && this.timer) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }

  private tick(): void {
    const now = performance.now();
    const late = now - this.lastTick > TICK_MS * 3;
    this.lastTick = now;
    // This process was frozen (GC, CPU starvation): messages that arrived meanwhile are still
    // unread in the socket, so silence measured now would be our own. Read first, judge next tick.
    if (late) return;
    for (const item of this.items) {
      if (now - item.lastHeard >= this.stallMs) item.onStall();
    }
  }
}
