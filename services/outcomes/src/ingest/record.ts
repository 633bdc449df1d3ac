/**
 * A conversation log event as a reply record (pure). Only chat replies the CRM could act on make a
 * record: an exchange that failed outright (v1 error, cancelled stream) has no reply to give feedback on.
 */
import type { ChatLogEvent, Handoff } from "@sinhome/proto";

export type ReplyRecord = {
  request_id: string;
  at: string;
  session_id: string | null;
  key_name: string | null;
  /** `""` = the default tenant (keys without one, events from before tenants). */
  tenant: string;
  endpoint: string;
  backend: string;
  model: string;
  arm: string | null;
  persona: string | null;
  prompt_tokens: number;
  completion_tokens: number;
  latency_ms: number;
  retries: Record<string, number>;
  fallback: boolean;
  error: string | null;
  guard: ChatLogEvent["guard"] | null;
  handoff: Handoff | null;
  /** Only when the log carries texts (LOG_CONTENT). */
  messages: { role: string; content: string }[] | null;
  reply: string | null;
};

export function toReplyRecord(event: ChatLogEvent): ReplyRecord | null {
  if (!event.request_id || (event.error !== null && !event.fallback && event.backend !== "guard")) return null;
  const at = Date.parse(event.timestamp);
  return {
    request_id: event.request_id,
    at: new Date(Number.isFinite(at) ? at : Date.now()).toISOString(),
    session_id: event.session_id ?? null,
    key_name: event.key_name ?? null,
    tenant: event.tenant ?? "",
    endpoint: event.endpoint,
    backend: event.backend,
    model: event.model,
    arm: event.model_route ?? null,
    persona: event.persona ?? null,
    prompt_tokens: event.usage?.prompt_tokens ?? 0,
    completion_tokens: event.usage?.completion_tokens ?? 0,
    latency_ms: event.latency_ms ?? 0,
    retries: { ...event.retries },
    fallback: event.fallback,
    error: event.error,
    guard: event.guard ?? null,
    handoff: event.handoff ?? null,
    messages: event.prompt_messages ?? null,
    reply: event.response ?? null,
  };
}
