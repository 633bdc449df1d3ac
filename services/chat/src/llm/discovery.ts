/**
 * `VLLM_DISCOVERY=dns:<host>:<port>`: the vLLM replicas are the addresses a (Kubernetes headless Service)
 * name resolves to, re-resolved periodically so scaling vLLM up or down needs no chat restart. A failed or
 * empty resolution keeps the last known set (a DNS hiccup must not empty the pool); a replica that vanished
 * from DNS leaves the ring at once and its personas move to the next replica.
 */
import { lookup } from "node:dns/promises";
import type { Logger } from "@sinhome/runtime";
import type { ReplicaPool } from "./replicas.ts";

/** Addresses of a host name (A and AAAA records, through the system resolver like every other client). */
export type Resolver = (host: string) => Promise<string[]>;

export const systemResolver: Resolver = async (host) => (await lookup(host, { all: true })).map((a) => a.address);

export function parseDiscovery(spec: string): { host: string; port: number } {
  const match = /^dns:([A-Za-z0-9.-]+):(\d{1,5})$/.exec(spec);
  const port = Number(match?.[2]);
  if (!match || port < 1 || port > 65535) throw new Error(`VLLM_DISCOVERY must be dns:<host>:<port>, got '${spec}'`);
  return { host: match[1]!, port };
}

/** Longest wait for the first DNS answer at start (the periodic re-resolution catches up afterwards). */
export const FIRST_RESOLUTION_MS = 2000;

const baseUrlOf = (address: string, port: number) => `http://${address.includes(":") ? `[${address}]` : address}:${port}/v1`;

export class DnsDiscovery {
  private readonly target: { host: string; port: number };
  private timer?: ReturnType<typeof setInterval>;

  constructor(
    spec: string,
    private readonly pool: ReplicaPool,
    private readonly opts: { intervalMs: number; resolver?: Resolver; log?: Logger },
  ) {
    this.target = parseDiscovery(spec);
  }

  /** Resolves now; true when the pool got a non-empty set. */
  async refresh(): Promise<boolean> {
    const { host, port } = this.target;
    let addresses: string[];
    try {
      addresses = [...new Set(await (this.opts.resolver ?? systemResolver)(host))].sort();
    } catch (e) {
      this.opts.log?.warn({ host, err: e instanceof Error ? e.message : String(e) }, "vLLM discovery: resolution failed, keeping the last replicas");
      return false;
    }
    if (addresses.length === 0) {
      this.opts.log?.warn({ host }, "vLLM discovery: no address, keeping the last replicas");
      return false;
    }
    const { added, removed } = this.pool.setUrls(addresses.map((a) => baseUrlOf(a, port)));
    if (added.length || removed.length) this.opts.log?.info({ host, added, removed, replicas: addresses.length }, "vLLM replicas changed");
    return true;
  }

  /**
   * First resolution (awaited up to `FIRST_RESOLUTION_MS`, so the service usually starts with its replicas but
   * a hanging resolver never delays readiness), then every `intervalMs`.
   */
  async start(): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([this.refresh(), new Promise<void>((resolve) => (timer = setTimeout(resolve, FIRST_RESOLUTION_MS)))]);
    clearTimeout(timer);
    this.timer = setInterval(() => void this.refresh(), this.opts.intervalMs);
    this.timer.unref?.();
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
