/**
 * Re-checks a bus request against its proto schema. The gateway validates HTTP bodies already,
 * but other NATS clients may call the service directly, and a malformed body must be a 422,
 * never a SQL error.
 */
import { AppError } from "@sinhome/proto";
import type { Static, TSchema } from "@sinclair/typebox";
import { Value } from "@sinclair/typebox/value";

export function validated<T extends TSchema>(schema: T, body: unknown): Static<T> {
  if (Value.Check(schema, body)) return body;
  const details = [...Value.Errors(schema, body)].slice(0, 20).map((e) => ({
    field: e.path.slice(1).replaceAll("/", ".") || "(body)",
    reason: e.message,
  }));
  throw new AppError("validation_failed", "the request does not match the media contract", details);
}
