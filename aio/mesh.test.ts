/**
 * End to end as a mesh: the gateway and services as separate processes over the real NATS server.
 * A stopped service answers 503 at once (no responders), and is served again once restarted.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import type { Subprocess } from "bun";
import { startSimulator } from "@sinhome/llm-sim";
import { testServerUrl } from "@sinhome/testing";
import { freePort, instances as instancesAt, MeshProcesses, ROOT as root, waitFor } from "./harness.ts";

const NATS_URL = await testServerUrl("nats");
const mesh = new MeshProcesses({ NATS_URL, LOG_LEVEL: "warn", HEALTH_PORT: "0" });
let base = "";
const instances = (name: string) => instancesAt(base, name);

let ops: Subprocess;

beforeAll(async () => {
  const port = freePort();
  base = `http://127.0.0.1:${port}`;
  mesh.spawn("gateway/src/main.ts", { PORT: String(port), HOST: "127.0.0.1", RATE_LIMIT_PER_MINUTE: "0" });
  ops = mesh.spawn("services/ops/src/main.ts");
  mesh.spawn("services/scoring/src/main.ts");
  mesh.spawn("services/scoring/src/main.ts");
  await waitFor("the mesh up", async () => (await fetch(`${base}/logs/health`)).status === 200 && (await instances("scoring")) === 2, 30_000);
}, 45_000);

afterAll(() => mesh.stopAll());

describe("mesh over NATS", () => {
  test("the gateway reaches services in other processes; health counts replicas", async () => {
    const res = await fetch(`${base}/logs/health`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { bus: string }).bus).toBe("nats");
    expect(await instances("scoring")).toBe(2);
    expect(await instances("ops")).toBe(1);
    expect(await instances("chat")).toBe(0);
    const scoring = await fetch(`${base}/fan/interest_score`, { method: "POST", headers: { "content-type": "application/json" }, body: '{"fan_id":"f1"}' });
    expect(scoring.status).not.toBe(503);
  });

  test("metrics are summed over every instance of every service, and reset everywhere", async () => {
    const post = (path: string, body: unknown) => fetch(`${base}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const scored = async () => ((await (await fetch(`${base}/monitoring/metrics`)).json()) as { endpoint_counts: Record<string, number> }).endpoint_counts["POST /fan/interest_score"] ?? 0;
    expect((await post("/monitoring/metrics/reset", {})).status).toBe(200);
    // The reset is a broadcast: wait until every instance has heard it (a loaded machine may take a while).
    await waitFor("the reset heard everywhere", async () => (await scored()) === 0, 10_000);
    for (let i = 0; i < 6; i++) await post("/fan/interest_score", { fan_id: `f${i}` });
    const m = (await (await fetch(`${base}/monitoring/metrics`)).json()) as { endpoint_counts: Record<string, number>; instances: number; total_requests: number };
    expect(m.endpoint_counts["POST /fan/interest_score"]).toBe(6);
    expect(m.instances).toBe(3); // ops + two scoring replicas
    // Two scoring replicas shared the six requests; the sum over them is exact.
    const perInstance = await fetch(`${base}/monitoring/health`).then((r) => r.json()) as { components: { name: string; instances?: number }[] };
    expect(perInstance.components.find((c) => c.name === "scoring")?.instances).toBe(2);
    expect((await post("/monitoring/metrics/reset", {})).status).toBe(200);
    await waitFor("the second reset heard everywhere", async () => (await scored()) === 0, 10_000);
  }, 30_000);

  test("a stopped service answers 503 within a second, and succeeds again once restarted", async () => {
    ops.kill("SIGTERM");
    expect(await ops.exited).toBe(0);
    const started = performance.now();
    const down = await fetch(`${base}/logs/health`);
    expect(down.status).toBe(503);
    expect(((await down.json()) as { error: { code: string } }).error.code).toBe("service_unavailable");
    expect(performance.now() - started).toBeLessThan(1000);

    ops = mesh.spawn("services/ops/src/main.ts");
    await waitFor("ops back", async () => (await fetch(`${base}/logs/health`)).status === 200, 10_000);
    expect((await fetch(`${base}/logs/health`)).status).toBe(200);
  }, 20_000);

  test("SIGTERM on chat lets its in-flight LLM call finish before it exits", async () => {
    const sim = startSimulator({ port: 0, hostname: "127.0.0.1" });
    const chat = mesh.spawn("services/chat/src/main.ts", { VLLM_BASE_URL: sim.url, LLM_FALLBACK: "none" });
    await waitFor("chat up", async () => (await instances("chat")) === 1, 10_000);
    const pending = fetch(`${base}/personality_chat`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ message: "Salut [[sim:stall=1500]]" }) });
    await waitFor("the LLM call in flight", async () => sim.pendingRequests > 0, 5_000);
    chat.kill("SIGTERM");
    const res = await pending;
    expect(res.status).toBe(200);
    expect(((await res.json()) as { backend: string }).backend).toBe("vllm");
    expect(await chat.exited).toBe(0);
    // Gone from the queue group: the next chat request is refused at once, not lost.
    const after = await fetch(`${base}/personality_chat`, { method: "POST", headers: { "content-type": "application/json" }, body: '{"message":"Salut"}' });
    expect(after.status).toBe(503);
    await sim.stop();
  }, 20_000);

  test("a service without NATS_URL refuses to start with a clear message", async () => {
    const p = Bun.spawn(["bun", "services/ops/src/main.ts"], { cwd: root, env: { PATH: process.env.PATH ?? "" }, stderr: "pipe", stdout: "ignore" });
    expect(await p.exited).toBe(1);
    expect(await new Response(p.stderr).text()).toContain("NATS_URL is required");
  });

  test("bad configuration exits non-zero naming the variable", async () => {
    const p = Bun.spawn(["bun", "services/ops/src/main.ts"], { cwd: root, env: { PATH: process.env.PATH ?? "", NATS_URL, HEALTH_PORT: "not-a-port" }, stderr: "pipe", stdout: "ignore" });
    expect(await p.exited).toBe(1);
    expect(await new Response(p.stderr).text()).toContain("HEALTH_PORT");
  });
});
