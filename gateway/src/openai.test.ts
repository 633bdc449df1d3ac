/** The OpenAI-compatible routes at the gateway through `app.handle`: OpenAI's error shape for every failure, pass-through, streaming. */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { AppError, MemoryBus, StreamServer, Subject, type BusRequest } from "@sinhome/proto";
import { createLogger } from "@sinhome/runtime";
import { createGateway } from "./app.ts";
import { parseGatewayEnv } from "./env.ts";
import { MemoryRateLimiter } from "./rate-limit.ts";

const log = createLogger("gateway-test", "error");
const bus = new MemoryBus();
const streams = new StreamServer(bus);
const seen: BusRequest[] = [];
const env = parseGatewayEnv({ RATE_LIMIT_PER_MINUTE: "0", GATEWAY_API_KEYS: "k1" });
const app = createGateway({ bus, env, log });
const auth = { authorization: "Bearer k1" };

const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = auth, gateway = app) =>
  gateway.handle(new Request(`http://localhost${path}`, {
    method,
    headers: body === undefined ? headers : { "content-type": "application/json", ...headers },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  }));

type OpenAiError = { error: { message: string; type: string; param: string | null; code: string | null } };
const expectOpenAiError = async (res: Response, status: number, type: string, code: string | null) => {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toContain("application/json");
  const body = (await res.json()) as OpenAiError;
  expect(Object.keys(body.error).sort()).toEqual(["code", "message", "param", "type"]);
  expect(body.error).toMatchObject({ type, code });
  expect(typeof body.error.message).toBe("string");
  return body;
};

const valid = { model: "m", messages: [{ role: "user", content: "salut" }] };

beforeAll(async () => {
  await bus.addService({
    name: "fakechat", version: "1.0.0", description: "fake chat",
    endpoints: {
      chat: { subject: Subject.OpenAiChat, handler: (req) => {
        seen.push(req);
        if ((req.body as { model: string }).model === "down") throw new AppError("llm_timeout", "the LLM call failed: timeout");
        return { id: "x", object: "chat.completion", echo: req.body };
      } },
      models: { subject: Subject.OpenAiModels, handler: () => ({ object: "list", data: [{ id: "m", object: "model", created: 1, owned_by: "vllm" }] }) },
      stream: { subject: Subject.OpenAiChatStream, handler: streams.endpoint(async (req, sink) => {
        await sink.write([{ n: 1 }]);
        if ((req.body as { model: string }).model === "breaks") throw new AppError("llm_unavailable", "upstream dropped");
        await sink.write([{ n: 2 }, { n: 3 }]);
        return null;
      }) },
    },
  });
});
afterAll(() => bus.close());

describe("OpenAI routes", () => {
  test("a completion passes through; unknown fields are dropped, nulls accepted, the key's name travels", async () => {
    const res = await call("POST", "/v1/chat/completions", { ...valid, temperature: null, stream: null, logit_bias: { a: 1 } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { echo: Record<string, unknown> };
    expect(body.echo.logit_bias).toBeUndefined();
    expect(body.echo.temperature).toBeNull();
    // The key's name (never the key) travels as a bus header, for accounting.
    expect(seen.at(-1)?.headers["x-sinhome-key-name"]).toMatch(/^key-[0-9a-f]{12}$/);
    expect(JSON.stringify(seen.at(-1))).not.toContain("k1");
  });

  test("GET /v1/models answers the list", async () => {
    const res = await call("GET", "/v1/models");
    expect(((await res.json()) as { data: { id: string }[] }).data[0]?.id).toBe("m");
  });

  test("stream: true answers SSE chunks then [DONE]; a failure mid-way is an error event", async () => {
    const res = await call("POST", "/v1/chat/completions", { ...valid, stream: true });
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    expect(await res.text()).toBe('data: {"n":1}\n\ndata: {"n":2}\n\ndata: {"n":3}\n\ndata: [DONE]\n\n');
    const broken = await (await call("POST", "/v1/chat/completions", { ...valid, model: "breaks", stream: true })).text();
    const events = broken.split("\n\n").filter(Boolean);
    expect(events[0]).toBe('data: {"n":1}');
    expect(JSON.parse(events[1]!.slice(6))).toMatchObject({ error: { type: "server_error", code: "llm_unavailable" } });
    expect(events).toHaveLength(2);
  });
});

describe("OpenAI error shape on /v1/*", () => {
  test("401 missing or bad key: invalid_api_key", async () => {
    await expectOpenAiError(await call("POST", "/v1/chat/completions", valid, {}), 401, "invalid_request_error", "invalid_api_key");
    await expectOpenAiError(await call("GET", "/v1/models", undefined, { authorization: "Bearer nope" }), 401, "invalid_request_error", "invalid_api_key");
  });

  test("schema violations are 400 (not 422) with the field in param, without echoing the input", async () => {
    const secret = "mon-numero-0612345678";
    const body = await expectOpenAiError(await call("POST", "/v1/chat/completions", { model: "m", messages: [{ role: "fan", content: secret }] }), 400, "invalid_request_error", "validation_failed");
    expect(body.error.param).toStartWith("messages.0");
    expect(JSON.stringify(body)).not.toContain(secret);
    for (const bad of [{ ...valid, n: 2 }, { ...valid, temperature: 3 }, { ...valid, tools: [{ type: "function" }] }, { messages: valid.messages }, { ...valid, stream: "yes" }]) {
      await expectOpenAiError(await call("POST", "/v1/chat/completions", bad), 400, "invalid_request_error", "validation_failed");
    }
  });

  test("malformed JSON, wrong media type, too large: 400/415/413 in OpenAI's shape", async () => {
    await expectOpenAiError(await call("POST", "/v1/chat/completions", "{oops"), 400, "invalid_request_error", "invalid_json");
    const text = await app.handle(new Request("http://localhost/v1/chat/completions", { method: "POST", headers: { ...auth, "content-type": "text/plain" }, body: "salut" }));
    await expectOpenAiError(text, 415, "invalid_request_error", "unsupported_media_type");
    await expectOpenAiError(await call("POST", "/v1/chat/completions", { ...valid, user: "x".repeat(1_100_000) }), 413, "invalid_request_error", "payload_too_large");
  });

  test("405 with Allow, and an unknown /v1 path is an OpenAI-shaped 404", async () => {
    const res = await call("GET", "/v1/chat/completions");
    await expectOpenAiError(res, 405, "invalid_request_error", "method_not_allowed");
    expect(res.headers.get("allow")).toBe("POST");
    await expectOpenAiError(await call("POST", "/v1/embeddings", {}), 404, "invalid_request_error", "not_found");
  });

  test("429 with Retry-After: type requests, code rate_limit_exceeded", async () => {
    const limited = createGateway({ bus, env: { ...env, RATE_LIMIT_PER_MINUTE: 1 }, log, rateLimiter: new MemoryRateLimiter() });
    expect((await call("POST", "/v1/chat/completions", valid, auth, limited)).status).toBe(200);
    const res = await call("POST", "/v1/chat/completions", valid, auth, limited);
    await expectOpenAiError(res, 429, "requests", "rate_limit_exceeded");
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  test("a service error keeps its status as server_error with our code; other paths keep the mesh's shape", async () => {
    await expectOpenAiError(await call("POST", "/v1/chat/completions", { ...valid, model: "down" }), 504, "server_error", "llm_timeout");
    const res = await call("POST", "/personality_chat", {}, auth);
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: { details: unknown[] } }).error.details.length).toBeGreaterThan(0);
  });

  test("nobody serving chat: 503 server_error service_unavailable", async () => {
    const empty = new MemoryBus();
    const lonely = createGateway({ bus: empty, env, log });
    await expectOpenAiError(await call("POST", "/v1/chat/completions", { ...valid, stream: true }, auth, lonely), 503, "server_error", "service_unavailable");
  });
});
