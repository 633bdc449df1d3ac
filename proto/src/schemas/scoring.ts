/** Contracts of the scoring service: fan interest score, single and bulk. */
import { Type, type Static } from "@sinclair/typebox";
import { History } from "./common.ts";
import { Identifier } from "./text.ts";

export const Purchase = Type.Object({
  amount: Type.Number({ minimum: 0, maximum: 1_000_000 }),
  date: Type.Optional(Identifier({ maxLength: 64 })),
  type: Type.Optional(Identifier({ maxLength: 64 })),
});
export type Purchase = Static<typeof Purchase>;

export const FanScoreRequest = Type.Object({
  fan_id: Identifier({ minLength: 1, maxLength: 128 }),
  history: Type.Optional(History),
  purchases: Type.Optional(Type.Array(Purchase, { maxItems: 1000, default: [] })),
  last_activity_iso: Type.Optional(Identifier({ maxLength: 64, description: "ISO 8601" })),
  use_ai: Type.Optional(Type.Boolean({ default: false })),
});
export type FanScoreRequest = Static<typeof FanScoreRequest>;

export const Segment = Type.Union([Type.Literal("cold"), Type.Literal("warm"), Type.Literal("hot"), Type.Literal("vip")]);
export type Segment = Static<typeof Segment>;

export const FanScoreResponse = Type.Object({
  fan_id: Type.String(),
  score: Type.Number({ minimum: 0, maximum: 100 }),
  engagement_score: Type.Number(),
  purchase_score: Type.Number(),
  recency_score: Type.Number(),
  ai_score: Type.Union([Type.Number(), Type.Null()]),
  segment: Segment,
  signals: Type.Array(Type.String()),
  recommended_action: Type.String(),
  scoring_method: Type.Union([Type.Literal("regex"), Type.Literal("ai")]),
  error: Type.Union([Type.String(), Type.Null()]),
});
export type FanScoreResponse = Static<typeof FanScoreResponse>;

/**
 * Bulk: each fan is checked by the scoring service itself, so one malformed fan
 * becomes one error entry instead of failing the whole batch.
 */
export const FanScoreBulkRequest = Type.Object({
  fans: Type.Array(Type.Unknown(), { maxItems: 200 }),
});
export type FanScoreBulkRequest = Static<typeof FanScoreBulkRequest>;

export const FanScoreBulkResponse = Type.Object({
  results: Type.Array(FanScoreResponse),
  errors_count: Type.Integer(),
});
export type FanScoreBulkResponse = Static<typeof FanScoreBulkResponse>;
