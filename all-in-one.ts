/**
 * The all-in-one: the gateway and the four services in one Bun process, over the in-process bus
 * (or NATS when NATS_URL is set). Embedded defaults: PGlite for media, in-memory rate limits,
 * the LLM simulator when no LLM is configured. `bun run start`.
 */
import { startAllInOne, type AllInOne } from "./aio/start.ts";

let aio: AllInOne;
try {
  aio = await startAllInOne(process.env);
} catch (e) {
  // Start-up failures (embedded database locked by another process, port taken...) are reported
  // as one plain sentence, not a stack trace.
  console.error(`[all-in-one] cannot start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
const shutdown = async (signal: string) => {
  aio.log.info({ signal }, "stopping");
  await aio.stop();
  process.exit(0);
};
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
