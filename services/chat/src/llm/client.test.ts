import { afterAll, beforeEach, describe, expect, test } from "bun:test";
import type { Attributes, AttributeValue, Span, SpanContext, SpanOptions, SpanStatus, Tracer } from "@opentelemetry/api";
import { startSimulator } from "@sinhome/llm-sim";
import { OpenAiClient } from "./client.ts";
import { LlmFailure } from "./failure.ts";

/** Records what the client puts on its spans (no SDK, no global provider). */
class RecordedSpan implements Span {
  attributes: Attributes = {};
  status?: SpanStatus;
  ended = false;
  constructor(
    public name: string,
    options: SpanOptions,
  ) {
    this.kind = options.kind;
    Object.assign(this.attributes, options.attributes);
  }
  readonly kind: SpanOptions["kind"];
  spanContext(): SpanContext {
    return { traceId: "4bf92f3577b34da6a3ce929d0e0e4736", spanId: "00f067aa0ba902b7", traceFlags: 1 };
  }
  setAttribute(key: string, value: AttributeValue): this {
    this.attributes[key] = value;
    return this;
  }
  setAttributes(attributes: Attributes): this {
    Object.assign(this.attributes, attributes);
    return this;
  }
  addEvent(): this {
    return this;
  }
  addLink(): this {
    return this;
  }
  addLinks(): this {
    return this;
  }
  setStatus(status: SpanStatus): this {
    this.status = status;
    return this;
  }
  updateName(name: string): this {
    this.name = name;
    return this;
  }
  end(): void {
    this.ended = true;
  }
  isRecording(): boolean {
    return true;
  }
  recordException(): void {}
}
const spans: RecordedSpan[] = [];
// Only startSpan is used by the client; startActiveSpan's overloads are not worth faking.
const tracer = {
  startSpan: (name: string, options: SpanOptions = {}) => {
    const span = new RecordedSpan(name, options);
    spans.push(span);
    return span;
  },
} as unknown as Tracer;

const sim = startSimulator({ name: "client-test", modelIds: ["test-model"] });
const locked = startSimulator({ name: "locked", apiKey: "sk-test-secret-123456" });
const closedPort = (() => {
  const s = Bun.serve({ port: 0, hostname: "127.0.0.1", fetch: () => new Response("") });
  const port = s.port;
  void s.stop(true);
  return port;
})();
/** An xAI-like server that (unlike xAI) echoes the whole key in its error: it must never reach our messages. */
const leaky = Bun.serve({
  port: 0,
  hostname: "127.0.0.1",
  fetch: (req) =>
    Response.json(
      { code: "Client specified an invalid argument", error: `Incorrect API key provided: ${req.headers.get("authorization")?.slice(7)}` },
      { status: 400 },
    ),
});
afterAll(async () => {
  await Promise.all([sim.stop(), locked.stop(), leaky.stop(true)]);
});
beforeEach(() => {
  sim.reset();
  spans.length = 0;
});

const client = new OpenAiClient({ name: "vllm", baseUrl: sim.url, model: "test-model" }, tracer);
const messages = [
  { role: "system" as const, content: "Tu es Chloe." },
  { role: "user" as const, content: "coucou" },
];

async function failureOf(p: Promise<unknown>): Promise<LlmFailure> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(LlmFailure);
  return e as LlmFailure;
}

describe("chat", () => {
  test("returns text, model, usage and finish reason; sends the OpenAI request body", async () => {
    const out = await client.chat({ messages, maxTokens: 120, temperature: 0.7, timeoutMs: 2000 });
    expect(out.text).toContain("Chloe");
    expect(out.model).toBe("test-model");
    expect(out.usage.prompt_tokens).toBeGreaterThan(0);
    expect(out.usage.completion_tokens).toBeGreaterThan(0);
    expect(out.finishReason).toBe("stop");
    expect(sim.requests[0]?.body).toMatchObject({ model: "test-model", messages, max_tokens: 120, temperature: 0.7, stream: false });
  });

  test("one CLIENT span `chat {model}` with the GenAI attributes", async () => {
    await client.chat({ messages, maxTokens: 50, temperature: 0.5, timeoutMs: 2000 });
    expect(spans).toHaveLength(1);
    const span = spans[0];
    expect(span?.name).toBe("chat test-model");
    expect(span?.kind).toBe(2); // SpanKind.CLIENT
    expect(span?.ended).toBe(true);
    expect(span?.attributes).toMatchObject({
      "gen_ai.system": "vllm",
      "gen_ai.operation.name": "chat",
      "gen_ai.request.model": "test-model",
      "gen_ai.request.max_tokens": 50,
      "gen_ai.request.temperature": 0.5,
      "gen_ai.response.model": "test-model",
      "server.address": "127.0.0.1",
    });
    expect(span?.attributes["gen_ai.usage.input_tokens"]).toBeGreaterThan(0);
    expect(span?.attributes["gen_ai.usage.output_tokens"]).toBeGreaterThan(0);
  });

  test("passes response_format through and gets JSON back", async () => {
    const schema = { type: "object", properties: { score: { type: "number" }, signals: { type: "array" }, reason: { type: "string" } } };
    const out = await client.chat({ messages, responseFormat: { type: "json_schema", json_schema: { name: "s", schema } }, timeoutMs: 2000 });
    expect(typeof JSON.parse(out.text).score).toBe("number");
  });

  test("sends the bearer key; a wrong key is a non-retryable client failure", async () => {
    const good = new OpenAiClient({ name: "grok", baseUrl: locked.url, apiKey: "sk-test-secret-123456", model: "m" });
    expect((await good.chat({ messages, timeoutMs: 2000 })).text.length).toBeGreaterThan(0);
    const bad = new OpenAiClient({ name: "grok", baseUrl: locked.url, apiKey: "sk-wrong-key-999999", model: "m" });
    const f = await failureOf(bad.chat({ messages, timeoutMs: 2000 }));
    expect(f.kind).toBe("client");
    expect(f.status).toBe(401);
    expect(f.retryable).toBe(false);
  });

  test("the API key never appears in a failure, even when the server echoes it (xAI error shape)", async () => {
    const grok = new OpenAiClient({ name: "grok", baseUrl: `http://127.0.0.1:${leaky.port}/v1`, apiKey: "xai-supersecretkey42", model: "m" });
    const f = await failureOf(grok.chat({ messages, timeoutMs: 2000 }));
    expect(f.message).toContain("Incorrect API key provided");
    expect(f.message).not.toContain("supersecretkey42");
  });
});

describe("failure classification", () => {
  test("5xx in the nested shape and in vLLM's flat shape: server, retryable, message parsed", async () => {
    sim.program([{ kind: "status", status: 500 }, { kind: "status", status: 503, errorShape: "flat" }]);
    const nested = await failureOf(client.chat({ messages, timeoutMs: 2000 }));
    expect(nested).toMatchObject({ kind: "server", status: 500, retryable: true });
    expect(nested.message).toContain("simulated failure (status 500)");
    const flat = await failureOf(client.chat({ messages, timeoutMs: 2000 }));
    expect(flat).toMatchObject({ kind: "server", status: 503 });
    expect(flat.message).toContain("simulated failure (status 503)");
    expect(spans[0]?.attributes["error.type"]).toBe("500");
    expect(spans[0]?.status?.code).toBe(2); // SpanStatusCode.ERROR
  });

  test("429 carries Retry-After in milliseconds", async () => {
    sim.program([{ kind: "status", status: 429, retryAfter: 3 }]);
    const f = await failureOf(client.chat({ messages, timeoutMs: 2000 }));
    expect(f).toMatchObject({ kind: "rate_limited", status: 429, retryAfterMs: 3000, retryable: true });
  });

  test("a 200 whose body is not JSON is malformed", async () => {
    sim.program([{ kind: "malformed" }]);
    expect((await failureOf(client.chat({ messages, timeoutMs: 2000 }))).kind).toBe("malformed");
  });

  test("a stalled server is a timeout after timeoutMs, not later", async () => {
    sim.program([{ kind: "stall", ms: 3000 }]);
    const started = performance.now();
    const f = await failureOf(client.chat({ messages, timeoutMs: 200 }));
    expect(f.kind).toBe("timeout");
    expect(f.retryable).toBe(false);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(spans[0]?.attributes["error.type"]).toBe("timeout");
  });

  test("connection refused is a retryable connection failure", async () => {
    const down = new OpenAiClient({ name: "vllm", baseUrl: `http://127.0.0.1:${closedPort}/v1`, model: "m" });
    expect(await failureOf(down.chat({ messages, timeoutMs: 1000 }))).toMatchObject({ kind: "connection", retryable: true });
  });

  test("the caller's abort is `aborted`, distinct from a timeout", async () => {
    sim.program([{ kind: "stall", ms: 3000 }]);
    const f = await failureOf(client.chat({ messages, timeoutMs: 2000, signal: AbortSignal.timeout(100) }));
    expect(f.kind).toBe("aborted");
  });
});

describe("models and embeddings", () => {
  test("listModels returns the served ids", async () => {
    expect(await client.listModels(1000)).toContain("test-model");
  });

  test("embeddings come back in input order with the model's dimension", async () => {
    const emb = new OpenAiClient({ name: "embeddings", baseUrl: sim.url, model: "" });
    const out = await emb.embeddings(["un", "deux", "trois"], "BAAI/bge-m3", 2000);
    expect(out.vectors).toHaveLength(3);
    expect(out.vectors[0]).toHaveLength(1024);
    const again = await emb.embeddings(["deux"], "BAAI/bge-m3", 2000);
    expect(again.vectors[0]).toEqual(out.vectors[1] ?? []);
    expect(out.usage.prompt_tokens).toBeGreaterThan(0);
  });
});
