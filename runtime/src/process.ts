/**
 * Runs one mesh service as its own process (its own pod): NATS bus, probe/metrics HTTP port,
 * graceful shutdown. SIGTERM: readiness turns 503 (no new traffic from Kubernetes), the service
 * leaves its queue groups (no new bus work), in-flight requests finish (up to SHUTDOWN_GRACE_MS),
 * NATS drains, the last spans are flushed, then the process exits 0.
 */
import { AppError, NatsBus, type Bus, type NatsTransport } from "@sinhome/proto";
import type { ConversationLog } from "./conversation-log/types.ts";
import type { UsageStore } from "./usage-store/types.ts";
import { createLogger, type Logger } from "./log.ts";
import { registry } from "./metrics.ts";
import { listenForMetricsReset, type MeshService } from "./service.ts";
import { setupTracing } from "./tracing.ts";

export type ProcessEnv = {
  NATS_URL?: string;
  NATS_TRANSPORT: NatsTransport;
  LOG_LEVEL: string;
  HEALTH_PORT: number;
  OTEL_EXPORTER_OTLP_ENDPOINT?: string;
  OTEL_TRACES_SAMPLER_ARG: number;
  SHUTDOWN_GRACE_MS: number;
};

/**
 * What a service gets from its host. `conversations`: the persisted conversation log when the host
 * shares one (the all-in-one); a service process opens its own (JetStream) when NATS_URL is set.
 */
export type ServiceDeps = { bus: Bus; log: Logger; conversations?: ConversationLog; usageStore?: UsageStore };

const json = (body: unknown, status = 200) => Response.json(body, { status });

/** A taken probe port is a configuration mistake: say which variable to change instead of a stack trace. */
function listenOrExit<T>(name: string, port: number, listen: () => T): T {
  try {
    return listen();
  } catch (e) {
    console.error(`[${name}] cannot listen on HEALTH_PORT ${port}: ${e instanceof Error ? e.message : String(e)} (set HEALTH_PORT to a free port)`);
    process.exit(1);
  }
}

export async function runServiceProcess(opts: {
  name: string;
  env: ProcessEnv;
  create: (deps: ServiceDeps) => Promise<MeshService>;
}): Promise<void> {
  const { name, env } = opts;
  const log = createLogger(name, env.LOG_LEVEL);
  if (!env.NATS_URL) {
    console.error(`[${name}] NATS_URL is required to run ${name} as its own process; use \`bun run start\` for the all-in-one.`);
    process.exit(1);
  }
  const tracing = setupTracing({ serviceName: name, endpoint: env.OTEL_EXPORTER_OTLP_ENDPOINT, sampleRatio: env.OTEL_TRACES_SAMPLER_ARG });
  const bus = await NatsBus.connect({
    servers: env.NATS_URL,
    transport: env.NATS_TRANSPORT,
    name,
    onUnexpected: (subject, err) => log.error({ subject, err }, "handler failed"),
  });
  const service = await opts.create({ bus, log });
  const registration = await bus.addService(service.definition);
  const stopReset = listenForMetricsReset(bus, [service.counters]);
  let draining = false;

  const probes = listenOrExit(name, env.HEALTH_PORT, () => Bun.serve({
    port: env.HEALTH_PORT,
    hostname: "0.0.0.0",
    fetch: async (req) => {
      const path = new URL(req.url).pathname;
      if (path === "/healthz") return json({ status: "ok" });
      if (path === "/metrics") return new Response(await registry.metrics(), { headers: { "content-type": registry.contentType } });
      if (path === "/readyz") {
        const checks = [{ name: "nats", ok: bus.isConnected() && !draining }, ...(await service.readiness())];
        return json({ ready: checks.every((c) => c.ok), checks }, checks.every((c) => c.ok) ? 200 : 503);
      }
      return json(new AppError("not_found", "unknown path").toBody(), 404);
    },
  }));
  log.info({ id: registration.id, probes: probes.port, tracing: tracing.enabled }, `${name} ready`);

  const shutdown = async (signal: string) => {
    if (draining) return;
    draining = true;
    log.info({ signal, inFlight: registration.inFlight() }, "draining");
    await registration.stop(env.SHUTDOWN_GRACE_MS);
    stopReset();
    await service.close();
    await bus.close();
    await tracing.shutdown();
    probes.stop(true);
    log.info("stopped");
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}
