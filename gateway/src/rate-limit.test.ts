/** Rate limiters: in memory and on the real Redis (shared by gateway replicas), and Redis failing open. */
import { afterAll, describe, expect, test } from "bun:test";
import { testServerUrl } from "@sinhome/testing";
import Redis from "ioredis";
import { MemoryRateLimiter, RedisRateLimiter, type RateLimiter } from "./rate-limit.ts";

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

  test("Redis unreachable: requests pass (fail-open) and the failure is reported", async () => {
    const dead = new Redis("redis://127.0.0.1:9", { maxRetriesPerRequest: 0, enableOfflineQueue: false, lazyConnect: true, retryStrategy: () => null });
    dead.on("error", () => {});
    const errors: unknown[] = [];
    const limiter = new RedisRateLimiter(dead, (e) => errors.push(e));
    expect((await limiter.hit("x", 1)).allowed).toBe(true);
    expect((await limiter.hit("x", 1)).allowed).toBe(true);
    expect(errors.length).toBe(2);
    dead.disconnect();
  });
});
