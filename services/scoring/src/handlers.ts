/**
 * The two bus handlers: check the request, score, answer plain data. The gateway has already
 * validated a single fan and bounded a bulk to 200 fans; both are checked again here because the bus
 * can be reached without the gateway, and a contract violation must stay a 422, never a 500.
 */
import { AppError, type BusRequest, type FanScoreBulkResponse, type FanScoreResponse } from "@sinhome/proto";
import type { AiScorer } from "./ai/client.ts";
import { MAX_BULK_FANS, scoreBulk } from "./fan/score-bulk.ts";
import { scoreFan, type ScoreContext, type ScoringHooks } from "./fan/score-fan.ts";
import { checkFan } from "./fan/validate.ts";

export type ScoringHandlerDeps = {
  ai?: AiScorer;
  hooks?: ScoringHooks;
  now?: () => number;
  aiConcurrency?: number;
};

export function createScoringHandlers(deps: ScoringHandlerDeps) {
  const now = deps.now ?? Date.now;
  const context = (req: BusRequest): ScoreContext => ({
    now: now(),
    requestId: req.requestId,
    deadline: req.deadline,
    ai: deps.ai,
    hooks: deps.hooks,
  });

  return {
    async score(req: BusRequest): Promise<FanScoreResponse> {
      const checked = checkFan(req.body);
      if (!checked.ok) throw new AppError("validation_failed", "the fan does not match FanScoreRequest", checked.details);
      return scoreFan(checked.fan, context(req));
    },

    async bulk(req: BusRequest): Promise<FanScoreBulkResponse> {
      const fans = (req.body as { fans?: unknown } | null | undefined)?.fans;
      if (!Array.isArray(fans)) {
        throw new AppError("validation_failed", "the body must be {fans: [...]}", [{ field: "/fans", reason: "expected an array of fans" }]);
      }
      if (fans.length > MAX_BULK_FANS) {
        throw new AppError("validation_failed", `at most ${MAX_BULK_FANS} fans per request`, [
          { field: "/fans", reason: `${fans.length} fans sent, at most ${MAX_BULK_FANS} allowed` },
        ]);
      }
      return scoreBulk(fans, context(req), deps.aiConcurrency);
    },
  };
}
