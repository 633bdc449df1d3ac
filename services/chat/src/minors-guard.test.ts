/**
 * The minors guard's three layers through the gateway (in-process bus): the lexicon, the guard model
 * (a second simulator answering in Llama Guard's format) and the reply check.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "bun:test";
import { startSimulator } from "@sinhome/llm-sim";
import { Subject, type ComponentsReply } from "@sinhome/proto";
import { registry } from "@sinhome/runtime";
import { MINOR_REPLY_DEFLECTION, MINOR_SEXUAL_CONTEXT_REPLY } from "./safety/index.ts";
import { startChatStack, type ChatStack } from "./testing.ts";

const guardSim = startSimulator({ port: 0, name: "guard-sim", modelIds: ["meta-llama/Llama-Guard-3-1B"] });
const guardCalls = () => guardSim.requests.filter((r) => r.path.endsWith("/chat/completions"));
let s: ChatStack;
let closed: ChatStack;

beforeAll(async () => {
  s = await startChatStack({ GUARD_BASE_URL: guardSim.url, GUARD_TIMEOUT_MS: "250" });
  closed = await startChatStack({ GUARD_BASE_URL: guardSim.url, GUARD_TIMEOUT_MS: "250", GUARD_FAIL_MODE: "closed" });
});
afterAll(async () => {
  await s.close();
  await closed.close();
  await guardSim.stop();
});
beforeEach(() => {
  s.reset();
  closed.reset();
  guardSim.reset();
});

async function metric(name: string, labels: Record<string, string>): Promise<number> {
  const found = (await registry.getMetricsAsJSON()).find((m) => m.name === name);
  const values = (found?.values ?? []) as { value: number; labels: Record<string, string | number> }[];
  return values.filter((v) => Object.entries(labels).every(([k, x]) => String(v.labels[k]) === x)).reduce((n, v) => n + v.value, 0);
}

describe("layer 2: the guard model", () => {
  test("safe: the guard reads the message with recent turns, then the chat model answers", async () => {
    const history = [{ role: "user", content: "coucou" }, { role: "assistant", content: "salut toi 😘" }];
    const { status, body } = await s.post("/personality_chat", { message: "tu fais quoi ce soir ?", history });
    expect(status).toBe(200);
    expect(body.backend).toBe("vllm");
    const sent = guardCalls()[0]?.body as { model: string; messages: { role: string; content: string }[] };
    expect(sent.model).toBe("meta-llama/Llama-Guard-3-1B");
    expect(sent.messages.map((m) => m.content)).toEqual(["coucou", "salut toi 😘", "tu fais quoi ce soir ?"]);
  });

  test("unsafe S4: fixed deflection, the chat model is never called, counted by layer", async () => {
    const before = await metric("sinhome_minors_blocks_total", { layer: "guard_model", category: "s4" });
    const { body } = await s.post("/v2/personality_chat", { message: "une demande que seul le modèle voit [[sim:guard=unsafe]]" });
    expect(body).toMatchObject({ backend: "guard", response: MINOR_SEXUAL_CONTEXT_REPLY, fallback: false, error: null });
    expect(s.chatCalls(s.vllm)).toHaveLength(0);
    expect(await metric("sinhome_minors_blocks_total", { layer: "guard_model", category: "s4" })).toBe(before + 1);
    for (let i = 0; i < 20 && s.events.length === 0; i++) await Bun.sleep(5);
    expect(s.events[0]?.guard).toEqual({ layer: "guard_model", category: "s4", source: "message" });
  });

  test("another unsafe category (adult sexual content) does not block", async () => {
    const { body } = await s.post("/personality_chat", { message: "envoie une photo de tes seins [[sim:guard=s12]]" });
    expect(body.backend).toBe("vllm");
  });

  test("a lexicon block never reaches the guard model either", async () => {
    const { body } = await s.post("/personality_chat", { message: "jsui en 3e mdr" });
    expect(body.backend).toBe("guard");
    expect(guardCalls()).toHaveLength(0);
    expect(s.chatCalls(s.vllm)).toHaveLength(0);
  });

  test("timeout (GUARD_FAIL_MODE=suspect, the default): nothing suspect, the lexicon's verdict stands, the request goes on, counted", async () => {
    const before = await metric("sinhome_guard_model_unavailable_total", { mode: "suspect" });
    const timeouts = await metric("sinhome_guard_model_checks_total", { outcome: "timeout" });
    const { status, body } = await s.post("/personality_chat", { message: "salut toi [[sim:guard=hang]]" });
    expect(status).toBe(200);
    expect(body.backend).toBe("vllm");
    expect(await metric("sinhome_guard_model_unavailable_total", { mode: "suspect" })).toBe(before + 1);
    expect(await metric("sinhome_guard_model_checks_total", { outcome: "timeout" })).toBe(timeouts + 1);
  });

  test("a malformed or failed guard answer is fail-open too", async () => {
    expect((await s.post("/personality_chat", { message: "hey [[sim:guard=malformed]]" })).body.backend).toBe("vllm");
    expect((await s.post("/personality_chat", { message: "hey [[sim:guard=fail]]" })).body.backend).toBe("vllm");
  });

  test("fail-closed: v1 answers 503 guard_unavailable, v2 a fallback naming it; the chat model is not called", async () => {
    const v1 = await closed.post("/personality_chat", { message: "salut [[sim:guard=hang]]" });
    expect(v1.status).toBe(503);
    expect(v1.body).toMatchObject({ error: { code: "guard_unavailable" } });
    const v2 = await closed.post("/v2/personality_chat", { message: "salut [[sim:guard=fail]]" });
    expect(v2.status).toBe(200);
    expect(v2.body).toMatchObject({ fallback: true, error: "guard_unavailable" });
    expect(closed.chatCalls(closed.vllm)).toHaveLength(0);
  });

  test("direct_chat goes through the guard model as well", async () => {
    const { body } = await s.post("/direct_chat", { message: "hello [[sim:guard=unsafe]]" });
    expect(body.backend).toBe("guard");
    expect(s.chatCalls(s.vllm)).toHaveLength(0);
  });

  test("health lists the guard model as a component", async () => {
    const reply = await s.bus.requestJson<ComponentsReply>(Subject.LlmStatus, {}, { timeoutMs: 3000, requestId: "test-health" });
    expect(reply.components.find((c) => c.name === "guard_model")).toMatchObject({ status: "ok" });
  });
});

describe("layer 3: the reply check", () => {
  test("a reply role-playing a minor is retried once; a clean retry is sent", async () => {
    const before = await metric("sinhome_minors_reply_checks_total", { outcome: "retried" });
    const { body } = await s.post("/personality_chat", { message: "raconte-moi ta soirée [[sim:minor=1]]" });
    expect(body.backend).toBe("vllm");
    expect(body.response).not.toContain("15 ans");
    expect(body.retries).toMatchObject({ safety: 1 });
    expect(s.chatCalls(s.vllm)).toHaveLength(2);
    expect(await metric("sinhome_minors_reply_checks_total", { outcome: "retried" })).toBe(before + 1);
  });

  test("when the retry is bad too, the fixed deflection replaces it, counted by cause", async () => {
    const before = await metric("sinhome_minors_reply_checks_total", { outcome: "deflected", category: "claim" });
    const { body } = await s.post("/v2/personality_chat", { message: "raconte-moi ta soirée [[sim:minor]]" });
    expect(body).toMatchObject({ backend: "guard", response: MINOR_REPLY_DEFLECTION, fallback: false });
    expect(s.chatCalls(s.vllm)).toHaveLength(2);
    expect(await metric("sinhome_minors_reply_checks_total", { outcome: "deflected", category: "claim" })).toBe(before + 1);
  });

  test("without a guard model configured, health says not_configured and layers 1 and 3 still apply", async () => {
    const plain = await startChatStack();
    try {
      const reply = await plain.bus.requestJson<ComponentsReply>(Subject.LlmStatus, {}, { timeoutMs: 3000, requestId: "test-health" });
      expect(reply.components.find((c) => c.name === "guard_model")).toMatchObject({ status: "not_configured" });
      expect((await plain.post("/personality_chat", { message: "ok [[sim:minor]]" })).body.backend).toBe("guard");
    } finally {
      await plain.close();
    }
  });
});
