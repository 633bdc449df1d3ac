/** Rate limiters: in memory and on the real Redis (shared by gateway replicas), and each gateway's local share while Redis is away. */
import { afterAll, describe, expect, test } from "bun:test";
import { testServerUrl } from "@sinhome/testing";
import Redis from "ioredis";
import { localShare, MemoryRateLimiter, RedisRateLimiter, type RateLimiter } from "./rate-limit.ts";

const REDIS_URL = await testServerUrl("redis");
const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
afterAll(() => redis.disconnect());

const suites: [string, () => RateLimiter][] = [
  ["memory", () => new MemoryRateLimiter()],
  ["redis", () => new RedisRateLimiter(redis, () => {})],
];

for (const [name, make] of suites) {
  describe(`${name} rate limiter`, () => {
    test("allows the limit per window, then refuses with a Retry-After within the minute", async () => {
      const limiter = make();
      const key = `rl-test-${crypto.randomUUID()}`;
      const decisions = [];
      for (let i = 0; i < 5; i++) decisions.push(await limiter.hit(key, 3));
      expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, false, false]);
      expect(decisions[3]!.retryAfterS).toBeGreaterThan(0);
      expect(decisions[3]!.retryAfterS).toBeLessThanOrEqual(60);
    });

    test("callers are counted separately", async () => {
      const limiter = make();
      const a = `rl-a-${crypto.randomUUID()}`;
      const b = `rl-b-${crypto.randomUUID()}`;
      for (let i = 0; i < 3; i++) await limiter.hit(a, 3);
      expect((await limiter.hit(a, 3)).allowed).toBe(false);
      expect((await limiter.hit(b, 3)).allowed).toBe(true);
    });
  });
}

describe("redis shared between gateway replicas", () => {
  test("two limiters on one Redis share the count", async () => {
    const other = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
    const one = new RedisRateLimiter(redis, () => {});
    const two = new RedisRateLimiter(other, () => {});
    const key = `rl-shared-${crypto.randomUUID()}`;
    await one.hit(key, 3);
    await two.hit(key, 3);
    await one.hit(key, 3);
    expect((await two.hit(key, 3)).allowed).toBe(false);
    other.disconnect();
  });

  test("Redis unreachable: each gateway counts its share of the limit locally, the outage reported once", async () => {
    const dead = new Redis("redis://127.0.0.1:9", { maxRetriesPerRequest: 0, enableOfflineQueue: false, lazyConnect: true, retryStrategy: () => null });
    dead.on("error", () => {});
    const errors: unknown[] = [];
    const limiter = new RedisRateLimiter(dead, (e) => errors.push(e), () => 2); // two gateways share the traffic
    const decisions = [];
    for (let i = 0; i < 4; i++) decisions.push((await limiter.hit("x", 5)).allowed);
    expect(decisions).toEqual([true, true, false, false]); // floor(5 / 2) = 2 here, the other gateway its own 2
    expect(limiter.mode()).toBe("local");
    expect(errors.length).toBe(1);
    dead.disconnect();
  });

  test("a gateway's local share is never 0", () => {
    expect(localShare(1, 3)).toBe(1);
    expect(localShare(6000, 3)).toBe(2000);
    expect(localShare(10, 0)).toBe(10);
  });
});
