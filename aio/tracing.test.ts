/**
 * One trace per CRM request: the caller's W3C traceparent is honoured and the gateway span, the bus
 * spans, the chat handler and the LLM call (with the OpenTelemetry GenAI attributes) all join it;
 * the LLM server receives the trace context too.
 */
import { afterAll, beforeAll, expect, test } from "bun:test";
import { trace } from "@opentelemetry/api";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { setupTracing } from "@sinhome/runtime";
import { startChatStack, type ChatStack } from "@sinhome/chat/src/testing.ts";

const exporter = new InMemorySpanExporter();
let stack: ChatStack;

beforeAll(async () => {
  setupTracing({ serviceName: "trace-test", sampleRatio: 1 }); // context manager + W3C propagator
  trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }));
  stack = await startChatStack();
});
afterAll(() => stack.close());

test("gateway → bus → chat → LLM share the caller's trace id", async () => {
  const traceId = "0af7651916cd43dd8448eb211c80319c";
  const res = await stack.postWithHeaders("/v2/personality_chat", { message: "Salut" }, { traceparent: `00-${traceId}-b7ad6b7169203331-01`, "x-request-id": "trace-req-1" });
  expect(res.status).toBe(200);

  const spans = exporter.getFinishedSpans().filter((s) => s.spanContext().traceId === traceId);
  const names = spans.map((s) => s.name);
  expect(names).toContain("POST /v2/personality_chat");
  expect(names).toContain("sinhome.chat.v2_personality_chat process");
  const llm = spans.find((s) => s.name.startsWith("chat "));
  expect(llm?.attributes).toMatchObject({
    "gen_ai.operation.name": "chat",
    "gen_ai.request.model": "qwen-test",
    "gen_ai.request.max_tokens": 200,
  });
  expect(llm?.attributes["gen_ai.usage.input_tokens"]).toBeGreaterThan(0);
  expect(llm?.attributes["gen_ai.usage.output_tokens"]).toBeGreaterThan(0);
  // The chat handler's span is a child of the gateway's: the bus hop is the gap between them.
  const server = spans.find((s) => s.name === "POST /v2/personality_chat");
  const handler = spans.find((s) => s.name === "sinhome.chat.v2_personality_chat process");
  expect(handler?.parentSpanContext?.spanId ?? (handler as unknown as { parentSpanId?: string }).parentSpanId).toBe(server?.spanContext().spanId);
  expect(server?.attributes["sinhome.request_id"]).toBe("trace-req-1");

  const sent = stack.vllm.requests.at(-1)!;
  expect(String(sent.headers.traceparent ?? "")).toContain(traceId);
});

test("a streamed OpenAI completion is one trace; its LLM span ends with the stream, usage included", async () => {
  const traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
  const res = await stack.postWithHeaders("/v1/chat/completions", { model: "qwen-test", messages: [{ role: "user", content: "Salut" }], stream: true, max_tokens: 50 }, { traceparent: `00-${traceId}-00f067aa0ba902b7-01` });
  expect(await res.text()).toEndWith("data: [DONE]\n\n");
  await Bun.sleep(20);
  const spans = exporter.getFinishedSpans().filter((s) => s.spanContext().traceId === traceId);
  const names = spans.map((s) => s.name);
  expect(names).toContain("POST /v1/chat/completions");
  expect(names).toContain("sinhome.chat.openai_chat_stream process");
  const llm = spans.find((s) => s.name === "chat qwen-test");
  expect(llm?.attributes).toMatchObject({ "gen_ai.operation.name": "chat", "gen_ai.request.model": "qwen-test", "gen_ai.request.max_tokens": 50, "gen_ai.response.model": "qwen-test", "sinhome.stream": true });
  expect(llm?.attributes["gen_ai.usage.output_tokens"]).toBeGreaterThan(0);
  expect(llm?.attributes["sinhome.time_to_first_chunk_ms"]).toBeGreaterThanOrEqual(0);
  expect(String(stack.vllm.requests.at(-1)?.headers.traceparent ?? "")).toContain(traceId);
});
