/**
 * Opens a NATS connection on the chosen socket layer: `bun` (Bun.connect, bun-transport.ts) or
 * `node` (@nats-io/transport-node's node:net). nats.js keeps ONE transport factory per process and
 * uses it for every later reconnect of every connection, so a process must make one choice and open
 * all its connections here (the bus, the conversation log) — never through transport-node directly.
 */
import { lookup } from "node:dns/promises";
import { connect as nodeConnect } from "@nats-io/transport-node";
import { errors, hasWsProtocol, NatsConnectionImpl, setTransportFactory, type ConnectionOptions, type NatsConnection } from "@nats-io/nats-core/internal";
import { BunTransport } from "./bun-transport.ts";

export const NatsTransports = ["bun", "node"] as const;
export type NatsTransport = (typeof NatsTransports)[number];

/** The default of NATS_TRANSPORT, chosen by measurement (README, Performance). */
export const DEFAULT_NATS_TRANSPORT: NatsTransport = "bun";

/** Every address of a host name, as NodeTransport resolves them (the client tries each in turn). */
async function resolveHost(host: string): Promise<string[]> {
  const addresses = await lookup(host, { all: true });
  return addresses.length ? addresses.map((a) => a.address) : [host];
}

export function connectNats(opts: ConnectionOptions, transport: NatsTransport = DEFAULT_NATS_TRANSPORT): Promise<NatsConnection> {
  if (transport === "node") return nodeConnect(opts);
  if (hasWsProtocol(opts)) return Promise.reject(errors.InvalidArgumentError.format("servers", "websocket URLs need nats.js's wsconnect, not a TCP transport"));
  setTransportFactory({ factory: () => new BunTransport(), dnsResolveFn: resolveHost });
  return NatsConnectionImpl.connect(opts);
}
