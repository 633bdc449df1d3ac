/** Starts every part of the mesh in this process; used by `bun run start` and by end-to-end tests. */
import { createBus, type ServiceRegistration } from "@sinhome/proto";
import { createLogger, embeddedLogPath, EmbeddedUsageStore, embeddedUsagePath, PostgresUsageStore, listenForMetricsReset, loadEnvOrExit, openConversationLog, redactUrl, setupTracing, type Logger, type MeshService } from "@sinhome/runtime";
import { createGateway } from "@sinhome/gateway";
import { keyRingFromEnv } from "@sinhome/gateway/src/auth.ts";
import { parseGatewayEnv } from "@sinhome/gateway/src/env.ts";
import { createRateLimiter } from "@sinhome/gateway/src/limiter-factory.ts";
import { SERVER_BODY_LIMIT } from "@sinhome/gateway/src/body.ts";
import { createChatService } from "@sinhome/chat";
import { parseChatEnv } from "@sinhome/chat/src/env.ts";
import { createMediaService } from "@sinhome/media";
import { parseMediaEnv } from "@sinhome/media/src/env.ts";
import { createOpsService } from "@sinhome/ops";
import { parseOpsEnv } from "@sinhome/ops/src/env.ts";
import { createOutcomesService } from "@sinhome/outcomes";
import { parseOutcomesEnv } from "@sinhome/outcomes/src/env.ts";
import { createScoringService } from "@sinhome/scoring";
import { parseScoringEnv } from "@sinhome/scoring/src/env.ts";
import { banner } from "./banner.ts";

export type AllInOne = { url: string; port: number; log: Logger; stop(): Promise<void> };

export async function startAllInOne(source: Record<string, string | undefined>, opts: { quiet?: boolean } = {}): Promise<AllInOne> {
  const gatewayEnv = loadEnvOrExit("gateway", () => parseGatewayEnv(source));
  const chatEnv = loadEnvOrExit("chat", () => parseChatEnv(source));
  const scoringEnv = loadEnvOrExit("scoring", () => parseScoringEnv(source));
  const mediaEnv = loadEnvOrExit("media", () => parseMediaEnv(source));
  const opsEnv = loadEnvOrExit("ops", () => parseOpsEnv(source));
  const outcomesEnv = loadEnvOrExit("outcomes", () => parseOutcomesEnv(source));
  const log = createLogger("all-in-one", opts.quiet ? "warn" : gatewayEnv.LOG_LEVEL);
  const tracing = setupTracing({ serviceName: "sinhome-all-in-one", endpoint: gatewayEnv.OTEL_EXPORTER_OTLP_ENDPOINT, sampleRatio: gatewayEnv.OTEL_TRACES_SAMPLER_ARG });
  const bus = await createBus({ natsUrl: gatewayEnv.NATS_URL, transport: gatewayEnv.NATS_TRANSPORT, name: "all-in-one", onUnexpected: (subject, err) => log.error({ subject, err }, "handler failed") });
  // One conversation log for every part of this process: JetStream with NATS_URL, else the embedded store under DATA_DIR.
  const conversations = await openConversationLog(opsEnv, { name: "all-in-one", manage: true, log });
  // One usage ledger for chat (writes) and ops (reads): PostgreSQL with DATABASE_URL, else `<DATA_DIR>/usage.sqlite`.
  const usageStore = chatEnv.DATABASE_URL ? PostgresUsageStore.open(chatEnv.DATABASE_URL) : new EmbeddedUsageStore(embeddedUsagePath(chatEnv.DATA_DIR));
  const deps = { bus, log, conversations, usageStore };

  const services: MeshService[] = [
    await createChatService(chatEnv, deps),
    await createScoringService(scoringEnv, deps),
    await createMediaService(mediaEnv, deps),
    await createOpsService(opsEnv, deps),
    await createOutcomesService(outcomesEnv, deps),
  ];
  const registrations: ServiceRegistration[] = [];
  for (const s of services) registrations.push(await bus.addService(s.definition));
  const stopReset = listenForMetricsReset(bus, services.map((s) => s.counters));

  const limiter = createRateLimiter(gatewayEnv, log, bus);
  await limiter.ready;
  const keys = keyRingFromEnv(gatewayEnv, log);
  const app = createGateway({ bus, env: gatewayEnv, log, rateLimiter: limiter.limiter, conversations, keys }).listen({
    port: gatewayEnv.PORT,
    hostname: gatewayEnv.HOST,
    maxRequestBodySize: SERVER_BODY_LIMIT,
    // Elysia shares ports by default; a second all-in-one on the same port must fail, not split the traffic.
    reusePort: false,
  });
  const port = app.server!.port!;
  const url = `http://${gatewayEnv.HOST === "0.0.0.0" ? "localhost" : gatewayEnv.HOST}:${port}`;
  if (!opts.quiet) {
    console.log(banner({
      url,
      bus: gatewayEnv.NATS_URL ? `NATS ${redactUrl(gatewayEnv.NATS_URL)}` : "in-process bus (set NATS_URL for a real NATS)",
      database: mediaEnv.DATABASE_URL ? `PostgreSQL ${redactUrl(mediaEnv.DATABASE_URL)}` : `embedded PGlite in ${mediaEnv.DATA_DIR} (set DATABASE_URL for PostgreSQL)`,
      conversations: conversations.kind === "jetstream"
        ? `JetStream stream, kept ${opsEnv.LOG_RETENTION_HOURS} h`
        : `embedded in ${embeddedLogPath(opsEnv.DATA_DIR)}, kept ${opsEnv.LOG_RETENTION_HOURS} h`,
      redis: gatewayEnv.REDIS_URL ? `Redis ${redactUrl(gatewayEnv.REDIS_URL)}` : "in memory (set REDIS_URL for Redis)",
      llm: chatEnv.VLLM_DISCOVERY
        ? `vLLM replicas from ${chatEnv.VLLM_DISCOVERY} (${chatEnv.VLLM_MODEL_NAME})`
        : chatEnv.VLLM_BASE_URL
          ? `vLLM ${chatEnv.VLLM_BASE_URL.split(",").map((u) => redactUrl(u.trim())).join(", ")} (${chatEnv.VLLM_MODEL_NAME})`
          : "SIMULATOR — no real LLM (set VLLM_BASE_URL)",
      grok: chatEnv.GROK_API_KEY ? `Grok ${redactUrl(chatEnv.GROK_BASE_URL)}` : "disabled (set GROK_API_KEY)",
      auth: keys.describe(),
    }));
  }

  return {
    url,
    port,
    log,
    stop: async () => {
      await app.server?.stop(false);
      await Promise.all(registrations.map((r) => r.stop(gatewayEnv.SHUTDOWN_GRACE_MS)));
      stopReset();
      for (const s of services) await s.close();
      await conversations.close();
      await usageStore.close();
      await bus.close();
      await limiter.close();
      await tracing.shutdown();
    },
  };
}
