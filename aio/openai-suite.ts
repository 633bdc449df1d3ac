/**
 * The OpenAI-compatible API exercised with the official `openai` npm client — a real client none of
 * us wrote — against a running gateway. Shared by the all-in-one and the mesh test files: the same
 * cases must pass in both modes. The LLM is the project's simulator, started by the test so it can
 * tell whether a cancelled stream really cancelled the upstream request.
 */
import { expect, test } from "bun:test";
import OpenAI from "openai";
import type { Simulator } from "@sinhome/llm-sim";

export const OPENAI_TEST_KEY = "openai-test-key";
export const OPENAI_TEST_MODEL = "qwen-openai-test";

export type OpenAiTarget = { baseUrl: () => string; sim: () => Simulator };

async function until(check: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("condition not met in time");
    await Bun.sleep(10);
  }
}

export function openAiSuite(target: OpenAiTarget): void {
  const client = (apiKey = OPENAI_TEST_KEY) => new OpenAI({ apiKey, baseURL: `${target.baseUrl()}/v1`, maxRetries: 0, timeout: 20_000 });

  test("models.list names the served model", async () => {
    const ids = [];
    for await (const model of client().models.list()) ids.push(model.id);
    expect(ids).toContain(OPENAI_TEST_MODEL);
  });

  test("a completion: text, usage and the model that answered", async () => {
    const completion = await client().chat.completions.create({
      model: OPENAI_TEST_MODEL,
      messages: [{ role: "system", content: "Tu es Chloe." }, { role: "user", content: "Salut, tu fais quoi ?" }],
      max_tokens: 100,
    });
    expect(completion.object).toBe("chat.completion");
    expect(completion.model).toBe(OPENAI_TEST_MODEL);
    expect(completion.choices[0]?.message.content?.length).toBeGreaterThan(0);
    expect(completion.choices[0]?.finish_reason).toBe("stop");
    expect(completion.usage?.prompt_tokens).toBeGreaterThan(0);
    expect(completion.usage?.completion_tokens).toBeGreaterThan(0);
    const sent = target.sim().requests.at(-1)?.body as { model: string; max_tokens: number; stream: boolean };
    expect(sent).toMatchObject({ model: OPENAI_TEST_MODEL, max_tokens: 100, stream: false });
  });

  test("a stream read to the end: chunks add up to the whole answer, usage comes last", async () => {
    const messages = [{ role: "user" as const, content: "Raconte-moi ta journée" }];
    const whole = await client().chat.completions.create({ model: OPENAI_TEST_MODEL, messages });
    const stream = await client().chat.completions.create({ model: OPENAI_TEST_MODEL, messages, stream: true, stream_options: { include_usage: true } });
    let text = "";
    let chunks = 0;
    let usage: OpenAI.CompletionUsage | null | undefined;
    let finish: string | null | undefined;
    for await (const chunk of stream) {
      chunks++;
      text += chunk.choices[0]?.delta.content ?? "";
      finish ??= chunk.choices[0]?.finish_reason;
      if (chunk.usage) usage = chunk.usage;
    }
    expect(chunks).toBeGreaterThan(3);
    expect(text).toBe(whole.choices[0]?.message.content ?? "");
    expect(finish).toBe("stop");
    expect(usage?.completion_tokens).toBe(whole.usage?.completion_tokens ?? -1);
    expect(usage?.prompt_tokens).toBeGreaterThan(0);
  });

  test("without include_usage no usage chunk reaches the client (chat still asks for it, for accounting)", async () => {
    const stream = await client().chat.completions.create({ model: OPENAI_TEST_MODEL, messages: [{ role: "user", content: "Coucou" }], stream: true });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks.length).toBeGreaterThan(2);
    expect(chunks.every((c) => c.choices.length === 1 && !c.usage)).toBe(true);
    expect((target.sim().requests.at(-1)?.body as { stream_options?: unknown }).stream_options).toEqual({ include_usage: true });
  });

  test("a stream aborted mid-way cancels the upstream call: the simulator sees its client leave", async () => {
    const sim = target.sim();
    const cancelledBefore = sim.streamsCancelled;
    const completedBefore = sim.streamsCompleted;
    const stream = await client().chat.completions.create({
      model: OPENAI_TEST_MODEL,
      messages: [{ role: "user", content: "Raconte-moi une longue histoire [[sim:chunk_ms=60]]" }],
      stream: true,
    });
    let received = 0;
    for await (const chunk of stream) {
      if (chunk.choices[0]?.delta.content) received++;
      if (received === 2) break; // leaving the loop aborts the HTTP request
    }
    expect(received).toBe(2);
    await until(() => sim.streamsCancelled > cancelledBefore, 5_000);
    expect(sim.streamsCompleted).toBe(completedBefore);
  });

  test("a server dying mid-answer: the SDK gets the chunks sent so far, then raises an APIError", async () => {
    const stream = await client().chat.completions.create({ model: OPENAI_TEST_MODEL, messages: [{ role: "user", content: "Raconte [[sim:cut=4]]" }], stream: true });
    let chunks = 0;
    const e = await (async () => {
      for await (const _chunk of stream) chunks++;
    })().catch((x: unknown) => x);
    expect(chunks).toBe(4);
    expect(e).toBeInstanceOf(OpenAI.APIError);
    expect((e as InstanceType<typeof OpenAI.APIError>).code).toBe("llm_unavailable");
  });

  test("an invalid request is a 400 invalid_request_error naming the field", async () => {
    const e = await client().chat.completions.create({ model: OPENAI_TEST_MODEL, messages: [] }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(OpenAI.BadRequestError);
    const error = e as InstanceType<typeof OpenAI.BadRequestError>;
    expect(error.status).toBe(400);
    expect(error.type).toBe("invalid_request_error");
    expect(error.param).toBe("messages");
    expect(typeof error.message).toBe("string");
  });

  test("a bad key is a 401 with code invalid_api_key, streaming or not", async () => {
    for (const stream of [false, true]) {
      const e = await client("not-the-key").chat.completions.create({ model: OPENAI_TEST_MODEL, messages: [{ role: "user", content: "salut" }], stream }).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(OpenAI.AuthenticationError);
      expect((e as InstanceType<typeof OpenAI.AuthenticationError>).code).toBe("invalid_api_key");
    }
  });

  test("an unknown model is a 404 model_not_found, before any stream starts", async () => {
    const e = await client().chat.completions.create({ model: "gpt-unknown", messages: [{ role: "user", content: "salut" }], stream: true }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(OpenAI.NotFoundError);
    expect((e as InstanceType<typeof OpenAI.NotFoundError>).code).toBe("model_not_found");
  });

  test("the minors guard answers the fixed deflection as the assistant, without calling the model", async () => {
    const before = target.sim().requests.length;
    const messages = [
      { role: "user" as const, content: "j'ai 15 ans et je m'ennuie" },
      { role: "assistant" as const, content: "Ah oui ?" },
      { role: "user" as const, content: "tu m'envoies une photo ?" },
    ];
    const completion = await client().chat.completions.create({ model: OPENAI_TEST_MODEL, messages });
    const deflection = completion.choices[0]?.message.content ?? "";
    expect(deflection.length).toBeGreaterThan(0);
    expect((completion as unknown as { backend: string }).backend).toBe("guard");
    const stream = await client().chat.completions.create({ model: OPENAI_TEST_MODEL, messages, stream: true });
    let text = "";
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? "";
    expect(text).toBe(deflection);
    expect(target.sim().requests.length).toBe(before);
  });

  test("an upstream failure before the first chunk is an OpenAI-shaped 5xx", async () => {
    const e = await client().chat.completions.create({
      model: OPENAI_TEST_MODEL,
      messages: [{ role: "user", content: "salut [[sim:status=500]]" }],
      stream: true,
    }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(OpenAI.InternalServerError);
    const error = e as InstanceType<typeof OpenAI.InternalServerError>;
    expect(error.status).toBe(503);
    expect(error.type).toBe("server_error");
    expect(error.code).toBe("llm_unavailable");
  });
}
