/** Backend failures through the gateway: fallback to Grok, the v1/v2 failure contracts, the circuit breaker. */
import { afterEach, describe, expect, test } from "bun:test";
import { registry } from "@sinhome/runtime";
import { parseChatEnv } from "./env.ts";
import { startChatStack, type ChatStack } from "./testing.ts";

/** The Prometheus fallback counter for one endpoint and cause. */
async function fallbackCount(endpoint: string, cause: string): Promise<number> {
  const metric = (await registry.getMetricsAsJSON()).find((m) => m.name === "sinhome_fallback_replies_total");
  const value = metric?.values.find((v) => v.labels.endpoint === endpoint && v.labels.cause === cause);
  return Number(value?.value ?? 0);
}

let s: ChatStack | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

describe("vLLM fails, Grok answers", () => {
  test("500s after the transport retries → backend grok", async () => {
    s = await startChatStack({ LLM_TRANSPORT_RETRIES: "1" });
    s.vllm.program([{ kind: "status", status: 500 }, { kind: "status", status: 500 }]);
    const { status, body } = await s.post("/personality_chat", { message: "Salut" });
    expect(status).toBe(200);
    expect(body.backend).toBe("grok");
    expect(body.retries).toMatchObject({ transport: 1, fallback: 1 });
    expect(s.chatCalls(s.vllm)).toHaveLength(2);
  });

  test("a stalled vLLM times out → Grok answers within the deadline", async () => {
    s = await startChatStack();
    s.vllm.program([{ kind: "stall", ms: 3000 }]);
    const started = performance.now();
    const { body } = await s.post("/v2/personality_chat", { message: "Salut" });
    expect(body.backend).toBe("grok");
    expect(body.fallback).toBe(false);
    expect(performance.now() - started).toBeLessThan(4000);
  });

  test("vLLM unreachable → Grok", async () => {
    s = await startChatStack({}, { vllmDown: true });
    const { body } = await s.post("/unpersona_chat", { message: "Salut" });
    expect(body.backend).toBe("grok");
  });

  test("429 with Retry-After is retried on vLLM, which then answers", async () => {
    s = await startChatStack();
    s.vllm.program([{ kind: "status", status: 429, retryAfter: "0" }]);
    const { body } = await s.post("/personality_chat", { message: "Salut" });
    expect(body.backend).toBe("vllm");
    expect(body.retries).toMatchObject({ transport: 1, fallback: 0 });
  });
});

describe("every backend fails", () => {
  test("v2 answers 200 with fallback: true and the error code; v1 answers the error shape", async () => {
    s = await startChatStack({ LLM_FALLBACK: "none" }, { vllmDown: true });
    const promBefore = await fallbackCount("POST /v2/personality_chat", "llm_unavailable");
    const v2 = await s.post("/v2/personality_chat", { message: "Salut" });
    expect(v2.status).toBe(200);
    expect(v2.body).toMatchObject({ fallback: true, backend: "none", error: "llm_unavailable" });
    expect((v2.body.response as string).length).toBeGreaterThan(0);
    const v1 = await s.post("/personality_chat", { message: "Salut" });
    expect([502, 503]).toContain(v1.status);
    expect((v1.body.error as { code: string }).code).toBe("llm_unavailable");
    // The fallback is counted (snapshot and Prometheus, by endpoint and cause); the v1 failure is an error, not a fallback.
    expect(s.counters.snapshot()).toMatchObject({ total_fallbacks: 1, total_errors: 1, endpoint_counts: { "POST /v2/personality_chat": 1, "POST /personality_chat": 1 } });
    expect(await fallbackCount("POST /v2/personality_chat", "llm_unavailable")).toBe(promBefore + 1);
    // Both exchanges are on the log stream, the failed v1 one with its error code.
    for (let i = 0; i < 20 && s.events.length < 2; i++) await Bun.sleep(5);
    expect(s.events.map((e) => [e.endpoint, e.fallback, e.error])).toEqual([
      ["/v2/personality_chat", true, "llm_unavailable"],
      ["/personality_chat", false, "llm_unavailable"],
    ]);
  });

  test("both backends stalled: v1 answers 504 llm_timeout, v2 a fallback with error llm_timeout", async () => {
    s = await startChatStack({ LLM_FALLBACK: "none", CHAT_DEADLINE_MS: "1000", LLM_TIMEOUT_MS: "300" });
    s.vllm.program([{ kind: "stall", ms: 2000 }, { kind: "stall", ms: 2000 }]);
    const v1 = await s.post("/personality_chat", { message: "Salut" });
    expect(v1.status).toBe(504);
    expect((v1.body.error as { code: string }).code).toBe("llm_timeout");
    const v2 = await s.post("/v2/personality_chat", { message: "Salut" });
    expect(v2.body).toMatchObject({ fallback: true, error: "llm_timeout" });
  });

  test("the error body says what failed without quoting the upstream answer", async () => {
    s = await startChatStack({ LLM_FALLBACK: "none", LLM_TRANSPORT_RETRIES: "0" });
    s.vllm.program([{ kind: "status", status: 500 }]);
    const r = await s.post("/personality_chat", { message: "Salut" });
    expect(r.status).toBe(503);
    const error = r.body.error as { code: string; message: string };
    expect(error.message).toBe("the LLM call failed: server (HTTP 500)");
    expect(JSON.stringify(r.body)).not.toContain("simulated");
  });

  test("/grok_chat without a Grok key is a clear 503", async () => {
    s = await startChatStack({ GROK_API_KEY: "" });
    const r = await s.post("/grok_chat", { message: "Salut" });
    expect(r.status).toBe(503);
    expect((r.body.error as { message: string }).message).toContain("Grok is not configured");
  });
});

describe("circuit breaker", () => {
  test("after repeated failures the next request goes straight to Grok without touching vLLM", async () => {
    s = await startChatStack({ LLM_TRANSPORT_RETRIES: "0", LLM_BREAKER_THRESHOLD: "2" });
    s.vllm.program([{ kind: "status", status: 503 }, { kind: "status", status: 503 }]);
    await s.post("/personality_chat", { message: "un" });
    await s.post("/personality_chat", { message: "deux" });
    const before = s.chatCalls(s.vllm).length;
    const { body } = await s.post("/personality_chat", { message: "trois" });
    expect(body.backend).toBe("grok");
    expect(s.chatCalls(s.vllm).length).toBe(before);
  });
});

describe("configuration of the exchange", () => {
  test("LOG_CONTENT=false: log events carry no texts", async () => {
    s = await startChatStack({ LOG_CONTENT: "false" });
    await s.post("/personality_chat", { message: "secret du fan" });
    for (let i = 0; i < 20 && s.events.length === 0; i++) await Bun.sleep(5);
    expect(s.events).toHaveLength(1);
    expect(JSON.stringify(s.events[0])).not.toContain("secret du fan");
    expect(s.events[0]!.message).toBeUndefined();
    // Nor is it stored in the persisted log, which still has the exchange's metadata.
    const stored = (await s.conversations.history({ limit: 10 })).events;
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ endpoint: "/personality_chat", backend: "vllm" });
    expect(JSON.stringify(stored)).not.toContain("secret du fan");
    expect(stored[0]!.response).toBeUndefined();
  });

  test("AI_DISCLOSURE_NOTICE opens the first reply of a conversation only", async () => {
    s = await startChatStack({ AI_DISCLOSURE_NOTICE: "(Messages écrits avec l'aide d'une IA)" });
    const first = await s.post("/personality_chat", { message: "Salut" });
    expect((first.body.response as string).startsWith("(Messages écrits avec l'aide d'une IA)")).toBe(true);
    const later = await s.post("/personality_chat", { message: "Et toi ?", history: [{ role: "user", content: "Salut" }, { role: "assistant", content: "Coucou" }] });
    expect(later.body.response as string).not.toContain("aide d'une IA");
  });

  test("a v2 reply stays within 400 characters including the disclosure notice", async () => {
    const notice = "Information : les messages de ce compte sont rédigés avec l'aide d'une intelligence artificielle, sous le contrôle de la créatrice.";
    s = await startChatStack({ AI_DISCLOSURE_NOTICE: notice });
    for (const path of ["/v2/personality_chat", "/v2/script_chat"]) {
      const r = await s.post(path, { message: "Raconte-moi ta journée [[sim:long]]", script: "sois tendre" });
      const text = r.body.response as string;
      expect(text.startsWith(notice)).toBe(true);
      expect([...text].length).toBeLessThanOrEqual(400);
      expect([...text].length).toBeGreaterThan([...notice].length + 40); // the reply itself is still there
    }
  });

  test("seed presets: VLLM_MODEL_ID names the model when VLLM_MODEL_NAME is not given", () => {
    expect(parseChatEnv({ VLLM_MODEL_ID: "org/seed-model" }).VLLM_MODEL_NAME).toBe("org/seed-model");
    expect(parseChatEnv({ VLLM_MODEL_ID: "org/seed-model", VLLM_MODEL_NAME: "served" }).VLLM_MODEL_NAME).toBe("served");
  });

  test("/encode without EMBEDDINGS_BASE_URL is a 503 in the error shape", async () => {
    s = await startChatStack({ EMBEDDINGS_BASE_URL: "" });
    const r = await s.post("/encode", { text: "a" });
    expect(r.status).toBe(503);
    expect((r.body.error as { code: string }).code).toBe("not_configured");
  });
});
