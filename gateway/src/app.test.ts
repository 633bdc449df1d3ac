/** The gateway through `app.handle`: routing of every SPEC path, the error contract, auth, docs. */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { MemoryBus, ROUTES, type BusRequest } from "@sinhome/proto";
import { createLogger, registry } from "@sinhome/runtime";
import { createGateway } from "./app.ts";
import { parseGatewayEnv } from "./env.ts";
import { MemoryRateLimiter } from "./rate-limit.ts";

const log = createLogger("gateway-test", "error");
const bus = new MemoryBus();
const seen: BusRequest[] = [];
const app = createGateway({ bus, env: parseGatewayEnv({ RATE_LIMIT_PER_MINUTE: "0" }), log });

/** A valid body for every route, so routing is tested past validation. */
const VALID: Record<string, unknown> = {
  "/personality_chat": { message: "salut" },
  "/script_chat": { message: "salut", script: "propose une photo" },
  "/script_followup": { script: "relance-le" },
  "/unpersona_chat": { message: "salut" },
  "/direct_chat": { message: "salut" },
  "/grok_chat": { message: "salut" },
  "/script_media": { message: "salut", media_description: "photo en lingerie rouge" },
  "/script_paywall": { message: "salut", price: 9.99 },
  "/v2/personality_chat": { message: "salut" },
  "/v2/script_chat": { message: "salut", script: "x" },
  "/v2/script_followup": { script: "x" },
  "/encode": { text: "bonjour" },
  "/encode_batch": { texts: ["a", "b"] },
  "/fan/interest_score": { fan_id: "f1" },
  "/fan/interest_score/bulk": { fans: [] },
  "/media/sent": { fan_id: "f1", media_id: "m1" },
  "/media/check_duplicates": { fan_id: "f1", media_ids: ["m1"] },
  "/media/recommend": { fan_id: "f1", available_media: [] },
  "/media/import": { records: [] },
  "/media/delete": { fan_id: "f1" },
  "/monitoring/metrics/reset": {},
  "/qa/run": { test_cases: [{ name: "t", messages: [{ role: "user", content: "salut" }] }] },
  "/qa/run/builtin": {},
  "/qa/smoke": {},
  "/feedback": { request_id: "r1", outcome: "sent" },
  "/feedback/batch": { events: [{ request_id: "r1", outcome: "sent" }] },
};

const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
  app.handle(new Request(`http://localhost${path}`, {
    method,
    headers: body === undefined ? headers : { "content-type": "application/json", ...headers },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  }));

const expectError = async (res: Response, status: number, code: string) => {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toContain("application/json");
  const body = (await res.json()) as { error: { code: string; message: string; details: unknown[] } };
  expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe("string");
  expect(Array.isArray(body.error.details)).toBe(true);
  return body;
};

beforeAll(async () => {
  const endpoints = Object.fromEntries([...new Set(ROUTES.map((r) => r.subject))].map((subject) => [
    subject.replaceAll(".", "_"),
    { subject, handler: (req: BusRequest) => {
      seen.push(req);
      // An NDJSON route (the dataset export) is answered in pages of lines.
      return ROUTES.some((r) => r.subject === subject && r.ndjsonPages) ? { lines: [JSON.stringify({ subject, body: req.body })], next_cursor: null } : { subject, body: req.body };
    } },
  ]));
  await bus.addService({ name: "everything", version: "1.0.0", description: "echo", endpoints });
});
afterAll(() => bus.close());

describe("routing", () => {
  for (const route of ROUTES) {
    test(`${route.method} ${route.path} reaches ${route.subject}`, async () => {
      const path = route.path.replace(":fan_id", "fan-42");
      const res = await call(route.method, path, route.method === "POST" ? VALID[route.path] : undefined);
      expect(res.status).toBe(200);
      const body = (route.ndjsonPages ? JSON.parse((await res.text()).trim()) : await res.json()) as { subject: string; body: Record<string, unknown> };
      expect(body.subject).toBe(route.subject);
      if (route.path.includes(":fan_id")) expect(body.body).toEqual({ fan_id: "fan-42" });
    });
  }

  test("request id is echoed, created when missing, and reaches the service", async () => {
    const res = await call("POST", "/personality_chat", { message: "salut" }, { "x-request-id": "crm-abc-1" });
    expect(res.headers.get("x-request-id")).toBe("crm-abc-1");
    expect(seen.at(-1)?.requestId).toBe("crm-abc-1");
    const res2 = await call("POST", "/personality_chat", { message: "salut" });
    expect(res2.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  test("a created request id is a UUIDv7: later requests sort after earlier ones (append-only ledger and record indexes)", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) ids.push((await call("POST", "/personality_chat", { message: "salut" })).headers.get("x-request-id")!);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test("a request id that is not a safe token is replaced", async () => {
    const res = await call("POST", "/personality_chat", { message: "salut" }, { "x-request-id": "<script>" });
    expect(res.headers.get("x-request-id")).not.toBe("<script>");
  });

  test("Idempotency-Key becomes the event_id of /media/sent", async () => {
    await call("POST", "/media/sent", { fan_id: "f", media_id: "m" }, { "idempotency-key": "evt-1" });
    expect(seen.at(-1)?.body).toMatchObject({ event_id: "evt-1" });
  });

  test("without a key, the gateway makes one per request, so its own re-send counts once", async () => {
    await call("POST", "/media/sent", { fan_id: "f", media_id: "m" });
    const first = (seen.at(-1)?.body as { event_id?: string }).event_id;
    await call("POST", "/media/sent", { fan_id: "f", media_id: "m" });
    const second = (seen.at(-1)?.body as { event_id?: string }).event_id;
    expect(first).toMatch(/^gw-[0-9a-f-]{36}$/);
    expect(second).toMatch(/^gw-[0-9a-f-]{36}$/);
    expect(second).not.toBe(first); // two CRM calls are two sends
    await call("POST", "/media/sent", { fan_id: "f", media_id: "m", event_id: "crm-7" }, { "idempotency-key": "evt-9" });
    expect(seen.at(-1)?.body).toMatchObject({ event_id: "crm-7" }); // the body's own key wins
  });

  test("free text loses its control characters before it is validated and forwarded", async () => {
    const res = await call("POST", "/personality_chat", { message: "sa\u0000lut\u0007 \ud83d\ude18\ud800\n", history: [{ role: "user", content: "a\u001bb\tc" }] });
    expect(res.status).toBe(200);
    expect(seen.at(-1)?.body).toMatchObject({ message: "salut 😘\ufffd\n", history: [{ role: "user", content: "ab\tc" }] });
    const empty = await expectError(await call("POST", "/personality_chat", { message: "\u0000\u0001" }), 422, "validation_failed");
    expect(empty.error.details).toEqual([{ field: "message", reason: expect.stringContaining("length") }]);
  });

  test("an identifier holding a control character is a 422 naming the field", async () => {
    for (const [path, body, field] of [
      ["/media/sent", { fan_id: "f\u0000", media_id: "m" }, "fan_id"],
      ["/media/check_duplicates", { fan_id: "f", media_ids: ["ok", "b\u0085ad"] }, "media_ids.1"],
      ["/fan/interest_score", { fan_id: "f", purchases: [{ amount: 1, date: "2025-01-01\u0000" }] }, "purchases.0.date"],
      ["/personality_chat", { message: "salut", session_id: "s\udc00" }, "session_id"],
    ] as const) {
      const res = await expectError(await call("POST", path, body), 422, "validation_failed");
      expect(res.error.details).toEqual([{ field, reason: expect.stringContaining("control characters") }]);
    }
  });

  test("a body nested deeper than 32 levels is a 422 before validation", async () => {
    const deep = `{"message":"a","history":[{"role":"user","content":${"[".repeat(5000)}${"]".repeat(5000)}}]}`;
    const res = await expectError(await call("POST", "/personality_chat", deep), 422, "validation_failed");
    expect(res.error.details).toEqual([{ field: "(body)", reason: "nested deeper than 32 levels" }]);
    const fine = `{"message":"a ${"[".repeat(100)}","history":[]}`; // brackets inside a string do not count
    expect((await call("POST", "/personality_chat", fine)).status).toBe(200);
  });

  test("defaults of the schema are applied before forwarding", async () => {
    await call("POST", "/personality_chat", { message: "salut" });
    expect(seen.at(-1)?.body).toEqual({ message: "salut", history: [] });
  });
});

describe("error contract", () => {
  test("400 malformed JSON", async () => {
    await expectError(await call("POST", "/personality_chat", "{oops"), 400, "invalid_json");
  });
  test("404 unknown path, JSON not text", async () => {
    await expectError(await call("GET", "/does/not/exist"), 404, "not_found");
  });
  test("405 wrong method, with Allow", async () => {
    const res = await call("GET", "/personality_chat");
    await expectError(res, 405, "method_not_allowed");
    expect(res.headers.get("allow")).toBe("POST");
  });
  test("413 body over 1 MiB", async () => {
    await expectError(await call("POST", "/personality_chat", { message: "x".repeat(1_100_000) }), 413, "payload_too_large");
  });
  test("415 not JSON", async () => {
    const res = await app.handle(new Request("http://localhost/personality_chat", { method: "POST", headers: { "content-type": "text/plain" }, body: "salut" }));
    await expectError(res, 415, "unsupported_media_type");
  });
  test("422 names each bad field and why, without echoing the input", async () => {
    const secret = "mon-numero-0612345678";
    const res = await call("POST", "/personality_chat", { message: "", history: [{ role: "fan", content: secret }], persona_data: { dominance: 9, audacity: 2.5, age: 16 } });
    const body = await expectError(res, 422, "validation_failed");
    const fields = (body.error.details as { field: string; reason: string }[]).map((d) => d.field);
    expect(fields).toEqual(expect.arrayContaining(["message", "history.0.role", "persona_data.dominance", "persona_data.audacity", "persona_data.age"]));
    expect(JSON.stringify(body)).not.toContain(secret);
  });
  test("422 for a slider given as a string (no silent coercion)", async () => {
    await expectError(await call("POST", "/personality_chat", { message: "salut", persona_data: { tone: "3" } }), 422, "validation_failed");
  });
  test("422 for more than 200 history items", async () => {
    const history = Array.from({ length: 201 }, () => ({ role: "user", content: "a" }));
    await expectError(await call("POST", "/personality_chat", { message: "salut", history }), 422, "validation_failed");
  });
  test("503 at once when no service answers the subject", async () => {
    const lonely = createGateway({ bus: new MemoryBus(), env: parseGatewayEnv({ RATE_LIMIT_PER_MINUTE: "0" }), log });
    const started = performance.now();
    const res = await lonely.handle(new Request("http://localhost/fan/interest_score", { method: "POST", headers: { "content-type": "application/json" }, body: '{"fan_id":"f"}' }));
    await expectError(res, 503, "service_unavailable");
    expect(performance.now() - started).toBeLessThan(1000);
  });
  test("v2 chat never fails the CRM: with no chat service it answers 200 with fallback; v1 answers 503", async () => {
    const lonely = createGateway({ bus: new MemoryBus(), env: parseGatewayEnv({ RATE_LIMIT_PER_MINUTE: "0" }), log });
    const ask = (path: string) =>
      lonely.handle(new Request(`http://localhost${path}`, { method: "POST", headers: { "content-type": "application/json", "x-request-id": "v2-down" }, body: '{"message":"salut"}' }));
    const counted = async () => Number((await registry.getMetricsAsJSON()).find((m) => m.name === "sinhome_fallback_replies_total")
      ?.values.find((v) => v.labels.endpoint === "POST /v2/personality_chat" && v.labels.cause === "service_unavailable")?.value ?? 0);
    const before = await counted();
    const v2 = await ask("/v2/personality_chat");
    expect(v2.status).toBe(200);
    expect(await v2.json()).toMatchObject({ fallback: true, error: "service_unavailable", backend: "none", request_id: "v2-down" });
    expect(await counted()).toBe(before + 1); // the gateway's own fallback is counted by endpoint and cause
    await expectError(await ask("/personality_chat"), 503, "service_unavailable");
    // Validation errors are still errors on v2: the CRM sent something wrong.
    const bad = await lonely.handle(new Request("http://localhost/v2/personality_chat", { method: "POST", headers: { "content-type": "application/json" }, body: '{"message":""}' }));
    await expectError(bad, 422, "validation_failed");
  });

  test("504 when the service does not answer before the deadline", async () => {
    const slowBus = new MemoryBus();
    await slowBus.addService({ name: "slow", version: "1.0.0", description: "", endpoints: { m: { subject: "sinhome.media.sent", handler: () => Bun.sleep(500) } } });
    const slow = createGateway({ bus: slowBus, env: parseGatewayEnv({ RATE_LIMIT_PER_MINUTE: "0", SHORT_TIMEOUT_MS: "100" }), log });
    const res = await slow.handle(new Request("http://localhost/media/sent", { method: "POST", headers: { "content-type": "application/json" }, body: '{"fan_id":"f","media_id":"m"}' }));
    await expectError(res, 504, "timeout");
  });
  test("a service's own error keeps its status and code", async () => {
    const errBus = new MemoryBus();
    const { AppError } = await import("@sinhome/proto");
    await errBus.addService({ name: "e", version: "1.0.0", description: "", endpoints: { m: { subject: "sinhome.chat.encode", handler: () => { throw new AppError("not_configured", "embeddings are not configured"); } } } });
    const gw = createGateway({ bus: errBus, env: parseGatewayEnv({ RATE_LIMIT_PER_MINUTE: "0" }), log });
    const res = await gw.handle(new Request("http://localhost/encode", { method: "POST", headers: { "content-type": "application/json" }, body: '{"text":"a"}' }));
    await expectError(res, 503, "not_configured");
  });
});

describe("auth and limits", () => {
  const secured = createGateway({ bus, env: parseGatewayEnv({ GATEWAY_API_KEYS: "k1, k2", RATE_LIMIT_PER_MINUTE: "0" }), log });
  const req = (path: string, headers: Record<string, string> = {}) =>
    secured.handle(new Request(`http://localhost${path}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: '{"message":"salut"}' }));

  test("401 without a key or with a wrong one", async () => {
    await expectError(await req("/personality_chat"), 401, "unauthorized");
    await expectError(await req("/personality_chat", { authorization: "Bearer nope" }), 401, "unauthorized");
  });
  test("Bearer and X-API-Key are both accepted", async () => {
    expect((await req("/personality_chat", { authorization: "Bearer k2" })).status).toBe(200);
    expect((await req("/personality_chat", { "x-api-key": "k1" })).status).toBe(200);
  });
  test("health, metrics and docs answer without a key", async () => {
    for (const path of ["/monitoring/health", "/metrics", "/swagger", "/swagger/json"]) {
      const res = await secured.handle(new Request(`http://localhost${path}`));
      expect(res.status).toBe(200);
    }
  });
  test("429 with Retry-After past the limit", async () => {
    const limited = createGateway({ bus, env: parseGatewayEnv({ RATE_LIMIT_PER_MINUTE: "2" }), log, rateLimiter: new MemoryRateLimiter() });
    const go = () => limited.handle(new Request("http://localhost/personality_chat", { method: "POST", headers: { "content-type": "application/json", "x-api-key": "same" }, body: '{"message":"a"}' }));
    expect((await go()).status).toBe(200);
    expect((await go()).status).toBe(200);
    const res = await go();
    await expectError(res, 429, "rate_limited");
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
  });
  test("401 and 429, answered before routing, are counted under their route like every answer", async () => {
    const count = async (status: string, route = "/personality_chat") =>
      (await registry.getSingleMetric("sinhome_gateway_requests_total")!.get()).values.find((v) => v.labels.route === route && v.labels.status === status)?.value ?? 0;
    const [limited401, limited429, history401] = [await count("401"), await count("429"), await count("401", "/media/history/:fan_id")];
    const limited = createGateway({ bus, env: parseGatewayEnv({ RATE_LIMIT_PER_MINUTE: "1" }), log, rateLimiter: new MemoryRateLimiter() });
    const go = () => limited.handle(new Request("http://localhost/personality_chat", { method: "POST", headers: { "content-type": "application/json", "x-api-key": "counted" }, body: '{"message":"a"}' }));
    expect([(await go()).status, (await go()).status]).toEqual([200, 429]);
    expect(await count("429")).toBe(limited429 + 1);
    await expectError(await req("/personality_chat"), 401, "unauthorized");
    expect(await count("401")).toBe(limited401 + 1);
    expect((await secured.handle(new Request("http://localhost/media/history/f1"))).status).toBe(401);
    expect(await count("401", "/media/history/:fan_id")).toBe(history401 + 1);
  });
});

describe("access log", () => {
  test("a 5xx is logged at warn with the request id, route and status, never the body", async () => {
    const lines: Record<string, unknown>[] = [];
    const quiet = createLogger("gw-log-test", "info", { write: (line: string) => void lines.push(JSON.parse(line)) });
    const gw = createGateway({ bus: new MemoryBus(), env: parseGatewayEnv({ RATE_LIMIT_PER_MINUTE: "0" }), log: quiet });
    await gw.handle(new Request("http://localhost/personality_chat", { method: "POST", headers: { "content-type": "application/json", "x-request-id": "log-1" }, body: '{"message":"mon secret"}' }));
    await gw.handle(new Request("http://localhost/personality_chat", { method: "POST", headers: { "content-type": "application/json" }, body: "{oops" }));
    for (let i = 0; i < 20 && lines.length === 0; i++) await Bun.sleep(5);
    expect(lines).toHaveLength(1); // the 400 is below warn
    expect(lines[0]).toMatchObject({ requestId: "log-1", route: "/personality_chat", status: 503, msg: "request" });
    expect(JSON.stringify(lines)).not.toContain("mon secret");
  });
});

describe("docs and metrics", () => {
  test("/swagger/json lists every route with its schema", async () => {
    const spec = (await (await call("GET", "/swagger/json")).json()) as { paths: Record<string, Record<string, { requestBody?: unknown }>> };
    for (const route of ROUTES) {
      const path = route.path.replace(/:([a-z_]+)/g, "{$1}");
      expect(spec.paths[path]?.[route.method.toLowerCase()]).toBeDefined();
    }
    expect(spec.paths["/personality_chat"]?.post?.requestBody).toBeDefined();
    const ok = JSON.stringify((spec.paths["/personality_chat"]?.post as { responses?: unknown }).responses);
    expect(ok).toContain('"response"');
    expect(ok).toContain('"retries"');
  });
  test("/swagger loads its UI from this server, not a CDN", async () => {
    const html = await (await call("GET", "/swagger")).text();
    expect(html).toContain("/swagger/assets/swagger-ui-bundle.js");
    expect(html).not.toContain("unpkg.com");
    const js = await call("GET", "/swagger/assets/swagger-ui-bundle.js");
    expect(js.status).toBe(200);
    expect((await js.text()).length).toBeGreaterThan(100_000);
  });
  test("/metrics is Prometheus text with the gateway counters, by route and real status", async () => {
    await call("POST", "/personality_chat", { message: "salut" });
    await call("POST", "/personality_chat", "{oops");
    await Bun.sleep(10); // afterResponse hooks run once the answer is out
    const text = await (await call("GET", "/metrics")).text();
    expect(text).toMatch(/sinhome_gateway_requests_total\{method="POST",route="\/personality_chat",status="200"\} \d+/);
    expect(text).toMatch(/sinhome_gateway_requests_total\{method="POST",route="\/personality_chat",status="400"\} \d+/);
    expect(text).toContain("# TYPE sinhome_gateway_request_duration_seconds histogram");
  });
});
