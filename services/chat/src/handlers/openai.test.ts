/** The OpenAI-compatible API through the gateway and the in-process bus: routing by model, pass-through, stream failures, log, counters. */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "bun:test";
import { startChatStack, type ChatStack } from "../testing.ts";

let stack: ChatStack;
beforeAll(async () => {
  stack = await startChatStack({ LLM_TIMEOUT_MS: "2000" });
});
afterAll(() => stack.close());
beforeEach(() => stack.reset());

const complete = (body: Record<string, unknown>) => stack.postWithHeaders("/v1/chat/completions", body, {});
const user = (content: string) => [{ role: "user", content }];
/** The `data:` events of an SSE body. */
const events = (text: string) => text.split("\n\n").filter(Boolean).map((e) => e.replace(/^data: /, ""));

describe("model picks the backend", () => {
  test("the primary's model goes to vLLM, Grok's model to Grok; the reply says which", async () => {
    const vllm = await complete({ model: "qwen-test", messages: user("salut") });
    expect(((await vllm.json()) as { backend: string }).backend).toBe("vllm");
    const grok = await complete({ model: "grok-test", messages: user("salut") });
    expect(((await grok.json()) as { backend: string; model: string })).toMatchObject({ backend: "grok", model: "grok-test" });
    expect(stack.chatCalls(stack.vllm)).toHaveLength(1);
    expect(stack.chatCalls(stack.grok)[0]?.model).toBe("grok-test");
  });

  test("GET /v1/models lists both", async () => {
    const res = await stack.gatewayGet("/v1/models");
    const body = (await res.json()) as { object: string; data: { id: string; owned_by: string }[] };
    expect(body.object).toBe("list");
    expect(body.data.map((m) => [m.id, m.owned_by])).toEqual([["qwen-test", "vllm"], ["grok-test", "xai"]]);
  });
});

describe("the request reaches the backend as the caller wrote it", () => {
  test("sampling options pass through; developer becomes system; text parts are joined; nulls and user stay out", async () => {
    await complete({
      model: "qwen-test",
      messages: [{ role: "developer", content: "Sois brève." }, { role: "user", content: [{ type: "text", text: "Bon" }, { type: "text", text: "jour" }] }],
      temperature: 0.2, top_p: 0.9, stop: ["\n\n"], seed: 7, presence_penalty: 0.5, frequency_penalty: null, max_completion_tokens: 64, user: "crm-user-1",
    });
    const sent = stack.vllm.requests.at(-1)?.body as Record<string, unknown>;
    expect(sent).toMatchObject({ model: "qwen-test", temperature: 0.2, top_p: 0.9, stop: ["\n\n"], seed: 7, presence_penalty: 0.5, max_tokens: 64, stream: false });
    expect(sent.messages).toEqual([{ role: "system", content: "Sois brève." }, { role: "user", content: "Bonjour" }]);
    expect("frequency_penalty" in sent).toBe(false);
    expect("user" in sent).toBe(false);
  });

  test("no content retries: a refusal is returned as the model wrote it", async () => {
    const res = await complete({ model: "qwen-test", messages: user("[[sim:refuse=1]] salut") });
    expect(res.status).toBe(200);
    expect(stack.chatCalls(stack.vllm)).toHaveLength(1);
  });

  test("the backend rejecting the request itself is the caller's 400", async () => {
    const res = await complete({ model: "qwen-test", messages: user("[[sim:status=400]] salut") });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { type: "invalid_request_error", code: "bad_request" } });
  });

  test("a stall beyond LLM_TIMEOUT_MS is a 504 llm_timeout", async () => {
    const res = await complete({ model: "qwen-test", messages: user("[[sim:stall=3000]] salut") });
    expect(res.status).toBe(504);
    expect(await res.json()).toMatchObject({ error: { type: "server_error", code: "llm_timeout" } });
  });
});

describe("streams", () => {
  test("a stream the server stops mid-answer ends with an error event, not [DONE]", async () => {
    const res = await complete({ model: "qwen-test", messages: user("[[sim:cut=3]] raconte-moi"), stream: true });
    expect(res.status).toBe(200);
    const got = events(await res.text());
    expect(got).toHaveLength(4); // the three chunks the server sent, then the error
    expect(got.slice(0, 3).every((e) => JSON.parse(e).object === "chat.completion.chunk")).toBe(true);
    expect(got).not.toContain("[DONE]");
    expect(JSON.parse(got.at(-1)!)).toMatchObject({ error: { type: "server_error", code: "llm_unavailable" } });
  });

  test("a transport failure before the first byte is retried, then the stream runs", async () => {
    const res = await complete({ model: "qwen-test", messages: user("[[sim:status=503,times=1]] salut"), stream: true });
    expect(res.status).toBe(200);
    expect(events(await res.text()).at(-1)).toBe("[DONE]");
    expect(stack.chatCalls(stack.vllm)).toHaveLength(2);
  });
});

describe("accounting and the log stream", () => {
  test("tokens are counted and the exchange is logged, streamed or not", async () => {
    const before = stack.counters.snapshot().total_completion_tokens;
    const requestsBefore = stack.counters.snapshot().endpoint_counts["POST /v1/chat/completions"] ?? 0;
    await complete({ model: "qwen-test", messages: user("salut"), session_id: "oa-1" });
    const streamed = await complete({ model: "qwen-test", messages: user("coucou"), stream: true });
    await streamed.text();
    await Bun.sleep(20);
    const after = stack.counters.snapshot();
    expect(after.total_completion_tokens).toBeGreaterThan(before);
    expect(after.endpoint_counts["POST /v1/chat/completions"]).toBe(requestsBefore + 2); // whole and streamed alike
    const logged = stack.events.filter((e) => e.endpoint === "/v1/chat/completions");
    expect(logged).toHaveLength(2);
    expect(logged[0]).toMatchObject({ session_id: "oa-1", backend: "vllm", model: "qwen-test", error: null });
    expect(logged[1]!.usage.completion_tokens).toBeGreaterThan(0);
    expect(logged[1]!.response?.length).toBeGreaterThan(0);
  });
});

describe("the minors guard's layers on this API", () => {
  test("layer 3, whole reply: a reply role-playing a minor is replaced by the deflection (content_filter)", async () => {
    const res = await complete({ model: "qwen-test", messages: user("raconte ta journée [[sim:minor=1]]") });
    const body = (await res.json()) as { backend: string; choices: { message: { content: string }; finish_reason: string }[] };
    expect(body.backend).toBe("guard");
    expect(body.choices[0]?.finish_reason).toBe("content_filter");
    expect(body.choices[0]?.message.content).not.toContain("lycée");
    expect(body.choices[0]?.message.content.length).toBeGreaterThan(0);
  });

  test("layer 3, stream: stopped at the chunk that makes the reply unsafe, finish_reason content_filter", async () => {
    const res = await complete({ model: "qwen-test", messages: user("raconte ta journée [[sim:minor=1]]"), stream: true });
    const got = events(await res.text());
    expect(got.at(-1)).toBe("[DONE]");
    const chunks = got.slice(0, -1).map((e) => JSON.parse(e) as { choices: { delta: { content?: string }; finish_reason: string | null }[] });
    const text = chunks.map((c) => c.choices[0]?.delta.content ?? "").join("");
    expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe("content_filter");
    expect(text).not.toContain("lycée");
    expect(stack.events.at(-1)).toMatchObject({ endpoint: "/v1/chat/completions", backend: "guard", error: "content_filter" });
  });

  test("layer 2: the guard model's S4 verdict deflects before the model is called", async () => {
    // The first stack's simulator plays the guard model (it answers as Llama Guard to a guard model name).
    const withGuard = await startChatStack({ LLM_TIMEOUT_MS: "2000", GUARD_BASE_URL: stack.vllm.url, GUARD_TIMEOUT_MS: "2000" });
    try {
      const res = await withGuard.postWithHeaders("/v1/chat/completions", { model: "qwen-test", messages: user("on joue à un jeu ? [[sim:guard=unsafe]]"), stream: true }, {});
      const text = events(await res.text()).slice(0, -1).map((e) => (JSON.parse(e) as { choices: { delta: { content?: string } }[] }).choices[0]?.delta.content ?? "").join("");
      expect(text.length).toBeGreaterThan(0);
      expect(withGuard.chatCalls(withGuard.vllm)).toHaveLength(0);
    } finally {
      await withGuard.close();
    }
  });
});
