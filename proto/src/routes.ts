/**
 * The HTTP API of the gateway as data: each route names its bus subject and its TypeBox
 * contracts. The gateway registers exactly these routes; OpenAPI is generated from them.
 */
import type { TSchema } from "@sinclair/typebox";
import * as chat from "./schemas/chat.ts";
import * as emb from "./schemas/embeddings.ts";
import * as logs from "./schemas/logs.ts";
import * as media from "./schemas/media.ts";
import * as ops from "./schemas/ops.ts";
import * as outcomes from "./schemas/outcomes.ts";
import * as scoring from "./schemas/scoring.ts";
import * as usage from "./schemas/usage.ts";
import { Scope } from "./scopes.ts";
import { Subject } from "./subjects.ts";

/** How long the gateway waits for a reply: chat outlives its own LLM deadline, the rest is short. */
export const TimeoutClass = {
  Chat: "chat",
  Scoring: "scoring",
  Embeddings: "embeddings",
  Short: "short",
  Qa: "qa",
} as const;
export type TimeoutClass = (typeof TimeoutClass)[keyof typeof TimeoutClass];

export const Resend = { Safe: "safe", IdempotencyKey: "idempotency_key" } as const;
export type Resend = (typeof Resend)[keyof typeof Resend];

export type Route = {
  method: "GET" | "POST" | "DELETE";
  path: string;
  subject: Subject;
  /** Body schema (POST); GET/DELETE routes send their path params (and query) as the payload. */
  body?: TSchema;
  /** Query schema (GET); its fields join the path params in the payload. */
  query?: TSchema;
  response: TSchema;
  timeout: TimeoutClass;
  tag: "chat" | "scoring" | "media" | "ops" | "embeddings" | "outcomes";
  summary: string;
  /**
   * The scope a key needs for this route (`scopes.ts`); `null` = any valid key (probes and the metrics read,
   * which carry no fan data). Required, so a route cannot be added without deciding it.
   */
  scope: Scope | null;
  /** Routes that answer without an API key (probes). */
  public?: boolean;
  /** Probes and metrics reads: answered, but not counted as traffic in `/monitoring/metrics`. */
  probe?: boolean;
  /** Copy the `Idempotency-Key` header into this body field when the body has none. */
  idempotencyField?: string;
  /**
   * May the gateway send the request again when the replica holding it dies (see `bus/liveness.ts`)?
   * `safe`: repeating it changes nothing but work (chat, scoring, QA, reads, idempotent writes).
   * `idempotency_key`: only with a key in `idempotencyField` — the gateway makes one when the CRM gave
   * none, so a repeat can never count twice. Absent = never: a dead replica fails the request at once.
   */
  resend?: Resend;
  /**
   * The answer when the bus itself fails (no service answering, timeout): v2 chat never fails the CRM.
   * Errors of the service (validation, LLM failures already handled) pass through unchanged.
   */
  unavailableReply?: (error: string, requestId: string, latencyMs: number) => unknown;
  /** HTTP status derived from a successful reply (health: 503 when unhealthy, body kept). */
  replyStatus?: (reply: unknown) => number;
  /** The reply is a stream of JSON Lines the gateway pulls page by page (`ExportPageResponse`) and sends as `application/x-ndjson`. */
  ndjsonPages?: boolean;
};

const chatRoute = (path: string, subject: Subject, body: TSchema, summary: string): Route => ({
  method: "POST",
  path,
  subject,
  body,
  response: chat.ChatResponse,
  timeout: TimeoutClass.Chat,
  tag: "chat",
  summary,
  scope: Scope.Chat,
  resend: Resend.Safe,
  ...(path.startsWith("/v2/") ? { unavailableReply: chat.v2FallbackResponse } : {}),
});

export const ROUTES: readonly Route[] = [
  chatRoute("/personality_chat", Subject.PersonalityChat, chat.PersonalityChatRequest, "v1 reply with the slider persona"),
  chatRoute("/script_chat", Subject.ScriptChat, chat.ScriptChatRequest, "v1 reply following a scenario directive"),
  chatRoute("/script_followup", Subject.ScriptFollowup, chat.ScriptFollowupRequest, "v1 relaunch after the fan went silent"),
  chatRoute("/unpersona_chat", Subject.UnpersonaChat, chat.UnpersonaChatRequest, "reply as the fixed persona Chloe"),
  chatRoute("/direct_chat", Subject.DirectChat, chat.DirectChatRequest, "no persona: forwarded to vLLM"),
  chatRoute("/grok_chat", Subject.GrokChat, chat.UnpersonaChatRequest, "persona Chloe answered by Grok"),
  chatRoute("/script_media", Subject.ScriptMedia, chat.ScriptMediaRequest, "script chat selling a described media"),
  chatRoute("/script_paywall", Subject.ScriptPaywall, chat.ScriptPaywallRequest, "script chat teasing paywalled content"),
  chatRoute("/v2/personality_chat", Subject.V2PersonalityChat, chat.PersonalityChatRequest, "v2 compact persona reply; never fails"),
  chatRoute("/v2/script_chat", Subject.V2ScriptChat, chat.ScriptChatRequest, "v2 reply following a scenario directive"),
  chatRoute("/v2/script_followup", Subject.V2ScriptFollowup, chat.ScriptFollowupRequest, "v2 relaunch after silence"),
  { method: "POST", path: "/encode", subject: Subject.Encode, body: emb.EncodeRequest, response: emb.EncodeResponse, timeout: TimeoutClass.Embeddings, tag: "embeddings", summary: "embed one text", scope: Scope.Embeddings, resend: Resend.Safe },
  { method: "POST", path: "/encode_batch", subject: Subject.EncodeBatch, body: emb.EncodeBatchRequest, response: emb.EncodeBatchResponse, timeout: TimeoutClass.Embeddings, tag: "embeddings", summary: "embed up to 256 texts", scope: Scope.Embeddings, resend: Resend.Safe },
  { method: "POST", path: "/fan/interest_score", subject: Subject.FanScore, body: scoring.FanScoreRequest, response: scoring.FanScoreResponse, timeout: TimeoutClass.Scoring, tag: "scoring", summary: "interest score of one fan", scope: Scope.Scoring, resend: Resend.Safe },
  { method: "POST", path: "/fan/interest_score/bulk", subject: Subject.FanScoreBulk, body: scoring.FanScoreBulkRequest, response: scoring.FanScoreBulkResponse, timeout: TimeoutClass.Qa, tag: "scoring", summary: "interest scores of up to 200 fans", scope: Scope.Scoring, resend: Resend.Safe },
  { method: "POST", path: "/media/sent", subject: Subject.MediaSent, body: media.MediaSentRequest, response: media.MediaSentResponse, timeout: TimeoutClass.Short, tag: "media", summary: "record that a media was sent to a fan (Idempotency-Key honoured)", idempotencyField: "event_id", scope: Scope.Media, resend: Resend.IdempotencyKey },
  { method: "POST", path: "/media/check_duplicates", subject: Subject.MediaCheck, body: media.MediaCheckRequest, response: media.MediaCheckResponse, timeout: TimeoutClass.Short, tag: "media", summary: "which media a fan already received", scope: Scope.Media, resend: Resend.Safe },
  { method: "POST", path: "/media/recommend", subject: Subject.MediaRecommend, body: media.MediaRecommendRequest, response: media.MediaRecommendResponse, timeout: TimeoutClass.Short, tag: "media", summary: "best unsent media for a fan", scope: Scope.Media, resend: Resend.Safe },
  { method: "GET", path: "/media/history/:fan_id", subject: Subject.MediaHistory, response: media.MediaHistoryResponse, timeout: TimeoutClass.Short, tag: "media", summary: "media history of a fan", scope: Scope.Media, resend: Resend.Safe },
  { method: "POST", path: "/media/import", subject: Subject.MediaImport, body: media.MediaImportRequest, response: media.MediaImportResponse, timeout: TimeoutClass.Scoring, tag: "media", summary: "import a CRM export (idempotent)", scope: Scope.Media, resend: Resend.Safe },
  { method: "DELETE", path: "/media/history/:fan_id", subject: Subject.MediaDelete, response: media.MediaDeleteResponse, timeout: TimeoutClass.Short, tag: "media", summary: "forget a fan's media history", scope: Scope.Media, resend: Resend.Safe },
  { method: "POST", path: "/media/delete", subject: Subject.MediaDelete, body: media.MediaFanRequest, response: media.MediaDeleteResponse, timeout: TimeoutClass.Short, tag: "media", summary: "alias of DELETE /media/history/{fan_id}", scope: Scope.Media, resend: Resend.Safe },
  { method: "GET", path: "/monitoring/health", subject: Subject.Health, response: ops.HealthResponse, timeout: TimeoutClass.Scoring, tag: "ops", summary: "health of every component (503 when unhealthy)", public: true, probe: true, replyStatus: (r) => ((r as { status?: string }).status === "unhealthy" ? 503 : 200), scope: null, resend: Resend.Safe },
  { method: "GET", path: "/monitoring/metrics", subject: Subject.Metrics, response: ops.MetricsSnapshot, timeout: TimeoutClass.Short, tag: "ops", summary: "counters summed over every instance", probe: true, scope: null, resend: Resend.Safe },
  { method: "GET", path: "/monitoring/usage", subject: Subject.Usage, query: usage.UsageQuery, response: usage.UsageResponse, timeout: TimeoutClass.Short, tag: "ops", summary: "prompt, cached and completion tokens and cost, per API key name, endpoint or model, over every chat instance", probe: true, scope: Scope.Usage, resend: Resend.Safe },
  { method: "POST", path: "/monitoring/metrics/reset", subject: Subject.MetricsReset, body: ops.EmptyRequest, response: ops.MetricsResetResponse, timeout: TimeoutClass.Short, tag: "ops", summary: "zero the counters everywhere", probe: true, scope: Scope.Ops, resend: Resend.Safe },
  { method: "POST", path: "/qa/run", subject: Subject.QaRun, body: ops.QaRunRequest, response: ops.QaRunResponse, timeout: TimeoutClass.Qa, tag: "ops", summary: "run custom QA cases against the LLM", scope: Scope.Ops, resend: Resend.Safe },
  { method: "POST", path: "/qa/run/builtin", subject: Subject.QaBuiltin, body: ops.QaBuiltinRequest, response: ops.QaRunResponse, timeout: TimeoutClass.Qa, tag: "ops", summary: "run the five built-in QA cases", scope: Scope.Ops, resend: Resend.Safe },
  { method: "POST", path: "/qa/smoke", subject: Subject.QaSmoke, body: ops.QaSmokeRequest, response: ops.QaRunResponse, timeout: TimeoutClass.Chat, tag: "ops", summary: "one quick LLM call", scope: Scope.Ops, resend: Resend.Safe },
  { method: "GET", path: "/logs/history", subject: Subject.LogsHistory, query: logs.LogHistoryQuery, response: logs.LogHistoryResponse, timeout: TimeoutClass.Short, tag: "ops", summary: "the persisted conversation log, oldest first, paged (limit ≤ 500, then next_cursor)", scope: Scope.LogsRead, resend: Resend.Safe },
  { method: "DELETE", path: "/logs/session/:session_id", subject: Subject.LogsErase, response: logs.LogEraseResponse, timeout: TimeoutClass.Short, tag: "ops", summary: "erase one conversation from the log (a fan's data-erasure request)", scope: Scope.LogsErase, resend: Resend.Safe },
  { method: "GET", path: "/logs/health", subject: Subject.LogsHealth, response: ops.LogsHealthResponse, timeout: TimeoutClass.Short, tag: "ops", summary: "health of the conversation log stream", probe: true, scope: null, resend: Resend.Safe },
  { method: "POST", path: "/feedback", subject: Subject.Feedback, body: outcomes.FeedbackEvent, response: outcomes.FeedbackResponse, timeout: TimeoutClass.Short, tag: "outcomes", summary: "what happened to a reply (sent, edited, fan replied, purchase…); idempotent by event_id", idempotencyField: "event_id", scope: Scope.Feedback, resend: Resend.IdempotencyKey },
  { method: "POST", path: "/feedback/batch", subject: Subject.FeedbackBatch, body: outcomes.FeedbackBatchRequest, response: outcomes.FeedbackBatchResponse, timeout: TimeoutClass.Scoring, tag: "outcomes", summary: "up to 500 feedback events, one result each", scope: Scope.Feedback, resend: Resend.Safe },
  { method: "GET", path: "/experiments/report", subject: Subject.ExperimentsReport, query: outcomes.ReportQuery, response: outcomes.ReportResponse, timeout: TimeoutClass.Scoring, tag: "outcomes", summary: "A/B report: per arm rates with 95 % intervals and a verdict against the control", scope: Scope.Insights, resend: Resend.Safe },
  { method: "GET", path: "/datasets/export", subject: Subject.DatasetsExportPage, query: outcomes.ExportQuery, response: outcomes.ExportLine, timeout: TimeoutClass.Scoring, tag: "outcomes", summary: "fine-tuning data (SFT or DPO) as application/x-ndjson", scope: Scope.Insights, resend: Resend.Safe, ndjsonPages: true },
];

/** How metrics name a route: its HTTP method and path, as the API documents it (`GET /media/history/{fan_id}`). */
export const routeLabel = (route: Pick<Route, "method" | "path">): string => `${route.method} ${route.path.replace(/:([a-z_]+)/g, "{$1}")}`;

/**
 * Routes the gateway serves through a module of its own rather than the generic forwarder (the
 * OpenAI-compatible API, `gateway/src/openai.ts`): their subjects and metrics labels, so a service
 * counts their traffic like any route's.
 */
export const MODULE_ROUTE_LABELS: Readonly<Partial<Record<Subject, string>>> = {
  [Subject.OpenAiChat]: "POST /v1/chat/completions",
  [Subject.OpenAiChatStream]: "POST /v1/chat/completions",
  [Subject.OpenAiModels]: "GET /v1/models",
};

/**
 * Scopes of the routes the gateway serves through modules of its own (not rows of ROUTES): the
 * OpenAI-compatible API and the log stream. Keyed by path; every method of the path needs the scope.
 */
export const MODULE_ROUTE_SCOPES: Readonly<Record<string, Scope>> = {
  "/v1/chat/completions": Scope.OpenAi,
  "/v1/models": Scope.OpenAi,
  "/logs/stream": Scope.LogsRead,
};

/** The routes served by each subject (several routes may share one: DELETE /media/history/{fan_id} and POST /media/delete). */
export const ROUTES_BY_SUBJECT: ReadonlyMap<string, readonly Route[]> = ROUTES.reduce((map, route) => {
  map.set(route.subject, [...(map.get(route.subject) ?? []), route]);
  return map;
}, new Map<string, Route[]>());
