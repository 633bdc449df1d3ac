/**
 * Redis goes away and comes back under two gateways (a private redis-server that the test stops and
 * starts, a bus the gateways share). While it is away each gateway counts alone and allows its share of
 * the key's limit (limit ÷ gateways heard over the bus), so the limit still holds across both; health
 * (ops' view of the gateways' presence) says the limits are local and the fallback is counted; when
 * Redis is back, the shared count takes over again.
 */
import { afterAll, beforeAll, expect, test } from "bun:test";
import type { Subprocess } from "bun";
import Redis from "ioredis";
import { MemoryBus, Subject } from "@sinhome/proto";
import { createLogger, prom } from "@sinhome/runtime";
import { GatewayLimits } from "@sinhome/ops/src/health/gateways.ts";
import { createGateway } from "./app.ts";
import { parseGatewayEnv } from "./env.ts";
import { createRateLimiter, type LimiterHandle } from "./limiter-factory.ts";

const KEY = "outage-test-key-123456";
const LIMIT = 6;
const log = createLogger("redis-outage-test", "error");
const bus = new MemoryBus();
const gateways: { url: string; limiter: LimiterHandle; stop(): Promise<void> }[] = [];
const health = new GatewayLimits(bus);
let redisProc: Subprocess | undefined;
let port = 0;

function freePort(): number {
  const s = Bun.serve({ port: 0, hostname: "127.0.0.1", fetch: () => new Response() });
  const p = s.port!;
  s.stop(true);
  return p;
}

async function waitFor(check: () => Promise<boolean> | boolean, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await Promise.resolve(check()).catch(() => false)) return;
    await Bun.sleep(50);
  }
  throw new Error("condition not met in time");
}

async function startRedis(): Promise<void> {
  redisProc = Bun.spawn(["redis-server", "--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdout: "ignore", stderr: "ignore" });
  const probe = new Redis(`redis://127.0.0.1:${port}`, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  probe.on("error", () => {});
  await waitFor(async () => (await probe.connect().then(() => probe.ping(), () => "")) === "PONG", 10_000);
  probe.disconnect();
}

async function stopRedis(): Promise<void> {
  redisProc?.kill("SIGKILL");
  await redisProc?.exited;
}

const score = (url: string) =>
  fetch(`${url}/fan/interest_score`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${KEY}` }, body: '{"fan_id":"f1"}' }).then((r) => r.status);

/** Statuses of `n` requests, each sent to the gateway `pick(i)`. */
async function burst(n: number, pick: (i: number) => number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(await score(gateways[pick(i)]!.url));
  return out;
}
const allowed = (statuses: number[]) => statuses.filter((s) => s === 200).length;

beforeAll(async () => {
  port = freePort();
  await startRedis();
  await bus.addService({
    name: "scoring", version: "1.0.0", description: "stub",
    endpoints: { score: { subject: Subject.FanScore, handler: (req) => ({ fan_id: (req.body as { fan_id: string }).fan_id }) } },
  });
  for (let i = 0; i < 2; i++) {
    const env = parseGatewayEnv({ REDIS_URL: `redis://127.0.0.1:${port}`, GATEWAY_API_KEYS: `crm:${KEY}:${LIMIT}` });
    const limiter = createRateLimiter(env, log, bus);
    await limiter.ready;
    const app = createGateway({ bus, env, log, rateLimiter: limiter.limiter }).listen({ port: 0, hostname: "127.0.0.1" });
    gateways.push({ url: `http://127.0.0.1:${app.server!.port}`, limiter, stop: async () => { await app.server?.stop(true); await limiter.close(); } });
  }
  // Each gateway hears the other (presence every 2 s).
  await waitFor(() => health.component().instances === 2, 10_000);
}, 30_000);

afterAll(async () => {
  for (const g of gateways) await g.stop();
  health.close();
  await stopRedis();
});

test("Redis up: one shared count across both gateways", async () => {
  const statuses = await burst(LIMIT + 2, () => 0); // all on one gateway: the key's whole limit
  expect(allowed(statuses)).toBe(LIMIT);
  expect(health.component()).toMatchObject({ name: "rate_limits", status: "ok", instances: 2 });
});

test("Redis down: each gateway allows its share, the limit holds across both; health and a counter say so; Redis back: shared again", async () => {
  const fallbackBefore = (await prom.rateLimitLocalChecks.get()).values[0]?.value ?? 0;
  await stopRedis();

  // Every request still answered (no 5xx), but one gateway alone lets through only its half.
  const one = await burst(LIMIT + 2, () => 0);
  expect(one.every((s) => s === 200 || s === 429)).toBe(true);
  expect(allowed(one)).toBe(LIMIT / 2);
  const other = await burst(LIMIT + 2, () => 1);
  expect(allowed(other)).toBe(LIMIT / 2); // together: the key's limit, not twice it, and not unlimited
  expect(gateways.map((g) => g.limiter.limiter!.mode())).toEqual(["local", "local"]);
  expect(((await prom.rateLimitLocalChecks.get()).values[0]?.value ?? 0) - fallbackBefore).toBe(2 * (LIMIT + 2));
  await waitFor(() => health.component().status === "down", 5_000);
  expect(health.component()).toMatchObject({ name: "rate_limits", status: "down", error: "local_fallback", instances: 2 });

  await startRedis();
  // ioredis reconnects by itself; the first check that reaches Redis counts there again.
  const direct = new Redis(`redis://127.0.0.1:${port}`, { maxRetriesPerRequest: 1 });
  // (each gateway's own connection, within ioredis' reconnect back-off of at most 2 s).
  for (const g of gateways) {
    await waitFor(async () => {
      await score(g.url);
      return g.limiter.limiter!.mode() === "shared";
    }, 15_000);
  }
  await direct.del("sinhome:rl:key:crm");
  const back = await burst(LIMIT + 2, (i) => i % 2); // alternating: the shared count, not two halves
  expect(allowed(back)).toBe(LIMIT);
  expect(Number(await direct.get("sinhome:rl:key:crm"))).toBe(LIMIT + 2);
  direct.disconnect();
  await waitFor(() => health.component().status === "ok", 10_000); // at their next presence
}, 60_000);
