/**
 * THE place where errors become HTTP answers. Everything the gateway can fail with — Elysia's own
 * errors (parse, validation, not found), bus errors, our AppErrors, anything unexpected — leaves
 * here in the one JSON shape, without stack traces and without echoing the caller's input.
 * Under `/v1/` (the OpenAI-compatible API) the same errors leave in OpenAI's shape instead, which
 * OpenAI SDKs turn into their typed errors: that second mapping lives here too.
 */
import { AppError, ErrorStatus, ROUTES, type ErrorDetail, type OpenAiErrorBody } from "@sinhome/proto";

export const JSON_HEADERS = { "content-type": "application/json; charset=utf-8" } as const;

export function errorResponse(error: AppError, requestId: string, extraHeaders?: Record<string, string>): Response {
  return new Response(JSON.stringify(error.toBody(requestId)), {
    status: error.status,
    headers: { ...JSON_HEADERS, "x-request-id": requestId, ...extraHeaders },
  });
}

/** The OpenAI-compatible API: every path under `/v1/` answers errors in OpenAI's shape. */
export const isOpenAiPath = (path: string): boolean => path.startsWith("/v1/");

/** OpenAI's `code` where SDKs and tools look for a specific one; our own code otherwise. */
const OPENAI_CODES: Partial<Record<string, string>> = { unauthorized: "invalid_api_key", rate_limited: "rate_limit_exceeded" };

/** An AppError in OpenAI's shape: 422 becomes 400 (OpenAI's status for a bad request), the rest keep theirs. */
export function openAiError(error: AppError): { status: number; body: OpenAiErrorBody } {
  const status = error.code === "validation_failed" ? 400 : error.status;
  const type = status === 429 ? "requests" : status >= 500 ? "server_error" : "invalid_request_error";
  const first = error.details[0];
  // OpenAI errors have no details list: the first bad field goes into `param` and the message.
  const message = first ? `${error.message}: ${first.field}: ${first.reason}` : error.message;
  return { status, body: { error: { message, type, param: first?.field ?? null, code: OPENAI_CODES[error.code] ?? error.code } } };
}

/** The error answer for `path`: OpenAI's shape under `/v1/`, the mesh's one shape everywhere else. */
export function errorResponseFor(path: string, error: AppError, requestId: string, extraHeaders?: Record<string, string>): Response {
  if (!isOpenAiPath(path)) return errorResponse(error, requestId, extraHeaders);
  const { status, body } = openAiError(error);
  return new Response(JSON.stringify(body), { status, headers: { ...JSON_HEADERS, "x-request-id": requestId, ...extraHeaders } });
}

type ValidationIssue = { path?: string; message?: string; schema?: { anyOf?: { type?: unknown }[] }; errors?: Iterable<ValidationIssue>[] };

/**
 * A field that may also be null (`x | null`) fails as "Expected union value"; the useful reasons are
 * those of its non-null member (e.g. "Expected integer to be less or equal to 5"), so report those.
 */
function expandNullable(issue: ValidationIssue): ValidationIssue[] {
  const members = issue.schema?.anyOf;
  if (!members || !issue.errors || members.length !== issue.errors.length) return [issue];
  const nonNull = members.map((m, i) => (m.type === "null" ? -1 : i)).filter((i) => i >= 0);
  if (nonNull.length !== 1 || nonNull.length === members.length) return [issue];
  const inner = [...issue.errors[nonNull[0]!]!].flatMap(expandNullable);
  return inner.length ? inner : [issue];
}

/** Elysia/TypeBox validation issues → details naming each field and why, never its value. */
export function validationDetails(raw: ValidationIssue[]): ErrorDetail[] {
  const seen = new Set<string>();
  const details: ErrorDetail[] = [];
  for (const issue of raw.flatMap(expandNullable)) {
    const field = (issue.path ?? "").replace(/^\//, "").replaceAll("/", ".") || "(body)";
    const reason = issue.message ?? "invalid";
    const key = `${field}\u0000${reason}`;
    if (seen.has(key)) continue;
    seen.add(key);
    details.push({ field, reason });
    if (details.length >= 50) break;
  }
  return details;
}

const routePatterns = ROUTES.map((r) => ({
  method: r.method,
  regex: new RegExp(`^${r.path.replace(/:[a-z_]+/g, "[^/]+")}$`),
}));

/** Methods served on `path` (for 405 + Allow), or none when the path is unknown. */
export function allowedMethods(path: string, extra: Record<string, string[]> = {}): string[] {
  const methods = routePatterns.filter((r) => r.regex.test(path)).map((r) => r.method as string);
  return [...new Set([...methods, ...(extra[path] ?? [])])];
}

/** Maps an Elysia lifecycle error (by its code) or any thrown value to an AppError. */
export function toHttpError(code: string | number, error: unknown, path: string, method: string, extraRoutes: Record<string, string[]>): { error: AppError; headers?: Record<string, string> } {
  if (error instanceof AppError) return { error };
  // Errors thrown by our body parser reach here wrapped in Elysia's ParseError.
  const cause = (error as { cause?: unknown } | undefined)?.cause;
  if (cause instanceof AppError) return { error: cause };
  switch (code) {
    case "PARSE":
      return { error: new AppError("invalid_json", "request body is not valid JSON") };
    case "VALIDATION": {
      const all = (error as { all?: ValidationIssue[] }).all ?? [];
      return { error: new AppError("validation_failed", "request does not match the schema", validationDetails(all)) };
    }
    case "NOT_FOUND": {
      const allow = allowedMethods(path, extraRoutes);
      if (allow.length && !allow.includes(method)) {
        return { error: new AppError("method_not_allowed", `${method} is not allowed here`), headers: { allow: allow.join(", ") } };
      }
      return { error: new AppError("not_found", "no such endpoint") };
    }
    default:
      if (typeof code === "number" && code in STATUS_CODES) return { error: new AppError(STATUS_CODES[code]!, "request failed") };
      return { error: new AppError("internal_error", "internal error", [], { cause: error }) };
  }
}

const STATUS_CODES: Record<number, keyof typeof ErrorStatus> = { 400: "bad_request", 404: "not_found", 413: "payload_too_large", 415: "unsupported_media_type" };
