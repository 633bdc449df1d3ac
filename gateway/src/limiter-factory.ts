/** Builds the rate limiter the configuration asks for: Redis-backed, in-memory, or none. */
import Redis from "ioredis";
import type { Logger } from "@sinhome/runtime";
import { parseApiKeys } from "./auth.ts";
import type { GatewayEnv } from "./env.ts";
import { MemoryRateLimiter, RedisRateLimiter, type RateLimiter } from "./rate-limit.ts";

export type LimiterHandle = {
  limiter?: RateLimiter;
  /**
   * Resolves once Redis is connected (or after 2 s): until then every check fails open, so start
   * listening after it to keep the count exact from the first request.
   */
  ready: Promise<void>;
  close(): Promise<void>;
};

export function createRateLimiter(env: GatewayEnv, log: Logger): LimiterHandle {
  // Off only when neither the default nor any key asks for a limit (a keys file may add one at any reload).
  const ownLimits = env.GATEWAY_KEYS_FILE !== undefined || parseApiKeys(env.GATEWAY_API_KEYS).entries.some((e) => (e.limitPerMinute ?? 0) > 0);
  if (env.RATE_LIMIT_PER_MINUTE === 0 && !ownLimits) return { ready: Promise.resolve(), close: async () => {} };
  if (!env.REDIS_URL) return { limiter: new MemoryRateLimiter(), ready: Promise.resolve(), close: async () => {} };
  const redis = new Redis(env.REDIS_URL, { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2000 });
  let warned = 0;
  redis.on("error", (err) => {
    if (Date.now() - warned > 10_000) log.warn({ err: err.message }, "redis unavailable: rate limits fail open");
    warned = Date.now();
  });
  const limiter = new RedisRateLimiter(redis, (err) => log.debug({ err }, "rate limit check failed"));
  const ready = new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, 2000);
    redis.once("ready", () => {
      clearTimeout(timer);
      resolve();
    });
  });
  return { limiter, ready, close: async () => void redis.disconnect() };
}
