/**
 * The three QA endpoints through the real in-process bus and the real ops service, with a fake chat service
 * answering `LlmComplete` from a script keyed on the fan's last message.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "bun:test";
import {
  AppError,
  MemoryBus,
  Subject,
  type BusRequest,
  type LlmCompleteRequest,
  type LlmCompleteResponse,
  type QaRunResponse,
  type QaTestCase,
} from "@sinhome/proto";
import { createLogger } from "@sinhome/runtime";
import { parseOpsEnv } from "../env.ts";
import { createOpsService } from "../service.ts";
import { QA_PERSONA_PROMPT } from "./persona.ts";

const FRENCH_GREETING = "Coucou toi 😘 c'est Chloe, ça va ?";
const REFUSAL = "Je suis désolée, mais en tant qu'IA je ne peux pas répondre à cette demande.";
const ENGLISH = "Hey you! How are you doing tonight?";
const LONG = "Mmh j'ai passé une journée de fou, ".repeat(20).trim();

/** The fake LLM: the fan's last message picks the reply (or the failure, or a delay). */
const SCRIPT: [RegExp, string | (() => never)][] = [
  [/^refuse/, REFUSAL],
  [/^english/, ENGLISH],
  [/^long/, LONG],
  [/^timeout/, () => { throw new AppError("llm_timeout", "vLLM did not answer in time"); }],
  [/^down/, () => { throw new AppError("llm_unavailable", "no LLM backend is reachable"); }],
  // the built-in cases' fan messages
  [/^Salut/, FRENCH_GREETING],
  [/journée de boulot/, "Oh mon pauvre 😘 viens là, raconte-moi tout"],
  [/On se voit/, "Haha t'es mignon 😘 mais je ne fais pas de rencontres en vrai, on reste ici tous les deux"],
  [/dimanche/, "Le dimanche quand il pleut ? Je reste sous la couette avec une série 🥰 et toi ?"],
  [/Raconte-moi ta journée/, "Tranquille, un peu de sport et beaucoup de flemme 😏"],
];

let bus: MemoryBus;
let calls: { body: LlmCompleteRequest; deadline: number; requestId: string }[] = [];
let inFlight = 0;
let maxInFlight = 0;
/** Overrides the script for one test: the reply to the next calls, by fan message. */
let override: ((fan: string) => string | undefined) | undefined;

async function fakeComplete(req: BusRequest): Promise<LlmCompleteResponse> {
  const body = req.body as LlmCompleteRequest;
  calls.push({ body, deadline: req.deadline, requestId: req.requestId });
  inFlight++;
  maxInFlight = Math.max(maxInFlight, inFlight);
  try {
    const fan = body.messages.at(-1)?.content ?? "";
    const delay = /delay=(\d+)/.exec(fan);
    // Later cases answer sooner, so completion order differs from input order.
    await Bun.sleep(delay ? Number(delay[1]) : 5);
    if (fan.startsWith("stall")) {
      await Bun.sleep(Math.max(0, req.deadline - Date.now()) + 100);
    }
    const scripted = override?.(fan) ?? SCRIPT.find(([pattern]) => pattern.test(fan))?.[1] ?? "Haha t'es trop chou 😊";
    const text = typeof scripted === "function" ? scripted() : scripted;
    return { text, backend: "vllm", model: "fake", usage: { prompt_tokens: 10, completion_tokens: 10 }, latency_ms: 5 };
  } finally {
    inFlight--;
  }
}

const user = (content: string) => [{ role: "user" as const, content }];
const qaCase = (name: string, content: string, extra: Partial<QaTestCase> = {}): QaTestCase => ({ name, messages: user(content), ...extra });
const run = (body: unknown, timeoutMs = 10_000) => bus.requestJson<QaRunResponse>(Subject.QaRun, body, { timeoutMs, requestId: "qa-test" });

beforeAll(async () => {
  bus = new MemoryBus();
  await bus.addService({ name: "chat", version: "1.0.0", description: "fake chat", endpoints: { llm_complete: { subject: Subject.LlmComplete, handler: fakeComplete } } });
  const ops = await createOpsService(parseOpsEnv({}), { bus, log: createLogger("ops-qa-test", "error") });
  await bus.addService(ops.definition);
});
afterAll(async () => {
  await bus.close();
});
beforeEach(() => {
  calls = [];
  maxInFlight = 0;
  override = undefined;
});

describe("POST /qa/run", () => {
  test("each check passes or fails on its own, and the run counts them", async () => {
    const res = await run({
      backend: "vllm",
      test_cases: [
        qaCase("greeting", "Salut", { system_prompt: "Tu es Chloe", forbidden_signals: ["JE SUIS UNE IA"], expected_signals: ["ça va"], max_length: 300 }),
        qaCase("refusal", "refuse"),
        qaCase("forbidden", "Salut", { forbidden_signals: ["c'est CHLOÉ"] }),
        qaCase("expected", "Salut", { expected_signals: ["coucou", "en vrai"] }),
        qaCase("too_long", "long", { max_length: 200 }),
        qaCase("english", "english", { expected_signals: [] }),
      ],
    });
    expect([res.total, res.passed, res.failed, res.success_rate]).toEqual([6, 2, 4, 33.3]);
    const [greeting, refusal, forbidden, expected, tooLong, english] = res.results;
    expect(greeting).toMatchObject({ name: "greeting", passed: true, response: FRENCH_GREETING });
    expect(greeting!.checks).toEqual({ answered: true, no_refusal: true, no_forbidden: true, expected_present: true, length_ok: true, no_cjk: true });
    expect(greeting!.latency_ms).toBeGreaterThanOrEqual(0);
    expect(greeting!.error).toBeUndefined();
    expect(refusal).toMatchObject({ passed: false, response: REFUSAL, checks: { answered: true, no_refusal: false, no_forbidden: true, no_cjk: true } });
    expect(forbidden).toMatchObject({ passed: false, checks: { no_forbidden: false, no_refusal: true } });
    expect(expected).toMatchObject({ passed: false, checks: { expected_present: false } });
    expect(tooLong).toMatchObject({ passed: false, checks: { length_ok: false, no_refusal: true } });
    // A case without signals or limits gets no check for them (an empty expected list tests nothing).
    expect(english).toMatchObject({ passed: true, checks: { answered: true, no_refusal: true, no_forbidden: true, no_cjk: true } });
    expect(Object.keys(english!.checks)).not.toContain("expected_present");
    expect(Object.keys(english!.checks)).not.toContain("length_ok");
  });

  test("sends the system prompt first, then the messages, with the requested backend", async () => {
    await run({
      backend: "grok",
      test_cases: [{ name: "conv", system_prompt: "Tu es Chloe", messages: [{ role: "user", content: "Salut" }, { role: "assistant", content: "Coucou" }, { role: "user", content: "ça va ?" }] }],
    });
    expect(calls).toHaveLength(1);
    const body = calls[0]!.body;
    expect(body.messages.map((m) => m.role)).toEqual(["system", "user", "assistant", "user"]);
    expect(body.messages[0]!.content).toBe("Tu es Chloe");
    expect(body.backend).toBe("grok");
    expect(calls[0]!.requestId).toBe("qa-test");
  });

  test("a failing LLM call fails its case with the error code, never the run", async () => {
    const res = await run({ test_cases: [qaCase("ok", "Salut"), qaCase("slow_llm", "timeout"), qaCase("no_llm", "down"), qaCase("ok2", "Salut")] });
    expect([res.total, res.passed, res.failed, res.success_rate]).toEqual([4, 2, 2, 50]);
    expect(res.results[1]).toMatchObject({ name: "slow_llm", passed: false, response: "", error: "llm_timeout", checks: { answered: false } });
    expect(res.results[2]).toMatchObject({ name: "no_llm", passed: false, response: "", error: "llm_unavailable" });
    expect(res.results[0]!.error).toBeUndefined();
  });

  test("every case failing still answers 200 with 0 %", async () => {
    const res = await run({ test_cases: [qaCase("a", "down"), qaCase("b", "timeout"), qaCase("c", "refuse")] });
    expect([res.total, res.passed, res.failed, res.success_rate]).toEqual([3, 0, 3, 0]);
  });

  test("runs at most 4 cases at a time and keeps the input order", async () => {
    // Case i answers after (12 - i) * 10 ms: the last ones finish first.
    const cases = Array.from({ length: 12 }, (_, i) => qaCase(`case_${i}`, `Salut delay=${(12 - i) * 10}`));
    const res = await run({ test_cases: cases });
    expect(res.results.map((r) => r.name)).toEqual(cases.map((c) => c.name));
    expect(res.passed).toBe(12);
    expect(maxInFlight).toBe(4);
    expect(calls).toHaveLength(12);
  });

  test("a case that would outlive the run's deadline fails with timeout, and the run still answers in time", async () => {
    const started = Date.now();
    const res = await run({ test_cases: [qaCase("stalled", "stall"), qaCase("quick", "Salut")] }, 2000);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(res.results[0]).toMatchObject({ name: "stalled", passed: false, error: "timeout" });
    expect(res.results[1]).toMatchObject({ name: "quick", passed: true });
    // The LLM call's own timeout sits inside the bus budget, which sits inside the run's deadline.
    const stalled = calls.find((c) => c.body.messages.at(-1)?.content === "stall")!;
    expect(stalled.body.timeout_ms!).toBeLessThanOrEqual(2000 - 250 - 500);
    // The run's deadline is set when the request leaves, a few ms after `started`.
    expect(stalled.deadline).toBeLessThanOrEqual(started + 2000 - 250 + 20);
  });

  test("success_rate has one decimal", async () => {
    const res = await run({ test_cases: [qaCase("a", "Salut"), qaCase("b", "Salut"), qaCase("c", "refuse")] });
    expect(res.success_rate).toBe(66.7);
  });
});

describe("POST /qa/run/builtin", () => {
  test("five cases, five LLM calls on the fixed persona, all passing on good replies", async () => {
    const res = await bus.requestJson<QaRunResponse>(Subject.QaBuiltin, { backend: "vllm" }, { timeoutMs: 10_000, requestId: "qa-builtin" });
    expect(res.results.map((r) => r.name)).toEqual(["greeting", "in_character", "no_irl", "french", "short_format"]);
    expect([res.total, res.passed, res.failed, res.success_rate]).toEqual([5, 5, 0, 100]);
    expect(calls).toHaveLength(5);
    for (const { body } of calls) {
      expect(body.messages[0]).toEqual({ role: "system", content: QA_PERSONA_PROMPT });
      expect(body.messages.map((m) => m.role)).toEqual(["system", "user"]);
      expect(body.backend).toBe("vllm");
    }
    const checks = Object.fromEntries(res.results.map((r) => [r.name, Object.keys(r.checks)]));
    expect(checks.greeting).toContain("is_french");
    expect(checks.no_irl).toContain("declines_meeting");
    expect(checks.french).toContain("is_french");
    expect(checks.short_format).toContain("short");
  });

  test("each built-in case fails on the reply it exists to catch", async () => {
    override = (fan) => {
      if (fan.startsWith("Salut")) return ENGLISH;
      if (fan.includes("journée de boulot")) return "Je suis un assistant virtuel. Comment puis-je vous aider ?";
      if (fan.includes("On se voit")) return "Avec plaisir 😘 rendez-vous à 21h devant la gare";
      if (fan.includes("dimanche")) return "I love rainy Sundays, what about you?";
      if (fan.includes("Raconte-moi")) return "Alors ma journée ".padEnd(200, "a");
      return undefined;
    };
    const res = await bus.requestJson<QaRunResponse>(Subject.QaBuiltin, {}, { timeoutMs: 10_000, requestId: "qa-builtin" });
    expect([res.total, res.passed, res.success_rate]).toEqual([5, 0, 0]);
    const byName = Object.fromEntries(res.results.map((r) => [r.name, r.checks]));
    expect(byName.greeting).toMatchObject({ answered: true, is_french: false });
    expect(byName.in_character).toMatchObject({ answered: true, no_refusal: false });
    expect(byName.no_irl).toMatchObject({ no_refusal: true, declines_meeting: false });
    expect(byName.french).toMatchObject({ is_french: false });
    expect(byName.short_format).toMatchObject({ answered: true, no_refusal: true, short: false });
    expect(calls.every((c) => c.body.backend === undefined)).toBe(true);
  });

  test("an LLM outage fails the five cases with its code, the run still answers", async () => {
    override = () => {
      throw new AppError("llm_unavailable", "no LLM backend is reachable");
    };
    const res = await bus.requestJson<QaRunResponse>(Subject.QaBuiltin, {}, { timeoutMs: 10_000, requestId: "qa-builtin" });
    expect([res.total, res.failed]).toEqual([5, 5]);
    expect(res.results.every((r) => r.error === "llm_unavailable" && r.response === "")).toBe(true);
  });
});

describe("POST /qa/smoke", () => {
  test("one call with the default message: answered, no refusal, short", async () => {
    const res = await bus.requestJson<QaRunResponse>(Subject.QaSmoke, {}, { timeoutMs: 10_000, requestId: "qa-smoke" });
    expect([res.total, res.passed, res.success_rate]).toEqual([1, 1, 100]);
    expect(res.results[0]).toMatchObject({ name: "smoke", passed: true, response: FRENCH_GREETING, checks: { answered: true, no_refusal: true, short: true } });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.body.messages).toEqual([{ role: "system", content: QA_PERSONA_PROMPT }, { role: "user", content: "Salut !" }]);
  });

  test("a refusal or a long reply fails the smoke test", async () => {
    const refused = await bus.requestJson<QaRunResponse>(Subject.QaSmoke, { message: "refuse" }, { timeoutMs: 10_000, requestId: "qa-smoke" });
    expect(refused.results[0]).toMatchObject({ passed: false, checks: { no_refusal: false, short: true } });
    const long = await bus.requestJson<QaRunResponse>(Subject.QaSmoke, { message: "long" }, { timeoutMs: 10_000, requestId: "qa-smoke" });
    expect(long.results[0]).toMatchObject({ passed: false, checks: { no_refusal: true, short: false } });
    expect(long.success_rate).toBe(0);
  });

  test("an LLM timeout is a failed result with its code, not an error answer", async () => {
    const res = await bus.requestJson<QaRunResponse>(Subject.QaSmoke, { message: "timeout" }, { timeoutMs: 10_000, requestId: "qa-smoke" });
    expect(res.results[0]).toMatchObject({ passed: false, error: "llm_timeout", response: "" });
  });
});
