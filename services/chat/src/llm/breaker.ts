/**
 * A small circuit breaker per backend, so a dead vLLM costs one fast skip instead of a timeout per
 * request: closed → open after `threshold` consecutive failures → half-open once `cooldownMs` has
 * passed, letting exactly one probe through; the probe's success closes it, its failure re-opens it.
 * Pure (the clock is injected); the only side effect is the `sinhome_llm_circuit_open` gauge.
 */
import { prom } from "@sinhome/runtime";

export type BreakerState = "closed" | "open" | "half_open";
export type BreakerOptions = { threshold: number; cooldownMs: number; now?: () => number };

export class CircuitBreaker {
  private current: BreakerState = "closed";
  private failures = 0;
  private openedAt = 0;
  private probeInFlight = false;
  private readonly now: () => number;

  constructor(
    readonly backend: string,
    private readonly opts: BreakerOptions,
  ) {
    this.now = opts.now ?? Date.now;
    prom.circuitOpen.set({ backend }, 0);
  }

  get state(): BreakerState {
    return this.current;
  }

  /** Would `tryAcquire` let a call through now? (No side effect: used to decide whether to keep a reserve.) */
  get available(): boolean {
    if (this.current === "closed") return true;
    if (this.current === "half_open") return !this.probeInFlight;
    return this.now() - this.openedAt >= this.opts.cooldownMs;
  }

  /** Asks to send one call. In half-open, the first caller becomes the probe and the others are refused. */
  tryAcquire(): boolean {
    if (this.current === "open" && this.now() - this.openedAt >= this.opts.cooldownMs) {
      this.current = "half_open";
      this.probeInFlight = false;
    }
    if (this.current === "closed") return true;
    if (this.current === "half_open" && !this.probeInFlight) {
      this.probeInFlight = true;
      return true;
    }
    return false;
  }

  /** The backend answered: it works, whatever state we thought it was in. */
  success(): void {
    this.failures = 0;
    this.probeInFlight = false;
    this.set("closed");
  }

  /** The backend failed (timeout, connection, 429, 5xx, malformed answer). */
  failure(): void {
    this.failures++;
    if (this.current === "half_open" || (this.current === "closed" && this.failures >= this.opts.threshold)) {
      this.openedAt = this.now();
      this.probeInFlight = false;
      this.set("open");
    }
  }

  /** Opens at once, whatever the count (a replica whose connection is refused: its keys move now). */
  trip(): void {
    this.failures = Math.max(this.failures, this.opts.threshold);
    this.openedAt = this.now();
    this.probeInFlight = false;
    this.set("open");
  }

  /** Neither verdict (a 4xx is our request's fault, an abort is the caller's): frees a half-open probe slot. */
  release(): void {
    this.probeInFlight = false;
  }

  private set(state: BreakerState): void {
    if (state === this.current) return;
    this.current = state;
    prom.circuitOpen.set({ backend: this.backend }, state === "closed" ? 0 : 1);
  }
}
