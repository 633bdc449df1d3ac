/** Builds the rate limiter the configuration asks for: Redis-backed (with its local fallback), in-memory, or none. */
import Redis from "ioredis";
import type { Bus } from "@sinhome/proto";
import type { Logger } from "@sinhome/runtime";
import { parseApiKeys } from "./auth.ts";
import type { GatewayEnv } from "./env.ts";
import { GatewayPeers } from "./peers.ts";
import { MemoryRateLimiter, RedisRateLimiter, type RateLimiter } from "./rate-limit.ts";

export type LimiterHandle = {
  limiter?: RateLimiter;
  /**
   * Resolves once Redis is connected (or after 2 s): until then checks are counted locally, so start
   * listening after it to keep the count exact from the first request.
   */
  ready: Promise<void>;
  close(): Promise<void>;
};

export function createRateLimiter(env: GatewayEnv, log: Logger, bus: Bus): LimiterHandle {
  // Off only when neither the default nor any key asks for a limit (a keys file may add one at any reload).
  const ownLimits = env.GATEWAY_KEYS_FILE !== undefined || parseApiKeys(env.GATEWAY_API_KEYS).entries.some((e) => (e.limitPerMinute ?? 0) > 0);
  if (env.RATE_LIMIT_PER_MINUTE === 0 && !ownLimits) {
    const peers = new GatewayPeers(bus, () => "off");
    return { ready: Promise.resolve(), close: async () => peers.close() };
  }
  if (!env.REDIS_URL) {
    const peers = new GatewayPeers(bus, () => "memory");
    return { limiter: new MemoryRateLimiter(), ready: Promise.resolve(), close: async () => peers.close() };
  }
  const redis = new Redis(env.REDIS_URL, { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2000 });
  let warned = 0;
  redis.on("error", (err) => {
    if (Date.now() - warned > 10_000) log.warn({ err: err.message }, "redis unavailable: rate limits counted locally (each gateway its share)");
    warned = Date.now();
  });
  let limiter: RedisRateLimiter | undefined;
  const peers = new GatewayPeers(bus, () => limiter?.mode() ?? "shared");
  limiter = new RedisRateLimiter(redis, (err) => log.warn({ err: err instanceof Error ? err.message : String(err) }, "rate limits: redis check failed, counting locally"), () => peers.count());
  redis.on("ready", () => log.info("redis reachable: rate limits shared again"));
  const ready = new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, 2000);
    redis.once("ready", () => {
      clearTimeout(timer);
      resolve();
    });
  });
  return {
    limiter,
    ready,
    close: async () => {
      peers.close();
      redis.disconnect();
    },
  };
}
