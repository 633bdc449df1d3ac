/**
 * The one error model of the mesh. Every expected failure is an `AppError` with a snake_case
 * `code`; the code decides the HTTP status. Errors cross the bus as NATS service-error headers
 * (status + code) with this same JSON body, and the gateway renders them in one place.
 */
import { Type, type Static } from "@sinclair/typebox";

/** Every error code the API can answer, with its HTTP status. */
export const ErrorStatus = {
  bad_request: 400,
  invalid_json: 400,
  unauthorized: 401,
  /** A known key used after its `not_after` instant. */
  key_expired: 401,
  forbidden: 403,
  not_found: 404,
  /** The OpenAI API was asked for a model this mesh does not serve. */
  model_not_found: 404,
  /** Feedback for a reply the outcomes service does not know (never made, or past LOG_RETENTION_HOURS). */
  unknown_request: 404,
  method_not_allowed: 405,
  /** A dataset export asked of a mesh that does not keep texts (LOG_CONTENT=false). */
  content_not_stored: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  validation_failed: 422,
  rate_limited: 429,
  internal_error: 500,
  not_implemented: 501,
  llm_error: 502,
  upstream_error: 502,
  service_unavailable: 503,
  not_configured: 503,
  llm_unavailable: 503,
  timeout: 504,
  llm_timeout: 504,
  guard_unavailable: 503,
} as const;
export type ErrorCode = keyof typeof ErrorStatus;

/** One entry of `details`: which field is wrong and why (never the value itself). */
export const ErrorDetail = Type.Object({
  field: Type.String(),
  reason: Type.String(),
});
export type ErrorDetail = Static<typeof ErrorDetail>;

/** The JSON body of every error answer. */
export const ErrorBody = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    details: Type.Array(ErrorDetail),
    request_id: Type.Optional(Type.String()),
  }),
});
export type ErrorBody = Static<typeof ErrorBody>;

/** An expected failure: carries its code, HTTP status and a message safe to show the caller. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetail[] = [],
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "AppError";
    this.status = ErrorStatus[code];
  }

  toBody(requestId?: string): ErrorBody {
    return { error: { code: this.code, message: this.message, details: this.details, request_id: requestId } };
  }

  /** Rebuilds an error that crossed the bus; unknown codes keep their status as `upstream_error`. */
  static fromBody(body: unknown, status: number): AppError {
    const e = (body as Partial<ErrorBody> | undefined)?.error;
    const code = e && typeof e.code === "string" && e.code in ErrorStatus ? (e.code as ErrorCode) : undefined;
    if (code) return new AppError(code, String(e?.message ?? code), Array.isArray(e?.details) ? e.details : []);
    return new AppError(status >= 500 ? "upstream_error" : "bad_request", `service error ${status}`);
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;

/** Wraps anything thrown into an AppError, hiding internals (stack, messages of unknown errors). */
export function toAppError(e: unknown): AppError {
  return isAppError(e) ? e : new AppError("internal_error", "internal error", [], { cause: e });
}
