/**
 * One request waiting for its reply, the same on both buses: it settles once (reply, service
 * error, timeout or stall). It is judged by the heartbeat of the instance holding it (once known)
 * and, when that instance falls silent, re-sent — only if the caller said it is safe to repeat, at
 * most MAX_RESENDS times, never to an instance that went quiet — with the same reply address and
 * deadline, so whichever replica answers first wins and a late answer is simply ignored.
 */
import { AppError } from "../errors.ts";
import type { InstanceTable } from "./instances.ts";
import { MAX_RESENDS, STALL_MS, type StallWatch } from "./liveness.ts";

/**
 * NATS answered "no responders" although an instance of the subject was heard lately: during a NATS node's
 * failover the services' subscriptions take a moment to reach the node the caller is on. The request reached
 * no one, so it is sent again (whatever `resend` says) every RETRY_MS for up to GRACE_MS; with no instance
 * heard lately, "no responders" fails at once.
 */
export const NO_RESPONDERS_GRACE_MS = 800;
const NO_RESPONDERS_RETRY_MS = 100;

export type PendingOptions = {
  subject: string;
  timeoutMs: number;
  /** Safe to repeat: re-send on stall. Otherwise a stall fails the request at once. */
  resend: boolean;
  onResend?: () => void;
  watch: StallWatch;
  instances: InstanceTable;
  /**
   * Sends the request: to that instance's own subject, or to the queue group when `instance` is
   * undefined. False when it cannot be sent (bus down, nobody left to take it).
   */
  sendTo: (instance: string | undefined) => boolean;
  /** Frees what the bus keeps for this request (reply routing). Called exactly once. */
  release: () => void;
};

export class PendingRequest<T> {
  /** Last sign of life of this request (sent, accepted), before its instance's heartbeats count. */
  lastHeard = performance.now();
  /** The instance holding the request, once known (sent to it directly, or its accept message). */
  instance: string | undefined;
  /** That instance's connection epoch when it took the request: a change means messages may be lost. */
  private epoch: number | undefined;
  readonly promise: Promise<T>;
  private resolveFn!: (value: T) => void;
  private rejectFn!: (error: unknown) => void;
  private resends = 0;
  private settled = false;
  private readonly excluded = new Set<string>();
  private readonly timer: ReturnType<typeof setTimeout>;
  private readonly firstSent = performance.now();
  private retry: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly opts: PendingOptions) {
    this.promise = new Promise<T>((resolve, reject) => {
      this.resolveFn = resolve;
      this.rejectFn = reject;
    });
    this.timer = setTimeout(
      () => this.reject(new AppError("timeout", `${opts.subject} did not answer in ${opts.timeoutMs} ms`)),
      opts.timeoutMs,
    );
    opts.watch.add(this);
  }

  get subject(): string {
    return this.opts.subject;
  }

  /** Sends the request (first time or again), routed around the instances that went quiet. */
  send(): boolean {
    const target = this.opts.instances.choose(this.opts.subject, this.excluded);
    this.instance = target;
    this.epoch = target === undefined ? undefined : this.opts.instances.epochOf(target);
    this.lastHeard = performance.now();
    return this.opts.sendTo(target);
  }

  /** The accept message arrived: `instance` holds the request and is alive. */
  accepted(instance: string): void {
    this.instance = instance || this.instance;
    this.epoch = this.instance === undefined ? undefined : this.opts.instances.epochOf(this.instance);
    this.lastHeard = performance.now();
  }

  stalled(now: number): boolean {
    if (this.instance && this.epoch !== undefined && this.opts.instances.epochOf(this.instance) !== this.epoch) {
      this.epoch = undefined;
      return true; // the holder reconnected meanwhile: its reply may be lost
    }
    const beat = this.instance ? this.opts.instances.lastBeat(this.instance) : undefined;
    return now - Math.max(beat ?? 0, this.lastHeard) >= STALL_MS;
  }

  /** Safe to send again (the caller said so)? */
  get resendable(): boolean {
    return this.opts.resend;
  }

  isSettled(): boolean {
    return this.settled;
  }

  resolve(value: T): void {
    if (this.finish()) this.resolveFn(value);
  }

  reject(error: unknown): void {
    if (this.finish()) this.rejectFn(error);
  }

  /** The instance holding it is silent (or unreachable): re-send elsewhere when allowed, else fail now. */
  onStall(): void {
    if (this.settled) return;
    // Rule out the holder, and — while the holder is unknown — every instance that has gone quiet.
    if (this.instance) this.excluded.add(this.instance);
    for (const id of this.opts.instances.quiet(this.opts.subject)) this.excluded.add(id);
    if (this.opts.resend && this.resends < MAX_RESENDS) {
      this.resends++;
      if (this.send()) {
        this.opts.onResend?.();
        return;
      }
    }
    this.reject(new AppError("service_unavailable", `the instance handling ${this.opts.subject} stopped answering`));
  }

  /** NATS said nobody subscribes to the subject: try again shortly while an instance was heard lately, else fail. */
  onNoResponders(): void {
    if (this.settled || this.retry !== undefined) return;
    const waited = performance.now() - this.firstSent;
    if (waited + NO_RESPONDERS_RETRY_MS <= NO_RESPONDERS_GRACE_MS && this.opts.instances.hasLive(this.opts.subject)) {
      this.retry = setTimeout(() => {
        this.retry = undefined;
        if (!this.settled && !this.send()) this.reject(new AppError("service_unavailable", `no service is answering ${this.opts.subject}`));
      }, NO_RESPONDERS_RETRY_MS);
      return;
    }
    this.reject(new AppError("service_unavailable", `no service is answering ${this.opts.subject}`));
  }

  private finish(): boolean {
    if (this.settled) return false;
    this.settled = true;
    clearTimeout(this.timer);
    clearTimeout(this.retry);
    this.opts.watch.delete(this);
    this.opts.release();
    return true;
  }
}
