import { afterAll, beforeEach, describe, expect, test } from "bun:test";
import { startSimulator } from "./server.ts";

const sim = startSimulator({ port: 0 });
afterAll(() => sim.stop());
beforeEach(() => sim.reset());

async function ask(content: string, model = "meta-llama/Llama-Guard-3-1B", signal?: AbortSignal) {
  const res = await fetch(`${sim.url}/chat/completions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ model, messages: [{ role: "user", content }], max_tokens: 10 }),
    signal,
  });
  const body = (await res.json().catch(() => null)) as { choices?: { message: { content: string } }[] } | null;
  return { status: res.status, text: body?.choices?.[0]?.message.content };
}

describe("the simulator as a Llama Guard model", () => {
  test("answers safe by default, in the guard format, for a model named *guard*", async () => {
    expect(await ask("salut ça va")).toEqual({ status: 200, text: "safe" });
  });

  test("recognises Llama Guard's task prompt whatever the model name", async () => {
    const prompt = "Task: Check if there is unsafe content in 'User' messages in conversations ...\n\nUser: hello [[sim:guard=unsafe]]";
    expect(await ask(prompt, "any-model")).toEqual({ status: 200, text: "unsafe\nS4" });
  });

  test("scripted per conversation: unsafe S4, another category, malformed, failure", async () => {
    expect((await ask("x [[sim:guard=unsafe]]")).text).toBe("unsafe\nS4");
    expect((await ask("x [[sim:guard=s12]]")).text).toBe("unsafe\nS12");
    expect((await ask("x [[sim:guard=malformed]]")).text).not.toMatch(/^(safe|unsafe)/);
    expect((await ask("x [[sim:guard=fail]]")).status).toBe(500);
  });

  test("hang holds the answer until the client leaves", async () => {
    const started = Date.now();
    await expect(ask("x [[sim:guard=hang]]", undefined, AbortSignal.timeout(150))).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(2000);
  });

  test("guard_delay and programmed verdicts (guard requests only)", async () => {
    const started = Date.now();
    expect((await ask("x [[sim:guard_delay=80]]")).text).toBe("safe");
    expect(Date.now() - started).toBeGreaterThanOrEqual(75);
    sim.programGuard(["unsafe"]);
    const chat = await ask("salut", "sinhome-simulator");
    expect(chat.text).not.toMatch(/^unsafe/);
    expect((await ask("salut")).text).toBe("unsafe\nS4");
    expect((await ask("salut")).text).toBe("safe");
  });

  test("an ordinary chat model is never answered in the guard format", async () => {
    const chat = await ask("x [[sim:guard=unsafe]]", "sinhome-simulator");
    expect(chat.status).toBe(200);
    expect(chat.text).not.toMatch(/^(safe|unsafe)/);
  });

  test("the minor content fault writes a reply the reply check must catch", async () => {
    const chat = await ask("coucou [[sim:minor]]", "sinhome-simulator");
    expect(chat.text).toContain("15 ans");
  });
});
