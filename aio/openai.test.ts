/**
 * The OpenAI-compatible API through the official `openai` client, and A/B model routing, in both
 * modes: the all-in-one (in-process bus) and the mesh (gateway, two chat replicas and ops as separate
 * processes over the real NATS server).
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import type { Subprocess } from "bun";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startSimulator, type Simulator } from "@sinhome/llm-sim";
import { AB_ROUTES, modelRoutesSuite } from "./model-routes-suite.ts";
import { OPENAI_TEST_KEY, OPENAI_TEST_MODEL, openAiSuite } from "./openai-suite.ts";
import { startAllInOne, type AllInOne } from "./start.ts";
import { testServerUrl } from "@sinhome/testing";

const NATS_URL = await testServerUrl("nats");
const root = new URL("..", import.meta.url).pathname;
/** Fast transport retries and a breaker that never opens: the failure case must not affect the others. */
const LLM_ENV = { VLLM_MODEL_NAME: OPENAI_TEST_MODEL, LLM_FALLBACK: "none", LLM_RETRY_BASE_MS: "10", LLM_BREAKER_THRESHOLD: "100", GATEWAY_API_KEYS: OPENAI_TEST_KEY, RATE_LIMIT_PER_MINUTE: "0", LOG_LEVEL: "error", MODEL_ROUTES: AB_ROUTES };

describe("OpenAI API and A/B routes, all-in-one", () => {
  let sim: Simulator;
  let aio: AllInOne;
  const dataDir = mkdtempSync(join(tmpdir(), "sinhome-openai-"));
  beforeAll(async () => {
    sim = startSimulator({ modelIds: [OPENAI_TEST_MODEL] });
    aio = await startAllInOne({ ...LLM_ENV, PORT: "0", HOST: "127.0.0.1", DATA_DIR: dataDir, VLLM_BASE_URL: sim.url }, { quiet: true });
  }, 30_000);
  afterAll(async () => {
    await aio?.stop();
    await sim?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });
  openAiSuite({ baseUrl: () => aio.url, sim: () => sim });
  modelRoutesSuite({ baseUrl: () => aio.url, sim: () => sim, apiKey: OPENAI_TEST_KEY, defaultModel: OPENAI_TEST_MODEL });
});

describe("OpenAI API and A/B routes, mesh over NATS", () => {
  let sim: Simulator;
  let base = "";
  const procs: Subprocess[] = [];
  const chats: Subprocess[] = [];
  const spawn = (entry: string, env: Record<string, string>) => {
    const p = Bun.spawn(["bun", entry], {
      cwd: root,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", NATS_URL, HEALTH_PORT: "0", ...LLM_ENV, ...env },
      stdout: "ignore",
      stderr: "inherit",
    });
    procs.push(p);
    return p;
  };
  beforeAll(async () => {
    sim = startSimulator({ modelIds: [OPENAI_TEST_MODEL] });
    const probe = Bun.serve({ port: 0, hostname: "127.0.0.1", fetch: () => new Response() });
    const port = probe.port!;
    probe.stop(true);
    base = `http://127.0.0.1:${port}`;
    spawn("gateway/src/main.ts", { PORT: String(port), HOST: "127.0.0.1" });
    // Two chat replicas: streams and sticky arms must hold whichever replica a request lands on.
    chats.push(spawn("services/chat/src/main.ts", { VLLM_BASE_URL: sim.url }));
    chats.push(spawn("services/chat/src/main.ts", { VLLM_BASE_URL: sim.url }));
    spawn("services/ops/src/main.ts", {});
    const until = Date.now() + 20_000;
    for (;;) {
      const res = await fetch(`${base}/v1/models`, { headers: { authorization: `Bearer ${OPENAI_TEST_KEY}` } }).catch(() => undefined);
      const health = res?.status === 200 ? await fetch(`${base}/monitoring/health`).then((r) => r.json() as Promise<{ components: { name: string; instances?: number }[] }>, () => undefined) : undefined;
      if (health?.components?.find((c) => c.name === "chat")?.instances === 2) break;
      if (Date.now() > until) throw new Error("the mesh did not come up");
      await Bun.sleep(100);
    }
  }, 30_000);
  afterAll(async () => {
    for (const p of procs) p.kill("SIGTERM");
    await Promise.all(procs.map((p) => p.exited));
    await sim?.stop();
  });
  openAiSuite({ baseUrl: () => base, sim: () => sim });
  modelRoutesSuite({ baseUrl: () => base, sim: () => sim, apiKey: OPENAI_TEST_KEY, defaultModel: OPENAI_TEST_MODEL });

  // Last: it stops the chat replicas.
  test("SIGTERM on chat lets a running stream finish before the process exits", async () => {
    const res = await fetch(`${base}/v1/chat/completions`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${OPENAI_TEST_KEY}` },
      body: JSON.stringify({ model: OPENAI_TEST_MODEL, stream: true, messages: [{ role: "user", content: "Raconte-moi ta soirée [[sim:chunk_ms=40]]" }] }),
    });
    const reader = res.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toStartWith("data: ");
    for (const chat of chats) chat.kill("SIGTERM");
    let rest = "";
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      rest += new TextDecoder().decode(value);
    }
    expect(rest).toEndWith("data: [DONE]\n\n");
    expect(rest).not.toContain('"error"');
    expect(await Promise.all(chats.map((c) => c.exited))).toEqual([0, 0]);
  }, 20_000);
});

describe("OpenAI API, a chat replica dying mid-stream", () => {
  let sim: Simulator;
  let base = "";
  let chat: Subprocess;
  let gateway: Subprocess;
  const spawn = (entry: string, env: Record<string, string>) =>
    Bun.spawn(["bun", entry], {
      cwd: root,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", NATS_URL, HEALTH_PORT: "0", ...LLM_ENV, STREAM_IDLE_TIMEOUT_MS: "3000", ...env },
      stdout: "ignore",
      stderr: "ignore",
    });
  beforeAll(async () => {
    sim = startSimulator({ modelIds: [OPENAI_TEST_MODEL] });
    const probe = Bun.serve({ port: 0, hostname: "127.0.0.1", fetch: () => new Response() });
    const port = probe.port!;
    probe.stop(true);
    base = `http://127.0.0.1:${port}`;
    gateway = spawn("gateway/src/main.ts", { PORT: String(port), HOST: "127.0.0.1" });
    chat = spawn("services/chat/src/main.ts", { VLLM_BASE_URL: sim.url });
    const until = Date.now() + 20_000;
    while ((await fetch(`${base}/v1/models`, { headers: { authorization: `Bearer ${OPENAI_TEST_KEY}` } }).catch(() => undefined))?.status !== 200) {
      if (Date.now() > until) throw new Error("the mesh did not come up");
      await Bun.sleep(100);
    }
  }, 30_000);
  afterAll(async () => {
    for (const p of [gateway, chat]) p?.kill("SIGKILL");
    await Promise.all([gateway?.exited, chat?.exited]);
    await sim?.stop();
  });

  test("the client gets an error event within STREAM_IDLE_TIMEOUT_MS, not a hung connection", async () => {
    const res = await fetch(`${base}/v1/chat/completions`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${OPENAI_TEST_KEY}` },
      body: JSON.stringify({ model: OPENAI_TEST_MODEL, stream: true, messages: [{ role: "user", content: "Raconte-moi ta soirée [[sim:chunk_ms=100]]" }] }),
    });
    const reader = res.body!.getReader();
    await reader.read();
    chat.kill("SIGKILL");
    const killedAt = performance.now();
    let rest = "";
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      rest += new TextDecoder().decode(value);
    }
    const waited = performance.now() - killedAt;
    expect(rest).not.toContain("[DONE]");
    expect(rest).toContain('"error"');
    expect(rest).toContain('"type":"server_error"');
    expect(waited).toBeLessThan(8_000);
  }, 20_000);
});
