/** Turns a generated reply into the CRM's response and publishes the exchange on the log stream. */
import { dataTenantOf, type BusRequest, type ChatResponse, type Handoff } from "@sinhome/proto";
import { publishExchange, type ExchangeSink } from "../conversation-log.ts";
import { countHandoff, detectHandoff } from "../handoff/index.ts";
import { emptyRetries, type Generated } from "./generate.ts";

export type Exchange = {
  path: string;
  sessionId?: string;
  message: string;
  started: number;
  /** v2 responses always carry `fallback` and `error`. */
  v2: boolean;
  /** The A/B arm answering (MODEL_ROUTES name); absent outside A/B routing (direct, Grok). */
  modelRoute?: string;
  /** Short hash of the persona (see persona/fingerprint.ts). */
  persona?: string;
  /** The messages as sent to the model (kept in the log only with LOG_CONTENT). */
  promptMessages?: { role: string; content: string }[];
  /** What the pipeline detected on the fan's message, reused by the hand-off signal. */
  signals?: { aiQuestion: boolean; meetingRequest: boolean };
};

/** A reply written by a rule rather than the LLM (safety guard, v2 fallback). */
export const fixedReply = (text: string, backend: "guard" | "none"): Generated => ({
  text,
  backend,
  model: "none",
  usage: { prompt_tokens: 0, completion_tokens: 0 },
  retries: emptyRetries(),
});

function publish(sink: ExchangeSink, logContent: boolean, req: BusRequest, exchange: Exchange, generated: Generated, latencyMs: number, fallback: boolean, error: string | null, handoff: Handoff): void {
  publishExchange(sink, logContent, {
    endpoint: exchange.path,
    request_id: req.requestId,
    session_id: exchange.sessionId ?? null,
    tenant: dataTenantOf(req.headers),
    backend: generated.backend,
    model: generated.model,
    latency_ms: latencyMs,
    retries: generated.retries,
    usage: generated.usage,
    fallback,
    error,
    message: exchange.message,
    response: generated.text,
    ...(generated.guard ? { guard: generated.guard } : {}),
    ...(exchange.modelRoute ? { model_route: exchange.modelRoute } : {}),
    ...(exchange.persona ? { persona: exchange.persona } : {}),
    ...(exchange.promptMessages ? { prompt_messages: exchange.promptMessages } : {}),
    handoff,
  }, req.headers);
}

/** The hand-off signal of an exchange, counted by reason. */
function handoffOf(exchange: Exchange, generated: Generated, failed: boolean): Handoff {
  const handoff = detectHandoff({ message: exchange.message, guarded: generated.backend === "guard", fallback: failed, refusals: generated.retries.refusal, ...exchange.signals });
  countHandoff(handoff);
  return handoff;
}

/** The response to send; `failure` (v2 only) is the error code when no backend could answer. */
export function respond(sink: ExchangeSink, logContent: boolean, req: BusRequest, exchange: Exchange, generated: Generated, failure?: string): ChatResponse {
  const latencyMs = Date.now() - exchange.started;
  const handoff = handoffOf(exchange, generated, failure !== undefined);
  publish(sink, logContent, req, exchange, generated, latencyMs, failure !== undefined, failure ?? null, handoff);
  return {
    response: generated.text,
    backend: generated.backend,
    model: generated.model,
    retries: generated.retries,
    usage: generated.usage,
    latency_ms: latencyMs,
    request_id: req.requestId,
    ...(exchange.v2 ? { fallback: failure !== undefined, error: failure ?? null } : {}),
    handoff,
  };
}

/** A v1 exchange that failed (every backend down): still on the log stream, so operators see it. */
export function publishFailure(sink: ExchangeSink, logContent: boolean, req: BusRequest, exchange: Exchange, code: string): void {
  const generated = fixedReply("", "none");
  publish(sink, logContent, req, exchange, generated, Date.now() - exchange.started, false, code, handoffOf(exchange, generated, true));
}
