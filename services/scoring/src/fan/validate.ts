/**
 * Checks one fan against `FanScoreRequest` (null optionals dropped and defaults applied first, in place), so a malformed fan of a
 * bulk becomes one `invalid_fan` entry instead of failing the batch. The same check guards the single
 * endpoint for callers that reach the bus without the gateway.
 *
 * Speed matters here (200 fans × 20 messages in ≤ 20 ms): the schema is compiled once, and defaults —
 * which only exist on top-level fields (`history`, `purchases`, `use_ai`) — are applied with a
 * top-level projection of the schema, because `Value.Default` on the full schema walks every message
 * of every fan (about 2.7 ms per 200-fan bulk, for nothing). `Value.Errors` only runs for an invalid fan.
 */
import { dropNullOptionals, FanScoreRequest, type ErrorDetail } from "@sinhome/proto";
import { Type } from "@sinclair/typebox";
import { TypeCompiler } from "@sinclair/typebox/compiler";
import { Value } from "@sinclair/typebox/value";

const FanCheck = TypeCompiler.Compile(FanScoreRequest);
const FanDefaults = Type.Object(
  Object.fromEntries(
    Object.entries(FanScoreRequest.properties)
      .filter(([, schema]) => schema.default !== undefined)
      .map(([key, schema]) => [key, Type.Optional(Type.Unknown({ default: schema.default }))]),
  ),
);

/** Details kept per invalid fan: enough to fix the payload, bounded for a hostile one. */
const MAX_DETAILS = 10;
const MAX_FAN_ID = 128;

export type FanCheckResult = { ok: true; fan: FanScoreRequest } | { ok: false; fanId: string; details: ErrorDetail[] };

export function checkFan(value: unknown): FanCheckResult {
  try {
    return check(value);
  } catch {
    return { ok: false, fanId: recoverFanId(value), details: [{ field: "/", reason: "unreadable fan" }] };
  }
}

function check(value: unknown): FanCheckResult {
  // null means absent, as on every route (the gateway cannot see inside a bulk's `fans`).
  const fan = Value.Default(FanDefaults, dropNullOptionals(FanScoreRequest, value));
  if (FanCheck.Check(fan)) return { ok: true, fan };
  const details: ErrorDetail[] = [];
  for (const error of Value.Errors(FanScoreRequest, fan)) {
    details.push({ field: error.path || "/", reason: error.message });
    if (details.length >= MAX_DETAILS) break;
  }
  return { ok: false, fanId: recoverFanId(value), details };
}

/** The fan's id when one can be read from a malformed fan (a string or a number), else "unknown". */
export function recoverFanId(value: unknown): string {
  const id = value && typeof value === "object" ? (value as { fan_id?: unknown }).fan_id : undefined;
  if (typeof id === "string" && id.trim()) return id.slice(0, MAX_FAN_ID);
  if (typeof id === "number" && Number.isFinite(id)) return String(id);
  return "unknown";
}
