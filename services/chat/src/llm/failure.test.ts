import { describe, expect, test } from "bun:test";
import { LlmFailure, errorBodyMessage, failureFromThrown, kindOfStatus, parseRetryAfter, redact } from "./failure.ts";

describe("error bodies", () => {
  test("OpenAI / current vLLM nested shape", () => {
    expect(errorBodyMessage('{"error":{"message":"model overloaded","type":"server_error","code":503}}')).toBe("model overloaded");
  });
  test("older vLLM flat shape", () => {
    expect(errorBodyMessage('{"object":"error","message":"context too long","type":"BadRequestError","code":400}')).toBe("context too long");
  });
  test("xAI shape (error is a string)", () => {
    expect(errorBodyMessage('{"code":"Client specified an invalid argument","error":"Incorrect API key provided: xa***ab"}')).toBe(
      "Incorrect API key provided: xa***ab",
    );
  });
  test("FastAPI detail, a bare JSON string, and non-JSON bodies", () => {
    expect(errorBodyMessage('{"detail":"Not Found"}')).toBe("Not Found");
    expect(errorBodyMessage('"busy"')).toBe("busy");
    expect(errorBodyMessage("<html>502 Bad Gateway</html>")).toBe("<html>502 Bad Gateway</html>");
    expect(errorBodyMessage("")).toBe("empty body");
  });
});

describe("Retry-After", () => {
  const now = Date.parse("2026-01-01T00:00:00Z");
  test("seconds, HTTP-date and retry-after-ms", () => {
    expect(parseRetryAfter(new Headers({ "retry-after": "2" }), now)).toBe(2000);
    expect(parseRetryAfter(new Headers({ "retry-after": "Thu, 01 Jan 2026 00:00:05 GMT" }), now)).toBe(5000);
    expect(parseRetryAfter(new Headers({ "retry-after-ms": "150", "retry-after": "9" }), now)).toBe(150);
  });
  test("absent, past or garbage values", () => {
    expect(parseRetryAfter(new Headers(), now)).toBeUndefined();
    expect(parseRetryAfter(new Headers({ "retry-after": "Wed, 31 Dec 2025 23:59:00 GMT" }), now)).toBe(0);
    expect(parseRetryAfter(new Headers({ "retry-after": "soon" }), now)).toBeUndefined();
  });
});

describe("classification", () => {
  test("statuses", () => {
    expect(kindOfStatus(429)).toBe("rate_limited");
    expect(kindOfStatus(500)).toBe("server");
    expect(kindOfStatus(408)).toBe("server");
    expect(kindOfStatus(404)).toBe("client");
  });
  test("retryable kinds: connection, 429, 5xx, malformed; not timeout, 4xx, abort", () => {
    const retryable = (k: ConstructorParameters<typeof LlmFailure>[0]) => new LlmFailure(k, "x").retryable;
    expect(["connection", "rate_limited", "server", "malformed"].every((k) => retryable(k as "server"))).toBe(true);
    expect(["timeout", "client", "aborted", "circuit_open"].some((k) => retryable(k as "server"))).toBe(false);
  });
  test("thrown errors: the caller's abort wins, then timeouts, then connection codes", () => {
    const timeout = new DOMException("timed out", "TimeoutError");
    expect(failureFromThrown(timeout, "vllm", true, 100).kind).toBe("aborted");
    expect(failureFromThrown(timeout, "vllm", false, 100).kind).toBe("timeout");
    const refused = Object.assign(new TypeError("Unable to connect"), { code: "ECONNREFUSED" });
    const f = failureFromThrown(refused, "vllm", false, 100);
    expect(f.kind).toBe("connection");
    expect(f.message).toContain("ECONNREFUSED");
  });
});

test("redact removes the configured key, key-looking tokens and bearer headers, and bounds length", () => {
  expect(redact("key=abc123secret", "abc123secret")).toBe("key=[redacted]");
  expect(redact("bad key sk-AbCdEf123456 and xai-ZZZZZZZZ9")).toBe("bad key [redacted] and [redacted]");
  expect(redact("Authorization: Bearer tok.en")).toBe("Authorization: [redacted]");
  expect(redact("x".repeat(1000)).length).toBeLessThanOrEqual(301);
});
