/**
 * The OpenAI wire format as the simulator speaks it: request parsing (lenient like vLLM about
 * extra fields, strict about what it needs) and response/error bodies in the exact OpenAI shapes,
 * including vLLM's older flat error shape so clients are tested against both.
 */

export type Role = "system" | "user" | "assistant" | "tool" | "developer";
export type SimMessage = { role: Role; content: string };

export type ResponseFormat =
  | { type: "json_schema"; json_schema: { name?: string; schema?: unknown; strict?: boolean } }
  | { type: "json_object" }
  | { type: "text" };

export type ChatRequest = {
  model: string;
  messages: SimMessage[];
  stream: boolean;
  includeUsage: boolean;
  maxTokens?: number;
  responseFormat?: ResponseFormat;
};

export type ErrorShape = "nested" | "flat";

const ROLES = new Set<string>(["system", "user", "assistant", "tool", "developer"]);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Message content may be a string or an array of `{type:"text", text}` parts (OpenAI allows both). */
function contentText(content: unknown): string | undefined {
  if (typeof content === "string") return content;
  if (content === null) return "";
  if (Array.isArray(content)) {
    return content.map((p) => (isRecord(p) && typeof p.text === "string" ? p.text : "")).join("");
  }
  return undefined;
}

/** Parses a chat completion request body; returns a reason string when it is unusable. */
export function parseChatRequest(body: unknown, defaultModel: string): ChatRequest | string {
  if (!isRecord(body)) return "request body must be a JSON object";
  if (!Array.isArray(body.messages) || body.messages.length === 0) return "'messages' must be a non-empty array";
  const messages: SimMessage[] = [];
  for (const [i, m] of body.messages.entries()) {
    const content = isRecord(m) ? contentText(m.content) : undefined;
    if (!isRecord(m) || typeof m.role !== "string" || !ROLES.has(m.role) || content === undefined) {
      return `messages[${i}] must be {role, content}`;
    }
    messages.push({ role: m.role as Role, content });
  }
  const rawMax = body.max_completion_tokens ?? body.max_tokens;
  const maxTokens = typeof rawMax === "number" && rawMax > 0 ? Math.floor(rawMax) : undefined;
  const rf = body.response_format;
  const responseFormat =
    isRecord(rf) && (rf.type === "json_schema" || rf.type === "json_object" || rf.type === "text") ? (rf as ResponseFormat) : undefined;
  const streamOptions = body.stream_options;
  return {
    model: typeof body.model === "string" && body.model ? body.model : defaultModel,
    messages,
    stream: body.stream === true,
    includeUsage: isRecord(streamOptions) && streamOptions.include_usage === true,
    maxTokens,
    responseFormat,
  };
}

/** Token estimate: ~4 characters per token plus a small per-message overhead, like chat templates add. */
export const estimateTokens = (text: string): number => Math.ceil(text.length / 4);
export const promptTokens = (messages: SimMessage[]): number =>
  messages.reduce((n, m) => n + estimateTokens(m.content) + 4, 0);

export function errorBody(shape: ErrorShape, status: number, message: string, type: string, code: string | number | null) {
  return shape === "flat"
    ? { object: "error", message, type, param: null, code: code ?? status }
    : { error: { message, type, param: null, code } };
}

export function errorType(status: number): string {
  if (status === 401) return "authentication_error";
  if (status === 404) return "NotFoundError";
  if (status === 429) return "rate_limit_exceeded";
  if (status >= 500) return "server_error";
  return "invalid_request_error";
}

export type Completion = {
  id: string;
  created: number;
  model: string;
  text: string;
  finishReason: "stop" | "length";
  prompt: number;
  /** Prompt tokens served from the prefix cache; absent when the cache is off (no `prompt_tokens_details`). */
  cached?: number;
};

/** vLLM's usage object; `prompt_tokens_details` only with `--enable-prompt-tokens-details`. */
function usageOf(c: Completion) {
  const completion = estimateTokens(c.text);
  return {
    prompt_tokens: c.prompt,
    completion_tokens: completion,
    total_tokens: c.prompt + completion,
    ...(c.cached !== undefined ? { prompt_tokens_details: { cached_tokens: c.cached } } : {}),
  };
}

export function completionBody(c: Completion, fingerprint: string) {
  return {
    id: c.id,
    object: "chat.completion",
    created: c.created,
    model: c.model,
    system_fingerprint: fingerprint,
    choices: [{ index: 0, message: { role: "assistant", content: c.text }, logprobs: null, finish_reason: c.finishReason }],
    usage: usageOf(c),
  };
}

/** The SSE frames of a streamed completion, ending with `data: [DONE]`. */
export function completionChunks(c: Completion, includeUsage: boolean): string[] {
  const chunk = (choices: unknown[], extra: Record<string, unknown> = {}) =>
    `data: ${JSON.stringify({ id: c.id, object: "chat.completion.chunk", created: c.created, model: c.model, choices, ...extra })}\n\n`;
  const frames = [chunk([{ index: 0, delta: { role: "assistant", content: "" }, logprobs: null, finish_reason: null }])];
  // Word-sized deltas (space kept with the word) so clients must concatenate like with a real server.
  for (const piece of c.text.match(/\S+\s*|\s+/g) ?? []) {
    frames.push(chunk([{ index: 0, delta: { content: piece }, logprobs: null, finish_reason: null }]));
  }
  frames.push(chunk([{ index: 0, delta: {}, logprobs: null, finish_reason: c.finishReason }]));
  if (includeUsage) frames.push(chunk([], { usage: usageOf(c) }));
  frames.push("data: [DONE]\n\n");
  return frames;
}
