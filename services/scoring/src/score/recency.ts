/**
 * Recency score (0–100) from the hours since `last_activity_iso`, piecewise linear between these
 * points (non-increasing, so a fan never gains by staying away):
 *
 *   hours   ≤ 1   24   72   168 (7 d)   336 (14 d)   ≥ 720 (30 d)
 *   score   100   80   60    40          20            0
 *
 * A date in the future (clock skew between CRM and mesh) counts as now. No date, or one that is not
 * ISO 8601, scores 0: an unknown activity is treated like a very old one. An ISO date-time without
 * an offset is read as UTC, so the result never depends on the server's time zone.
 */

/** [hours since last activity, score] — the curve's corners, hours increasing. */
export const RECENCY_CURVE: readonly (readonly [number, number])[] = [
  [1, 100],
  [24, 80],
  [72, 60],
  [168, 40],
  [336, 20],
  [720, 0],
];

const ISO_8601 = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/** Epoch ms of an ISO 8601 date or date-time, or undefined when it is not one (or not a real date). */
export function parseIsoInstant(iso: string): number | undefined {
  const m = ISO_8601.exec(iso.trim());
  if (!m) return undefined;
  const [, y, mo, d, h = "00", mi = "00", s = "00", frac = "", zone = "Z"] = m;
  const offset = zone.toUpperCase() === "Z" ? "Z" : zone.length === 3 ? `${zone}:00` : zone.includes(":") ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const text = `${y}-${mo}-${d}T${h}:${mi}:${s}.${(frac + "000").slice(0, 3)}${offset}`;
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) return undefined;
  // Some engines roll "02-30" over to March: reject days that do not exist.
  const day = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (day.getUTCMonth() !== Number(mo) - 1 || day.getUTCDate() !== Number(d)) return undefined;
  return ms;
}

/** Score for a number of hours since the last activity (negative = in the future = now). */
export function recencyFromHours(hours: number): number {
  if (Number.isNaN(hours)) return 0;
  const [firstHours, firstScore] = RECENCY_CURVE[0]!;
  if (hours <= firstHours) return firstScore;
  for (let i = 1; i < RECENCY_CURVE.length; i++) {
    const [h1, s1] = RECENCY_CURVE[i]!;
    if (hours <= h1) {
      const [h0, s0] = RECENCY_CURVE[i - 1]!;
      return s0 + ((s1 - s0) * (hours - h0)) / (h1 - h0);
    }
  }
  return 0;
}

export function recencyScore(lastActivityIso: string | undefined, now: number): number {
  if (!lastActivityIso) return 0;
  const at = parseIsoInstant(lastActivityIso);
  if (at === undefined) return 0;
  return recencyFromHours((now - at) / 3_600_000);
}
