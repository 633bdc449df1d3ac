/**
 * Time rules of one LLM request, shared by the primary backend, its retries and the fallback.
 * The caller gives an absolute deadline (the CRM request's); these functions decide how much of it
 * each attempt may use so the fallback is never starved by a primary that retried too long.
 */

/**
 * Until when the primary backend (retries included) may run when a fallback is waiting behind it:
 * `(deadline − now) − min(reserveMs, (deadline − now) / 2)`. The cap at half means a short deadline
 * is split fairly instead of giving the primary nothing; without a fallback the primary gets it all.
 */
export function primaryEnd(now: number, deadline: number, reserveMs: number, fallbackWaiting: boolean): number {
  const left = Math.max(0, deadline - now);
  return fallbackWaiting ? now + left - Math.min(reserveMs, left / 2) : deadline;
}

/** Timeout of the next attempt: the per-call timeout, cut to what is left before `end`. */
export const attemptTimeout = (now: number, end: number, timeoutMs: number): number => Math.min(timeoutMs, end - now);

/**
 * Shortest time left worth a *retry* (waiting, then re-sending): an LLM reply rarely arrives faster,
 * so retrying with less only delays the fallback. A quarter of the call timeout, at most 1 s.
 */
export const minUsefulAttempt = (timeoutMs: number): number => Math.min(1000, timeoutMs / 4);

/**
 * Shortest time left for a backend's *first* attempt. Deliberately tiny: the fallback's reserve is
 * the share it was promised, however small, and a first try costs no waiting.
 */
export const MIN_FIRST_ATTEMPT_MS = 50;

/**
 * Wait before retry number `retry` (0-based): exponential from `baseMs` with ±50 % jitter so many
 * instances retrying together do not hit the backend in step; a backend's Retry-After wins when longer.
 */
export function backoffDelay(retry: number, baseMs: number, random: () => number, retryAfterMs?: number): number {
  const exponential = baseMs * 2 ** retry;
  const jittered = exponential * (0.5 + random());
  return Math.max(jittered, retryAfterMs ?? 0);
}
