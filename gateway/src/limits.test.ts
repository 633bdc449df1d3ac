/**
 * Limits a CRM can live with, through a real listening gateway (the client address comes from the
 * socket): a CRM-shaped load passes with the defaults, keys carry their own limits, a spoofed
 * X-Forwarded-For from an untrusted peer changes nothing, and a trusted proxy's does.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import Redis from "ioredis";
import { MemoryBus, Subject } from "@sinhome/proto";
import { createLogger } from "@sinhome/runtime";
import { createGateway } from "./app.ts";
import { parseApiKeys } from "./auth.ts";
import { TrustedProxies } from "./client-address.ts";
import { parseGatewayEnv } from "./env.ts";
import { createRateLimiter } from "./limiter-factory.ts";
import { MemoryRateLimiter, RedisRateLimiter } from "./rate-limit.ts";
import { testServerUrl } from "@sinhome/testing";

const REDIS_URL = await testServerUrl("redis");
const log = createLogger("limits-test", "error");
const bus = new MemoryBus();
const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
const started: { stop(): Promise<void> }[] = [];

beforeAll(async () => {
  await bus.addService({
    name: "scoring",
    version: "1.0.0",
    description: "stub",
    endpoints: { score: { subject: Subject.FanScore, handler: (req) => ({ fan_id: (req.body as { fan_id: string }).fan_id }) } },
  });
});
afterAll(async () => {
  for (const s of started) await s.stop();
  await bus.close();
  redis.disconnect();
});

/** A gateway listening on a loopback port, built the way main.ts builds it. */
async function listen(source: Record<string, string>) {
  const env = parseGatewayEnv(source);
  const limiter = createRateLimiter(env, log, bus);
  await limiter.ready;
  const app = createGateway({ bus, env, log, rateLimiter: limiter.limiter }).listen({ port: 0, hostname: "127.0.0.1" });
  started.push({ stop: async () => { await app.server?.stop(true); await limiter.close(); } });
  return `http://127.0.0.1:${app.server!.port}`;
}

const score = (base: string, headers: Record<string, string> = {}) =>
  fetch(`${base}/fan/interest_score`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: '{"fan_id":"f1"}' });

describe("defaults fit a CRM", () => {
  test("30 requests/s for 10 s from one address, no keys, default settings (Redis limiter): all 200", async () => {
    // A fresh Redis namespace per run: the limiter's windows are real and global.
    await redis.eval("for _, k in ipairs(redis.call('KEYS', 'sinhome:rl:ip:*')) do redis.call('DEL', k) end return 0", 0);
    const base = await listen({ REDIS_URL });
    const statuses: number[] = [];
    const inFlight: Promise<void>[] = [];
    const t0 = performance.now();
    for (let i = 0; i < 300; i++) {
      const due = t0 + (i * 1000) / 30;
      const wait = due - performance.now();
      if (wait > 0) await Bun.sleep(wait);
      inFlight.push(score(base).then(async (r) => { statuses.push(r.status); await r.arrayBuffer(); }));
    }
    await Promise.all(inFlight);
    expect(statuses).toHaveLength(300);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
  }, 30_000);

  test("the default limit sustains a whole minute at 30/s for one caller", async () => {
    const limiter = new MemoryRateLimiter();
    const perMinute = parseGatewayEnv({}).RATE_LIMIT_PER_MINUTE;
    let refused = 0;
    for (let i = 0; i < 30 * 60; i++) if (!(await limiter.hit("ip:10.0.0.1", perMinute)).allowed) refused++;
    expect(refused).toBe(0);
  });
});

describe("per-key limits", () => {
  test("two keys with different limits are limited apart, exactly, across two gateways on one Redis", async () => {
    const run = crypto.randomUUID().slice(0, 8);
    const keys = `crm-${run}:k1-${run}:3,tool-${run}:k2-${run}:5`;
    const one = await listen({ REDIS_URL, GATEWAY_API_KEYS: keys });
    const two = await listen({ REDIS_URL, GATEWAY_API_KEYS: keys });
    const k1: number[] = [];
    const k2: number[] = [];
    for (let i = 0; i < 7; i++) {
      // Alternate gateways: the count is global, not per replica.
      k1.push((await score(i % 2 ? one : two, { "x-api-key": `k1-${run}` })).status);
      k2.push((await score(i % 2 ? two : one, { authorization: `Bearer k2-${run}` })).status);
    }
    expect(k1).toEqual([200, 200, 200, 429, 429, 429, 429]);
    expect(k2).toEqual([200, 200, 200, 200, 200, 429, 429]);
  });

  test("a key without its own limit gets RATE_LIMIT_PER_MINUTE; limit 0 = unlimited", async () => {
    const base = await listen({ GATEWAY_API_KEYS: "plain-key,bulk:bulk-key:0", RATE_LIMIT_PER_MINUTE: "2" });
    const plain = [];
    for (let i = 0; i < 3; i++) plain.push((await score(base, { "x-api-key": "plain-key" })).status);
    expect(plain).toEqual([200, 200, 429]);
    for (let i = 0; i < 10; i++) expect((await score(base, { "x-api-key": "bulk-key" })).status).toBe(200);
  });

  test("GATEWAY_API_KEYS format errors are named at start", () => {
    expect(parseApiKeys("a:b:c:d").problems[0]).toContain("name:key:limit");
    expect(parseApiKeys("x:k1,x:k2").problems[0]).toContain("duplicate name x");
    expect(parseApiKeys("crm:k:lots").problems[0]).toContain("limit");
    expect(() => parseGatewayEnv({ GATEWAY_API_KEYS: "bad name!:k" })).toThrow("GATEWAY_API_KEYS entry 1");
    expect(() => parseGatewayEnv({ TRUSTED_PROXIES: "10.0.0.0/8,not-an-ip" })).toThrow("not-an-ip");
  });
});

describe("client address", () => {
  test("a spoofed X-Forwarded-For from an untrusted peer is ignored: one socket, one bucket", async () => {
    const base = await listen({ RATE_LIMIT_PER_MINUTE: "3" });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await score(base, { "x-forwarded-for": `203.0.113.${i}` })).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
  });

  test("behind a trusted proxy, each forwarded client has its own bucket", async () => {
    const base = await listen({ RATE_LIMIT_PER_MINUTE: "2", TRUSTED_PROXIES: "127.0.0.0/8,::1" });
    const a = [];
    for (let i = 0; i < 3; i++) a.push((await score(base, { "x-forwarded-for": "198.51.100.7" })).status);
    expect(a).toEqual([200, 200, 429]);
    expect((await score(base, { "x-forwarded-for": "198.51.100.8" })).status).toBe(200);
  });

  test("X-Forwarded-For is read from the right, skipping trusted hops; the client's own left part is not believed", () => {
    const p = new TrustedProxies("10.0.0.0/8");
    expect(p.clientOf("10.1.2.3", "6.6.6.6, 198.51.100.7, 10.9.9.9")).toBe("198.51.100.7");
    expect(p.clientOf("10.1.2.3", "10.2.2.2, 10.9.9.9")).toBe("10.2.2.2");
    expect(p.clientOf("::ffff:10.1.2.3", "198.51.100.7")).toBe("198.51.100.7");
    expect(p.clientOf("192.0.2.1", "198.51.100.7")).toBe("192.0.2.1");
    expect(p.clientOf("10.1.2.3", "garbage")).toBe("10.1.2.3");
    expect(p.clientOf("::ffff:192.0.2.1", null)).toBe("192.0.2.1");
  });

  test("the Redis limiter keeps its exact global count (fail-open path untouched)", async () => {
    const limiter = new RedisRateLimiter(redis, () => {});
    const caller = `ip:test-${crypto.randomUUID()}`;
    const allowed = await Promise.all(Array.from({ length: 20 }, () => limiter.hit(caller, 7)));
    expect(allowed.filter((d) => d.allowed)).toHaveLength(7);
  });
});
