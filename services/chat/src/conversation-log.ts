/**
 * The conversation log: after each exchange chat stores one event in the persisted log (JetStream in
 * the mesh, the embedded store in the all-in-one) and broadcasts it on the bus (ops counts them).
 * Fire-and-forget: nothing here is awaited by the reply path, and a failing store only logs a warning.
 * With LOG_CONTENT=false the events carry metadata only, never the texts.
 */
import { BusHeader, Subject, type Bus, type ChatLogEvent } from "@sinhome/proto";
import type { ConversationLog, Logger } from "@sinhome/runtime";

/** One exchange; `tenant` is the caller's (`""` = the default tenant), so the log can be read per tenant. `key_name` comes from the bus headers. */
export type ExchangeRecord = Omit<ChatLogEvent, "timestamp" | "message" | "response" | "tenant" | "key_name"> & { tenant: string; message: string; response: string };

/** Where an exchange goes: the bus broadcast, and the persisted log when there is one. */
export type ExchangeSink = { bus: Bus; conversations?: ConversationLog; log?: Logger };

/** Warnings about a failing store, at most one every 10 s (a down JetStream must not flood the logs). */
let lastWarning = 0;

/** Who asked, from the bus headers the gateway sets: the key's name (never the key), when present. */
export const callerOf = (headers: Record<string, string>): Pick<ChatLogEvent, "key_name"> =>
  headers[BusHeader.KeyName] ? { key_name: headers[BusHeader.KeyName] } : {};

export function publishExchange(sink: ExchangeSink, logContent: boolean, record: ExchangeRecord, headers: Record<string, string> = {}): void {
  const { message, response, prompt_messages, ...meta } = record;
  const content = logContent ? { message, response, ...(prompt_messages ? { prompt_messages } : {}) } : {};
  const event: ChatLogEvent = { timestamp: new Date().toISOString(), ...meta, ...callerOf(headers), ...content };
  // The broadcast is only counted (ops): it goes without the prompt, kilobytes that only the persisted log needs.
  sink.bus.publish(Subject.LogsChat, prompt_messages && logContent ? { ...event, prompt_messages: undefined } : event);
  sink.conversations?.append(event).catch((err: unknown) => {
    if (Date.now() - lastWarning < 10_000) return;
    lastWarning = Date.now();
    sink.log?.warn({ err: err instanceof Error ? err.message : String(err) }, "conversation log: event not stored");
  });
}
