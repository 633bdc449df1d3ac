/** The ops service on the bus: health of everything, metrics summed over the mesh, QA, log stream health. */
import { ServiceName, Subject, tenantOf, type BusRequest, type UsageQuery, type HealthResponse, type LogsHealthResponse, type MetricsResetResponse } from "@sinhome/proto";
import { audited, auditCaller, AuditAction, countedEndpoints, openConversationLog, PostgresUsageStore, ServiceCounters, type MeshService, type ServiceDeps } from "@sinhome/runtime";
import Redis from "ioredis";
import type { OpsEnv } from "./env.ts";
import { collectHealth, collectMetrics } from "./health/collect.ts";
import { GatewayLimits } from "./health/gateways.ts";
import { logHandlers } from "./logs/handlers.ts";
import { qaHandlers } from "./qa/handlers.ts";
import { collectUsage } from "./usage/collect.ts";

export const OPS_VERSION = "0.1.0";

export async function createOpsService(env: OpsEnv, { bus, log, conversations: shared, usageStore: sharedUsage }: ServiceDeps): Promise<MeshService> {
  const counters = new ServiceCounters(ServiceName.Ops);
  // Ops owns the persisted log: it reads it, and applies LOG_RETENTION_HOURS / LOG_MAX_BYTES to the stream.
  const conversations = shared ?? (env.NATS_URL ? await openConversationLog(env, { name: "ops", manage: true, log }) : undefined);
  const logs = logHandlers(conversations, log, bus);
  const startedAt = new Date();
  const redis = env.REDIS_URL
    ? new Redis(env.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 2000, enableOfflineQueue: false })
    : undefined;
  redis?.on("error", (err) => log.warn({ err: err.message }, "redis unavailable"));
  redis?.connect().catch(() => {});
  const gatewayLimits = new GatewayLimits(bus);
  // The durable usage ledger chat writes: the host's, or PostgreSQL (DATABASE_URL); none = ask each chat instance.
  const usageStore = sharedUsage ?? (env.DATABASE_URL ? PostgresUsageStore.open(env.DATABASE_URL) : undefined);
  let eventsSeen = 0;
  let lastEventMs: number | undefined;
  // Only counted: the event itself is never read (nor decoded).
  const stopLogs = bus.subscribe(Subject.LogsChat, () => {
    eventsSeen++;
    lastEventMs = Date.now();
  }, { decode: false });

  const health = ({ requestId }: { requestId: string }): Promise<HealthResponse> =>
    collectHealth({ bus, redis, gatewayLimits, startedAt, llmTimeoutMs: env.HEALTH_LLM_TIMEOUT_MS, dbTimeoutMs: env.HEALTH_DB_TIMEOUT_MS, requestId });

  const reset = (req: BusRequest): Promise<MetricsResetResponse> =>
    audited(log, { action: AuditAction.MetricsReset, ...auditCaller(req.headers), target: null }, () => resetEverywhere());
  const resetEverywhere = async (): Promise<MetricsResetResponse> => {
    bus.publish(Subject.ControlMetricsReset, { at: new Date().toISOString() });
    const instances = await bus.ping(undefined, 500).catch(() => []);
    return { reset: true, instances: instances.length };
  };

  const logsHealth = async (): Promise<LogsHealthResponse> => {
    const stored = await conversations?.stats().catch(() => undefined);
    return {
      status: bus.isConnected() && (!conversations || stored) ? "ok" : "down",
      bus: bus.kind,
      events_seen: eventsSeen,
      last_event_at: lastEventMs === undefined ? null : new Date(lastEventMs).toISOString(),
      ...(conversations ? { store: conversations.kind, ...(stored ? { stored_events: stored.events, stored_bytes: stored.bytes, last_stored_at: stored.lastEventAt } : {}) } : {}),
      retention_hours: env.LOG_RETENTION_HOURS,
    };
  };

  const qa = qaHandlers(bus, log);

  return {
    counters,
    definition: {
      name: ServiceName.Ops,
      version: OPS_VERSION,
      description: "Operations: health, metrics, QA runs, log stream",
      statsData: () => counters.snapshot(),
      endpoints: countedEndpoints(counters, {
        health: { subject: Subject.Health, handler: health },
        metrics: { subject: Subject.Metrics, handler: () => collectMetrics(bus) },
        metrics_reset: { subject: Subject.MetricsReset, handler: reset },
        qa_run: { subject: Subject.QaRun, handler: qa.run },
        qa_builtin: { subject: Subject.QaBuiltin, handler: qa.builtin },
        qa_smoke: { subject: Subject.QaSmoke, handler: qa.smoke },
        logs_health: { subject: Subject.LogsHealth, handler: logsHealth },
        logs_history: { subject: Subject.LogsHistory, handler: logs.history },
        logs_erase: { subject: Subject.LogsErase, handler: logs.erase },
        usage: { subject: Subject.Usage, handler: (req) => collectUsage(bus, req.body as UsageQuery, tenantOf(req.headers), undefined, usageStore) },
      }),
    },
    readiness: async () => [],
    close: async () => {
      stopLogs();
      gatewayLimits.close();
      if (!sharedUsage) await usageStore?.close();
      redis?.disconnect();
      if (!shared) await conversations?.close();
    },
  };
}
