import { describe, expect, test } from "bun:test";
import type { HealthComponent } from "@sinhome/proto";
import { overallStatus } from "./status.ts";

const c = (name: string, status: HealthComponent["status"]): HealthComponent => ({ name, status, latency_ms: 1 });
const base = [c("chat", "ok"), c("ops", "ok"), c("media", "ok"), c("scoring", "ok"), c("database", "ok"), c("nats", "ok"), c("redis", "ok")];

describe("overallStatus", () => {
  test("healthy when vLLM, database and every service are up", () => {
    expect(overallStatus([...base, c("vllm", "ok"), c("grok", "not_configured")])).toBe("healthy");
  });
  test("unhealthy without any LLM", () => {
    expect(overallStatus([...base, c("vllm", "down"), c("grok", "not_configured")])).toBe("unhealthy");
  });
  test("degraded (not unhealthy) when vLLM is down but Grok answers", () => {
    expect(overallStatus([...base, c("vllm", "down"), c("grok", "ok")])).toBe("degraded");
  });
  test("unhealthy without the database", () => {
    expect(overallStatus([...base.filter((x) => x.name !== "database"), c("database", "down"), c("vllm", "ok")])).toBe("unhealthy");
  });
  test("degraded when the simulator stands in for the LLM", () => {
    expect(overallStatus([...base, c("vllm", "not_configured"), c("simulator", "ok")])).toBe("degraded");
  });
  test("degraded when an optional part (redis, scoring) is down", () => {
    expect(overallStatus([...base.filter((x) => x.name !== "redis"), c("redis", "down"), c("vllm", "ok")])).toBe("degraded");
  });
});
