/**
 * Strict ISO 8601 dates for `sent_at`. `Date.parse` accepts far too much ("March 7", "1/2/3")
 * and reads a zone-less date-time as local time, which would make the stored instant depend on
 * the server's zone. Accepted: `YYYY-MM-DD`, optionally `THH:MM[:SS[.fraction]]`, optionally `Z`
 * or `±HH:MM` / `±HHMM` after a time. A value without a zone is UTC. Impossible dates (Feb 30, hour 24) fail.
 */
import { AppError } from "@sinhome/proto";

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))?)?$/;
const MIN_YEAR = 1970;

/** Milliseconds since the epoch, or undefined when `value` is not a real ISO 8601 instant. */
export function parseIsoInstant(value: string): number | undefined {
  const m = ISO.exec(value.trim());
  if (!m) return undefined;
  const [year, month, day, hour = 0, minute = 0, second = 0] = [m[1], m[2], m[3], m[4], m[5], m[6]].map((p) => (p === undefined ? undefined : Number(p)));
  if (year === undefined || month === undefined || day === undefined || year < MIN_YEAR) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const millis = m[7] ? Math.floor(Number(`0.${m[7]}`) * 1000) : 0;
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  const check = new Date(utc);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  if (m[9] === undefined) return utc;
  const offsetHours = Number(m[10]);
  const offsetMinutes = Number(m[11]);
  if (offsetHours > 14 || offsetMinutes > 59) return undefined;
  const offset = (offsetHours * 60 + offsetMinutes) * 60_000;
  return m[9] === "+" ? utc - offset : utc + offset;
}

/**
 * The optional date field `field` as a canonical UTC ISO string (`…Z`, millisecond precision),
 * or null when absent (the database then uses its own clock). Throws 422 naming the field.
 */
export function parseOptionalDate(value: string | undefined, field: string): string | null {
  if (value === undefined) return null;
  const ms = parseIsoInstant(value);
  if (ms === undefined) {
    throw new AppError("validation_failed", `${field} is not an ISO 8601 date`, [
      { field, reason: "expected an ISO 8601 date such as 2025-01-31 or 2025-01-31T18:05:00Z" },
    ]);
  }
  return new Date(ms).toISOString();
}

/** A timestamp read from the database (a Date from both drivers) as an ISO string. */
export function toIso(value: unknown): string {
  const date = value instanceof Date ? value : new Date(String(value));
  return date.toISOString();
}
