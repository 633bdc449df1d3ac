import { afterAll, beforeEach, describe, expect, test } from "bun:test";
import { AppError } from "@sinhome/proto";
import { startSimulator } from "@sinhome/llm-sim";
import { parseChatEnv } from "../env.ts";
import { LlmRouter, type CompletionCall } from "./router.ts";

const vllm = startSimulator({ name: "vllm", modelIds: ["vllm-model"] });
const grok = startSimulator({ name: "grok", modelIds: ["grok-model"], apiKey: "xai-test-key" });
const closedUrl = (() => {
  const s = Bun.serve({ port: 0, hostname: "127.0.0.1", fetch: () => new Response("") });
  const url = `http://127.0.0.1:${s.port}/v1`;
  void s.stop(true);
  return url;
})();
afterAll(async () => {
  await Promise.all([vllm.stop(), grok.stop()]);
});
beforeEach(() => {
  vllm.reset();
  grok.reset();
});

/** Small timeouts so every path runs in well under a second. */
function router(env: Record<string, string> = {}, options: ConstructorParameters<typeof LlmRouter>[1] = {}) {
  return new LlmRouter(
    parseChatEnv({
      VLLM_BASE_URL: vllm.url,
      VLLM_MODEL_NAME: "vllm-model",
      GROK_BASE_URL: grok.url,
      GROK_API_KEY: "xai-test-key",
      GROK_MODEL: "grok-model",
      LLM_TIMEOUT_MS: "400",
      LLM_TRANSPORT_RETRIES: "2",
      LLM_RETRY_BASE_MS: "10",
      LLM_FALLBACK_RESERVE_MS: "500",
      LLM_BREAKER_THRESHOLD: "5",
      LLM_BREAKER_COOLDOWN_MS: "300",
      ...env,
    }),
    options,
  );
}

const call = (over: Partial<CompletionCall> = {}): CompletionCall => ({
  messages: [
    { role: "system", content: "Tu es Chloe." },
    { role: "user", content: "coucou" },
  ],
  deadline: Date.now() + 2000,
  ...over,
});

async function appError(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

describe("complete", () => {
  test("happy path: the primary answers, with usage and no retry", async () => {
    const out = await router().complete(call({ maxTokens: 100 }));
    expect(out).toMatchObject({ backend: "vllm", model: "vllm-model", transportRetries: 0, fallbackUsed: false });
    expect(out.text).toContain("Chloe");
    expect(out.usage.prompt_tokens).toBeGreaterThan(0);
    expect(out.usage.completion_tokens).toBeGreaterThan(0);
    expect(grok.requests).toHaveLength(0);
  });

  test("a 500 is retried on the same backend, and the retry is counted", async () => {
    vllm.program([{ kind: "status", status: 500 }]);
    const out = await router().complete(call());
    expect(out).toMatchObject({ backend: "vllm", transportRetries: 1, fallbackUsed: false });
    expect(vllm.requests).toHaveLength(2);
  });

  test("a 429's Retry-After is waited before retrying", async () => {
    vllm.program([{ kind: "status", status: 429, retryAfter: 1 }]);
    const out = await router().complete(call({ deadline: Date.now() + 5000 }));
    expect(out).toMatchObject({ backend: "vllm", transportRetries: 1 });
    const [first, second] = vllm.requests;
    expect((second?.receivedAt ?? 0) - (first?.receivedAt ?? 0)).toBeGreaterThanOrEqual(990);
  });

  test("a Retry-After longer than the primary's budget is not waited: the fallback answers at once", async () => {
    vllm.program([{ kind: "status", status: 429, retryAfter: 30 }]);
    const out = await router().complete(call());
    expect(out).toMatchObject({ backend: "grok", fallbackUsed: true, transportRetries: 0 });
    expect(out.latencyMs).toBeLessThan(500);
  });

  test("primary unreachable: retried, then Grok answers with its key", async () => {
    const out = await router({ VLLM_BASE_URL: closedUrl }).complete(call());
    expect(out).toMatchObject({ backend: "grok", model: "grok-model", fallbackUsed: true, transportRetries: 2 });
    expect(grok.requests[0]?.headers.authorization).toBe("Bearer xai-test-key");
  });

  test("both down: llm_unavailable (503) after the retries of each", async () => {
    grok.program([{ kind: "status", status: 503 }, { kind: "status", status: 503 }, { kind: "status", status: 503 }]);
    const e = await appError(router({ VLLM_BASE_URL: closedUrl }).complete(call()));
    expect(e.code).toBe("llm_unavailable");
    expect(e.status).toBe(503);
    expect(grok.requests).toHaveLength(3);
  });

  test("primary stalls past LLM_TIMEOUT_MS: timeout, no retry of the stall, the fallback answers in time", async () => {
    vllm.program([{ kind: "stall", ms: 3000 }]);
    const deadline = Date.now() + 1500;
    const out = await router().complete(call({ deadline }));
    expect(out).toMatchObject({ backend: "grok", fallbackUsed: true });
    expect(Date.now()).toBeLessThan(deadline);
    expect(vllm.requests).toHaveLength(1);
  });

  test("a primary timeout longer than the deadline is cut to leave the fallback its reserve", async () => {
    vllm.program([{ kind: "stall", ms: 5000 }]);
    const deadline = Date.now() + 1400;
    const out = await router({ LLM_TIMEOUT_MS: "3000", LLM_FALLBACK_RESERVE_MS: "400" }).complete(call({ deadline }));
    expect(out.backend).toBe("grok");
    expect(out.latencyMs).toBeGreaterThanOrEqual(950); // the primary had (1400 − 400) ms, not its 3000
    expect(Date.now()).toBeLessThan(deadline);
  });

  test("stall with no fallback: llm_timeout (504)", async () => {
    vllm.program([{ kind: "stall", ms: 3000 }]);
    const e = await appError(router({ LLM_FALLBACK: "none" }).complete(call()));
    expect(e.code).toBe("llm_timeout");
    expect(e.status).toBe(504);
  });

  test("a deadline already passed fails with llm_timeout without calling anything", async () => {
    const e = await appError(router().complete(call({ deadline: Date.now() - 1 })));
    expect(e.code).toBe("llm_timeout");
    expect(vllm.requests.length + grok.requests.length).toBe(0);
  });

  test("the breaker opens after the threshold; the next call skips the primary; after the cooldown a probe closes it", async () => {
    const r = router({ LLM_BREAKER_THRESHOLD: "2", LLM_TRANSPORT_RETRIES: "1" });
    vllm.program([{ kind: "status", status: 500 }, { kind: "status", status: 500 }]);
    expect((await r.complete(call())).backend).toBe("grok");
    expect(vllm.requests).toHaveLength(2);
    expect(r.breaker("vllm")?.state).toBe("open");

    const skipped = await r.complete(call());
    expect(skipped).toMatchObject({ backend: "grok", fallbackUsed: true, transportRetries: 0 });
    expect(vllm.requests).toHaveLength(2); // not touched
    expect(grok.requests).toHaveLength(2);

    await Bun.sleep(320);
    expect((await r.complete(call())).backend).toBe("vllm");
    expect(r.breaker("vllm")?.state).toBe("closed");
  });

  test("noRetry: exactly one HTTP call, no retry, no fallback", async () => {
    vllm.program([{ kind: "status", status: 500 }]);
    const e = await appError(router().complete(call({ noRetry: true, timeoutMs: 300 })));
    expect(e.code).toBe("llm_unavailable");
    expect(vllm.requests).toHaveLength(1);
    expect(grok.requests).toHaveLength(0);
  });

  test("noRetry honours its own timeoutMs", async () => {
    vllm.program([{ kind: "stall", ms: 3000 }]);
    const started = Date.now();
    const e = await appError(router({ LLM_TIMEOUT_MS: "10000" }).complete(call({ noRetry: true, timeoutMs: 200 })));
    expect(e.code).toBe("llm_timeout");
    expect(Date.now() - started).toBeLessThan(600);
  });

  test("a 4xx is not retried; the fallback may still answer", async () => {
    vllm.program([{ kind: "status", status: 400 }]);
    const out = await router().complete(call());
    expect(out).toMatchObject({ backend: "grok", transportRetries: 0 });
    expect(vllm.requests).toHaveLength(1);
  });

  test("a malformed answer from the only backend is llm_error (502), after its retries", async () => {
    vllm.program([{ kind: "malformed" }, { kind: "malformed" }, { kind: "malformed" }]);
    const e = await appError(router({ LLM_FALLBACK: "none" }).complete(call()));
    expect(e).toMatchObject({ code: "llm_error", status: 502 });
    expect(vllm.requests).toHaveLength(3);
  });

  test("the caller's abort stops everything: no fallback", async () => {
    vllm.program([{ kind: "stall", ms: 3000 }]);
    const e = await appError(router().complete(call({ signal: AbortSignal.timeout(100) })));
    expect(e.code).toBe("llm_unavailable");
    expect(grok.requests).toHaveLength(0);
  });

  test("backend grok forces Grok; vllm forces the primary without fallback", async () => {
    expect((await router().complete(call({ backend: "grok" }))).backend).toBe("grok");
    expect(vllm.requests).toHaveLength(0);
    vllm.program([{ kind: "status", status: 503 }, { kind: "status", status: 503 }, { kind: "status", status: 503 }]);
    expect((await appError(router().complete(call({ backend: "vllm" })))).code).toBe("llm_unavailable");
    expect(grok.requests).toHaveLength(1);
  });

  test("Grok not configured: backend grok is llm_unavailable 'Grok is not configured'", async () => {
    const e = await appError(router({ GROK_API_KEY: "" }).complete(call({ backend: "grok" })));
    expect(e).toMatchObject({ code: "llm_unavailable", message: "Grok is not configured" });
  });

  test("LLM_FALLBACK=none keeps Grok out of auto calls", async () => {
    const e = await appError(router({ VLLM_BASE_URL: closedUrl, LLM_FALLBACK: "none" }).complete(call()));
    expect(e.code).toBe("llm_unavailable");
    expect(grok.requests).toHaveLength(0);
  });

  test("without VLLM_BASE_URL the simulator given by the caller is the primary, named simulator", async () => {
    const r = router({ VLLM_BASE_URL: "" }, { simulatorUrl: vllm.url });
    expect(r.describe()).toEqual({ llmBackend: "simulator", modelName: "sinhome-simulator" });
    expect((await r.complete(call())).backend).toBe("simulator");
  });

  test("structured output passes through", async () => {
    const schema = { type: "object", properties: { score: { type: "number" }, signals: { type: "array" }, reason: { type: "string" } } };
    const out = await router().complete(call({ responseFormat: { type: "json_schema", json_schema: { name: "s", schema } }, noRetry: true }));
    expect(JSON.parse(out.text)).toHaveProperty("score");
  });
});

describe("status and describe", () => {
  test("probes the primary and Grok: ok with latency and models", async () => {
    const [primary, g] = await router().status(1000);
    expect(primary).toMatchObject({ name: "vllm", status: "ok" });
    expect(primary?.models).toContain("vllm-model");
    expect(primary?.latency_ms).toBeGreaterThanOrEqual(0);
    expect(g).toMatchObject({ name: "grok", status: "ok" });
  });

  test("down and not_configured", async () => {
    const [primary, g] = await router({ VLLM_BASE_URL: closedUrl, GROK_API_KEY: "" }).status(1000);
    expect(primary).toMatchObject({ name: "vllm", status: "down" });
    expect(primary?.error).toContain("connection failed");
    expect(g).toEqual({ name: "grok", status: "not_configured", latency_ms: null });
  });

  test("describe names the default backend and model", () => {
    expect(router().describe()).toEqual({ llmBackend: "vllm", modelName: "vllm-model" });
  });
});
