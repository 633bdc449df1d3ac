/** The scoring service on the bus: fan interest scores, single and bulk. */
import { ServiceName, Subject } from "@sinhome/proto";
import { countedEndpoints, ServiceCounters, type MeshService, type ServiceDeps } from "@sinhome/runtime";
import { createAiScorer } from "./ai/client.ts";
import type { ScoringEnv } from "./env.ts";
import { createScoringHandlers } from "./handlers.ts";

export const SCORING_VERSION = "0.1.0";

export async function createScoringService(env: ScoringEnv, { bus, log }: ServiceDeps): Promise<MeshService> {
  const counters = new ServiceCounters(ServiceName.Scoring);
  const handlers = createScoringHandlers({
    ai: createAiScorer({ bus, timeoutMs: env.SCORING_AI_TIMEOUT_MS }),
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
