/**
 * Contracts of the OpenAI-compatible API (`POST /v1/chat/completions`, `GET /v1/models`): the subset of
 * OpenAI's Chat Completions request this mesh serves, the error shape OpenAI SDKs parse, and the bus
 * payloads between the gateway and the chat service. Unknown request fields are ignored like on every
 * route; `null` means absent (OpenAI SDKs send `null` for unset options).
 */
import { Type, type Static, type TSchema } from "@sinclair/typebox";
import { Handoff } from "./outcomes.ts";

const nullable = <T extends TSchema>(schema: T) => Type.Optional(Type.Union([schema, Type.Null()]));

/** A text part of a multi-part message (`[{type: "text", text}]`); other part types are not served. */
export const OpenAiTextPart = Type.Object({ type: Type.Literal("text"), text: Type.String({ maxLength: 64_000 }) });

export const OpenAiRole = Type.Union([Type.Literal("system"), Type.Literal("developer"), Type.Literal("user"), Type.Literal("assistant")]);
export type OpenAiRole = Static<typeof OpenAiRole>;

export const OpenAiMessage = Type.Object({
  role: OpenAiRole,
  /** A string, or text parts (joined); `null` only for an assistant turn. */
  content: Type.Union([Type.String({ maxLength: 64_000 }), Type.Array(OpenAiTextPart, { maxItems: 64 }), Type.Null()]),
  name: Type.Optional(Type.String({ maxLength: 64 })),
});
export type OpenAiMessage = Static<typeof OpenAiMessage>;

export const ChatCompletionRequest = Type.Object({
  model: Type.String({ minLength: 1, maxLength: 256, description: "one of the ids listed by GET /v1/models" }),
  messages: Type.Array(OpenAiMessage, { minItems: 1, maxItems: 500 }),
  stream: nullable(Type.Boolean()),
  stream_options: nullable(Type.Object({ include_usage: nullable(Type.Boolean()) })),
  max_tokens: nullable(Type.Integer({ minimum: 1, maximum: 32_768 })),
  max_completion_tokens: nullable(Type.Integer({ minimum: 1, maximum: 32_768 })),
  temperature: nullable(Type.Number({ minimum: 0, maximum: 2 })),
  top_p: nullable(Type.Number({ minimum: 0, maximum: 1 })),
  presence_penalty: nullable(Type.Number({ minimum: -2, maximum: 2 })),
  frequency_penalty: nullable(Type.Number({ minimum: -2, maximum: 2 })),
  seed: nullable(Type.Integer()),
  stop: nullable(Type.Union([Type.String({ maxLength: 256 }), Type.Array(Type.String({ maxLength: 256 }), { maxItems: 4 })])),
  /** Only one choice is served. */
  n: nullable(Type.Integer({ minimum: 1, maximum: 1 })),
  response_format: nullable(Type.Object({
    type: Type.Union([Type.Literal("text"), Type.Literal("json_object"), Type.Literal("json_schema")]),
    json_schema: Type.Optional(Type.Object({ name: Type.String({ maxLength: 64 }), schema: Type.Optional(Type.Unknown()), strict: nullable(Type.Boolean()) })),
  })),
  /** Tools are not served: present and non-empty is a 400 (a text answer would silently break an agent). */
  tools: nullable(Type.Array(Type.Unknown(), { maxItems: 0 })),
  user: nullable(Type.String({ maxLength: 256 })),
  /** Extension: the conversation id, for logs and sticky routing (OpenAI SDKs pass it through `extra_body`). */
  session_id: nullable(Type.String({ maxLength: 128 })),
});
export type ChatCompletionRequest = Static<typeof ChatCompletionRequest>;

export const OpenAiUsage = Type.Object({
  prompt_tokens: Type.Integer(),
  completion_tokens: Type.Integer(),
  total_tokens: Type.Integer(),
});
export type OpenAiUsage = Static<typeof OpenAiUsage>;

export const ChatCompletion = Type.Object({
  id: Type.String(),
  object: Type.Literal("chat.completion"),
  created: Type.Integer(),
  model: Type.String(),
  choices: Type.Array(Type.Object({
    index: Type.Integer(),
    message: Type.Object({ role: Type.Literal("assistant"), content: Type.Union([Type.String(), Type.Null()]) }),
    finish_reason: Type.Union([Type.String(), Type.Null()]),
  })),
  usage: Type.Optional(OpenAiUsage),
  /** Extension: who answered (`vllm`, `grok`, `simulator`, or `guard` when the minors rule answered). */
  backend: Type.Optional(Type.String()),
  /** Extension: when a person should take the conversation over (the streamed form does not carry it; see the conversation log). */
  handoff: Type.Optional(Handoff),
});
export type ChatCompletion = Static<typeof ChatCompletion>;

/** One SSE chunk of a streamed completion (`data: {...}`), as the upstream server sent it. */
export type ChatCompletionChunk = {
  id: string;
  object: "chat.completion.chunk";
  created: number;
  model: string;
  choices: { index: number; delta: { role?: string; content?: string | null }; finish_reason: string | null }[];
  usage?: OpenAiUsage | null;
};

export const OpenAiModel = Type.Object({ id: Type.String(), object: Type.Literal("model"), created: Type.Integer(), owned_by: Type.String() });
export const ModelList = Type.Object({ object: Type.Literal("list"), data: Type.Array(OpenAiModel) });
export type ModelList = Static<typeof ModelList>;

/** OpenAI's error shape, which OpenAI SDKs turn into their typed errors. */
export const OpenAiErrorBody = Type.Object({
  error: Type.Object({
    message: Type.String(),
    type: Type.String(),
    param: Type.Union([Type.String(), Type.Null()]),
    code: Type.Union([Type.String(), Type.Null()]),
  }),
});
export type OpenAiErrorBody = Static<typeof OpenAiErrorBody>;

/** What the gateway sends chat over the bus: the validated request (the caller's key name travels as a bus header). */
export type OpenAiChatBusRequest = ChatCompletionRequest;
