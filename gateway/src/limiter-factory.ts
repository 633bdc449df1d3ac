/** Builds the rate limiter the configuration asks for: Redis-backed, in-memory, or none. */
import Redis from "ioredis";
import type { Logger } from "@sinhome/runtime";
import type { GatewayEnv } from "./env.ts";
import { MemoryRateLimiter, RedisRateLimiter, type RateLimiter } from "./rate-limit.ts";

export function createRateLimiter(env: GatewayEnv, log: Logger): { limiter?: RateLimiter; close(): Promise<void> } {
  if (env.RATE_LIMIT_PER_MINUTE === 0) return { close: async () => {} };
  if (!env.REDIS_URL) return { limiter: new MemoryRateLimiter(env.RATE_LIMIT_PER_MINUTE), close: async () => {} };
  const redis = new Redis(env.REDIS_URL, { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2000 });
  let warned = 0;
  redis.on("error", (err) => {
    if (Date.now() - warned > 10_000) log.warn({ err: err.message }, "redis unavailable: rate limits fail open");
    warned = Date.now();
  });
  const limiter = new RedisRateLimiter(redis, env.RATE_LIMIT_PER_MINUTE, (err) => log.debug({ err }, "rate limit check failed"));
  return { limiter, close: async () => void redis.disconnect() };
}
