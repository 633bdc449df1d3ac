/**
 * Fixed-window rate limits per caller (an API key's name, or a client address): in Redis when
 * REDIS_URL is set (one INCR per request, so the count is exact and shared by every gateway
 * replica), in memory otherwise. Each call carries the caller's own limit (keys may have their
 * own). A Redis failure lets the request through (fail-open): the limiter protects the LLM from
 * floods, it must not take the API down with it.
 */
import type Redis from "ioredis";

export type RateDecision = { allowed: boolean; retryAfterS: number };

export interface RateLimiter {
  /** Counts one request of `caller` and says whether it stays within `perMinute`. */
  hit(caller: string, perMinute: number): Promise<RateDecision>;
}

const WINDOW_MS = 60_000;

export class MemoryRateLimiter implements RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  async hit(key: string, perMinute: number): Promise<RateDecision> {
    const now = Date.now();
    let w = this.windows.get(key);
    if (!w || now - w.start >= WINDOW_MS) {
      if (this.windows.size > 100_000) this.windows.clear(); // bounded memory under a key-spraying caller
      w = { start: now, count: 0 };
      this.windows.set(key, w);
    }
    w.count++;
    return { allowed: w.count <= perMinute, retryAfterS: Math.ceil((w.start + WINDOW_MS - now) / 1000) };
  }
}

const LUA = `local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return {n, redis.call('PTTL', KEYS[1])}`;

export class RedisRateLimiter implements RateLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly onError: (e: unknown) => void,
  ) {}

  async hit(key: string, perMinute: number): Promise<RateDecision> {
    try {
      const [count, ttl] = (await this.redis.eval(LUA, 1, `sinhome:rl:${key}`, WINDOW_MS)) as [number, number];
      return { allowed: count <= perMinute, retryAfterS: Math.max(1, Math.ceil(ttl / 1000)) };
    } catch (e) {
      this.onError(e);
      return { allowed: true, retryAfterS: 0 };
    }
  }
}
