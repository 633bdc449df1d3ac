/** Contracts of the chat service: the 11 chat endpoints and the conversation log event. */
import { Type, type Static } from "@sinclair/typebox";
import { History, PersonaData, SessionId } from "./common.ts";
import { FreeText, Identifier } from "./text.ts";
import { Handoff } from "./outcomes.ts";

const Message = FreeText({ minLength: 1, maxLength: 4000, description: "the fan's new message" });
const Script = FreeText({ minLength: 1, maxLength: 8000, description: "scenario directive, top priority" });
/** Forces one A/B arm of MODEL_ROUTES instead of the session's sticky one (QA, comparisons). */
const ModelRouteName = Type.Optional(Type.String({ pattern: "^[a-z0-9][a-z0-9_-]{0,63}$", description: "A/B arm to use (a MODEL_ROUTES name); default: the session's sticky arm" }));

export const PersonalityChatRequest = Type.Object({
  session_id: SessionId,
  message: Message,
  history: Type.Optional(History),
  persona_data: Type.Optional(PersonaData),
  model_route: ModelRouteName,
});
export type PersonalityChatRequest = Static<typeof PersonalityChatRequest>;

export const ScriptChatRequest = Type.Composite([PersonalityChatRequest, Type.Object({ script: Script })]);
export type ScriptChatRequest = Static<typeof ScriptChatRequest>;

/** A relaunch after silence: the fan wrote nothing new, so `message` may be empty. */
export const ScriptFollowupRequest = Type.Composite([
  Type.Omit(PersonalityChatRequest, ["message"]),
  Type.Object({
    message: Type.Optional(FreeText({ maxLength: 4000, default: "" })),
    script: Script,
  }),
]);
export type ScriptFollowupRequest = Static<typeof ScriptFollowupRequest>;

/** Fixed persona "Chloe": no sliders. Also the payload of /grok_chat. */
export const UnpersonaChatRequest = Type.Object({
  session_id: SessionId,
  message: Message,
  history: Type.Optional(History),
  /** Ignored by /grok_chat (always Grok). */
  model_route: ModelRouteName,
});
export type UnpersonaChatRequest = Static<typeof UnpersonaChatRequest>;

export const DirectChatRequest = Type.Object({
  session_id: SessionId,
  message: Message,
  history: Type.Optional(History),
  system_prompt: Type.Optional(FreeText({ maxLength: 16000 })),
  temperature: Type.Optional(Type.Number({ minimum: 0, maximum: 2 })),
  max_tokens: Type.Optional(Type.Integer({ minimum: 1, maximum: 4096 })),
});
export type DirectChatRequest = Static<typeof DirectChatRequest>;

export const ScriptMediaRequest = Type.Composite([
  PersonalityChatRequest,
  Type.Object({
    script: Type.Optional(Script),
    media_description: FreeText({ minLength: 1, maxLength: 2000, description: "what is being sold" }),
    media_type: Type.Optional(Identifier({ maxLength: 64 })),
    price: Type.Optional(Type.Number({ minimum: 0, maximum: 100000 })),
  }),
]);
export type ScriptMediaRequest = Static<typeof ScriptMediaRequest>;

export const ScriptPaywallRequest = Type.Composite([
  PersonalityChatRequest,
  Type.Object({
    script: Type.Optional(Script),
    price: Type.Number({ exclusiveMinimum: 0, maximum: 100000 }),
    currency: Type.Optional(Type.String({ pattern: "^[A-Z]{3}$", default: "EUR" })),
    media_description: Type.Optional(FreeText({ maxLength: 2000 })),
  }),
]);
export type ScriptPaywallRequest = Static<typeof ScriptPaywallRequest>;

/** Who wrote the reply: an LLM, the safety guard, or nobody (v2 fallback). */
export const ChatBackend = Type.Union([
  Type.Literal("vllm"),
  Type.Literal("grok"),
  Type.Literal("simulator"),
  Type.Literal("guard"),
  Type.Literal("none"),
]);
export type ChatBackend = Static<typeof ChatBackend>;

/** Counters of what was retried while producing this reply. */
export const RetryCounters = Type.Object({
  refusal: Type.Integer({ description: "replies that stepped out of the persona to decline" }),
  cjk: Type.Integer({ description: "replies containing Chinese/CJK characters" }),
  duplicate: Type.Integer({ description: "replies repeating one of the persona's previous messages" }),
  empty: Type.Integer({ description: "empty replies" }),
  safety: Type.Integer({ description: "replies breaking a safety rule (claiming to be human when sincerely asked)" }),
  transport: Type.Integer({ description: "LLM calls re-sent after a connection error, 429 or 5xx" }),
  fallback: Type.Integer({ description: "1 when the fallback backend answered" }),
});
export type RetryCounters = Static<typeof RetryCounters>;

export const Usage = Type.Object({
  prompt_tokens: Type.Integer(),
  completion_tokens: Type.Integer(),
  cached_tokens: Type.Optional(Type.Integer({ description: "prompt tokens served from the LLM server's prefix cache" })),
});
export type Usage = Static<typeof Usage>;

export const ChatResponse = Type.Object({
  response: Type.String({ description: "the text to send to the fan" }),
  backend: ChatBackend,
  model: Type.String(),
  retries: RetryCounters,
  usage: Usage,
  latency_ms: Type.Number(),
  request_id: Type.String(),
  model_route: Type.Optional(Type.String({ description: "the A/B arm (MODEL_ROUTES name) that answered; `default` without A/B" })),
  fallback: Type.Optional(Type.Boolean({ description: "v2 only: true when no backend could answer" })),
  error: Type.Optional(Type.Union([Type.String(), Type.Null()], { description: "v2 only: null or an error code" })),
  handoff: Type.Optional(Handoff),
});
export type ChatResponse = Static<typeof ChatResponse>;

/** The v2 line when nothing could answer: neutral, in persona, safe for the CRM to send or to drop. */
export const V2_FALLBACK_TEXT = "Je reviens vers toi très vite, ne bouge pas 😘";

/**
 * The v2 answer when no backend could write a reply — or when the chat service itself could not be
 * reached: v2 never fails the CRM (200, `fallback: true`, `error` says why).
 */
export function v2FallbackResponse(error: string, requestId: string, latencyMs: number): ChatResponse {
  return {
    response: V2_FALLBACK_TEXT,
    backend: "none",
    model: "none",
    retries: { refusal: 0, cjk: 0, duplicate: 0, empty: 0, safety: 0, transport: 0, fallback: 0 },
    usage: { prompt_tokens: 0, completion_tokens: 0 },
    latency_ms: latencyMs,
    request_id: requestId,
    fallback: true,
    error,
    handoff: { recommended: true, reasons: ["fallback"] },
  };
}

/** Published on `Subject.LogsChat` after every exchange; never awaited by the reply path. */
export const ChatLogEvent = Type.Object({
  timestamp: Type.String(),
  endpoint: Type.String(),
  request_id: Type.String(),
  session_id: Type.Union([Type.String(), Type.Null()]),
  /** The tenant of the caller's key (`""` = the default tenant); absent on events stored before tenants existed (= `""`). */
  tenant: Type.Optional(Type.String()),
  backend: Type.String(),
  model: Type.String(),
  latency_ms: Type.Number(),
  retries: RetryCounters,
  usage: Usage,
  fallback: Type.Boolean(),
  error: Type.Union([Type.String(), Type.Null()]),
  message: Type.Optional(Type.String()),
  response: Type.Optional(Type.String()),
  /** Set when a minors guard layer answered: which layer (lexicon, guard_model, reply), category and source. */
  guard: Type.Optional(Type.Object({ layer: Type.String(), category: Type.String(), source: Type.String() })),
  /** The A/B arm (MODEL_ROUTES name) that answered. */
  model_route: Type.Optional(Type.String()),
  /** Name of the caller's API key (never the key), when the gateway sent it. */
  key_name: Type.Optional(Type.String()),
  /** Short hash of the persona sliders (same persona = same fingerprint), to compare like with like. */
  persona: Type.Optional(Type.String()),
  handoff: Type.Optional(Handoff),
  /** The messages as sent to the model (system prompt, history, fan message); only with LOG_CONTENT. */
  prompt_messages: Type.Optional(Type.Array(Type.Object({ role: Type.String(), content: Type.String() }))),
});
export type ChatLogEvent = Static<typeof ChatLogEvent>;

/** Internal (`Subject.LlmComplete`): one completion through chat's LLM access, for scoring and QA. */
export const LlmCompleteRequest = Type.Object({
  messages: Type.Array(
    Type.Object({
      role: Type.Union([Type.Literal("system"), Type.Literal("user"), Type.Literal("assistant")]),
      content: Type.String({ maxLength: 64000 }),
    }),
    { minItems: 1, maxItems: 400 },
  ),
  max_tokens: Type.Optional(Type.Integer({ minimum: 1, maximum: 4096 })),
  temperature: Type.Optional(Type.Number({ minimum: 0, maximum: 2 })),
  /** Structured output: sent to the server as OpenAI `response_format` (vLLM honours json_schema). */
  response_format: Type.Optional(
    Type.Union([
      Type.Object({ type: Type.Literal("json_schema"), json_schema: Type.Object({ name: Type.String(), schema: Type.Record(Type.String(), Type.Unknown()) }) }),
      Type.Object({ type: Type.Literal("json_object") }),
    ]),
  ),
  backend: Type.Optional(Type.Union([Type.Literal("auto"), Type.Literal("vllm"), Type.Literal("grok")])),
  /** Timeout of this one call (defaults to LLM_TIMEOUT_MS). */
  timeout_ms: Type.Optional(Type.Integer({ minimum: 100, maximum: 600_000 })),
  /** Exactly one call: no transport retry, no fallback (scoring's AI call). */
  no_retry: Type.Optional(Type.Boolean()),
  /** The A/B arm (MODEL_ROUTES name) whose model answers; default: the default model. */
  model_route: ModelRouteName,
});
export type LlmCompleteRequest = Static<typeof LlmCompleteRequest>;

export const LlmCompleteResponse = Type.Object({
  text: Type.String(),
  backend: Type.String(),
  model: Type.String(),
  usage: Usage,
  latency_ms: Type.Number(),
});
export type LlmCompleteResponse = Static<typeof LlmCompleteResponse>;
