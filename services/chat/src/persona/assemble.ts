/**
 * From prompt parts and a sanitized history to the message list sent to the LLM, safe for every chat template:
 * one system message first, then strictly alternating turns ending with the user; the post-history block is
 * merged into that final user turn instead of being a second system message after the history (which
 * Mistral-family templates reject).
 */
import type { ChatMessage } from "@sinhome/proto";
import type { PromptParts } from "./prompt-parts.ts";

export type PromptMessage = { role: "system" | "user" | "assistant"; content: string };

/**
 * `history` must come from `sanitizeHistory` (alternating, starting and ending with a user turn).
 * The post-history block is appended to the last user turn after a blank line; if the history does not end
 * with a user turn (contract broken), the block becomes its own final user turn so the order stays valid.
 */
export function assembleMessages(parts: PromptParts, history: readonly ChatMessage[]): PromptMessage[] {
  const messages: PromptMessage[] = [
    { role: "system", content: parts.system },
    ...history.map((item) => ({ role: item.role, content: item.content })),
  ];
  if (parts.postHistory === null) return messages;
  const last = messages.at(-1);
  if (last && last.role === "user") last.content = `${last.content}\n\n${parts.postHistory}`;
  else messages.push({ role: "user", content: parts.postHistory });
  return messages;
}
