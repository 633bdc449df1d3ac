/**
 * The conversation log stream: after each exchange chat publishes one event on a broadcast subject
 * (fire-and-forget: `publish` never awaits and never throws), which `/logs/stream` relays as SSE.
 * With LOG_CONTENT=false the events carry metadata only, never the texts.
 */
import { Subject, type Bus, type ChatLogEvent } from "@sinhome/proto";

export type ExchangeRecord = Omit<ChatLogEvent, "timestamp" | "message" | "response"> & { message: string; response: string };

export function publishExchange(bus: Bus, logContent: boolean, record: ExchangeRecord): void {
  const { message, response, ...meta } = record;
  const event: ChatLogEvent = { timestamp: new Date().toISOString(), ...meta, ...(logContent ? { message, response } : {}) };
  bus.publish(Subject.LogsChat, event);
}
