/** Picks the bus: NATS when a URL is configured, the in-process bus otherwise. */
import type { HandlerErrorHook } from "./dispatch.ts";
import { MemoryBus } from "./memory.ts";
import { NatsBus } from "./nats.ts";
import type { NatsTransport } from "./nats-connect.ts";
import type { Bus } from "./types.ts";

export { MemoryBus } from "./memory.ts";
export { NatsBus } from "./nats.ts";
export { connectNats, DEFAULT_NATS_TRANSPORT, NatsTransports, type NatsTransport } from "./nats-connect.ts";
export { encodeJson, decodeJson } from "./dispatch.ts";
export { PROGRESS_INTERVAL_MS, STALL_MS } from "./liveness.ts";
export type { HandlerErrorHook } from "./dispatch.ts";
export * from "./stream.ts";
export * from "./stream-server.ts";

export async function createBus(opts: { natsUrl?: string; transport?: NatsTransport; name: string; onUnexpected?: HandlerErrorHook }): Promise<Bus> {
  if (opts.natsUrl) return NatsBus.connect({ servers: opts.natsUrl, transport: opts.transport, name: opts.name, onUnexpected: opts.onUnexpected });
  return new MemoryBus(opts.onUnexpected);
}
