/**
 * Gathers the health of everything: LLM backends (asked of chat, which owns LLM access), the
 * database (asked of media, which owns it), Redis, NATS, and how many instances of each service
 * answer discovery. Every probe has its own budget and runs concurrently.
 */
import { AppError, ServiceName, Subject, type Bus, type ComponentsReply, type HealthComponent, type HealthResponse } from "@sinhome/proto";
import { sumSnapshots } from "@sinhome/runtime";
import type { MetricsSnapshot } from "@sinhome/proto";
import type Redis from "ioredis";
import type { GatewayLimits } from "./gateways.ts";
import { overallStatus } from "./status.ts";

export type HealthDeps = {
  bus: Bus;
  redis?: Redis;
  /** How the gateways count rate limits (their presence broadcasts). */
  gatewayLimits?: GatewayLimits;
  startedAt: Date;
  llmTimeoutMs: number;
  dbTimeoutMs: number;
  requestId: string;
};

const SERVICES = [ServiceName.Chat, ServiceName.Scoring, ServiceName.Media, ServiceName.Ops, ServiceName.Outcomes];

async function timed(name: string, probe: () => Promise<unknown>): Promise<HealthComponent> {
  const started = performance.now();
  try {
    await probe();
    return { name, status: "ok", latency_ms: round(performance.now() - started) };
  } catch (e) {
    return { name, status: "down", latency_ms: round(performance.now() - started), error: describe(e) };
  }
}

const round = (ms: number) => Math.round(ms * 10) / 10;
const describe = (e: unknown) => (e instanceof AppError ? e.code : e instanceof Error ? e.name : "error");

async function askComponents(bus: Bus, subject: Subject, timeoutMs: number, requestId: string, fallbackNames: string[]): Promise<ComponentsReply> {
  try {
    return await bus.requestJson<ComponentsReply>(subject, {}, { timeoutMs, requestId, resend: true });
  } catch (e) {
    return { components: fallbackNames.map((name) => ({ name, status: "down", latency_ms: null, error: describe(e) })) };
  }
}

/** Sum of the counter snapshots of every instance of every service. */
export async function collectMetrics(bus: Bus): Promise<MetricsSnapshot> {
  const stats = await bus.stats(undefined, 1000).catch(() => []);
  return sumSnapshots(stats.map((s) => s.data).filter((d): d is MetricsSnapshot => !!d && typeof d === "object" && "total_requests" in d));
}

export async function collectHealth(deps: HealthDeps): Promise<HealthResponse> {
  const { bus } = deps;
  const [instances, llm, db, redis, nats, metrics] = await Promise.all([
    bus.ping(undefined, 500).catch(() => []),
    askComponents(bus, Subject.LlmStatus, deps.llmTimeoutMs + 1000, deps.requestId, ["vllm", "grok"]),
    askComponents(bus, Subject.MediaStatus, deps.dbTimeoutMs + 500, deps.requestId, ["database"]),
    deps.redis
      ? timed("redis", () => deps.redis!.ping())
      : Promise.resolve<HealthComponent>({ name: "redis", status: "not_configured", latency_ms: null }),
    bus.kind === "nats"
      ? timed("nats", () => bus.rtt())
      : Promise.resolve<HealthComponent>({ name: "nats", status: "not_configured", latency_ms: null }),
    collectMetrics(bus),
  ]);
  const services: HealthComponent[] = SERVICES.map((name) => {
    const count = instances.filter((i) => i.name === name).length;
    return { name, status: count > 0 ? "ok" : "down", latency_ms: null, instances: count };
  });
  const limits = deps.gatewayLimits ? [deps.gatewayLimits.component()] : [];
  const components = [...llm.components, ...db.components, redis, ...limits, nats, ...services];
  return {
    status: overallStatus(components),
    timestamp: new Date().toISOString(),
    uptime_since: deps.startedAt.toISOString(),
    llm_backend: llm.llm_backend ?? "unknown",
    model_name: llm.model_name ?? "unknown",
    components,
    metrics,
  };
}
