/** Contracts of the ops service: health, metrics, QA runs, and the log stream's health. */
import { Type, type Static } from "@sinclair/typebox";
import { ChatMessage } from "./common.ts";
import { FreeText, Identifier } from "./text.ts";

export const ComponentStatus = Type.Union([Type.Literal("ok"), Type.Literal("down"), Type.Literal("not_configured")]);

export const HealthComponent = Type.Object({
  name: Type.String(),
  status: ComponentStatus,
  latency_ms: Type.Union([Type.Number(), Type.Null()]),
  instances: Type.Optional(Type.Integer()),
  error: Type.Optional(Type.String()),
});
export type HealthComponent = Static<typeof HealthComponent>;

export const EmptyRequest = Type.Object({});
export type EmptyRequest = Static<typeof EmptyRequest>;

export const MetricsSnapshot = Type.Object({
  total_requests: Type.Integer(),
  total_errors: Type.Integer(),
  total_refusals_caught: Type.Integer(),
  total_chinese_retries: Type.Integer(),
  total_dup_retries: Type.Integer(),
  total_guard_deflections: Type.Integer(),
  total_fallbacks: Type.Integer({ description: "v2 replies answered with the neutral fallback line (no backend could answer)" }),
  endpoint_counts: Type.Record(Type.String(), Type.Integer(), { description: "requests by HTTP route, `METHOD /path` (probes and metrics reads not counted)" }),
  avg_latency_ms: Type.Number(),
  total_prompt_tokens: Type.Integer(),
  total_completion_tokens: Type.Integer(),
  /** Persona requests per A/B arm (MODEL_ROUTES name). */
  model_route_counts: Type.Optional(Type.Record(Type.String(), Type.Integer())),
  instances: Type.Optional(Type.Integer()),
});
export type MetricsSnapshot = Static<typeof MetricsSnapshot>;

export const HealthResponse = Type.Object({
  status: Type.Union([Type.Literal("healthy"), Type.Literal("degraded"), Type.Literal("unhealthy")]),
  timestamp: Type.String(),
  uptime_since: Type.String(),
  llm_backend: Type.String(),
  model_name: Type.String(),
  components: Type.Array(HealthComponent),
  metrics: MetricsSnapshot,
});
export type HealthResponse = Static<typeof HealthResponse>;

export const MetricsResetResponse = Type.Object({ reset: Type.Boolean(), instances: Type.Integer() });
export type MetricsResetResponse = Static<typeof MetricsResetResponse>;

export const QaBackend = Type.Union([Type.Literal("auto"), Type.Literal("vllm"), Type.Literal("grok")]);

export const QaTestCase = Type.Object({
  name: Identifier({ minLength: 1, maxLength: 128 }),
  system_prompt: Type.Optional(FreeText({ maxLength: 16000 })),
  messages: Type.Array(ChatMessage, { minItems: 1, maxItems: 50 }),
  forbidden_signals: Type.Optional(Type.Array(FreeText({ maxLength: 200 }), { maxItems: 50 })),
  expected_signals: Type.Optional(Type.Array(FreeText({ maxLength: 200 }), { maxItems: 50 })),
  max_length: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })),
});
export type QaTestCase = Static<typeof QaTestCase>;

/** QA can target one A/B arm of MODEL_ROUTES; default: the default model. */
const QaModelRoute = Type.Optional(Type.String({ pattern: "^[a-z0-9][a-z0-9_-]{0,63}$", description: "A/B arm (MODEL_ROUTES name) to test" }));

export const QaRunRequest = Type.Object({
  test_cases: Type.Array(QaTestCase, { minItems: 1, maxItems: 50 }),
  backend: Type.Optional(QaBackend),
  model_route: QaModelRoute,
});
export type QaRunRequest = Static<typeof QaRunRequest>;

export const QaBuiltinRequest = Type.Object({ backend: Type.Optional(QaBackend), model_route: QaModelRoute });
export type QaBuiltinRequest = Static<typeof QaBuiltinRequest>;

export const QaResult = Type.Object({
  name: Type.String(),
  passed: Type.Boolean(),
  response: Type.String(),
  latency_ms: Type.Number(),
  checks: Type.Record(Type.String(), Type.Boolean()),
  error: Type.Optional(Type.String()),
});
export type QaResult = Static<typeof QaResult>;

export const QaRunResponse = Type.Object({
  total: Type.Integer(),
  passed: Type.Integer(),
  failed: Type.Integer(),
  success_rate: Type.Number(),
  results: Type.Array(QaResult),
});
export type QaRunResponse = Static<typeof QaRunResponse>;

export const QaSmokeRequest = Type.Object({ message: Type.Optional(FreeText({ minLength: 1, maxLength: 4000 })), model_route: QaModelRoute });
export type QaSmokeRequest = Static<typeof QaSmokeRequest>;

export const LogsHealthResponse = Type.Object({
  status: Type.Union([Type.Literal("ok"), Type.Literal("down")]),
  bus: Type.Union([Type.Literal("nats"), Type.Literal("memory")]),
  events_seen: Type.Integer({ description: "chat log events this ops instance received since it started" }),
  last_event_at: Type.Union([Type.String(), Type.Null()]),
  store: Type.Optional(Type.Union([Type.Literal("jetstream"), Type.Literal("embedded")], { description: "where the conversation log persists" })),
  stored_events: Type.Optional(Type.Integer({ description: "events held by the persisted log" })),
  stored_bytes: Type.Optional(Type.Integer()),
  last_stored_at: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  retention_hours: Type.Optional(Type.Integer({ description: "LOG_RETENTION_HOURS" })),
});
export type LogsHealthResponse = Static<typeof LogsHealthResponse>;

/** Internal reply of `LlmStatus` (chat) and `MediaStatus` (media): the components they can vouch for. */
export const ComponentsReply = Type.Object({
  components: Type.Array(HealthComponent),
  llm_backend: Type.Optional(Type.String()),
  model_name: Type.Optional(Type.String()),
});
export type ComponentsReply = Static<typeof ComponentsReply>;

/**
 * What each gateway broadcasts on `Subject.GatewayPresence` every few seconds: gateways count each other
 * (a key's limit is split between them while Redis is away) and ops reports how limits are counted.
 * `limiter`: `shared` = counted in Redis, `local` = Redis unreachable, this gateway's own share; `memory` =
 * no Redis configured; `off` = no limits.
 */
export const GatewayPresence = Type.Object({
  id: Type.String(),
  limiter: Type.Union([Type.Literal("shared"), Type.Literal("local"), Type.Literal("memory"), Type.Literal("off")]),
});
export type GatewayPresence = Static<typeof GatewayPresence>;
