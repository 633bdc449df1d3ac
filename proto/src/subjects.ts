/**
 * Every NATS subject of the mesh. Request/reply subjects are served in queue groups (one replica
 * answers); broadcast subjects reach every instance.
 */
export const Subject = {
  // chat service
  PersonalityChat: "sinhome.chat.personality_chat",
  ScriptChat: "sinhome.chat.script_chat",
  ScriptFollowup: "sinhome.chat.script_followup",
  UnpersonaChat: "sinhome.chat.unpersona_chat",
  DirectChat: "sinhome.chat.direct_chat",
  GrokChat: "sinhome.chat.grok_chat",
  ScriptMedia: "sinhome.chat.script_media",
  ScriptPaywall: "sinhome.chat.script_paywall",
  V2PersonalityChat: "sinhome.chat.v2_personality_chat",
  V2ScriptChat: "sinhome.chat.v2_script_chat",
  V2ScriptFollowup: "sinhome.chat.v2_script_followup",
  Encode: "sinhome.chat.encode",
  EncodeBatch: "sinhome.chat.encode_batch",
  /** OpenAI-compatible API: one chat completion (non-streaming). */
  OpenAiChat: "sinhome.chat.openai_chat",
  /** OpenAI-compatible API: a streamed chat completion (opens a bus stream, see proto/src/bus/stream.ts). */
  OpenAiChatStream: "sinhome.chat.openai_chat_stream",
  /** OpenAI-compatible API: the models served. */
  OpenAiModels: "sinhome.chat.openai_models",
  /** Internal: one LLM completion for other services (scoring AI, QA runs). */
  LlmComplete: "sinhome.chat.llm_complete",
  /** Internal: reachability of the LLM backends, for health. */
  LlmStatus: "sinhome.chat.llm_status",
  // scoring service
  FanScore: "sinhome.scoring.interest_score",
  FanScoreBulk: "sinhome.scoring.interest_score_bulk",
  // media service
  MediaSent: "sinhome.media.sent",
  MediaCheck: "sinhome.media.check_duplicates",
  MediaRecommend: "sinhome.media.recommend",
  MediaHistory: "sinhome.media.history",
  MediaImport: "sinhome.media.import",
  MediaDelete: "sinhome.media.delete",
  /** Internal: database reachability, for health. */
  MediaStatus: "sinhome.media.status",
  // ops service
  Health: "sinhome.ops.health",
  Metrics: "sinhome.ops.metrics",
  MetricsReset: "sinhome.ops.metrics_reset",
  QaRun: "sinhome.ops.qa_run",
  QaBuiltin: "sinhome.ops.qa_builtin",
  QaSmoke: "sinhome.ops.qa_smoke",
  LogsHealth: "sinhome.ops.logs_health",
  /** A page of the persisted conversation log. */
  LogsHistory: "sinhome.ops.logs_history",
  /** Erase one conversation from the persisted log. */
  LogsErase: "sinhome.ops.logs_erase",
  /** Token and cost accounting summed over every chat instance. */
  Usage: "sinhome.ops.usage",
  /** Prefix of the per-query subjects chat instances answer a usage query on (`<prefix>.<query id>`). */
  UsageReplies: "sinhome.ops.usage_reply",
  // outcomes service
  Feedback: "sinhome.outcomes.feedback",
  FeedbackBatch: "sinhome.outcomes.feedback_batch",
  ExperimentsReport: "sinhome.outcomes.experiments_report",
  /** One page of the fine-tuning export; the gateway streams the pages as NDJSON. */
  DatasetsExportPage: "sinhome.outcomes.datasets_export_page",
  /** Internal: erase one conversation's reply records and outcomes (ops, on DELETE /logs/session/{id}). */
  OutcomesErase: "sinhome.outcomes.erase",
  // broadcasts (no queue group: every instance receives them)
  /** A conversation log event, published by chat after each exchange. */
  LogsChat: "sinhome.logs.chat",
  /** Tells every instance of every service to zero its counters. */
  ControlMetricsReset: "sinhome.control.metrics_reset",
  /** Asks every chat instance for its usage rows (answered on the query's `reply_to`). */
  ControlUsageQuery: "sinhome.control.usage_query",
  /** Each gateway says it is there and how it counts rate limits (`GatewayPresence`), every few seconds. */
  GatewayPresence: "sinhome.gateway.presence",
} as const;
export type Subject = (typeof Subject)[keyof typeof Subject];

/** The services of the mesh, as registered with the NATS services framework. */
export const ServiceName = {
  Chat: "chat",
  Scoring: "scoring",
  Media: "media",
  Ops: "ops",
  Outcomes: "outcomes",
} as const;
export type ServiceName = (typeof ServiceName)[keyof typeof ServiceName];

/** Headers every bus request carries. */
export const BusHeader = {
  RequestId: "x-request-id",
  Deadline: "x-deadline",
  TraceParent: "traceparent",
  TraceState: "tracestate",
  /** The HTTP route a request came in on (`POST /media/delete`), sent when several routes share a subject. */
  Route: "x-route",
  /** Name of the caller's API key (never the key), set by the gateway for accounting; absent when open. */
  KeyName: "x-sinhome-key-name",
  /**
   * The tenant the caller's key is confined to (or the one an operator key asked for with `?tenant=`), set by
   * the gateway only; absent = an operator key over every tenant. Services never take a tenant from a body.
   */
  Tenant: "x-sinhome-tenant",
} as const;
