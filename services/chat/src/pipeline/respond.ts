/** Turns a generated reply into the CRM's response and publishes the exchange on the log stream. */
import type { Bus, BusRequest, ChatResponse } from "@sinhome/proto";
import { publishExchange } from "../conversation-log.ts";
import { emptyRetries, type Generated } from "./generate.ts";

export type Exchange = {
  path: string;
  sessionId?: string;
  message: string;
  started: number;
  /** v2 responses always carry `fallback` and `error`. */
  v2: boolean;
};

/** A reply written by a rule rather than the LLM (safety guard, v2 fallback). */
export const fixedReply = (text: string, backend: "guard" | "none"): Generated => ({
  text,
  backend,
  model: "none",
  usage: { prompt_tokens: 0, completion_tokens: 0 },
  retries: emptyRetries(),
});

export function respond(bus: Bus, logContent: boolean, req: BusRequest, exchange: Exchange, generated: Generated, failure?: string): ChatResponse {
  const response: ChatResponse = {
    response: generated.text,
    backend: generated.backend,
    model: generated.model,
    retries: generated.retries,
    usage: generated.usage,
    latency_ms: Date.now() - exchange.started,
    request_id: req.requestId,
    ...(exchange.v2 ? { fallback: failure !== undefined, error: failure ?? null } : {}),
  };
  publishExchange(bus, logContent, {
    endpoint: exchange.path,
    request_id: req.requestId,
    session_id: exchange.sessionId ?? null,
    backend: response.backend,
    model: response.model,
    latency_ms: response.latency_ms,
    retries: response.retries,
    usage: response.usage,
    fallback: failure !== undefined,
    error: failure ?? null,
    message: exchange.message,
    response: response.response,
  });
  return response;
}
