/**
 * The QA run's access to the LLM: chat's `LlmComplete` over the bus (ops never calls an LLM itself). Each call
 * gets its own budget, cut to what is left before the run's deadline, so a slow case fails alone with
 * `timeout` and the run still answers in time.
 */
import { AppError, Subject, type Bus, type LlmCompleteRequest, type LlmCompleteResponse, type QaRunRequest } from "@sinhome/proto";
import type { Completer } from "./run.ts";

/** Most time one case may take: a 72B model answering a short chat message needs far less. */
export const CASE_BUDGET_MS = 60_000;
/** The bus waits a little longer than the LLM call, so chat's own `llm_timeout` answer can still arrive. */
const BUS_MARGIN_MS = 500;
/** Kept after the last call to assemble and send the run's reply before the caller gives up. */
const REPLY_MARGIN_MS = 250;
/** Smallest LLM timeout worth asking for (the contract's minimum of `timeout_ms`). */
const MIN_LLM_TIMEOUT_MS = 100;

export type CompleterOptions = {
  bus: Pick<Bus, "requestJson">;
  requestId: string;
  /** Epoch ms after which the run's caller has given up. */
  deadline: number;
  backend?: QaRunRequest["backend"];
  /** The A/B arm (MODEL_ROUTES name) to test. */
  modelRoute?: string;
  caseBudgetMs?: number;
  now?: () => number;
};

export function busCompleter(opts: CompleterOptions): Completer {
  const now = opts.now ?? Date.now;
  const caseBudgetMs = opts.caseBudgetMs ?? CASE_BUDGET_MS;
  return async (qaCase) => {
    const budget = Math.min(caseBudgetMs, Math.floor(opts.deadline - now() - REPLY_MARGIN_MS));
    const llmTimeout = budget - BUS_MARGIN_MS;
    if (llmTimeout < MIN_LLM_TIMEOUT_MS) throw new AppError("timeout", "no time left before the QA run's deadline");
    const request: LlmCompleteRequest = {
      messages: qaCase.messages,
      max_tokens: qaCase.maxTokens,
      timeout_ms: llmTimeout,
      ...(opts.backend ? { backend: opts.backend } : {}),
      ...(opts.modelRoute ? { model_route: opts.modelRoute } : {}),
    };
    const reply = await opts.bus.requestJson<LlmCompleteResponse>(Subject.LlmComplete, request, { timeoutMs: budget, requestId: opts.requestId, resend: true });
    return typeof reply?.text === "string" ? reply.text : "";
  };
}
