/** Bus bodies re-checked against their contract (the gateway validated them already; internal callers may not have). */
import { Value } from "@sinclair/typebox/value";
import type { Static, TSchema } from "@sinclair/typebox";
import { AppError, type ErrorDetail } from "@sinhome/proto";

export const detailsOf = (schema: TSchema, value: unknown): ErrorDetail[] =>
  [...Value.Errors(schema, value)].slice(0, 20).map((e) => ({ field: e.path.slice(1).replaceAll("/", ".") || "(body)", reason: e.message }));

export function validated<T extends TSchema>(schema: T, body: unknown): Static<T> {
  const value = Value.Convert(schema, Value.Default(schema, Value.Clone(body ?? {})));
  if (Value.Check(schema, value)) return value;
  throw new AppError("validation_failed", "the request does not match the outcomes contract", detailsOf(schema, value));
}

/** An instant of a query (ISO 8601); `fallback` when absent. */
export function instant(field: string, value: string | undefined, fallback: number): string {
  if (value === undefined || value === "") return new Date(fallback).toISOString();
  const ms = Date.parse(value);
  if (!Number.isFinite(ms)) throw new AppError("validation_failed", "the request does not match the outcomes contract", [{ field, reason: "expected an ISO 8601 date-time" }]);
  return new Date(ms).toISOString();
}

/** `since`/`until` of a query: default the last 7 days up to now; `until` must not be before `since`. */
export function windowOf(q: { since?: string; until?: string }): { since: string; until: string } {
  const until = instant("until", q.until, Date.now() + 1000);
  const since = instant("since", q.since, Date.parse(until) - 7 * 24 * 3_600_000);
  if (since > until) throw new AppError("validation_failed", "the request does not match the outcomes contract", [{ field: "until", reason: "must not be before since" }]);
  return { since, until };
}
