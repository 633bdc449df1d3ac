/** The scoring service on the bus: fan interest scores, single and bulk. */
import { ServiceName, Subject } from "@sinhome/proto";
import { countedEndpoints, prom, ServiceCounters, zeroCounters, type MeshService, type ServiceDeps } from "@sinhome/runtime";
import { createAiScorer, type AiErrorCode, type AiScorer } from "./ai/client.ts";

const AI_OUTCOMES = ["ok", "ai_timeout", "ai_unavailable", "ai_parse_error"] as const satisfies readonly ("ok" | AiErrorCode)[];
import type { ScoringEnv } from "./env.ts";
import { createScoringHandlers } from "./handlers.ts";

export const SCORING_VERSION = "0.1.0";

export async function createScoringService(env: ScoringEnv, { bus, log }: ServiceDeps): Promise<MeshService> {
  const counters = new ServiceCounters(ServiceName.Scoring);
  zeroCounters(prom.scoringAi, AI_OUTCOMES.map((outcome) => ({ outcome }))); // "AI scoring calls/s by outcome" shows 0, not "No data"
  const scorer = createAiScorer({ bus, timeoutMs: env.SCORING_AI_TIMEOUT_MS });
  // Every AI call's outcome is counted, so a silent fallback to the regex score shows in Grafana.
  const ai: AiScorer = async (history, ctx) => {
    const outcome = await scorer(history, ctx);
    prom.scoringAi.inc({ outcome: outcome.ok ? "ok" : outcome.error });
    return outcome;
  };
  const handlers = createScoringHandlers({
    ai,
    hooks: {
      stepFailed: (step, err) => log.error({ step, err }, "scoring step failed; answered without it"),
      aiFailed: (error, requestId) => log.warn({ error, requestId }, "AI scoring failed; regex score kept"),
    },
  });
  return {
    counters,
    definition: {
      name: ServiceName.Scoring,
      version: SCORING_VERSION,
      description: "Fan interest scoring (regex signals, purchases, recency, optional AI)",
      statsData: () => counters.snapshot(),
      endpoints: countedEndpoints(counters, {
        interest_score: { subject: Subject.FanScore, handler: handlers.score },
        interest_score_bulk: { subject: Subject.FanScoreBulk, handler: handlers.bulk },
      }),
    },
    readiness: async () => [],
    close: async () => {},
  };
}
