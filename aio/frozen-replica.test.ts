/**
 * A chat replica freezes (SIGSTOP: a node that stops answering while its TCP connections stay open)
 * while the CRM has requests in flight and more keep coming. Two chat replicas, two gateways, real
 * NATS (private server of the test run when TEST_NATS_URL points at one), an LLM that takes LLM_MS
 * per reply. Every request is answered by the model (none lost, no fallback), and none pays more than
 * one stall: the in-flight ones are re-sent once the frozen replica's heartbeat is silent, the new
 * ones are sent around it. SIGCONT at the end: the replica comes back and takes work again.
 */
import { afterAll, beforeAll, expect, test } from "bun:test";
import type { Subprocess } from "bun";
import { startSimulator, type Simulator } from "@sinhome/llm-sim";
import { NatsBus, STALL_MS } from "@sinhome/proto";
import { freePort, MeshProcesses, waitFor as waitUntil } from "./harness.ts";

const NATS_URL = process.env.TEST_NATS_URL ?? "nats://127.0.0.1:4222";
const LLM_MS = 600;
const mesh = new MeshProcesses({ NATS_URL, LOG_LEVEL: "error", HEALTH_PORT: "0" });
const procs = mesh.list;
const spawn = (entry: string, env: Record<string, string> = {}): Subprocess => mesh.spawn(entry, env);
const gateways: string[] = [];
const chats: Subprocess[] = [];
let sim: Simulator;
let bus: NatsBus;

/** The harness's deadline wait, for checks that may be synchronous. */
const waitFor = (check: () => Promise<boolean> | boolean, ms: number) => waitUntil("frozen-replica test condition", async () => await check(), ms);

type Outcome = { status: number; ms: number; resends: number; backend: string; fallback: boolean };

async function ask(base: string, i: number): Promise<Outcome> {
  const started = performance.now();
  const res = await fetch(`${base}/v2/personality_chat`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ message: `Coucou, message ${i}, tu fais quoi ?`, persona_data: { name: `Freeze${i}` } }),
  });
  const body = (await res.json()) as { backend: string; fallback: boolean };
  return { status: res.status, ms: performance.now() - started, resends: Number(res.headers.get("x-sinhome-resent") ?? 0), backend: body.backend, fallback: body.fallback };
}

beforeAll(async () => {
  sim = startSimulator({ port: 0, hostname: "127.0.0.1", latency: { baseMs: LLM_MS, prefillMsPerToken: 0, decodeMsPerToken: 0 } });
  bus = await NatsBus.connect({ servers: NATS_URL, name: "frozen-replica-test" });
  for (let i = 0; i < 2; i++) {
    chats.push(spawn("services/chat/src/main.ts", { VLLM_BASE_URL: sim.url, LLM_FALLBACK: "none" }));
    const port = freePort();
    gateways.push(`http://127.0.0.1:${port}`);
    spawn("gateway/src/main.ts", { PORT: String(port), HOST: "127.0.0.1", RATE_LIMIT_PER_MINUTE: "0" });
  }
  await waitFor(async () => (await bus.ping("chat", 300)).length === 2, 20_000);
  for (const base of gateways) await waitFor(async () => (await fetch(`${base}/healthz`)).ok, 15_000);
  // Warm both paths (and let each gateway hear both replicas' heartbeats).
  await Promise.all([0, 1, 2, 3].map((i) => ask(gateways[i % 2]!, i)));
}, 60_000);

afterAll(async () => {
  for (const p of chats) p.kill("SIGCONT");
  for (const p of procs) p.kill("SIGKILL");
  await Promise.all(procs.map((p) => p.exited));
  await bus.close();
  await sim.stop();
});

test("one of two chat replicas frozen with requests in flight and more arriving: 0 lost, at most one stall each", async () => {
  const inFlight = Array.from({ length: 8 }, (_, i) => ask(gateways[i % 2]!, 100 + i));
  await waitFor(() => sim.pendingRequests >= 8, 10_000); // all eight are in the LLM, on both replicas
  const frozen = chats[0]!;
  frozen.kill("SIGSTOP");
  const frozenAt = performance.now();
  const later: Promise<Outcome>[] = [];
  for (let i = 0; i < 12; i++) {
    later.push(ask(gateways[i % 2]!, 200 + i));
    await Bun.sleep(250); // one after another, across the whole detection window and past it
  }
  const outcomes = [...(await Promise.all(inFlight)), ...(await Promise.all(later))];
  const worst = Math.max(...outcomes.map((o) => o.ms));
  console.log(`frozen replica: ${outcomes.length} requests, worst ${Math.round(worst)} ms, ${outcomes.filter((o) => o.resends > 0).length} re-sent, ` +
    `latencies ${outcomes.map((o) => Math.round(o.ms)).join(" ")} (stall ${STALL_MS} ms, LLM ${LLM_MS} ms)`);
  for (const o of outcomes) {
    expect(o).toMatchObject({ status: 200, backend: "vllm", fallback: false }); // answered by the model, none lost
    expect(o.resends).toBeLessThanOrEqual(1); // never re-sent onto the frozen replica again
    // One stall is at most STALL_MS (+ a 250 ms tick) after the freeze plus a new LLM call; two stalls
    // would take at least 2 × STALL_MS + LLM_MS. The bound separates the two with room for a loaded machine.
    expect(o.ms).toBeLessThan(2 * STALL_MS + LLM_MS);
  }
  // Requests sent after the gateways noticed the freeze never touch the frozen replica.
  expect(performance.now() - frozenAt).toBeGreaterThan(STALL_MS);

  frozen.kill("SIGCONT");
  // Back: it beats again and the queue group serves both replicas.
  await waitFor(async () => (await bus.ping("chat", 300)).length === 2, 15_000);
  const after = await Promise.all(Array.from({ length: 6 }, (_, i) => ask(gateways[i % 2]!, 300 + i)));
  for (const o of after) expect(o).toMatchObject({ status: 200, backend: "vllm", resends: 0 });
}, 90_000);
