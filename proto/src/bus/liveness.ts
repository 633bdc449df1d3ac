/**
 * How a caller learns that the replica holding its request died or froze, at a cost that does not
 * grow with the reply's duration. Each service instance publishes one heartbeat every HEARTBEAT_MS
 * (`instances.ts`), whatever its load; a request that works longer than ACCEPT_AFTER_MS sends ONE
 * message on its reply subject naming the instance that holds it (never more). The caller judges a
 * request by its instance's heartbeat — or, while it does not know the instance yet, by the silence
 * since it sent it — and calls it stalled after STALL_MS. A stalled request is re-sent (up to
 * MAX_RESENDS times, away from every instance that went quiet) when it is safe to repeat, otherwise
 * it fails at once — instead of waiting out its whole timeout for a reply that can no longer come.
 * Both buses use these classes, so they behave the same.
 */

/** A handler still working after this long tells its caller which instance holds the request (once). */
export const ACCEPT_AFTER_MS = 500;
/** Kept for callers and tests written against the former per-request progress interval. */
export const PROGRESS_INTERVAL_MS = ACCEPT_AFTER_MS;
/** Every service instance announces itself this often (one message per instance, not per request). */
export const HEARTBEAT_MS = 500;
/** Silence after which a request (or the instance holding it) is declared stalled: three heartbeats. */
export const STALL_MS = 1500;
/** How many times one request may be re-sent after stalls, inside its deadline. */
export const MAX_RESENDS = 3;
/** Resolution of both clocks: one shared timer per bus, never a timer per request. */
const TICK_MS = 250;

/** The header that marks a reply-subject message as the accept message; its value is the instance id. */
export const PROGRESS_HEADER = "sinhome-progress";

/** Service side: a request being handled, and the sender of its (single) accept message. */
export type ProgressJob = { startedAt: number; send: () => void };

/** Sends each job's accept message once it has run ACCEPT_AFTER_MS; quick requests send nothing. */
export class ProgressTicker {
  private readonly jobs = new Set<ProgressJob>();
  private timer: ReturnType<typeof setInterval> | undefined;

  start(send: () => void): ProgressJob {
    const job = { startedAt: performance.now(), send };
    this.jobs.add(job);
    // Most requests end long before their accept is due: the timer only runs while jobs wait for it.
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
      if (now - job.startedAt < ACCEPT_AFTER_MS) continue;
      this.stop(job);
      try {
        job.send();
      } catch {
        // A lost accept (connection down) is what the caller's stall detection is for.
      }
    }
  }
}

/** Caller side: a pending request; `stalled` judges it, `onStall` decides what happens next. */
export type Watched = { stalled: (now: number) => boolean; onStall: () => void };

export class StallWatch {
  private readonly items = new Set<Watched>();
  private timer: ReturnType<typeof setInterval> | undefined;
  private lastTick = 0;
  private paused = false;

  /** Stops judging (our own connection is down); `resume` starts again. */
  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
  }

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
    // This process was frozen (GC, CPU starvation): heartbeats that arrived meanwhile are still
    // unread in the socket, so silence measured now would be our own. Read first, judge next tick.
    if (late || this.paused) return;
    for (const item of this.items) {
      if (item.stalled(now)) item.onStall();
    }
  }
}

/** Bus-internal subjects: heartbeats (`<prefix>.<instance id>`) and each instance's own request subjects. */
export const LivenessSubject = {
  Heartbeat: "sinhome.liveness",
  Direct: "sinhome.direct",
} as const;
export type LivenessSubject = (typeof LivenessSubject)[keyof typeof LivenessSubject];

/** The subject on which one instance alone receives requests for `subject`. */
export const directSubject = (instance: string, subject: string): string => `${LivenessSubject.Direct}.${instance}.${subject}`;
