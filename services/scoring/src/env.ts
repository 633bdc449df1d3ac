/** Configuration of the scoring service: parsed once at start; nothing else reads process.env. */
import { Type, type Static } from "@sinclair/typebox";
import { CommonEnv, parseEnv } from "@sinhome/runtime";

export const ScoringEnv = Type.Object({
  ...CommonEnv,
  /** Timeout of the single AI-scoring call (use_ai: true). */
  SCORING_AI_TIMEOUT_MS: Type.Integer({ minimum: 100, maximum: 120_000, default: 8_000 }),
});
export type ScoringEnv = Static<typeof ScoringEnv>;

export const parseScoringEnv = (source?: Record<string, string | undefined>): ScoringEnv => parseEnv(ScoringEnv, source);
