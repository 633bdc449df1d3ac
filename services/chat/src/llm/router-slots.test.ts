/**
 * VLLM_MAX_IN_FLIGHT through the router, against the simulator: calls past the limit wait where they
 * are counted (sinhome_llm_queued), and a wait that would pass the deadline is a fast llm_unavailable
 * (503 / v2 fallback) — or Grok when it is configured — instead of silent latency.
 */
import { afterAll, expect, test } from "bun:test";
import { AppError } from "@sinhome/proto";
import { registry } from "@sinhome/runtime";
import { startSimulator } from "@sinhome/llm-sim";
import { parseChatEnv } from "../env.ts";
import { LlmRouter, type CompletionCall } from "./router.ts";

const vllm = startSimulator({ name: "vllm", modelIds: ["vllm-model"] });
const grok = startSimulator({ name: "grok", modelIds: ["grok-model"], apiKey: "xai-test-key" });
afterAll(async () => {
  await Promise.all([vllm.stop(), grok.stop()]);
});

const router = (env: Record<string, string>) =>
  new LlmRouter(parseChatEnv({
    VLLM_BASE_URL: vllm.url, VLLM_MODEL_NAME: "vllm-model", LLM_FALLBACK: "none",
    LLM_TIMEOUT_MS: "5000", LLM_FALLBACK_RESERVE_MS: "0", VLLM_MAX_IN_FLIGHT: "1", ...env,
  }));
const call = (text: string, deadlineInMs: number): CompletionCall => ({
  messages: [{ role: "system", content: "Tu es Chloe." }, { role: "user", content: text }],
  deadline: Date.now() + deadlineInMs,
});
const metric = async (name: string, labels: string) =>
  Number(new RegExp(`^${name}\\{${labels}\\} (\\d+)`, "m").exec(await registry.metrics())?.[1] ?? NaN);
const replica = `backend="vllm",replica="${new URL(vllm.url).host}"`;

test("past VLLM_MAX_IN_FLIGHT a call waits, counted as queued, and runs when the slot frees", async () => {
  const r = router({});
  const first = r.complete(call("un [[sim:stall=400]]", 10_000));
  await Bun.sleep(50);
  const second = r.complete(call("deux", 10_000));
  await Bun.sleep(50);
  expect(await metric("sinhome_llm_queued", replica)).toBe(1);
  expect(await metric("sinhome_llm_replica_in_flight", replica)).toBe(1);
  const [a, b] = await Promise.all([first, second]);
  expect(a.backend).toBe("vllm");
  expect(b.backend).toBe("vllm");
  expect(await metric("sinhome_llm_queued", replica)).toBe(0);
});

test("a wait that would pass the deadline is refused at once: llm_unavailable (503), not a late answer", async () => {
  const r = router({});
  // Teach the replica how long its calls take (≈ 600 ms), then hold its only slot.
  await r.complete(call("lent [[sim:stall=600]]", 10_000));
  const holder = r.complete(call("encore [[sim:stall=600]]", 10_000));
  await Bun.sleep(30);
  const refusedBefore = await metric("sinhome_llm_slot_refusals_total", `${replica},reason="would_miss_deadline"`).then((n) => (Number.isNaN(n) ? 0 : n));
  const err = await r.complete(call("pressé", 300)).then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe("llm_unavailable");
  expect((err as AppError).status).toBe(503);
  expect(await metric("sinhome_llm_slot_refusals_total", `${replica},reason="would_miss_deadline"`)).toBe(refusedBefore + 1);
  await holder;
});

test("with Grok configured, a call the busy replica cannot take in time goes to Grok", async () => {
  const r = router({ LLM_FALLBACK: "grok", GROK_BASE_URL: grok.url, GROK_API_KEY: "xai-test-key", GROK_MODEL: "grok-model", LLM_QUEUE_MAX: "0" });
  const holder = r.complete(call("occupé [[sim:stall=400]]", 10_000));
  await Bun.sleep(30);
  const res = await r.complete(call("vite", 5_000));
  expect(res.backend).toBe("grok");
  expect(res.fallbackUsed).toBe(true);
  await holder;
});
