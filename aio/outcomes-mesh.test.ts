/**
 * The outcome loop as a mesh: two gateways, chat, ops and two outcomes replicas as separate processes
 * over the real NATS (JetStream conversation log) and PostgreSQL (a scratch schema). Feedback through
 * both gateways at once counts once; records come from the log whichever replica stores them.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { SQL, type Subprocess } from "bun";
import { OUTCOMES_ENV, outcomesSuite } from "./outcomes-suite.ts";

const NATS_URL = process.env.TEST_NATS_URL ?? "nats://127.0.0.1:4222";
const DATABASE_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const KEY = "crm-mesh-key";
const root = new URL("..", import.meta.url).pathname;
const procs = new Set<Subprocess>();
const schema = `outcomes_mesh_${crypto.randomUUID().slice(0, 8)}`;
const admin = new SQL(DATABASE_URL);
const gateways: string[] = [];

function freePort(): number {
  const s = Bun.serve({ port: 0, hostname: "127.0.0.1", fetch: () => new Response() });
  const port = s.port!;
  s.stop(true);
  return port;
}

function spawn(entry: string, env: Record<string, string>): Subprocess {
  const p = Bun.spawn(["bun", entry], {
    cwd: root,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", NATS_URL, LOG_LEVEL: "warn", HEALTH_PORT: "0", ...OUTCOMES_ENV, ...env },
    stdout: "ignore",
    stderr: "inherit",
  });
  procs.add(p);
  return p;
}

async function waitFor(check: () => Promise<boolean>, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check().catch(() => false)) return;
    await Bun.sleep(100);
  }
  throw new Error("condition not met in time");
}

const instances = async (name: string) => {
  const body = (await (await fetch(`${gateways[0]}/monitoring/health`)).json()) as { components: { name: string; instances?: number }[] };
  return body.components.find((c) => c.name === name)?.instances ?? 0;
};

beforeAll(async () => {
  await admin.unsafe(`CREATE SCHEMA ${schema}`);
  const outcomesDb = `${DATABASE_URL}${DATABASE_URL.includes("?") ? "&" : "?"}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  for (let i = 0; i < 2; i++) {
    const port = freePort();
    gateways.push(`http://127.0.0.1:${port}`);
    spawn("gateway/src/main.ts", { PORT: String(port), HOST: "127.0.0.1", RATE_LIMIT_PER_MINUTE: "0", GATEWAY_API_KEYS: `crm:${KEY}` });
  }
  spawn("services/chat/src/main.ts", {});
  spawn("services/ops/src/main.ts", {});
  // The replay of a shared log can be long on a busy NATS: feedback waits longer for its record here.
  for (let i = 0; i < 2; i++) spawn("services/outcomes/src/main.ts", { DATABASE_URL: outcomesDb, OUTCOMES_FEEDBACK_WAIT_MS: "15000" });
  await waitFor(async () => (await instances("outcomes")) === 2 && (await instances("chat")) === 1 && (await instances("ops")) === 1, 30_000);
  await waitFor(async () => (await fetch(`${gateways[1]}/healthz`)).status === 200, 10_000);
  // A new outcomes database first reads the whole retained log (on a shared NATS: every earlier test's
  // exchanges): the suite starts once a fresh reply is stored, i.e. once the replicas caught up.
  const headers = { "content-type": "application/json", authorization: `Bearer ${KEY}` };
  const reply = (await (await fetch(`${gateways[0]}/v2/personality_chat`, { method: "POST", headers, body: JSON.stringify({ message: "warm-up" }) })).json()) as { request_id: string };
  await waitFor(async () => (await fetch(`${gateways[0]}/feedback`, { method: "POST", headers, body: JSON.stringify({ request_id: reply.request_id, rating: 3 }) })).status === 200, 120_000);
}, 180_000);

afterAll(async () => {
  for (const p of procs) p.kill("SIGTERM");
  await Promise.all([...procs].map((p) => p.exited));
  await admin.unsafe(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await admin.close();
});

describe("mesh: outcomes", () => {
  test("health counts the outcomes replicas", async () => {
    expect(await instances("outcomes")).toBe(2);
  });
  outcomesSuite({ baseUrls: () => gateways, apiKey: KEY });
});
