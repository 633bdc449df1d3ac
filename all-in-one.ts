/**
 * The all-in-one: the gateway and the four services in one Bun process, over the in-process bus
 * (or NATS when NATS_URL is set). Embedded defaults: PGlite for media, in-memory rate limits,
 * the LLM simulator when no LLM is configured. `bun run start`.
 */
import { startAllInOne } from "./aio/start.ts";

const aio = await startAllInOne(process.env);
const shutdown = async (signal: string) => {
  aio.log.info({ signal }, "stopping");
  await aio.stop();
  process.exit(0);
};
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
