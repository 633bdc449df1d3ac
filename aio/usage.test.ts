/**
 * Accounting end to end on the in-process bus: gateway (two API keys) → two chat instances → a simulator
 * with vLLM's prefix cache; `GET /monitoring/usage` (ops) sums both instances by key name, endpoint and model.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { MemoryBus, type ChatResponse, type UsageResponse } from "@sinhome/proto";
import { startSimulator } from "@sinhome/llm-sim";
import { createLogger } from "@sinhome/runtime";
import { createGateway } from "@sinhome/gateway";
import { parseGatewayEnv } from "@sinhome/gateway/src/env.ts";
import { createChatService } from "@sinhome/chat";
import { parseChatEnv } from "@sinhome/chat/src/env.ts";
import { createOpsService } from "@sinhome/ops";
import { parseOpsEnv } from "@sinhome/ops/src/env.ts";

const log = createLogger("usage-test", "error");
const vllm = startSimulator({ name: "vllm-sim" });
const bus = new MemoryBus();
const closers: (() => Promise<void>)[] = [];
let gateway: ReturnType<typeof createGateway>;
const KEYS = ["crm-key-aaaaaaaa", "crm-key-bbbbbbbb"] as const;
const PRICES = { VLLM_PRICE_INPUT_PER_MTOK: "2", VLLM_PRICE_CACHED_INPUT_PER_MTOK: "0.5", VLLM_PRICE_OUTPUT_PER_MTOK: "8" };

beforeAll(async () => {
  for (let i = 0; i < 2; i++) {
    const chat = await createChatService(parseChatEnv({ VLLM_BASE_URL: vllm.url, VLLM_MODEL_NAME: "qwen-test", LLM_FALLBACK: "none", ...PRICES }), { bus, log });
    await bus.addService(chat.definition);
    closers.push(chat.close);
  }
  const ops = await createOpsService(parseOpsEnv({}), { bus, log });
  await bus.addService(ops.definition);
  closers.push(ops.close);
  gateway = createGateway({ bus, env: parseGatewayEnv({ GATEWAY_API_KEYS: `crm-a:${KEYS[0]},crm-b:${KEYS[1]}`, RATE_LIMIT_PER_MINUTE: "0" }), log });
});
afterAll(async () => {
  for (const close of closers) await close();
  await bus.close();
  await vllm.stop();
});

const call = async (path: string, key: string, init: RequestInit = {}) => {
  const res = await gateway.handle(new Request(`http://localhost${path}`, { ...init, headers: { "content-type": "application/json", authorization: `Bearer ${key}` } }));
  return { status: res.status, text: await res.text() };
};
const chat = async (path: string, key: string, body: unknown) => JSON.parse((await call(path, key, { method: "POST", body: JSON.stringify(body) })).text) as ChatResponse;
const usage = async (query: string) => {
  const res = await call(`/monitoring/usage${query}`, KEYS[0]);
  return { status: res.status, body: JSON.parse(res.text) as UsageResponse & { error?: { code: string } }, text: res.text };
};

describe("token and cost accounting", () => {
  test("cached tokens are read from the LLM's usage, reported, and summed per key name over every chat instance", async () => {
    const history: { role: "user" | "assistant"; content: string }[] = [];
    const replies: ChatResponse[] = [];
    for (const message of ["salut toi", "tu fais quoi ce soir ?", "raconte-moi ta journée"]) {
      const reply = await chat("/v2/personality_chat", KEYS[0], { message, history, persona_data: { name: "Léa", emojis: 2 } });
      replies.push(reply);
      history.push({ role: "user", content: message }, { role: "assistant", content: reply.response });
    }
    expect(replies[0]!.usage.cached_tokens).toBe(0);
    expect(replies[2]!.usage.cached_tokens).toBeGreaterThan(replies[2]!.usage.prompt_tokens / 2);
    await chat("/personality_chat", KEYS[1], { message: "hello", persona_data: { name: "Mia" } });

    const { status, body, text } = await usage("?group_by=key");
    expect(status).toBe(200);
    expect(body.instances).toBe(2);
    expect(text).not.toContain(KEYS[0]); // names, never keys
    const a = body.rows.find((r) => r.group === "crm-a")!;
    const b = body.rows.find((r) => r.group === "crm-b")!;
    const sum = (k: "prompt_tokens" | "completion_tokens" | "cached_tokens") => replies.reduce((n, r) => n + (r.usage[k] ?? 0), 0);
    expect(a).toMatchObject({ requests: 3, prompt_tokens: sum("prompt_tokens"), cached_tokens: sum("cached_tokens"), completion_tokens: sum("completion_tokens"), retry_tokens: 0 });
    const expectedCost = ((sum("prompt_tokens") - sum("cached_tokens")) * 2 + sum("cached_tokens") * 0.5 + sum("completion_tokens") * 8) / 1e6;
    expect(a.cost_usd).toBeCloseTo(expectedCost, 6);
    expect(b.requests).toBe(1);
  });

  test("grouped by endpoint and by model; the window is respected", async () => {
    const endpoints = (await usage("?group_by=endpoint")).body.rows.map((r) => [r.group, r.requests]).sort();
    expect(endpoints).toEqual([["/personality_chat", 1], ["/v2/personality_chat", 3]]);
    const models = (await usage("?group_by=model")).body.rows;
    expect(models).toEqual([expect.objectContaining({ group: "qwen-test", backend: "vllm", requests: 4 })]);
    const past = await usage("?since=2020-01-01T00:00:00Z&until=2020-01-02T00:00:00Z");
    expect(past.body).toMatchObject({ since: "2020-01-01T00:00:00.000Z", rows: [], instances: 2, group_by: "key" });
  });

  test("tokens of content retries are counted, in the totals and apart", async () => {
    const reply = await chat("/unpersona_chat", KEYS[1], { message: "Salut [[sim:refuse=1]]" });
    expect(reply.retries.refusal).toBe(1);
    const row = (await usage("?group_by=endpoint")).body.rows.find((r) => r.group === "/unpersona_chat")!;
    expect(row.requests).toBe(1);
    expect(row.prompt_tokens).toBe(reply.usage.prompt_tokens); // both calls
    expect(row.retry_tokens).toBeGreaterThan(0);
    expect(row.retry_tokens).toBeLessThan(reply.usage.prompt_tokens + reply.usage.completion_tokens);
  });

  test("the OpenAI-compatible API is accounted too, whole and streamed, with the cached tokens", async () => {
    const messages = [{ role: "system", content: "Tu es Zoé. ".repeat(80) }, { role: "user", content: "salut" }];
    for (const stream of [false, true, false]) {
      const res = await call("/v1/chat/completions", KEYS[0], { method: "POST", body: JSON.stringify({ model: "qwen-test", messages, stream }) });
      expect(res.status).toBe(200);
    }
    const row = (await usage("?group_by=endpoint")).body.rows.find((r) => r.group === "/v1/chat/completions")!;
    expect(row.requests).toBe(3);
    expect(row.cached_tokens).toBeGreaterThan(row.prompt_tokens / 2); // the 2nd and 3rd reuse the 1st's prompt
    const byKey = (await usage("?group_by=key")).body.rows.find((r) => r.group === "crm-a")!;
    expect(byKey.requests).toBe(6);
  });

  test("bad windows are a 422 naming the field", async () => {
    const bad = await usage("?since=yesterday");
    expect(bad.status).toBe(422);
    const reversed = await usage("?since=2026-12-02T00:00:00Z&until=2026-12-01T00:00:00Z");
    expect(reversed.status).toBe(422);
    expect(reversed.text).toContain("since");
    expect((await usage("?group_by=fan")).status).toBe(422);
  });
});
