/** Runs the gateway as its own process: HTTP in, NATS out. */
import { NatsBus } from "@sinhome/proto";
import { createLogger, loadEnvOrExit, openConversationLog, setupTracing } from "@sinhome/runtime";
import { createGateway } from "./app.ts";
import { keyRingFromEnv } from "./auth.ts";
import { SERVER_BODY_LIMIT } from "./body.ts";
import { parseGatewayEnv } from "./env.ts";
import { createRateLimiter } from "./limiter-factory.ts";

const env = loadEnvOrExit("gateway", () => parseGatewayEnv());
const log = createLogger("gateway", env.LOG_LEVEL);
if (!env.NATS_URL) {
  console.error("[gateway] NATS_URL is required to run the gateway as its own process; use `bun run start` for the all-in-one.");
  process.exit(1);
}
const tracing = setupTracing({ serviceName: "gateway", endpoint: env.OTEL_EXPORTER_OTLP_ENDPOINT, sampleRatio: env.OTEL_TRACES_SAMPLER_ARG });
const bus = await NatsBus.connect({ servers: env.NATS_URL, transport: env.NATS_TRANSPORT, name: "gateway", onUnexpected: (subject, err) => log.error({ subject, err }, "bus error") });
const limiter = createRateLimiter(env, log, bus);
// `/logs/stream` follows the persisted conversation log (JetStream) directly.
const conversations = await openConversationLog(env, { name: "gateway", manage: false, log });
await limiter.ready;
const keys = keyRingFromEnv(env, log);
if (keys.enabled) log.info({ keys: keys.status().keys, source: keys.status().source }, `auth: ${keys.describe()}`);
else log.warn("no GATEWAY_KEYS_FILE or GATEWAY_API_KEYS: the API is open to anyone who can reach it");
let stopping = false;
const app = createGateway({ bus, env, log, rateLimiter: limiter.limiter, conversations, accepting: () => !stopping, keys });
let server: typeof app;
try {
  // Elysia shares ports by default; a second gateway on the same port must fail, not split the traffic.
  server = app.listen({ port: env.PORT, hostname: env.HOST, maxRequestBodySize: SERVER_BODY_LIMIT, reusePort: false });
} catch (e) {
  console.error(`[gateway] cannot listen on ${env.HOST}:${env.PORT}: ${e instanceof Error ? e.message : String(e)} (set PORT to a free port)`);
  process.exit(1);
}
log.info({ port: server.server?.port }, "gateway ready");

const shutdown = async () => {
  if (stopping) return;
  stopping = true;
  // Stop accepting connections, let in-flight requests finish, then drain the bus.
  await server.server?.stop(false);
  await bus.close();
  await conversations.close();
  await limiter.close();
  await tracing.shutdown();
  process.exit(0);
};
process.on("SIGTERM", () => void shutdown());
process.on("SIGINT", () => void shutdown());
