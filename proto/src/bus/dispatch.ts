/**
 * What both bus implementations do around a handler: decode the JSON body, restore the caller's
 * request id, deadline and trace context, run the handler inside a server span, and encode the
 * reply or the error. Keeping it in one place is what makes the two buses behave the same.
 */
import { context, propagation, SpanKind, SpanStatusCode, trace, type TextMapGetter, type TextMapSetter } from "@opentelemetry/api";
import { AppError, toAppError } from "../errors.ts";
import { BusHeader } from "../subjects.ts";
import type { BusHandler } from "./types.ts";

const tracer = trace.getTracer("sinhome.bus");
const encoder = new TextEncoder();
const decoder = new TextDecoder();

export const encodeJson = (value: unknown): Uint8Array => encoder.encode(JSON.stringify(value ?? null));
export const decodeJson = (data: Uint8Array): unknown => (data.length ? JSON.parse(decoder.decode(data)) : undefined);

const getter: TextMapGetter<Record<string, string>> = {
  keys: (carrier) => Object.keys(carrier),
  get: (carrier, key) => carrier[key],
};
const setter: TextMapSetter<Record<string, string>> = {
  set: (carrier, key, value) => {
    carrier[key] = value;
  },
};

/** Headers of an outgoing request: request id, deadline and the active W3C trace context. */
export function requestHeaders(requestId: string, timeoutMs: number, extra?: Record<string, string>): Record<string, string> {
  const headers: Record<string, string> = {
    ...extra,
    [BusHeader.RequestId]: requestId,
    [BusHeader.Deadline]: String(Date.now() + timeoutMs),
  };
  propagation.inject(context.active(), headers, setter);
  return headers;
}

export type DispatchResult =
  | { ok: true; data: Uint8Array }
  | { ok: false; status: number; code: string; data: Uint8Array; error: AppError };

/** Called with unexpected (non-AppError) handler failures, so the host can log them. */
export type HandlerErrorHook = (subject: string, error: unknown) => void;

export async function dispatch(
  handler: BusHandler,
  subject: string,
  data: Uint8Array,
  headers: Record<string, string>,
  onUnexpected?: HandlerErrorHook,
): Promise<DispatchResult> {
  const parent = propagation.extract(context.active(), headers, getter);
  const requestId = headers[BusHeader.RequestId] ?? "";
  const deadline = Number(headers[BusHeader.Deadline]) || Date.now() + 30_000;
  const span = tracer.startSpan(`${subject} process`, {
    kind: SpanKind.SERVER,
    attributes: { "messaging.system": "nats", "messaging.destination.name": subject, "sinhome.request_id": requestId },
  }, parent);
  try {
    let body: unknown;
    try {
      body = decodeJson(data);
    } catch {
      throw new AppError("invalid_json", "request body is not valid JSON");
    }
    const value = await context.with(trace.setSpan(parent, span), () =>
      handler({ subject, body, requestId, deadline, headers }),
    );
    return { ok: true, data: encodeJson(value) };
  } catch (e) {
    const error = toAppError(e);
    if (error.code === "internal_error") onUnexpected?.(subject, e);
    span.setStatus({ code: SpanStatusCode.ERROR, message: error.code });
    span.setAttribute("error.type", error.code);
    return { ok: false, status: error.status, code: error.code, data: encodeJson(error.toBody(requestId)), error };
  } finally {
    span.end();
  }
}
