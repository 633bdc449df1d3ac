/**
 * /direct_chat: no persona. The CRM's own `system_prompt` (if any), the sanitized history and the
 * message go to vLLM (with the usual transport retries and fallback); only CJK and empty replies are
 * retried, since a refusal is a legitimate answer without a persona. The minors guard still applies.
 */
import type { BusRequest, ChatResponse, DirectChatRequest } from "@sinhome/proto";
import { historyLimits, sanitizeHistory } from "../history/index.ts";
import type { LlmMessage } from "../llm/client.ts";
import { usageCallerOf } from "../usage/ledger.ts";
import { generate } from "./generate.ts";
import { startFanGuard } from "./guarded.ts";
import { deadlineOf, failExchange, MAX_TOKENS, type ChatDeps } from "./reply.ts";
import { respond, type Exchange } from "./respond.ts";

export function directChatHandler(deps: ChatDeps) {
  return async (req: BusRequest): Promise<ChatResponse> => {
    const started = Date.now();
    const body = req.body as DirectChatRequest;
    const history = body.history ?? [];
    const exchange: Exchange = { path: "/direct_chat", sessionId: body.session_id, message: body.message, started, v2: false };
    const guard = startFanGuard(deps, req, { message: body.message, history, script: body.system_prompt });
    if (guard.blocked) return respond(deps, deps.env.LOG_CONTENT, req, exchange, guard.blocked);
    const messages: LlmMessage[] = [
      ...(body.system_prompt ? [{ role: "system" as const, content: body.system_prompt }] : []),
      ...sanitizeHistory(history, body.message, historyLimits("v1", deps.env)),
    ];
    exchange.promptMessages = messages;
    const modelBlock = await guard.modelVerdict().catch((e: unknown) => failExchange(deps, req, exchange, e));
    if (modelBlock) return respond(deps, deps.env.LOG_CONTENT, req, exchange, modelBlock);
    const generated = await generate({
      messages,
      history,
      maxTokens: body.max_tokens ?? MAX_TOKENS.direct,
      temperature: body.temperature ?? 0.7,
      backend: "auto",
      deadline: deadlineOf(req, deps.env, started),
      contentRetries: deps.env.LLM_CONTENT_RETRIES,
      aiQuestion: false,
      checks: "direct",
      meter: deps.usage.meter(usageCallerOf(req.headers), "/direct_chat", req.requestId),
    }, deps.router, deps.counters).catch((e: unknown) => failExchange(deps, req, exchange, e));
    return respond(deps, deps.env.LOG_CONTENT, req, exchange, generated);
  };
}
