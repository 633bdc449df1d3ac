/**
 * Turns the CRM's raw conversation history plus the fan's new message into a clean, alternating list of turns
 * that every chat template accepts (Mistral-family templates reject a leading assistant turn and two turns of
 * one role in a row), and optionally fits it into the v2 budgets.
 *
 * Decisions, in the order they are applied:
 * - Contents are trimmed; empty or whitespace-only messages are dropped.
 * - Exact duplicates: an assistant message identical to an EARLIER assistant message is dropped (repeated persona
 *   lines teach the model to loop); a user message identical to the previous user message with no reply in
 *   between is dropped (a CRM double send). A fan answering "oui" twice at different moments is kept, because
 *   dropping it would glue two persona turns together.
 * - Consecutive messages of one role are merged, joined with "\n".
 * - A history that starts with the persona (a welcome message) gets a neutral user turn in front,
 *   `CONVERSATION_START_PLACEHOLDER`, instead of losing the opener.
 * - The result ends with the fan's current `message`: appended as a user turn, or merged into a trailing
 *   unanswered user turn; not added twice when the CRM already put it at the end of the history.
 *   An empty `message` (followups) keeps a trailing user turn as it is, and after a persona turn adds
 *   `FOLLOWUP_PLACEHOLDER`, so the model sees that the fan went silent.
 * - Budgets: at most `maxExchanges` (user, assistant) pairs before the final user turn, and content +
 *   per-message template overhead within `maxTokens`; oldest pairs go first. With `lowWater` (the default
 *   limits below) the window is *stable*: when full it drops several pairs at once, down to the low-water mark,
 *   so the next turns share a byte-identical prefix and stay in vLLM's prefix cache (see window.ts).
 *   The final user turn is never dropped; it is truncated only when it alone exceeds the budget.
 */
import type { ChatMessage } from "@sinhome/proto";
import { CHAT_MESSAGE_OVERHEAD_TOKENS, countTokens, truncateToTokens } from "./tokens.ts";
import { windowStart } from "./window.ts";

/** User turn put in front of a history that starts with the persona's own message. */
export const CONVERSATION_START_PLACEHOLDER = "(début de la conversation)";
/** Final user turn of a followup when the fan's last turn was already answered. */
export const FOLLOWUP_PLACEHOLDER = "(le fan n'a pas répondu depuis un moment)";

export type SanitizeOptions = {
  /** Keep at most this many (user, assistant) pairs before the final user turn. Unbounded when absent. */
  maxExchanges?: number;
  /** Token budget of the whole returned history, template overhead included. Unbounded when absent. */
  maxTokens?: number;
  /** Stable window: when a limit is crossed, drop oldest pairs down to these marks (see window.ts). */
  lowWater?: { exchanges: number; tokens: number };
  /** Token counter; the Qwen2.5 tokenizer by default. */
  countTokens?: (text: string) => number;
};

/**
 * v2 budgets from the seed: 10 exchanges, 2800 tokens of history. Low-water mark 4 exchanges / 1400 tokens:
 * a full window drops 6 pairs at once, then grows again for 6 turns that share their whole prefix with the
 * turn before. Chosen with `bun run bench cache` (README "Prefix cache"): lower marks keep too little context
 * right after a drop for little more cache; higher ones drop more often.
 */
export const V2_HISTORY_LIMITS = { maxExchanges: 10, maxTokens: 2800, lowWater: { exchanges: 4, tokens: 1400 } } as const satisfies SanitizeOptions;

/**
 * A suggested v1 bound: the seed gives v1 none, but 200 messages of 8000 characters would overflow the served
 * context (6144 tokens) once the ~1500-token prompt, a script and the reply are added. Same stable-window
 * idea as v2 on the token budget: when full, down to half of it.
 */
export const V1_HISTORY_LIMITS = { maxTokens: 3000, lowWater: { exchanges: Number.POSITIVE_INFINITY, tokens: 1500 } } as const satisfies SanitizeOptions;

/** How the window is configured (`HISTORY_*` variables of the chat service). */
export type WindowConfig = {
  HISTORY_WINDOW: "stable" | "sliding";
  /** v2 low-water mark in exchanges (the v2 default is 4). */
  HISTORY_LOW_WATER_EXCHANGES?: number;
  /** Low-water mark of the token budgets, as a share of the budget (default 0.5). */
  HISTORY_LOW_WATER_TOKENS_RATIO?: number;
};

/** The limits of a prompt family under the configured window. */
export function historyLimits(family: "v1" | "v2", config: WindowConfig): SanitizeOptions {
  const limits: SanitizeOptions = family === "v2" ? V2_HISTORY_LIMITS : V1_HISTORY_LIMITS;
  if (config.HISTORY_WINDOW === "sliding") return slidingLimits(limits);
  const ratio = config.HISTORY_LOW_WATER_TOKENS_RATIO ?? 0.5;
  const exchanges = family === "v2" ? (config.HISTORY_LOW_WATER_EXCHANGES ?? V2_HISTORY_LIMITS.lowWater.exchanges) : Number.POSITIVE_INFINITY;
  return { ...limits, lowWater: { exchanges, tokens: Math.floor((limits.maxTokens ?? 0) * ratio) } };
}

/** The same budgets as a sliding window (oldest pair out at each turn): what `HISTORY_WINDOW=sliding` uses. */
export const slidingLimits = ({ lowWater: _, ...limits }: SanitizeOptions): SanitizeOptions => limits;

/**
 * Clean `history` and end it with the fan's `message`; see the module comment for every rule.
 * The result is never empty, alternates strictly, starts and ends with a user turn.
 */
export function sanitizeHistory(
  history: readonly ChatMessage[],
  message: string,
  options: SanitizeOptions = {},
): ChatMessage[] {
  const turns = mergeSameRole(dropDuplicates(dropEmpty(history)));
  if (turns[0]?.role === "assistant") turns.unshift({ role: "user", content: CONVERSATION_START_PLACEHOLDER });
  endWithFanMessage(turns, message.trim());
  return fitBudgets(turns, options);
}

function dropEmpty(history: readonly ChatMessage[]): ChatMessage[] {
  return history
    .map((item) => ({ role: item.role, content: item.content.trim() }))
    .filter((item) => item.content.length > 0);
}

function dropDuplicates(messages: ChatMessage[]): ChatMessage[] {
  const seenAssistant = new Set<string>();
  const kept: ChatMessage[] = [];
  let previousUserSinceReply: string | null = null;
  for (const item of messages) {
    if (item.role === "assistant") {
      if (seenAssistant.has(item.content)) continue;
      seenAssistant.add(item.content);
      previousUserSinceReply = null;
    } else {
      if (item.content === previousUserSinceReply) continue;
      previousUserSinceReply = item.content;
    }
    kept.push(item);
  }
  return kept;
}

function mergeSameRole(messages: ChatMessage[]): ChatMessage[] {
  const merged: ChatMessage[] = [];
  for (const item of messages) {
    const last = merged.at(-1);
    if (last && last.role === item.role) last.content = `${last.content}\n${item.content}`;
    else merged.push({ ...item });
  }
  return merged;
}

function endWithFanMessage(turns: ChatMessage[], message: string): void {
  const last = turns.at(-1);
  if (message.length === 0) {
    if (last?.role !== "user") turns.push({ role: "user", content: FOLLOWUP_PLACEHOLDER });
    return;
  }
  if (last?.role !== "user") {
    turns.push({ role: "user", content: message });
    return;
  }
  // The CRM sometimes includes the current message at the end of the history already.
  const alreadyThere = last.content === message || last.content.endsWith(`\n${message}`);
  if (!alreadyThere) last.content = `${last.content}\n${message}`;
}

function fitBudgets(turns: ChatMessage[], options: SanitizeOptions): ChatMessage[] {
  const count = options.countTokens ?? countTokens;
  const final = turns.at(-1);
  if (!final) return turns; // unreachable: endWithFanMessage always leaves a user turn
  const maxTokens = options.maxTokens ?? Number.POSITIVE_INFINITY;
  const cost = (item: ChatMessage) => count(item.content) + CHAT_MESSAGE_OVERHEAD_TOKENS;
  let finalTurn = final;
  let finalCost = cost(final);
  if (finalCost > maxTokens) {
    finalTurn = { role: "user", content: truncateToTokens(final.content, maxTokens - CHAT_MESSAGE_OVERHEAD_TOKENS) };
    finalCost = maxTokens;
  }
  const pairs = (turns.length - 1) / 2; // turns alternate user/assistant and end with the final user turn
  if (options.maxExchanges === undefined && options.maxTokens === undefined) return [...turns.slice(0, -1), finalTurn];
  const userCosts: number[] = [];
  const pairCosts: number[] = [];
  for (let i = 0; i < pairs; i++) {
    const userCost = cost(turns[2 * i]!);
    userCosts.push(userCost);
    pairCosts.push(userCost + cost(turns[2 * i + 1]!));
  }
  const start = windowStart(pairCosts, userCosts, finalCost, {
    maxExchanges: options.maxExchanges ?? Number.POSITIVE_INFINITY,
    maxTokens,
    lowWater: options.lowWater,
  });
  return [...turns.slice(2 * start, -1), finalTurn];
}
