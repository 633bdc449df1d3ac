/**
 * Runs QA cases: one LLM call per case, a few at a time, results in input order. A case whose LLM call
 * fails (an AppError: timeout, llm_unavailable...) is a failed result carrying the error code; it never
 * fails the run.
 */
import { isAppError, type QaResult, type QaRunResponse } from "@sinhome/proto";
import { runChecks } from "./checks/index.ts";
import type { QaCase } from "./cases.ts";

/** Sends one case's messages to the LLM and returns the reply text; throws AppError on failure. */
export type Completer = (qaCase: QaCase) => Promise<string>;

/** Four cases at a time: a 50-case run finishes in a reasonable time without flooding the LLM. */
export const QA_CONCURRENCY = 4;

/** `fn` over `items` with at most `limit` calls pending; results keep the order of `items`. */
export async function mapBounded<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), items.length) }, worker));
  return results;
}

const elapsedMs = (since: number) => Math.round(performance.now() - since);

/** One case: the call, then every check on the reply (or the error code when the call failed). */
export async function runCase(qaCase: QaCase, complete: Completer): Promise<QaResult> {
  const started = performance.now();
  let response: string;
  try {
    response = await complete(qaCase);
  } catch (e) {
    // Only expected failures become a failed case; anything else is a bug and must surface.
    if (!isAppError(e)) throw e;
    return { name: qaCase.name, passed: false, response: "", latency_ms: elapsedMs(started), checks: { answered: false }, error: e.code };
  }
  const latency_ms = elapsedMs(started);
  const checks = runChecks(qaCase.checks, response);
  return { name: qaCase.name, passed: Object.values(checks).every(Boolean), response, latency_ms, checks };
}

/** Totals of a run; `success_rate` is a percentage with one decimal. */
export function summarize(results: QaResult[]): QaRunResponse {
  const passed = results.filter((r) => r.passed).length;
  const total = results.length;
  const success_rate = total === 0 ? 0 : Math.round((passed / total) * 1000) / 10;
  return { total, passed, failed: total - passed, success_rate, results };
}

export async function runCases(cases: readonly QaCase[], complete: Completer, concurrency = QA_CONCURRENCY): Promise<QaRunResponse> {
  return summarize(await mapBounded(cases, concurrency, (c) => runCase(c, complete)));
}
