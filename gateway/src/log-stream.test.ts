/** `/logs/stream`: Server-Sent Events of the chat log events published on the bus; bounded clients. */
import { expect, test } from "bun:test";
import { MemoryBus, Subject } from "@sinhome/proto";
import { createLogger } from "@sinhome/runtime";
import { createGateway } from "./app.ts";
import { parseGatewayEnv } from "./env.ts";

const log = createLogger("sse-test", "error");

async function readUntil(reader: { read(): Promise<{ value?: Uint8Array; done: boolean }> }, needle: string): Promise<string> {
  const decoder = new TextDecoder();
  let text = "";
  while (!text.includes(needle)) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value);
  }
  return text;
}

test("events published by chat instances reach every connected viewer as SSE", async () => {
  const bus = new MemoryBus();
  const app = createGateway({ bus, env: parseGatewayEnv({ RATE_LIMIT_PER_MINUTE: "0" }), log });
  const controllers = [new AbortController(), new AbortController()];
  const streams = await Promise.all(controllers.map((c) => app.handle(new Request("http://localhost/logs/stream", { signal: c.signal }))));
  for (const res of streams) {
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/event-stream");
  }
  const readers = streams.map((r) => r.body!.getReader());
  await Promise.all(readers.map((r) => readUntil(r, ": connected")));
  bus.publish(Subject.LogsChat, { endpoint: "/personality_chat", request_id: "r-1", backend: "vllm" });
  for (const reader of readers) {
    const text = await readUntil(reader, "r-1");
    expect(text).toContain("event: chat");
    expect(text).toContain('"request_id":"r-1"');
  }
  for (const c of controllers) c.abort();
  for (const r of readers) await r.cancel().catch(() => {});
});

test("past MAX_LOG_STREAMS viewers, a new one gets a 503 in the error shape", async () => {
  const bus = new MemoryBus();
  const app = createGateway({ bus, env: parseGatewayEnv({ RATE_LIMIT_PER_MINUTE: "0", MAX_LOG_STREAMS: "1" }), log });
  const first = await app.handle(new Request("http://localhost/logs/stream"));
  expect(first.status).toBe(200);
  const second = await app.handle(new Request("http://localhost/logs/stream"));
  expect(second.status).toBe(503);
  expect(((await second.json()) as { error: { code: string } }).error.code).toBe("service_unavailable");
  await first.body!.cancel();
  // The slot is free again once the first viewer left.
  const third = await app.handle(new Request("http://localhost/logs/stream"));
  expect(third.status).toBe(200);
  await third.body!.cancel();
});

test("/readyz fails while draining or when the bus is closed", async () => {
  const bus = new MemoryBus();
  let accepting = true;
  const app = createGateway({ bus, env: parseGatewayEnv({ RATE_LIMIT_PER_MINUTE: "0", GATEWAY_API_KEYS: "k" }), log, accepting: () => accepting });
  expect((await app.handle(new Request("http://localhost/readyz"))).status).toBe(200);
  accepting = false;
  expect((await app.handle(new Request("http://localhost/readyz"))).status).toBe(503);
  accepting = true;
  await bus.close();
  expect((await app.handle(new Request("http://localhost/readyz"))).status).toBe(503);
});
