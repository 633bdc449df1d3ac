/**
 * The AI scoring call: exactly one request to chat's LLM access over the bus, never retried. Every
 * failure becomes a code instead of an exception, so the caller keeps its regex result:
 * `ai_timeout` (the LLM or the bus gave up, or no time was left before the caller's deadline),
 * `ai_unavailable` (no chat service, LLM down, any other error), `ai_parse_error` (no score in the answer).
 */
import { isAppError, Subject, type Bus, type ChatMessage, type LlmCompleteResponse } from "@sinhome/proto";
import { buildAiScoreRequest } from "./prompt.ts";
import { parseAiScore, type AiScore } from "./parse.ts";

export type AiErrorCode = "ai_timeout" | "ai_unavailable" | "ai_parse_error";
export type AiOutcome = ({ ok: true } & AiScore) | { ok: false; error: AiErrorCode };
export type AiScorer = (history: readonly ChatMessage[], ctx: { requestId: string; deadline: number }) => Promise<AiOutcome>;

/** The bus waits a little longer than the LLM call, so chat's own timeout answer can still arrive. */
export const BUS_MARGIN_MS = 500;
/** Time kept after the AI call to finish the reply before the caller's deadline. */
const REPLY_MARGIN_MS = 100;
/** Smallest LLM timeout worth asking for (the contract's minimum of `timeout_ms`). */
const MIN_AI_TIMEOUT_MS = 100;

export function createAiScorer(opts: { bus: Pick<Bus, "requestJson">; timeoutMs: number; now?: () => number }): AiScorer {
  const now = opts.now ?? Date.now;
  return async (history, { requestId, deadline }) => {
    const timeoutMs = Math.min(opts.timeoutMs, Math.floor(deadline - now() - BUS_MARGIN_MS - REPLY_MARGIN_MS));
    if (timeoutMs < MIN_AI_TIMEOUT_MS) return { ok: false, error: "ai_timeout" };
    let reply: LlmCompleteResponse;
    try {
      reply = await opts.bus.requestJson<LlmCompleteResponse>(Subject.LlmComplete, buildAiScoreRequest(history, timeoutMs), {
        timeoutMs: timeoutMs + BUS_MARGIN_MS,
        requestId,
      });
    } catch (e) {
      const timedOut = isAppError(e) && (e.code === "timeout" || e.code === "llm_timeout");
      return { ok: false, error: timedOut ? "ai_timeout" : "ai_unavailable" };
    }
    const parsed = typeof reply?.text === "string" ? parseAiScore(reply.text) : undefined;
    return parsed ? { ok: true, ...parsed } : { ok: false, error: "ai_parse_error" };
  };
}
