/**
 * The whole stack: ops → in-process bus → the real chat service → the project's LLM simulator. The built-in
 * run must pass 5/5 on the simulator's ordinary replies, and its misbehaviours must fail the right checks.
 * (Test-only import of the chat service: a service never imports another one in its own code.)
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { MemoryBus, Subject, type QaRunResponse } from "@sinhome/proto";
import { startSimulator, type Simulator } from "@sinhome/llm-sim";
import { createLogger, type MeshService } from "@sinhome/runtime";
import { createChatService } from "@sinhome/chat";
import { parseChatEnv } from "@sinhome/chat/src/env.ts";
import { parseOpsEnv } from "../env.ts";
import { createOpsService } from "../service.ts";

let sim: Simulator;
let bus: MemoryBus;
let chat: MeshService;
let ops: MeshService;
const opts = { timeoutMs: 20_000, requestId: "qa-sim" };
const chatCalls = () => sim.requests.filter((r) => r.path.endsWith("/chat/completions"));

beforeAll(async () => {
  sim = startSimulator({ port: 0, hostname: "127.0.0.1", name: "vllm-sim" });
  bus = new MemoryBus();
  const log = createLogger("qa-sim-test", "error");
  chat = await createChatService(parseChatEnv({ VLLM_BASE_URL: sim.url, VLLM_MODEL_NAME: "qwen-test", LLM_FALLBACK: "none", LLM_RETRY_BASE_MS: "5" }), { bus, log });
  ops = await createOpsService(parseOpsEnv({}), { bus, log });
  await bus.addService(chat.definition);
  await bus.addService(ops.definition);
});
afterAll(async () => {
  await ops.close();
  await chat.close();
  await bus.close();
  await sim.stop();
});

describe("QA against the simulator behind the real chat service", () => {
  test("the built-in run passes 5/5 with exactly 5 LLM calls", async () => {
    sim.reset();
    const res = await bus.requestJson<QaRunResponse>(Subject.QaBuiltin, {}, opts);
    const failing = res.results.filter((r) => !r.passed).map((r) => ({ name: r.name, response: r.response, checks: r.checks, error: r.error }));
    expect(failing).toEqual([]);
    expect([res.total, res.passed, res.success_rate]).toEqual([5, 5, 100]);
    expect(chatCalls()).toHaveLength(5);
  });

  test("the smoke test passes", async () => {
    const res = await bus.requestJson<QaRunResponse>(Subject.QaSmoke, {}, opts);
    expect(res.results[0]).toMatchObject({ name: "smoke", passed: true, checks: { answered: true, no_refusal: true, short: true } });
  });

  test("the simulator's refusals, Chinese drift and long replies fail the matching checks", async () => {
    const res = await bus.requestJson<QaRunResponse>(
      Subject.QaRun,
      {
        test_cases: [
          { name: "refusal", messages: [{ role: "user", content: "Salut [[sim:refuse]]" }] },
          { name: "chinese", messages: [{ role: "user", content: "Salut [[sim:cjk]]" }] },
          { name: "long", messages: [{ role: "user", content: "Salut [[sim:long]]" }], max_length: 300 },
          { name: "clean", system_prompt: "Tu es Chloe", messages: [{ role: "user", content: "Salut !" }], expected_signals: ["chloe"], max_length: 300 },
        ],
      },
      opts,
    );
    expect(res.results.map((r) => [r.name, r.passed])).toEqual([["refusal", false], ["chinese", false], ["long", false], ["clean", true]]);
    expect(res.results[0]!.checks.no_refusal).toBe(false);
    expect(res.results[1]!.checks.no_cjk).toBe(false);
    expect(res.results[2]!.checks).toMatchObject({ length_ok: false, no_refusal: true });
    expect(res.success_rate).toBe(25);
  });
});
