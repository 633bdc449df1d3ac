/**
 * The scoring service on the real in-process bus, with a fake `chat` service answering
 * Subject.LlmComplete the way a real one can: valid JSON, fenced JSON with trailing commas, garbage,
 * a stall past the timeout, an LLM error — or not at all.
 */
import { afterEach, describe, expect, test } from "bun:test";
import {
  AppError,
  FanScoreResponse,
  MemoryBus,
  Subject,
  type BusRequest,
  type FanScoreBulkResponse,
  type LlmCompleteRequest,
  type LlmCompleteResponse,
} from "@sinhome/proto";
import { createLogger } from "@sinhome/runtime";
import { Value } from "@sinclair/typebox/value";
import { BUS_MARGIN_MS } from "./ai/client.ts";
import { parseScoringEnv } from "./env.ts";
import { createScoringService } from "./service.ts";

const AI_TIMEOUT_MS = 200;

type FakeChat = { calls: LlmCompleteRequest[]; deadlines: number[]; peak: number };

async function setup(answer?: (req: LlmCompleteRequest) => Promise<string> | string) {
  const bus = new MemoryBus();
  const fake: FakeChat = { calls: [], deadlines: [], peak: 0 };
  if (answer) {
    let running = 0;
    await bus.addService({
      name: "chat",
      version: "0.0.1",
      description: "fake chat: LLM completions only",
      endpoints: {
        llm_complete: {
          subject: Subject.LlmComplete,
          handler: async ({ body, deadline }: BusRequest): Promise<LlmCompleteResponse> => {
            const req = body as LlmCompleteRequest;
            fake.calls.push(req);
            fake.deadlines.push(deadline - Date.now());
            fake.peak = Math.max(fake.peak, ++running);
            try {
              return { text: await answer(req), backend: "simulator", model: "fake", usage: { prompt_tokens: 1, completion_tokens: 1 }, latency_ms: 1 };
            } finally {
              running--;
            }
          },
        },
      },
    });
  }
  const env = parseScoringEnv({ SCORING_AI_TIMEOUT_MS: String(AI_TIMEOUT_MS) });
  const service = await createScoringService(env, { bus, log: createLogger("scoring", "silent") });
  await bus.addService(service.definition);
  cleanups.push(() => bus.close());
  const score = (body: unknown, timeoutMs = 5000) => bus.requestJson<FanScoreResponse>(Subject.FanScore, body, { timeoutMs, requestId: "req-1" });
  const bulk = (body: unknown) => bus.requestJson<FanScoreBulkResponse>(Subject.FanScoreBulk, body, { timeoutMs: 10_000, requestId: "req-2" });
  return { bus, fake, score, bulk };
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

const fan = (id: string, useAi = false) => ({
  fan_id: id,
  history: [
    { role: "user", content: "coucou, t'es trop belle" },
    { role: "assistant", content: "merci mon chéri 😘" },
    { role: "user", content: "c'est combien la vidéo ?" },
  ],
  purchases: [{ amount: 10, type: "ppv" }],
  last_activity_iso: new Date().toISOString(),
  use_ai: useAi,
});

const expectValid = (r: unknown) => expect(Value.Check(FanScoreResponse, r)).toBe(true);

describe("POST /fan/interest_score over the bus (regex path)", () => {
  test("scores a fan and answers the contract", async () => {
    const { score } = await setup();
    const r = await score(fan("fan_1"));
    expectValid(r);
    expect(r).toMatchObject({ fan_id: "fan_1", purchase_score: 30, recency_score: 100, ai_score: null, scoring_method: "regex", error: null });
    expect(r.signals).toEqual(["asks_price", "compliment"]);
  });

  test("a fan that breaks the contract is a 422 with the bad fields, never a 500", async () => {
    const { score } = await setup();
    const error = await score({ fan_id: "", purchases: [{ amount: -1 }] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(422);
    expect((error as AppError).details.map((d) => d.field)).toEqual(expect.arrayContaining(["/fan_id", "/purchases/0/amount"]));
  });
});

describe("AI scoring through the bus", () => {
  const useAi = (id = "fan_ai") => fan(id, true);

  test("(a) valid JSON: ai_score set, method ai, engagement blended, one call", async () => {
    const { score, fake } = await setup(() => '{"score": 80, "signals": ["ready_to_buy"], "reason": "prêt"}');
    const regex = await score(fan("fan_ai"));
    const r = await score(useAi());
    expectValid(r);
    expect(fake.calls).toHaveLength(1);
    expect(r).toMatchObject({ ai_score: 80, scoring_method: "ai", error: null });
    expect(r.engagement_score).toBeCloseTo((regex.engagement_score + 80) / 2, 0);
    expect(r.signals).toContain("ready_to_buy");
  });

  test("the call is one structured, bounded, no-retry request; the bus waits slightly longer than the LLM", async () => {
    const { score, fake } = await setup(() => '{"score": 50, "signals": [], "reason": ""}');
    await score(useAi());
    const req = fake.calls[0]!;
    expect(req.no_retry).toBe(true);
    expect(req.timeout_ms).toBe(AI_TIMEOUT_MS);
    expect(req.response_format).toMatchObject({ type: "json_schema", json_schema: { name: "fan_score" } });
    expect(req.messages.at(-1)!.content).toContain("c'est combien la vidéo ?");
    expect(fake.deadlines[0]!).toBeGreaterThan(AI_TIMEOUT_MS);
    expect(fake.deadlines[0]!).toBeLessThanOrEqual(AI_TIMEOUT_MS + BUS_MARGIN_MS);
  });

  test("(b) fenced JSON with trailing commas is read", async () => {
    const { score, fake } = await setup(() => '```json\n{"score": 66, "signals": ["asks_price",], "reason": "ok",}\n```');
    const r = await score(useAi());
    expect(r).toMatchObject({ ai_score: 66, scoring_method: "ai", error: null });
    expect(fake.calls).toHaveLength(1);
  });

  test("(c) garbage: ai_parse_error, the regex result kept", async () => {
    const { score, fake } = await setup(() => "Désolée, je ne peux pas faire ça.");
    const regex = await score(fan("fan_ai"));
    const r = await score(useAi());
    expect(r).toEqual({ ...regex, error: "ai_parse_error" });
    expect(fake.calls).toHaveLength(1);
  });

  test("(d) a chat that stalls past the timeout: ai_timeout after about the timeout, regex kept, no retry", async () => {
    const { score, fake } = await setup(async () => {
      await Bun.sleep(AI_TIMEOUT_MS + BUS_MARGIN_MS + 500);
      return '{"score": 99}';
    });
    const regex = await score(fan("fan_ai"));
    const started = performance.now();
    const r = await score(useAi());
    const elapsed = performance.now() - started;
    expect(r).toEqual({ ...regex, error: "ai_timeout" });
    expect(elapsed).toBeLessThan(AI_TIMEOUT_MS + BUS_MARGIN_MS + 300);
    expect(fake.calls).toHaveLength(1);
    await Bun.sleep(600); // let the stalled handler finish before the bus closes
    expect(fake.calls).toHaveLength(1);
  });

  test("chat's own LLM timeout is an ai_timeout too; an LLM error is ai_unavailable", async () => {
    let code: "llm_timeout" | "llm_unavailable" = "llm_timeout";
    const { score, fake } = await setup(() => {
      throw new AppError(code, "LLM said no");
    });
    expect((await score(useAi())).error).toBe("ai_timeout");
    code = "llm_unavailable";
    expect((await score(useAi())).error).toBe("ai_unavailable");
    expect(fake.calls).toHaveLength(2);
  });

  test("(e) no chat service answering: ai_unavailable at once, regex kept", async () => {
    const { score } = await setup();
    const regex = await score(fan("fan_ai"));
    const started = performance.now();
    const r = await score(useAi());
    expect(r).toEqual({ ...regex, error: "ai_unavailable" });
    // No responder is known at once: it must not wait for the AI timeout.
    expect(performance.now() - started).toBeLessThan(AI_TIMEOUT_MS);
  });

  test("no AI call when the caller's deadline leaves no time for it", async () => {
    const { score, fake } = await setup(() => '{"score": 80, "signals": [], "reason": ""}');
    const r = await score(useAi(), BUS_MARGIN_MS);
    expect(r).toMatchObject({ error: "ai_timeout", scoring_method: "regex", ai_score: null });
    expect(fake.calls).toHaveLength(0);
  });
});

describe("POST /fan/interest_score/bulk over the bus", () => {
  test("one bad fan never fails the others; each is named when it can be", async () => {
    const { bulk } = await setup();
    const r = await bulk({
      fans: [fan("ok_1"), { fan_id: "bad_1", purchases: [{ amount: "lots" }] }, "not a fan", { history: [] }, { fan_id: 42 }, fan("ok_2")],
    });
    expect(r.results.map((x) => x.fan_id)).toEqual(["ok_1", "bad_1", "unknown", "unknown", "42", "ok_2"]);
    expect(r.errors_count).toBe(4);
    for (const bad of r.results.slice(1, 5)) {
      expect(bad).toMatchObject({ score: 10, segment: "cold", scoring_method: "regex", error: "invalid_fan", ai_score: null });
    }
    expect(r.results[0]!.error).toBeNull();
    expect(r.results[5]!.error).toBeNull();
    for (const x of r.results) expectValid(x);
  });

  test("results keep the input order and defaults apply per fan", async () => {
    const { bulk } = await setup();
    const r = await bulk({ fans: [{ fan_id: "a" }, { fan_id: "b", purchases: [{ amount: 50 }] }] });
    expect(r.results.map((x) => [x.fan_id, x.purchase_score])).toEqual([["a", 0], ["b", 100]]);
    expect(r.errors_count).toBe(0);
  });

  test("null means absent inside a bulk's fans too", async () => {
    const { bulk } = await setup();
    const r = await bulk({ fans: [{ fan_id: "a", history: null, purchases: null, last_activity_iso: null, use_ai: null }, { fan_id: "b", purchases: [{ amount: 50, date: null, type: null }] }] });
    expect(r.errors_count).toBe(0);
    expect(r.results.map((x) => [x.fan_id, x.purchase_score, x.error])).toEqual([["a", 0, null], ["b", 100, null]]);
  });

  test("more than 200 fans is a 422 at the service too", async () => {
    const { bulk } = await setup();
    const error = await bulk({ fans: Array.from({ length: 201 }, (_, i) => fan(`f${i}`)) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "validation_failed", status: 422 });
    expect((error as AppError).details[0]!.field).toBe("/fans");
  });

  test("a body without a fans array is a 422", async () => {
    const { bulk } = await setup();
    for (const body of [{}, { fans: "x" }, null, []]) {
      await expect(bulk(body)).rejects.toMatchObject({ code: "validation_failed" });
    }
  });

  test("exactly one AI call per AI fan, at most 8 at a time, failures kept per fan", async () => {
    let n = 0;
    const { bulk, fake } = await setup(async () => {
      await Bun.sleep(10);
      return n++ % 3 === 0 ? "garbage" : '{"score": 70, "signals": [], "reason": ""}';
    });
    const fans = Array.from({ length: 30 }, (_, i) => fan(`f${i}`, i % 3 !== 2));
    const r = await bulk({ fans });
    expect(fake.calls).toHaveLength(20);
    expect(fake.peak).toBeLessThanOrEqual(8);
    expect(fake.peak).toBeGreaterThan(1);
    expect(r.results.filter((x) => x.scoring_method === "ai")).toHaveLength(20 - Math.ceil(20 / 3));
    expect(r.results.filter((x) => x.error === "ai_parse_error")).toHaveLength(Math.ceil(20 / 3));
    expect(r.errors_count).toBe(0);
  });
});
