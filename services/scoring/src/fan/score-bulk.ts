/**
 * Scores up to MAX_BULK_FANS fans. Each fan is checked on its own: an invalid one becomes a result
 * with `error: "invalid_fan"` (score 10, cold) and the others are scored as usual. AI calls of the
 * batch share a limiter (AI_BULK_CONCURRENCY at once) so one bulk cannot flood the LLM.
 * `errors_count` counts the fans that could not be scored (`invalid_fan`, `scoring_failed`); a fan
 * whose AI call failed still has its regex score and is not counted.
 */
import type { FanScoreBulkResponse, FanScoreResponse } from "@sinhome/proto";
import { checkFan } from "./validate.ts";
import { createLimiter } from "./limit.ts";
import { fallbackFanScore, FALLBACK_SCORE, scoreFan, type ScoreContext } from "./score-fan.ts";

export const MAX_BULK_FANS = 200;
export const AI_BULK_CONCURRENCY = 8;

const UNSCORED = new Set(["invalid_fan", "scoring_failed"]);
const isUnscored = (r: FanScoreResponse): boolean => r.score === FALLBACK_SCORE && r.error !== null && UNSCORED.has(r.error);

export async function scoreBulk(fans: readonly unknown[], ctx: ScoreContext, aiConcurrency = AI_BULK_CONCURRENCY): Promise<FanScoreBulkResponse> {
  const limit = createLimiter(aiConcurrency);
  const ai = ctx.ai;
  const shared: ScoreContext = ai ? { ...ctx, ai: (history, call) => limit(() => ai(history, call)) } : ctx;
  const results = await Promise.all(
    fans.map((value) => {
      const checked = checkFan(value);
      return checked.ok ? scoreFan(checked.fan, shared) : fallbackFanScore(checked.fanId, "invalid_fan");
    }),
  );
  return { results, errors_count: results.filter(isUnscored).length };
}
