/**
 * `/logs/stream` read the way a browser's EventSource reads it, on both conversation-log stores (the
 * embedded file and JetStream on the real NATS): default `message` events with ids, resume after
 * Last-Event-ID (header or query) with exactly the missed events, the key as a `token` query
 * parameter (never logged), bounded clients. Also /readyz.
 */
import { afterAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MemoryBus, type ChatLogEvent } from "@sinhome/proto";
import { createLogger, EmbeddedConversationLog, JetStreamConversationLog, type ConversationLog } from "@sinhome/runtime";
import { createGateway } from "./app.ts";
import { parseGatewayEnv } from "./env.ts";
import { SseReader } from "./sse-client.testing.ts";
import { testServerUrl } from "@sinhome/testing";

const NATS_URL = await testServerUrl("nats");
const log = createLogger("sse-test", "error");
const dir = mkdtempSync(join(tmpdir(), "sse-log-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const event = (session: string, n: number): ChatLogEvent => ({
  timestamp: new Date().toISOString(),
  endpoint: "/v2/personality_chat",
  request_id: `r-${n}`,
  session_id: session,
  backend: "simulator",
  model: "m",
  latency_ms: 1,
  retries: { refusal: 0, cjk: 0, duplicate: 0, empty: 0, safety: 0, transport: 0, fallback: 0 },
  usage: { prompt_tokens: 1, completion_tokens: 1 },
  fallback: false,
  error: null,
  message: `m${n}`,
  response: `r${n}`,
});

const stores: [string, () => Promise<ConversationLog>][] = [
  ["embedded", async () => new EmbeddedConversationLog(join(dir, `${crypto.randomUUID()}.sqlite`), { retentionHours: 168, maxBytes: 1024 ** 3 })],
  ["jetstream", () => JetStreamConversationLog.open({ retentionHours: 168, maxBytes: 1024 ** 3, servers: NATS_URL, name: "sse-test", manage: true })],
];

for (const [kind, open] of stores) {
  describe(`/logs/stream on the ${kind} log`, () => {
    const gatewayOn = (conversations: ConversationLog, env: Record<string, string> = {}) =>
      createGateway({ bus: new MemoryBus(), env: parseGatewayEnv({ RATE_LIMIT_PER_MINUTE: "0", ...env }), log, conversations });
    const connect = async (app: ReturnType<typeof gatewayOn>, path = "/logs/stream", headers: Record<string, string> = {}) => {
      const res = await app.handle(new Request(`http://localhost${path}`, { headers }));
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toContain("text/event-stream");
      const reader = new SseReader(res.body!);
      await reader.waitComment("connected"); // following from here on
      return reader;
    };
    /** The messages of one session (a shared JetStream stream also carries other tests' events). */
    const mine = (session: string) => (m: { data: string }) => (JSON.parse(m.data) as ChatLogEvent).session_id === session;

    test("every viewer gets each event as a default message event (what onmessage receives) with an id", async () => {
      const conversations = await open();
      const app = gatewayOn(conversations);
      const s = `view-${crypto.randomUUID()}`;
      const viewers = [await connect(app), await connect(app)];
      const id = await conversations.append(event(s, 1));
      for (const v of viewers) {
        const [m] = (await v.next(1)).filter(mine(s));
        expect(m).toBeDefined();
        expect(m!.type).toBe("message");
        expect(m!.lastEventId).toBe(id);
        expect(JSON.parse(m!.data)).toMatchObject({ id, request_id: "r-1", session_id: s, endpoint: "/v2/personality_chat" });
        expect(v.retry).toBeGreaterThan(0);
        await v.close();
      }
      await conversations.close();
    });

    test("reconnecting with Last-Event-ID delivers exactly the missed events, then the live ones", async () => {
      const conversations = await open();
      const app = gatewayOn(conversations);
      const s = `resume-${crypto.randomUUID()}`;
      const first = await connect(app);
      for (let i = 0; i < 3; i++) await conversations.append(event(s, i));
      const seen = (await first.next(3)).filter(mine(s));
      expect(seen.map((m) => JSON.parse(m.data).request_id)).toEqual(["r-0", "r-1", "r-2"]);
      await first.close(); // the viewer goes away…
      for (let i = 3; i < 6; i++) await conversations.append(event(s, i)); // …and misses these
      const again = await connect(app, "/logs/stream", { "last-event-id": first.lastEventId });
      const missed = (await again.next(3)).filter(mine(s));
      expect(missed.map((m) => JSON.parse(m.data).request_id)).toEqual(["r-3", "r-4", "r-5"]);
      await conversations.append(event(s, 6));
      const live = (await again.next(1)).filter(mine(s));
      expect(live.map((m) => JSON.parse(m.data).request_id)).toEqual(["r-6"]);
      expect((await again.drain(200)).filter(mine(s))).toEqual([]); // nothing twice
      await again.close();

      // The same through the query parameter (a client that cannot set the header).
      const byQuery = await connect(app, `/logs/stream?last_event_id=${missed[1]!.lastEventId}`);
      expect((await byQuery.next(2)).filter(mine(s)).map((m) => JSON.parse(m.data).request_id)).toEqual(["r-5", "r-6"]);
      await byQuery.close();
      await conversations.close();
    });

    test("a Last-Event-ID that is not an id of this log is a 422 in the error shape", async () => {
      const conversations = await open();
      const res = await gatewayOn(conversations).handle(new Request("http://localhost/logs/stream", { headers: { "last-event-id": "abc" } }));
      expect(res.status).toBe(422);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("validation_failed");
      await conversations.close();
    });
  });
}

describe("/logs/stream and keys", () => {
  test("the key is accepted as a token query parameter (EventSource cannot send headers) and never logged", async () => {
    const lines: string[] = [];
    const chatty = createLogger("sse-token", "debug", { write: (line: string) => void lines.push(line) });
    const conversations = new EmbeddedConversationLog(":memory:", { retentionHours: 1, maxBytes: 1024 ** 2 });
    const app = createGateway({ bus: new MemoryBus(), env: parseGatewayEnv({ RATE_LIMIT_PER_MINUTE: "0", GATEWAY_API_KEYS: "viewer:s3cret-token-value" }), log: chatty, conversations });
    const get = (path: string, headers: Record<string, string> = {}) => app.handle(new Request(`http://localhost${path}`, { headers }));
    expect((await get("/logs/stream")).status).toBe(401);
    expect((await get("/logs/stream?token=wrong")).status).toBe(401);
    const ok = await get("/logs/stream?token=s3cret-token-value");
    expect(ok.status).toBe(200);
    await ok.body!.cancel();
    const header = await get("/logs/stream", { "x-api-key": "s3cret-token-value" });
    expect(header.status).toBe(200);
    await header.body!.cancel();
    // Only the stream takes a token from the URL: other routes want the header.
    expect((await get("/logs/history?token=s3cret-token-value")).status).toBe(401);
    await Bun.sleep(20);
    expect(lines.length).toBeGreaterThan(0); // the access log did write
    expect(lines.join("\n")).not.toContain("s3cret-token-value");
    await conversations.close();
  });

  test("past MAX_LOG_STREAMS viewers, a new one gets a 503 in the error shape; the slot frees up", async () => {
    const conversations = new EmbeddedConversationLog(":memory:", { retentionHours: 1, maxBytes: 1024 ** 2 });
    const app = createGateway({ bus: new MemoryBus(), env: parseGatewayEnv({ RATE_LIMIT_PER_MINUTE: "0", MAX_LOG_STREAMS: "1" }), log, conversations });
    const first = await app.handle(new Request("http://localhost/logs/stream"));
    expect(first.status).toBe(200);
    const second = await app.handle(new Request("http://localhost/logs/stream"));
    expect(second.status).toBe(503);
    expect(((await second.json()) as { error: { code: string } }).error.code).toBe("service_unavailable");
    await first.body!.cancel();
    const third = await app.handle(new Request("http://localhost/logs/stream"));
    expect(third.status).toBe(200);
    await third.body!.cancel();
    await conversations.close();
  });
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
