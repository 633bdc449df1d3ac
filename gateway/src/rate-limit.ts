/**
 * Fixed-window rate limits per caller (an API key's name, or a client address): in Redis when
 * REDIS_URL is set (one INCR per request, so the count is exact and shared by every gateway
 * replica), in memory otherwise. Each call carries the caller's own limit (keys may have their
 * own). While Redis is unreachable each gateway counts alone, allowing its share of the limit —
 * the limit divided by the number of gateways it hears over the bus (`peers.ts`) — so an outage
 * neither takes the API down nor lifts every limit; the next check that reaches Redis counts there again.
 */
import type Redis from "ioredis";
import { prom } from "@sinhome/runtime";

export type RateDecision = { allowed: boolean; retryAfterS: number };

/** How this gateway counts right now (broadcast in its presence, reported by health). */
export type LimiterMode = "shared" | "local" | "memory";

export interface RateLimiter {
  /** Counts one request of `caller` and says whether it stays within `perMinute`. */
  hit(caller: string, perMinute: number): Promise<RateDecision>;
  mode(): LimiterMode;
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

  mode(): LimiterMode {
    return "memory";
  }
}

const LUA = `local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return {n, redis.call('PTTL', KEYS[1])}`;

/** A gateway's share of a limit while it counts alone (never 0: a limit of 1 still lets one through). */
export const localShare = (perMinute: number, gateways: number): number => Math.max(1, Math.floor(perMinute / Math.max(1, gateways)));

export class RedisRateLimiter implements RateLimiter {
  private readonly local = new MemoryRateLimiter();
  private failing = false;

  constructor(
    private readonly redis: Redis,
    private readonly onError: (e: unknown) => void,
    /** How many gateways share the traffic (this one included), as heard over the bus. */
    private readonly gateways: () => number = () => 1,
  ) {}

  async hit(key: string, perMinute: number): Promise<RateDecision> {
    try {
      const [count, ttl] = (await this.redis.eval(LUA, 1, `sinhome:rl:${key}`, WINDOW_MS)) as [number, number];
      this.failing = false;
      return { allowed: count <= perMinute, retryAfterS: Math.max(1, Math.ceil(ttl / 1000)) };
    } catch (e) {
      if (!this.failing) this.onError(e);
      this.failing = true;
      prom.rateLimitLocalChecks.inc();
      return this.local.hit(key, localShare(perMinute, this.gateways()));
    }
  }

  mode(): LimiterMode {
    return this.failing ? "local" : "shared";
  }
}
