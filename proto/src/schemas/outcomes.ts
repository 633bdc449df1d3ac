/**
 * Contracts of the outcomes service (the loop back from the CRM): what happened to each reply
 * (`POST /feedback`, `/feedback/batch`), the A/B report (`GET /experiments/report`), the fine-tuning
 * export (`GET /datasets/export`, NDJSON pages over the bus) and the hand-off signal every chat reply carries.
 */
import { Type, type Static } from "@sinclair/typebox";
import { FreeText, Identifier } from "./text.ts";

/** Why a person should take the conversation over. */
export const HandoffReason = Type.Union([
  Type.Literal("minors_guard"),
  Type.Literal("meeting_request"),
  Type.Literal("ai_question"),
  Type.Literal("human_requested"),
  Type.Literal("distress"),
  Type.Literal("fallback"),
  Type.Literal("repeated_refusal"),
]);
export type HandoffReason = Static<typeof HandoffReason>;

/** On every chat reply: when the CRM should let a person take over (never delays or fails the reply). */
export const Handoff = Type.Object({
  recommended: Type.Boolean({ description: "true when at least one reason is present" }),
  reasons: Type.Array(HandoffReason, { description: "what the pipeline saw; empty on an ordinary message" }),
}, { description: "hand-off signal: when a person should take the conversation over" });
export type Handoff = Static<typeof Handoff>;

export const FeedbackOutcome = Type.Union([Type.Literal("sent"), Type.Literal("edited"), Type.Literal("discarded"), Type.Literal("regenerated")]);
export type FeedbackOutcome = Static<typeof FeedbackOutcome>;

const Instant = Type.String({ minLength: 10, maxLength: 40, pattern: "^\\d{4}-\\d{2}-\\d{2}([T ][0-9:.]+(Z|[+-]\\d{2}:?\\d{2})?)?$", description: "ISO 8601 date-time" });

/** One CRM event about one reply. Several events of one reply merge (latest `at` wins per field; purchases add up). */
export const FeedbackEvent = Type.Object({
  request_id: Identifier({ minLength: 1, maxLength: 128, description: "the `request_id` of the chat reply" }),
  event_id: Type.Optional(Identifier({ minLength: 1, maxLength: 128, description: "idempotency: the same event_id counts once (Idempotency-Key header also accepted)" })),
  outcome: Type.Optional(FeedbackOutcome),
  final_text: Type.Optional(FreeText({ minLength: 1, maxLength: 8000, description: "the text the fan received; only with outcome `edited`" })),
  fan_replied: Type.Optional(Type.Boolean()),
  fan_reply_after_s: Type.Optional(Type.Number({ minimum: 0, maximum: 31_536_000 })),
  purchase_amount: Type.Optional(Type.Number({ minimum: 0, maximum: 1_000_000 })),
  currency: Type.Optional(Type.String({ pattern: "^[A-Z]{3}$" })),
  rating: Type.Optional(Type.Integer({ minimum: 1, maximum: 5 })),
  at: Type.Optional(Instant),
});
export type FeedbackEvent = Static<typeof FeedbackEvent>;

export const FeedbackResponse = Type.Object({
  request_id: Type.String(),
  accepted: Type.Boolean(),
  duplicate: Type.Optional(Type.Boolean({ description: "true when this event_id was already counted (nothing changed)" })),
});
export type FeedbackResponse = Static<typeof FeedbackResponse>;

export const FEEDBACK_BATCH_MAX = 500;
export const FeedbackBatchRequest = Type.Object({
  events: Type.Array(Type.Record(Type.String(), Type.Unknown()), { minItems: 1, maxItems: FEEDBACK_BATCH_MAX, description: "feedback events (the shape of POST /feedback), each checked on its own: one bad event never fails the others" }),
});
export type FeedbackBatchRequest = Static<typeof FeedbackBatchRequest>;

export const FeedbackBatchResult = Type.Object({
  index: Type.Integer(),
  request_id: Type.Union([Type.String(), Type.Null()]),
  accepted: Type.Boolean(),
  duplicate: Type.Optional(Type.Boolean()),
  error: Type.Optional(Type.Object({ code: Type.String(), message: Type.String() })),
});
export const FeedbackBatchResponse = Type.Object({
  results: Type.Array(FeedbackBatchResult, { description: "one per event, input order" }),
  accepted: Type.Integer(),
  errors_count: Type.Integer(),
});
export type FeedbackBatchResponse = Static<typeof FeedbackBatchResponse>;

/** `GET /experiments/report` and `GET /datasets/export`: a time window over the replies' time. */
export const ReportQuery = Type.Object({
  since: Type.Optional(Instant),
  until: Type.Optional(Instant),
});
export type ReportQuery = Static<typeof ReportQuery>;

const Interval = Type.Object({ low: Type.Number(), high: Type.Number() });
export const Estimate = Type.Object({
  value: Type.Union([Type.Number(), Type.Null()], { description: "null when there is nothing to measure" }),
  ci95: Type.Union([Interval, Type.Null()]),
  n: Type.Integer({ description: "the denominator" }),
});
export type Estimate = Static<typeof Estimate>;

export const ArmMetrics = Type.Object({
  arm: Type.String(),
  replies: Type.Integer(),
  with_feedback: Type.Integer(),
  sent_rate: Estimate,
  edited_rate: Estimate,
  discarded_rate: Estimate,
  mean_edit_ratio: Estimate,
  fan_reply_rate: Estimate,
  purchases_per_100: Estimate,
  revenue_per_100: Estimate,
});
export type ArmMetrics = Static<typeof ArmMetrics>;

export const Verdict = Type.Union([Type.Literal("better"), Type.Literal("worse"), Type.Literal("inconclusive")]);
export type Verdict = Static<typeof Verdict>;

export const MetricComparison = Type.Object({
  metric: Type.String(),
  difference: Type.Union([Type.Number(), Type.Null()]),
  ci95: Type.Union([Interval, Type.Null()]),
  probability_better: Type.Union([Type.Number(), Type.Null()]),
  method: Type.String({ description: "beta_binomial (rates) or normal_approximation (means, revenue)" }),
  verdict: Verdict,
  reason: Type.Optional(Type.String()),
});
export type MetricComparison = Static<typeof MetricComparison>;

export const ArmComparison = Type.Object({
  arm: Type.String(),
  control: Type.String(),
  verdict: Verdict,
  primary_metric: Type.String(),
  metrics: Type.Array(MetricComparison),
});
export type ArmComparison = Static<typeof ArmComparison>;

export const ReportResponse = Type.Object({
  since: Type.String(),
  until: Type.String(),
  control: Type.Union([Type.String(), Type.Null()]),
  min_sample: Type.Integer({ description: "replies with feedback each arm needs before a verdict other than inconclusive" }),
  arms: Type.Array(ArmMetrics),
  comparisons: Type.Array(ArmComparison),
});
export type ReportResponse = Static<typeof ReportResponse>;

/** `GET /datasets/export` query (the gateway streams the pages as `application/x-ndjson`). */
export const ExportQuery = Type.Object({
  since: Type.Optional(Instant),
  until: Type.Optional(Instant),
  format: Type.Optional(Type.Union([Type.Literal("sft"), Type.Literal("dpo")], { default: "sft" })),
  outcomes: Type.Optional(Type.String({ maxLength: 64, pattern: "^(sent|edited|discarded|regenerated)(,(sent|edited|discarded|regenerated))*$", description: "comma-separated outcomes (SFT default: sent,edited)" })),
  min_rating: Type.Optional(Type.Integer({ minimum: 1, maximum: 5 })),
  purchased: Type.Optional(Type.Boolean()),
});
export type ExportQuery = Static<typeof ExportQuery>;

/** Internal (`Subject.DatasetsExportPage`): one page of export lines after `cursor`. */
export const ExportPageRequest = Type.Composite([ExportQuery, Type.Object({ cursor: Type.Optional(Type.String({ maxLength: 256 })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })) })]);
export type ExportPageRequest = Static<typeof ExportPageRequest>;
export const ExportPageResponse = Type.Object({
  lines: Type.Array(Type.String(), { description: "JSON Lines, one JSON object each, no newline" }),
  next_cursor: Type.Union([Type.String(), Type.Null()]),
});
export type ExportPageResponse = Static<typeof ExportPageResponse>;
/** What OpenAPI shows for the export (one NDJSON line of either format). */
export const ExportLine = Type.Unknown({ description: "application/x-ndjson: SFT `{messages}` or DPO `{input:{messages}, preferred_output, non_preferred_output}` lines" });

/** Internal (`Subject.OutcomesErase`): erase the records and outcomes of one conversation. */
export const OutcomesEraseRequest = Type.Object({ session_id: Type.String({ minLength: 1, maxLength: 128 }) });
export const OutcomesEraseResponse = Type.Object({ erased: Type.Integer({ description: "reply records removed, with their outcomes" }) });
export type OutcomesEraseResponse = Static<typeof OutcomesEraseResponse>;
