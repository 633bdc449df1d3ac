/**
 * One request waiting for its reply, the same on both buses: it settles once (reply, service
 * error, timeout or stall), and when the replica holding it falls silent it is re-sent once —
 * only if the caller said it is safe to repeat — with the same reply address and deadline, so
 * whichever replica answers first wins and a late answer is simply ignored.
 */
import { AppError } from "../errors.ts";
import type { StallWatch } from "./liveness.ts";

export type PendingOptions = {
  subject: string;
  timeoutMs: number;
  /** Safe to repeat: re-send once on stall. Otherwise a stall fails the request at once. */
  resend: boolean;
  onResend?: () => void;
  watch: StallWatch;
  /** Sends the request once more; false when it cannot be sent (bus down, nobody left to take it). */
  resendNow: () => boolean;
  /** Frees what the bus keeps for this request (reply routing). Called exactly once. */
  release: () => void;
};

export class PendingRequest<T> {
  lastHeard = performance.now();
  readonly promise: Promise<T>;
  private resolveFn!: (value: T) => void;
  private rejectFn!: (error: unknown) => void;
  private resent = false;
  private settled = false;
  private readonly timer: ReturnType<typeof setTimeout>;

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

  /** A progress message arrived: the replica holding the request is alive. */
  heard(): void {
    this.lastHeard = performance.now();
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

  onStall(): void {
    if (this.settled) return;
    if (this.opts.resend && !this.resent) {
      this.resent = true;
      this.lastHeard = performance.now();
      if (this.opts.resendNow()) {
        this.opts.onResend?.();
        return;
      }
    }
    this.reject(new AppError("service_unavailable", `the instance handling ${this.opts.subject} stopped answering`));
  }

  private finish(): boolean {
    if (this.settled) return false;
    this.settled = true;
    clearTimeout(this.timer);
    this.opts.watch.delete(this);
    this.opts.release();
    return true;
  }
}
