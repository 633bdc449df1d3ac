import { afterAll, beforeEach, describe, expect, test } from "bun:test";
import { startSimulator } from "@sinhome/llm-sim";
import { GuardModelClient, type GuardModelConfig } from "./client.ts";
import { guardTurns, llamaGuardPrompt, parseGuardAnswer } from "./prompt.ts";

const sim = startSimulator({ port: 0, name: "guard-sim" });
afterAll(() => sim.stop());
beforeEach(() => sim.reset());

const config = (over: Partial<GuardModelConfig> = {}): GuardModelConfig => ({
  baseUrl: sim.url,
  model: "meta-llama/Llama-Guard-3-1B",
  timeoutMs: 300,
  prompt: "template",
  maxTurns: 6,
  breakerThreshold: 3,
  breakerCooldownMs: 60_000,
  ...over,
});
const history = [
  { role: "user" as const, content: "salut" },
  { role: "assistant" as const, content: "coucou toi 😘" },
];

describe("parseGuardAnswer", () => {
  test("reads Llama Guard's two answers and refuses anything else", () => {
    expect(parseGuardAnswer("safe")).toEqual({ verdict: "safe" });
    expect(parseGuardAnswer(" Safe.\n")).toEqual({ verdict: "safe" });
    expect(parseGuardAnswer("unsafe\nS4")).toEqual({ verdict: "unsafe", categories: ["S4"] });
    expect(parseGuardAnswer("unsafe\nS1,S12")).toEqual({ verdict: "unsafe", categories: ["S1", "S12"] });
    expect(parseGuardAnswer("unsafe")).toEqual({ verdict: "malformed" });
    expect(parseGuardAnswer("I'm not sure")).toEqual({ verdict: "malformed" });
    expect(parseGuardAnswer("")).toEqual({ verdict: "malformed" });
  });
});

describe("guardTurns and the inline prompt", () => {
  test("alternate, start with the fan, end with his message, bounded", () => {
    const turns = guardTurns([{ role: "assistant", content: "hey" }, { role: "user", content: "a" }, { role: "user", content: "b" }], "c", 6);
    expect(turns).toEqual([{ role: "user", content: "a\nb\nc" }]);
    expect(guardTurns([...history, ...history, ...history], "dernier", 3).map((t) => t.role)).toEqual(["user", "assistant", "user"]);
  });

  test("the inline prompt is Llama Guard 3's, with S4 and the conversation as User/Agent", () => {
    const prompt = llamaGuardPrompt(guardTurns(history, "t'as quel âge ?", 6));
    expect(prompt).toStartWith("Task: Check if there is unsafe content in 'User' messages");
    expect(prompt).toContain("S4: Child Exploitation.");
    expect(prompt).toContain("User: salut\n\nAgent: coucou toi 😘\n\nUser: t'as quel âge ?");
    expect(prompt).toContain("ONLY THE LAST User message");
  });
});

describe("GuardModelClient against the simulator", () => {
  test("safe: sends the turns as chat messages with the guard model name", async () => {
    const result = await new GuardModelClient(config()).check(history, "tu fais quoi ce soir ?");
    expect(result).toMatchObject({ outcome: "safe", blocks: false });
    const sent = sim.requests.at(-1)?.body as { model: string; messages: { role: string; content: string }[]; temperature: number };
    expect(sent.model).toBe("meta-llama/Llama-Guard-3-1B");
    expect(sent.temperature).toBe(0);
    expect(sent.messages.map((m) => m.role)).toEqual(["user", "assistant", "user"]);
  });

  test("unsafe S4 blocks; another category (adult sexual content S12) does not", async () => {
    const client = new GuardModelClient(config());
    expect(await client.check(history, "x [[sim:guard=unsafe]]")).toMatchObject({ outcome: "unsafe", blocks: true, categories: ["S4"] });
    expect(await client.check(history, "x [[sim:guard=s12]]")).toMatchObject({ outcome: "unsafe", blocks: false, categories: ["S12"] });
  });

  test("inline mode sends one user message holding Llama Guard's prompt", async () => {
    await new GuardModelClient(config({ prompt: "inline", model: "some-instruct-model" })).check(history, "x [[sim:guard=unsafe]]");
    const sent = sim.requests.at(-1)?.body as { messages: { role: string; content: string }[] };
    expect(sent.messages).toHaveLength(1);
    expect(sent.messages[0]?.content).toStartWith("Task: Check if there is unsafe content");
  });

  test("a hanging model is a timeout within the budget; failures and bad answers are outcomes, never throws", async () => {
    const client = new GuardModelClient(config({ breakerThreshold: 100 }));
    const started = performance.now();
    expect(await client.check(history, "x [[sim:guard=hang]]")).toMatchObject({ outcome: "timeout", blocks: false });
    expect(performance.now() - started).toBeLessThan(1500);
    expect(await client.check(history, "x [[sim:guard=fail]]")).toMatchObject({ outcome: "error", error: "http_500" });
    expect(await client.check(history, "x [[sim:guard=malformed]]")).toMatchObject({ outcome: "malformed" });
    const dead = new GuardModelClient(config({ baseUrl: "http://127.0.0.1:9/v1" }));
    expect(await dead.check(history, "salut")).toMatchObject({ outcome: "error" });
  });

  test("after repeated failures the breaker skips the model, and health says why", async () => {
    let now = 1_000;
    const client = new GuardModelClient(config({ breakerThreshold: 2, breakerCooldownMs: 5_000 }), () => now);
    await client.check(history, "x [[sim:guard=fail]]");
    await client.check(history, "x [[sim:guard=fail]]");
    const before = sim.requests.length;
    expect(await client.check(history, "salut")).toMatchObject({ outcome: "skipped" });
    expect(sim.requests.length).toBe(before);
    expect(await client.status(500)).toMatchObject({ status: "down" });
    now += 6_000;
    expect(await client.check(history, "salut")).toMatchObject({ outcome: "safe" });
    expect(await client.status(500)).toMatchObject({ status: "ok" });
  });
});
