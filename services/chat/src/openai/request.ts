/**
 * From an OpenAI Chat Completions request to what the backend receives, what the minors guard reads,
 * and what a guard deflection looks like in OpenAI's shapes. Plain data in, plain data out.
 */
import type { ChatCompletion, ChatCompletionChunk, ChatCompletionRequest, ChatMessage, OpenAiMessage } from "@sinhome/proto";
import type { GuardInput } from "../safety/index.ts";

/** A message's text: a string, text parts joined, or empty for a `null` content. */
export const messageText = (content: OpenAiMessage["content"]): string =>
  typeof content === "string" ? content : content === null ? "" : content.map((p) => p.text).join("");

/** Sampling options passed through when the caller set them (`null` = unset). */
const PASSED_OPTIONS = ["temperature", "top_p", "presence_penalty", "frequency_penalty", "seed", "stop", "response_format"] as const;

/**
 * The body sent upstream, without `model` and `stream`: messages with plain-string contents and
 * `developer` sent as `system` (chat templates of open models know no `developer` role).
 */
export function upstreamBody(req: ChatCompletionRequest): Record<string, unknown> {
  const body: Record<string, unknown> = {
    messages: req.messages.map((m) => ({ role: m.role === "developer" ? "system" : m.role, content: messageText(m.content) })),
  };
  const maxTokens = req.max_completion_tokens ?? req.max_tokens;
  if (maxTokens !== undefined && maxTokens !== null) body.max_tokens = maxTokens;
  for (const key of PASSED_OPTIONS) {
    const value = req[key];
    if (value !== undefined && value !== null) body[key] = value;
  }
  return body;
}

/**
 * What the minors guard reads: the last user turn as the fan's message, the user/assistant turns
 * before it as history (the guard checks the recent ones), system/developer texts like a script.
 */
export function guardInputOf(messages: readonly OpenAiMessage[]): GuardInput {
  let last = -1;
  messages.forEach((m, i) => {
    if (m.role === "user") last = i;
  });
  const history: ChatMessage[] = [];
  for (const [i, m] of messages.entries()) {
    if (i === last) break;
    if (m.role === "user" || m.role === "assistant") history.push({ role: m.role, content: messageText(m.content) });
  }
  const system = messages.filter((m) => m.role === "system" || m.role === "developer").map((m) => messageText(m.content)).join("\n");
  return { message: last >= 0 ? messageText(messages[last]!.content) : "", history, ...(system ? { script: system } : {}) };
}

const GUARD_USAGE = { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 };

/** The fixed deflection as a whole completion: the LLM was never called (`backend: "guard"`). */
export function deflectionCompletion(text: string, model: string, requestId: string): ChatCompletion {
  return {
    id: `chatcmpl-guard-${requestId}`,
    object: "chat.completion",
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [{ index: 0, message: { role: "assistant", content: text }, finish_reason: "stop" }],
    usage: GUARD_USAGE,
    backend: "guard",
  };
}

/** The fixed deflection as stream chunks: role, the text, the finish (and usage when asked). */
export function deflectionChunks(text: string, model: string, requestId: string, includeUsage: boolean): ChatCompletionChunk[] {
  const base = { id: `chatcmpl-guard-${requestId}`, object: "chat.completion.chunk" as const, created: Math.floor(Date.now() / 1000), model };
  return [
    { ...base, choices: [{ index: 0, delta: { role: "assistant", content: "" }, finish_reason: null }] },
    { ...base, choices: [{ index: 0, delta: { content: text }, finish_reason: null }] },
    { ...base, choices: [{ index: 0, delta: {}, finish_reason: "stop" }] },
    ...(includeUsage ? [{ ...base, choices: [], usage: GUARD_USAGE }] : []),
  ];
}
