/**
 * The minors guard's three layers end to end over real HTTP: in the all-in-one (in-process bus), and as a
 * mesh (gateway, chat and ops as separate processes over the real NATS server). The guard model is a
 * simulator answering in Llama Guard's format; the chat model is another simulator.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import type { Subprocess } from "bun";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startSimulator } from "@sinhome/llm-sim";
import { fixedSample, mustPass, mustStop } from "@sinhome/chat/src/safety/corpus/generated.ts";
import { mustPass2, mustStop2 } from "@sinhome/chat/src/safety/corpus/generated-2.ts";
import { mustPass5, mustStop5 } from "@sinhome/chat/src/safety/corpus/generated-5.ts";
import { mustPass6, mustStop6 } from "@sinhome/chat/src/safety/corpus/generated-6.ts";
import { mustPass9a, mustStop9a } from "@sinhome/chat/src/safety/corpus/generated-9a.ts";
import { mustPass9b, mustStop9b } from "@sinhome/chat/src/safety/corpus/generated-9b.ts";
import { mustPass9c, mustStop9c } from "@sinhome/chat/src/safety/corpus/generated-9c.ts";
import { mustPass9d, mustStop9d } from "@sinhome/chat/src/safety/corpus/generated-9d.ts";
import { startAllInOne, type AllInOne } from "./start.ts";
import { testServerUrl } from "@sinhome/testing";

const NATS_URL = await testServerUrl("nats");
const root = new URL("..", import.meta.url).pathname;
const guard = startSimulator({ port: 0, name: "guard-sim", modelIds: ["meta-llama/Llama-Guard-3-1B"] });
const llm = startSimulator({ port: 0, name: "llm-sim" });
const guardEnv = { GUARD_BASE_URL: guard.url, GUARD_MODEL: "meta-llama/Llama-Guard-3-1B", GUARD_TIMEOUT_MS: "300" };
const chatCalls = () => llm.requests.filter((r) => r.path.endsWith("/chat/completions")).length;
const guardCalls = () => guard.requests.filter((r) => r.path.endsWith("/chat/completions")).length;

type Post = (path: string, body: unknown) => Promise<{ status: number; body: Record<string, unknown> }>;
const poster = (base: () => string): Post => async (path, body) => {
  const res = await fetch(`${base()}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

/** The same checks in both modes. */
function layerTests(post: Post, base: () => string) {
  test("layer 1: a lexicon block never reaches either model", async () => {
    const [c, g] = [chatCalls(), guardCalls()];
    const { body } = await post("/v2/personality_chat", { message: "jai 14a mdr t ou ?" });
    expect(body.backend).toBe("guard");
    expect([chatCalls() - c, guardCalls() - g]).toEqual([0, 0]);
  });

  test("layer 2: the guard model's S4 deflects without calling the chat model; safe goes on", async () => {
    const c = chatCalls();
    const blocked = await post("/personality_chat", { message: "une phrase que seul le modèle juge [[sim:guard=unsafe]]" });
    expect(blocked.body.backend).toBe("guard");
    expect(chatCalls()).toBe(c);
    const ok = await post("/personality_chat", { message: "salut toi, tu fais quoi ?" });
    expect(ok.status).toBe(200);
    expect(ok.body.backend).toBe("vllm");
  });

  test("generated messages through the gateway: ages under 18 in any form and language stopped, adult ones answered", async () => {
    // Second round (#14): ages against majority, a/s/l tags, apposition after a name, pupils as interest…; fifth round:
    // ages without a verb, ages in dress (spaced, leet, handles, years in words, ranges), life events; sixth round:
    // units one edit off, ranges with slang units, content for minors, age-rated films, role-play arithmetic.
    const stops = [...fixedSample(mustStop, 24, 1414), ...fixedSample(mustStop2, 8, 1414), ...fixedSample(mustStop5, 8, 1414), ...fixedSample(mustStop6, 8, 1414)];
    const passes = [...fixedSample(mustPass, 12, 1414), ...fixedSample(mustPass2, 6, 1414), ...fixedSample(mustPass5, 6, 1414), ...fixedSample(mustPass6, 6, 1414)];
    // Eighth round: other persons' ages and interest (9a), answers, exams, life facts, citations (9b), things called
    // "minor", gaps, generic stages, news (9c), kin's ages in passing, split and truncated words, "not yet" (9d) —
    // an answer to the persona's age question goes with that question as the last turn of the history.
    stops.push(...[mustStop9a, mustStop9b, mustStop9c, mustStop9d].flatMap((a) => fixedSample(a, 6, 1414)));
    passes.push(...[mustPass9a, mustPass9b, mustPass9c, mustPass9d].flatMap((a) => fixedSample(a, 6, 1414)));
    const send = (c: { text: string; previousAssistant?: string }) =>
      post("/v2/personality_chat", { message: c.text, ...(c.previousAssistant ? { history: [{ role: "assistant", content: c.previousAssistant }] } : {}) });
    for (const c of stops) expect(`${c.text} → ${(await send(c)).body.backend}`).toBe(`${c.text} → guard`);
    for (const c of passes) expect(`${c.text} → ${(await send(c)).body.backend}`).toBe(`${c.text} → vllm`);
  });

  test("layer 3: a reply role-playing a minor is replaced by the fixed deflection", async () => {
    const { body } = await post("/v2/personality_chat", { message: "raconte ta soirée [[sim:minor]]" });
    expect(body.backend).toBe("guard");
    expect(String(body.response)).not.toContain("15 ans");
  });

  test("health lists the guard model", async () => {
    const health = (await (await fetch(`${base()}/monitoring/health`)).json()) as { components: { name: string; status: string }[] };
    expect(health.components.find((c) => c.name === "guard_model")).toMatchObject({ status: "ok" });
  });

  // Last: these time the guard model out, and enough timeouts open its breaker.
  test("layer 2 down or late, GUARD_FAIL_MODE=suspect (the default with a guard model): an ordinary message is answered", async () => {
    const { status, body } = await post("/personality_chat", { message: "coucou [[sim:guard=hang]]" });
    expect(status).toBe(200);
    expect(body.backend).toBe("vllm");
  });

  test("layer 2 hanging: a suspect message is deflected within the guard timeout, an ordinary one answered", async () => {
    const c = chatCalls();
    // Adult messages the lexicon lets through, but holding an under-18 age or school fact (six languages).
    for (const message of ["ma nièce fête ses 16 ans samedi [[sim:guard=hang]]", "mi hija tiene 15 años, qué estrés [[sim:guard=hang]]", "sono un insegnante di terza media [[sim:guard=hang]]"]) {
      const { status, body } = await post("/v2/personality_chat", { message });
      expect(status).toBe(200);
      expect(body.backend).toBe("guard");
    }
    expect(chatCalls()).toBe(c);
    const ordinary = await post("/v2/personality_chat", { message: "ça fait 15 ans que je suis marié, tu me remontes le moral ? [[sim:guard=hang]]" });
    expect(ordinary.body.backend).toBe("vllm");
    const metrics = await (await fetch(`${base()}/metrics`)).text();
    if (metrics.includes("sinhome_minors_blocks_total")) expect(metrics).toMatch(/sinhome_minors_blocks_total\{[^}]*layer="lexicon_suspect"[^}]*\} 3/);
  });
}

afterAll(async () => {
  await Promise.all([guard.stop(), llm.stop()]);
});

describe("all-in-one", () => {
  let aio: AllInOne;
  const dataDir = mkdtempSync(join(tmpdir(), "sinhome-aio-guard-"));
  beforeAll(async () => {
    aio = await startAllInOne({ PORT: "0", HOST: "127.0.0.1", DATA_DIR: dataDir, LOG_LEVEL: "error", VLLM_BASE_URL: llm.url, VLLM_MODEL_NAME: "sinhome-simulator", LLM_FALLBACK: "none", ...guardEnv }, { quiet: true });
  }, 30_000);
  afterAll(async () => {
    await aio?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });
  layerTests(poster(() => aio.url), () => aio.url);
});

describe("mesh over NATS", () => {
  const procs = new Set<Subprocess>();
  let base = "";
  beforeAll(async () => {
    const probe = Bun.serve({ port: 0, hostname: "127.0.0.1", fetch: () => new Response() });
    const port = probe.port!;
    probe.stop(true);
    base = `http://127.0.0.1:${port}`;
    const spawn = (entry: string, env: Record<string, string>) => {
      const p = Bun.spawn(["bun", entry], {
        cwd: root,
        env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", NATS_URL, LOG_LEVEL: "warn", HEALTH_PORT: "0", ...env },
        stdout: "ignore",
        stderr: "inherit",
      });
      procs.add(p);
    };
    spawn("gateway/src/main.ts", { PORT: String(port), HOST: "127.0.0.1", RATE_LIMIT_PER_MINUTE: "0" });
    spawn("services/ops/src/main.ts", {});
    spawn("services/chat/src/main.ts", { VLLM_BASE_URL: llm.url, VLLM_MODEL_NAME: "sinhome-simulator", LLM_FALLBACK: "none", ...guardEnv });
    const until = Date.now() + 20_000;
    for (;;) {
      const ready = await fetch(`${base}/monitoring/health`)
        .then(async (r) => ((await r.json()) as { components: { name: string; instances?: number }[] }).components.some((c) => c.name === "chat" && (c.instances ?? 0) > 0))
        .catch(() => false);
      if (ready) break;
      if (Date.now() > until) throw new Error("mesh did not start");
      await Bun.sleep(100);
    }
  }, 30_000);
  afterAll(async () => {
    for (const p of procs) p.kill("SIGTERM");
    await Promise.all([...procs].map((p) => p.exited));
  });
  layerTests(poster(() => base), () => base);
});
