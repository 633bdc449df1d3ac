/**
 * A chat replica is SIGKILLed while it holds a CRM request (its LLM call stalls in the simulator):
 * the gateway notices the silence within the stall window and the other replica answers. With no
 * replica left, v1 answers 503 and v2 its fallback, at once. Separate processes over real NATS.
 * The test knows which replica holds the request: only that one runs when the request is sent.
 */
import { afterAll, beforeAll, expect, test } from "bun:test";
import type { Subprocess } from "bun";
import { startSimulator, type Simulator } from "@sinhome/llm-sim";
import { NatsBus, STALL_MS } from "@sinhome/proto";
import { testServerUrl } from "@sinhome/testing";

const NATS_URL = await testServerUrl("nats");
const root = new URL("..", import.meta.url).pathname;
const procs = new Set<Subprocess>();
let base = "";
let sim: Simulator;
let bus: NatsBus;

function freePort(): number {
  const s = Bun.serve({ port: 0, hostname: "127.0.0.1", fetch: () => new Response() });
  const port = s.port!;
  s.stop(true);
  return port;
}

function spawn(entry: string, env: Record<string, string> = {}): Subprocess {
  const p = Bun.spawn(["bun", entry], {
    cwd: root,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", NATS_URL, LOG_LEVEL: "error", HEALTH_PORT: "0", ...env },
    stdout: "ignore",
    stderr: "inherit",
  });
  procs.add(p);
  return p;
}

async function waitFor(check: () => Promise<boolean> | boolean, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await Promise.resolve(check()).catch(() => false)) return;
    await Bun.sleep(25);
  }
  throw new Error("condition not met in time");
}

const chatReplicas = async () => (await bus.ping("chat", 300)).length;
const startChat = () => spawn("services/chat/src/main.ts", { VLLM_BASE_URL: sim.url, LLM_FALLBACK: "none" });
const kill = async (p: Subprocess) => {
  p.kill("SIGKILL");
  await p.exited;
  procs.delete(p);
};
const post = (path: string, body: unknown) =>
  fetch(`${base}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

beforeAll(async () => {
  sim = startSimulator({ port: 0, hostname: "127.0.0.1" });
  bus = await NatsBus.connect({ servers: NATS_URL, name: "failover-test" });
  const port = freePort();
  base = `http://127.0.0.1:${port}`;
  spawn("gateway/src/main.ts", { PORT: String(port), HOST: "127.0.0.1", RATE_LIMIT_PER_MINUTE: "0" });
  await waitFor(async () => (await fetch(`${base}/healthz`)).ok, 15_000);
}, 30_000);

afterAll(async () => {
  for (const p of procs) p.kill("SIGKILL");
  await Promise.all([...procs].map((p) => p.exited));
  await bus.close();
  await sim.stop();
});

test("SIGKILL of the chat replica holding a request: the other replica answers it", async () => {
  const first = startChat();
  await waitFor(async () => (await chatReplicas()) === 1, 15_000);
  sim.program([{ kind: "stall", ms: 60_000 }]); // the first LLM call never ends: its replica holds the request
  const pending = post("/personality_chat", { message: "Salut, tu fais quoi ce soir ?" });
  await waitFor(() => sim.pendingRequests > 0, 10_000);

  const second = startChat();
  await waitFor(async () => (await chatReplicas()) === 2, 15_000);
  const killedAt = performance.now();
  await kill(first);

  const res = await pending;
  const waited = performance.now() - killedAt;
  expect(res.status).toBe(200);
  expect(res.headers.get("x-sinhome-resent")).toBe("1");
  const body = (await res.json()) as { backend: string; response: string };
  expect(body.backend).toBe("vllm");
  expect(body.response.length).toBeGreaterThan(0);
  // The CRM waits the stall window plus the second LLM call (milliseconds on the simulator); generous for a loaded CI.
  expect(waited).toBeLessThan(STALL_MS + 2500);
  await kill(second);
}, 60_000);

test("no chat replica left: v1 answers 503 and v2 its fallback, at once after the stall", async () => {
  const only = startChat();
  await waitFor(async () => (await chatReplicas()) === 1, 15_000);
  sim.program([{ kind: "stall", ms: 60_000 }, { kind: "stall", ms: 60_000 }]);
  const v1 = post("/personality_chat", { message: "Coucou" });
  const v2 = post("/v2/personality_chat", { message: "Coucou toi" });
  await waitFor(() => sim.pendingRequests >= 2, 10_000);
  const killedAt = performance.now();
  await kill(only);

  const [r1, r2] = await Promise.all([v1, v2]);
  expect(performance.now() - killedAt).toBeLessThan(STALL_MS + 2500);
  expect(r1.status).toBe(503);
  expect(((await r1.json()) as { error: { code: string } }).error.code).toBe("service_unavailable");
  expect(r2.status).toBe(200);
  expect(await r2.json()).toMatchObject({ fallback: true, backend: "none", error: "service_unavailable" });

  // A new request with nobody serving chat is refused at once (no stall to wait for).
  const started = performance.now();
  const r3 = await post("/personality_chat", { message: "Tu es là ?" });
  expect(r3.status).toBe(503);
  expect(performance.now() - started).toBeLessThan(1000);
}, 60_000);
