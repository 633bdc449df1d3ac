/**
 * Why one LLM HTTP call failed, as a value the router can act on: retry (transport trouble),
 * fall back, or give up (a 4xx is our request's fault and would fail the same way anywhere).
 * Also the parsing of the error bodies the backends send — vLLM's two shapes, OpenAI's, xAI's —
 * and of `Retry-After`. Messages are redacted: an API key must never reach an error or a log.
 */

export type FailureKind =
  /** The call's own timeout fired (or the request deadline left no time). */
  | "timeout"
  /** Connection refused, reset, DNS failure: the backend was not reached or dropped us. */
  | "connection"
  /** HTTP 429. */
  | "rate_limited"
  /** HTTP 5xx (and 408). */
  | "server"
  /** HTTP 4xx other than 408/429: the request is wrong; retrying or falling back will not help. */
  | "client"
  /** HTTP 2xx whose body is not the OpenAI shape. */
  | "malformed"
  /** The caller aborted (client gone, shutdown): stop everything, no retry, no fallback. */
  | "aborted"
  /** Not attempted: the backend's circuit breaker is open. */
  | "circuit_open"
  /** Not attempted: every slot of the replica busy and the wait would pass the deadline (slots.ts). */
  | "overloaded";

const RETRYABLE = new Set<FailureKind>(["connection", "rate_limited", "server", "malformed"]);

export class LlmFailure extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string,
    readonly status?: number,
    /** From `Retry-After` / `retry-after-ms`, when the backend said how long to wait. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = "LlmFailure";
  }

  /** Worth another attempt on the same backend. Timeouts are not: a stalled server would eat the fallback's time. */
  get retryable(): boolean {
    return RETRYABLE.has(this.kind);
  }

  /** `error.type` for spans and the metrics outcome label: the HTTP status when there is one. */
  get errorType(): string {
    return this.status !== undefined ? String(this.status) : this.kind;
  }
}

export function kindOfStatus(status: number): FailureKind {
  if (status === 429) return "rate_limited";
  if (status === 408 || status >= 500) return "server";
  return "client";
}

const KEY_PATTERNS = [/\b(sk|xai)-[A-Za-z0-9_-]{6,}/g, /Bearer\s+\S+/gi];

/** Removes the configured key and anything that looks like one, and bounds the length. */
export function redact(text: string, apiKey?: string): string {
  let out = apiKey ? text.split(apiKey).join("[redacted]") : text;
  for (const re of KEY_PATTERNS) out = out.replace(re, "[redacted]");
  return out.length > 300 ? `${out.slice(0, 300)}…` : out;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * The human message inside an error body:
 * - OpenAI and current vLLM: `{"error": {"message", "type", "code"}}`
 * - older vLLM (flat): `{"object": "error", "message", "type", "code"}`
 * - xAI: `{"code": "...", "error": "Incorrect API key provided: xa***"}` (error is a string)
 * - FastAPI default: `{"detail": "..."}`; anything else: the raw text.
 */
export function errorBodyMessage(raw: string): string {
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return raw.trim().slice(0, 200) || "empty body";
  }
  if (typeof body === "string") return body;
  if (!isRecord(body)) return "unrecognised error body";
  if (isRecord(body.error) && typeof body.error.message === "string") return body.error.message;
  if (typeof body.error === "string") return body.error;
  if (typeof body.message === "string") return body.message;
  if (typeof body.detail === "string") return body.detail;
  return "unrecognised error body";
}

/** `Retry-After` as seconds or an HTTP-date, or OpenAI's `retry-after-ms`; milliseconds from now. */
export function parseRetryAfter(headers: Headers, now = Date.now()): number | undefined {
  const ms = Number(headers.get("retry-after-ms"));
  if (headers.has("retry-after-ms") && Number.isFinite(ms) && ms >= 0) return ms;
  const value = headers.get("retry-after")?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Classifies what `fetch` threw. `callerAborted` tells the caller's abort apart from our own timeout. */
export function failureFromThrown(e: unknown, backend: string, callerAborted: boolean, timeoutMs: number): LlmFailure {
  if (callerAborted) return new LlmFailure("aborted", `${backend}: call aborted by the caller`);
  const err = e instanceof Error ? (e as Error & { code?: unknown }) : undefined;
  if (err?.name === "TimeoutError" || err?.name === "AbortError") {
    return new LlmFailure("timeout", `${backend}: no answer within ${timeoutMs} ms`);
  }
  const code = typeof err?.code === "string" ? err.code : "network error";
  return new LlmFailure("connection", `${backend}: connection failed (${code})`);
}
