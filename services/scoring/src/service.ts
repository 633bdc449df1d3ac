/** The scoring service on the bus: fan interest scores, single and bulk. */
import { ServiceName, Subject } from "@sinhome/proto";
import { countedEndpoints, notImplemented, ServiceCounters, type MeshService, type ServiceDeps } from "@sinhome/runtime";
import type { ScoringEnv } from "./env.ts";

export const SCORING_VERSION = "0.1.0";

export async function createScoringService(_env: ScoringEnv, _deps: ServiceDeps): Promise<MeshService> {
  const counters = new ServiceCounters(ServiceName.Scoring);
  return {
    counters,
    definition: {
      name: ServiceName.Scoring,
      version: SCORING_VERSION,
      description: "Fan interest scoring (regex signals, purchases, recency, optional AI)",
      statsData: () => counters.snapshot(),
      endpoints: countedEndpoints(counters, {
        interest_score: { subject: Subject.FanScore, handler: notImplemented("fan interest scoring") },
        interest_score_bulk: { subject: Subject.FanScoreBulk, handler: notImplemented("bulk fan interest scoring") },
      }),
    },
    readiness: async () => [],
    close: async () => {},
  };
}
