/**
 * Contracts of token and cost accounting: `GET /monitoring/usage` (ops) and the internal scatter-gather by which
 * ops asks every chat instance for its share (a broadcast query, one reply per instance).
 */
import { Type, type Static } from "@sinclair/typebox";

export const UsageGroupBy = Type.Union([Type.Literal("key"), Type.Literal("endpoint"), Type.Literal("model")]);
export type UsageGroupBy = Static<typeof UsageGroupBy>;

/** ISO 8601 date-time (a date alone is midnight UTC); checked again, for real dates, by ops. */
const Instant = Type.String({ minLength: 10, maxLength: 40, pattern: "^\\d{4}-\\d{2}-\\d{2}([T ][0-9:.]+(Z|[+-]\\d{2}:?\\d{2})?)?$" });

/** Query string of `GET /monitoring/usage`. */
export const UsageQuery = Type.Object({
  since: Type.Optional(Instant),
  until: Type.Optional(Instant),
  group_by: Type.Optional(UsageGroupBy),
  tenant: Type.Optional(Type.String({ maxLength: 64, description: "operator keys: only this tenant's rows (a tenant key always sees only its own)" })),
});
export type UsageQuery = Static<typeof UsageQuery>;

export const UsageRow = Type.Object({
  /** The API key's name, the endpoint path, or the model, depending on `group_by`. */
  group: Type.String(),
  /** With `group_by=model`: the backend that served it (the same model name may be served by two). */
  backend: Type.Optional(Type.String()),
  requests: Type.Integer({ description: "requests answered by an LLM (content retries not counted again)" }),
  prompt_tokens: Type.Integer(),
  cached_tokens: Type.Integer({ description: "prompt tokens served from the LLM server's prefix cache" }),
  completion_tokens: Type.Integer(),
  retry_tokens: Type.Integer({ description: "prompt + completion tokens of content retries (already in the totals)" }),
  cost_usd: Type.Number({ description: "from the configured prices per million tokens; 0 when none is set" }),
});
export type UsageRow = Static<typeof UsageRow>;

export const UsageResponse = Type.Object({
  since: Type.String(),
  until: Type.String(),
  group_by: UsageGroupBy,
  /** Chat instances that answered. */
  instances: Type.Integer(),
  rows: Type.Array(UsageRow),
});
export type UsageResponse = Static<typeof UsageResponse>;

/** Internal broadcast (`Subject.ControlUsageQuery`): every chat instance answers on `reply_to`. */
export const UsageInstanceQuery = Type.Object({
  reply_to: Type.String(),
  since: Type.Number(),
  until: Type.Number(),
  group_by: UsageGroupBy,
  /** Only this tenant's rows (set by ops from the caller's tenant header, never from the query body). */
  tenant: Type.Optional(Type.String()),
});
export type UsageInstanceQuery = Static<typeof UsageInstanceQuery>;

export const UsageInstanceReply = Type.Object({ instance: Type.String(), rows: Type.Array(UsageRow) });
export type UsageInstanceReply = Static<typeof UsageInstanceReply>;
