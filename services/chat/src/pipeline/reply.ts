/**
 * One chat exchange, the same for every persona endpoint: safety guard → prompt (static prefix,
 * persona, history, post-history directives) → LLM with content retries → post-processing → log
 * event. v1 fails with the error shape (502/503/504); v2 never fails the CRM: it answers 200 with
 * `fallback: true`, the error code and a short neutral in-persona line.
 */
import { routeLabel, toAppError, V2_FALLBACK_TEXT, type Bus, type BusRequest, type ChatResponse } from "@sinhome/proto";
import type { ConversationLog, Logger, ServiceCounters } from "@sinhome/runtime";
import { shortenAtSentence } from "../checks/index.ts";
import type { ChatEnv } from "../env.ts";
import { historyLimits, sanitizeHistory } from "../history/index.ts";
import type { LlmRouter } from "../llm/router.ts";
import { usageCallerOf, type UsageLedger } from "../usage/ledger.ts";
import { AI_HONESTY_DIRECTIVE, MEETING_DECLINE_DIRECTIVE, assembleMessages } from "../persona/index.ts";
import { personaFingerprint } from "../persona/fingerprint.ts";
import { detectMeetingRequest, isSincereAiQuestion, neutralizeFakeDirectives, type GuardModelGate } from "../safety/index.ts";
import type { PersonaChatBody, PersonaEndpoint } from "./endpoints.ts";
import { generate } from "./generate.ts";
import { startFanGuard } from "./guarded.ts";
import { fixedReply, publishFailure, respond, type Exchange } from "./respond.ts";

/** Reply budgets (tokens): v2 per SPEC; v1 and direct are short texting too, with some slack. */
export const MAX_TOKENS = { v1: 350, v2: 200, direct: 512 } as const;
export const V2_MAX_CHARS = 400;
/** What a disclosure notice always leaves to the v2 reply itself before the whole is cut. */
const V2_MIN_REPLY_CHARS = 80;
const TEMPERATURE = 0.8;
/** Kept between our deadline and the gateway's, so our answer (even a v2 fallback) arrives in time. */
const DEADLINE_MARGIN_MS = 500;

export type ChatDeps = { router: LlmRouter; counters: ServiceCounters; env: ChatEnv; bus: Bus; log: Logger; guardModel?: GuardModelGate; conversations?: ConversationLog; usage: UsageLedger; modelRoute?: string };

/** Every backend failed: say why in our logs (the caller only gets the code and a generic sentence). */
function logLlmFailure(deps: ChatDeps, req: BusRequest, endpoint: string, e: unknown): void {
  const error = toAppError(e);
  const cause = error.cause instanceof Error ? error.cause.message : undefined;
  deps.log.warn({ requestId: req.requestId, endpoint, code: error.code, cause }, "chat request failed");
}

/** A v1 or direct exchange that failed: logged, put on the log stream with its code, then rethrown. */
export function failExchange(deps: ChatDeps, req: BusRequest, exchange: Exchange, e: unknown): never {
  logLlmFailure(deps, req, exchange.path, e);
  publishFailure(deps, deps.env.LOG_CONTENT, req, exchange, toAppError(e).code);
  throw e;
}

/** The request's own deadline: what the caller allows, capped by CHAT_DEADLINE_MS. */
export const deadlineOf = (req: BusRequest, env: ChatEnv, started: number) =>
  Math.min(req.deadline - DEADLINE_MARGIN_MS, started + env.CHAT_DEADLINE_MS);

const isFirstMessage = (body: PersonaChatBody) => !(body.history ?? []).some((m) => m.role === "assistant");

export function personaReplyHandler(endpoint: PersonaEndpoint, deps: ChatDeps) {
  const { env } = deps;
  return async (req: BusRequest): Promise<ChatResponse> => {
    const started = Date.now();
    const body = req.body as PersonaChatBody;
    // Fan texts cannot pose as our bracketed top-priority instructions.
    const message = neutralizeFakeDirectives(body.message ?? "");
    const history = (body.history ?? []).map((m) => (m.role === "user" ? { ...m, content: neutralizeFakeDirectives(m.content) } : m));
    const exchange: Exchange = { path: endpoint.path, sessionId: body.session_id, message, started, v2: endpoint.family === "v2", modelRoute: deps.modelRoute, persona: personaFingerprint(body.persona_data) };

    // Minors guard: the lexicon now; the guard model runs while the prompt is built, awaited before the LLM.
    const guard = startFanGuard(deps, req, { message, history, script: body.script, persona: { traits: endpoint.traits(body) } });
    if (guard.blocked) return respond(deps, env.LOG_CONTENT, req, exchange, guard.blocked);

    const aiQuestion = isSincereAiQuestion(message);
    const meetingRequest = detectMeetingRequest(message);
    exchange.signals = { aiQuestion, meetingRequest };
    const directives = [
      ...endpoint.directives(body),
      ...(aiQuestion ? [AI_HONESTY_DIRECTIVE] : []),
      ...(meetingRequest ? [MEETING_DECLINE_DIRECTIVE] : []),
    ];
    const sanitized = sanitizeHistory(history, message, historyLimits(endpoint.family, env));
    const messages = assembleMessages(endpoint.prompt(body, directives), sanitized);
    exchange.promptMessages = messages;
    try {
      const modelBlock = await guard.modelVerdict();
      if (modelBlock) return respond(deps, env.LOG_CONTENT, req, exchange, modelBlock);
      const generated = await generate({
        messages,
        history,
        maxTokens: MAX_TOKENS[endpoint.family],
        temperature: TEMPERATURE,
        backend: endpoint.backend,
        deadline: deadlineOf(req, env, started),
        contentRetries: env.LLM_CONTENT_RETRIES,
        aiQuestion,
        checks: "persona",
        meter: deps.usage.meter(usageCallerOf(req.headers), endpoint.path, req.requestId),
      }, deps.router, deps.counters);
      if (generated.backend === "guard") return respond(deps, env.LOG_CONTENT, req, exchange, generated);
      const notice = env.AI_DISCLOSURE_NOTICE && isFirstMessage(body) ? `${env.AI_DISCLOSURE_NOTICE}\n\n` : "";
      // v2's 400 characters include the disclosure notice: the reply is shortened to what the notice leaves.
      if (endpoint.family === "v2") generated.text = shortenAtSentence(generated.text, Math.max(V2_MIN_REPLY_CHARS, V2_MAX_CHARS - [...notice].length));
      generated.text = notice + generated.text;
      // A notice so long it leaves less than V2_MIN_REPLY_CHARS: the whole message is cut, still at most 400.
      if (endpoint.family === "v2") generated.text = shortenAtSentence(generated.text, V2_MAX_CHARS);
      return respond(deps, env.LOG_CONTENT, req, exchange, generated);
    } catch (e) {
      if (endpoint.family === "v1") failExchange(deps, req, exchange, e);
      logLlmFailure(deps, req, endpoint.path, e);
      deps.counters.fallback(routeLabel({ method: "POST", path: endpoint.path }), toAppError(e).code);
      return respond(deps, env.LOG_CONTENT, req, exchange, fixedReply(V2_FALLBACK_TEXT, "none"), toAppError(e).code);
    }
  };
}
