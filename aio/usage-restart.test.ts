/**
 * Usage survives restarts. Mesh: gateway, ops and two chat processes over real NATS with the ledger in
 * PostgreSQL; `/monitoring/usage` (by key, endpoint and model) is identical before and after every chat
 * process is restarted (SIGTERM, as Kubernetes does, then two new ones). All-in-one: the same across a
 * restart of the whole process, with the ledger in `<DATA_DIR>/usage.sqlite`.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import type { Subprocess } from "bun";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startSimulator, type Simulator } from "@sinhome/llm-sim";
import { NatsBus, type UsageResponse } from "@sinhome/proto";
import { startAllInOne } from "./start.ts";

const NATS_URL = process.env.TEST_NATS_URL ?? "nats://127.0.0.1:4222";
const DATABASE_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const root = new URL("..", import.meta.url).pathname;
const run = crypto.randomUUID().slice(0, 8);
const KEY = `usage-restart-${run}`;
const NAME = `crm-${run}`;
const auth = { authorization: `Bearer ${KEY}`, "content-type": "application/json" };
let sim: Simulator;

function freePort(): number {
  const s = Bun.serve({ port: 0, hostname: "127.0.0.1", fetch: () => new Response() });
  const port = s.port!;
  s.stop(true);
  return port;
}

async function waitFor(check: () => Promise<boolean> | boolean, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await Promise.resolve(check()).catch(() => false)) return;
    await Bun.sleep(100);
  }
  throw new Error("condition not met in time");
}

const since = new Date(Date.now() - 60_000).toISOString();
/** The three views of usage for a window that covers this run. */
async function usage(base: string): Promise<UsageResponse["rows"][]> {
  const views: UsageResponse["rows"][] = [];
  for (const group of ["key", "endpoint", "model"]) {
    const res = await fetch(`${base}/monitoring/usage?group_by=${group}&since=${since}`, { headers: auth });
    expect(res.status).toBe(200);
    views.push(((await res.json()) as UsageResponse).rows);
  }
  return views;
}
const requestsOf = (views: UsageResponse["rows"][]) => views[0]!.find((r) => r.group === NAME)?.requests ?? 0;

async function converse(base: string, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    const path = i % 2 ? "/v2/personality_chat" : "/personality_chat";
    const res = await fetch(`${base}${path}`, { method: "POST", headers: auth, body: JSON.stringify({ message: `Coucou ${i}, ça va ?` }) });
    expect(res.status).toBe(200);
  }
}

beforeAll(() => {
  sim = startSimulator({ port: 0, hostname: "127.0.0.1" });
});
afterAll(async () => {
  await sim.stop();
});

describe("mesh: ledger in PostgreSQL", () => {
  const procs = new Set<Subprocess>();
  let base = "";
  let bus: NatsBus;
  const spawn = (entry: string, env: Record<string, string> = {}) => {
    const p = Bun.spawn(["bun", entry], {
      cwd: root,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", NATS_URL, DATABASE_URL, LOG_LEVEL: "error", HEALTH_PORT: "0", ...env },
      stdout: "ignore",
      stderr: "inherit",
    });
    procs.add(p);
    return p;
  };
  const startChat = () => spawn("services/chat/src/main.ts", { VLLM_BASE_URL: sim.url, LLM_FALLBACK: "none" });
  const chatCount = async () => (await bus.ping("chat", 300)).length;

  beforeAll(async () => {
    bus = await NatsBus.connect({ servers: NATS_URL, name: "usage-restart-test" });
    const port = freePort();
    base = `http://127.0.0.1:${port}`;
    spawn("gateway/src/main.ts", { PORT: String(port), HOST: "127.0.0.1", RATE_LIMIT_PER_MINUTE: "0", GATEWAY_API_KEYS: `${NAME}:${KEY}` });
    spawn("services/ops/src/main.ts");
    await waitFor(async () => (await fetch(`${base}/healthz`)).ok, 20_000);
  }, 40_000);
  afterAll(async () => {
    for (const p of procs) p.kill("SIGKILL");
    await Promise.all([...procs].map((p) => p.exited));
    await bus.close();
  });

  test("identical /monitoring/usage before and after every chat process restarts", async () => {
    const chats = [startChat(), startChat()];
    await waitFor(async () => (await chatCount()) === 2, 20_000);
    await converse(base, 10);
    await waitFor(async () => requestsOf(await usage(base)) === 10, 10_000); // written off the request path
    const before = await usage(base);

    for (const p of chats) {
      p.kill("SIGTERM");
      await p.exited;
      procs.delete(p);
    }
    await waitFor(async () => (await chatCount()) === 0, 10_000);
    expect(await usage(base)).toEqual(before); // with no chat instance at all
    startChat();
    startChat();
    await waitFor(async () => (await chatCount()) === 2, 20_000);
    expect(await usage(base)).toEqual(before);

    await converse(base, 2); // and it goes on counting
    await waitFor(async () => requestsOf(await usage(base)) === 12, 10_000);
  }, 90_000);
});

describe("all-in-one: ledger in DATA_DIR", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "usage-restart-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  test("identical /monitoring/usage across a restart of the process", async () => {
    const env = { PORT: "0", HOST: "127.0.0.1", DATA_DIR: dataDir, LOG_LEVEL: "error", GATEWAY_API_KEYS: `${NAME}:${KEY}`, VLLM_BASE_URL: sim.url, LLM_FALLBACK: "none" };
    const first = await startAllInOne(env, { quiet: true });
    await converse(first.url, 6);
    await waitFor(async () => requestsOf(await usage(first.url)) === 6, 10_000);
    const before = await usage(first.url);
    await first.stop();

    const second = await startAllInOne(env, { quiet: true });
    try {
      expect(await usage(second.url)).toEqual(before);
    } finally {
      await second.stop();
    }
  }, 60_000);
});
