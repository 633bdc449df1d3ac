/** The shared plumbing: configuration parsing, counters and their sum, counted endpoints. */
import { describe, expect, test } from "bun:test";
import { Type } from "@sinclair/typebox";
import { AppError, BusHeader, Subject, type BusRequest } from "@sinhome/proto";
import { CommonEnv, ConfigError, parseEnv } from "./env.ts";
import { ServiceCounters, sumSnapshots } from "./metrics.ts";
import { countedEndpoints, notImplemented } from "./service.ts";

const req = (body: unknown = {}): BusRequest => ({ subject: "s", body, requestId: "r", deadline: Date.now() + 1000, headers: {} });

describe("parseEnv", () => {
  const Schema = Type.Object({ ...CommonEnv, PORT: Type.Integer({ minimum: 1, default: 8001 }), FLAG: Type.Boolean({ default: false }) });

  test("applies defaults and converts strings; empty strings count as unset", () => {
    const env = parseEnv(Schema, { PORT: "9000", FLAG: "true", NATS_URL: "" });
    expect(env).toMatchObject({ PORT: 9000, FLAG: true, LOG_LEVEL: "info", CHAT_DEADLINE_MS: 150_000, NATS_TRANSPORT: "bun" });
    expect(parseEnv(Schema, { NATS_TRANSPORT: "node" }).NATS_TRANSPORT).toBe("node");
    expect(env.NATS_URL).toBeUndefined();
  });

  test("names every bad variable", () => {
    const error = (() => {
      try {
        parseEnv(Schema, { PORT: "zero", LOG_LEVEL: "loud", NATS_URL: "http://x", NATS_TRANSPORT: "deno" });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join("\n");
    for (const name of ["PORT", "LOG_LEVEL", "NATS_URL", "NATS_TRANSPORT"]) expect(problems).toContain(name);
  });
});

describe("counters", () => {
  test("count requests, 5xx errors, retries by cause, guard deflections and tokens; reset zeroes them", () => {
    const c = new ServiceCounters("test");
    c.request("a", 200, 10);
    c.request("a", 502, 30);
    c.request("b", 422, 20);
    c.retry("refusal", 2);
    c.retry("cjk");
    c.retry("duplicate");
    c.guard("minor_fan");
    c.fallback("POST /v2/personality_chat", "llm_unavailable");
    c.tokens("vllm", "m", 100, 20);
    c.modelRoute("default", "m");
    c.modelRoute("euryale", "e");
    c.modelRoute("default", "m");
    expect(c.snapshot()).toEqual({
      total_requests: 3, total_errors: 1, total_refusals_caught: 2, total_chinese_retries: 1, total_dup_retries: 1,
      total_guard_deflections: 1, total_fallbacks: 1, endpoint_counts: { a: 2, b: 1 }, avg_latency_ms: 20, total_prompt_tokens: 100, total_completion_tokens: 20,
      model_route_counts: { default: 2, euryale: 1 },
    });
    c.reset();
    expect(c.snapshot().total_requests).toBe(0);
  });

  test("the sum over instances weights the average latency by requests", () => {
    const a = new ServiceCounters("a");
    const b = new ServiceCounters("b");
    a.request("x", 200, 10);
    b.request("x", 200, 40);
    b.request("y", 200, 40);
    a.modelRoute("default", "m");
    b.modelRoute("default", "m");
    b.modelRoute("euryale", "e");
    const sum = sumSnapshots([a.snapshot(), b.snapshot()]);
    expect(sum).toMatchObject({ total_requests: 3, endpoint_counts: { x: 2, y: 1 }, avg_latency_ms: 30, instances: 2, model_route_counts: { default: 2, euryale: 1 } });
  });
});

describe("countedEndpoints", () => {
  test("count each call by HTTP route with the status of its outcome; notImplemented is an honest 501", async () => {
    const c = new ServiceCounters("svc");
    const eps = countedEndpoints(c, {
      ok: { subject: Subject.FanScore, handler: () => "fine" },
      todo: { subject: Subject.MediaSent, handler: notImplemented("the thing") },
    });
    expect(await eps.ok!.handler(req())).toBe("fine");
    const error = await Promise.resolve(eps.todo!.handler(req())).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(501);
    expect((error as AppError).code).toBe("not_implemented");
    expect(c.snapshot()).toMatchObject({ total_requests: 2, total_errors: 1, endpoint_counts: { "POST /fan/interest_score": 1, "POST /media/sent": 1 } });
  });

  test("probes, metrics reads and internal subjects are not traffic; a shared subject is told apart by the gateway's route header", async () => {
    const c = new ServiceCounters("svc");
    const eps = countedEndpoints(c, {
      health: { subject: Subject.Health, handler: () => ({}) },
      metrics: { subject: Subject.Metrics, handler: () => ({}) },
      internal: { subject: Subject.LlmComplete, handler: () => ({}) },
      delete: { subject: Subject.MediaDelete, handler: () => ({}) },
    });
    await eps.health!.handler(req());
    await eps.metrics!.handler(req());
    await eps.internal!.handler(req());
    await eps.delete!.handler({ ...req(), headers: { [BusHeader.Route]: "POST /media/delete" } });
    await eps.delete!.handler({ ...req(), headers: { [BusHeader.Route]: "DELETE /media/history/{fan_id}" } });
    await eps.delete!.handler({ ...req(), headers: { [BusHeader.Route]: "DELETE /media/history/{fan_id}" } });
    expect(c.snapshot()).toMatchObject({ total_requests: 3, endpoint_counts: { "POST /media/delete": 1, "DELETE /media/history/{fan_id}": 2 } });
  });
});
