/**
 * The global score and its segment. Components are rounded to one decimal first and the score is
 * computed from those rounded values, so a CRM can recompute `score` from the fields it receives:
 *
 *   score = engagement × 0.45 + purchase × 0.35 + recency × 0.20   (one decimal)
 *   segment: cold < 25 ≤ warm < 50 ≤ hot < 75 ≤ vip                (on the rounded score)
 */
import type { Segment } from "@sinhome/proto";

export const SCORE_WEIGHTS = { engagement: 0.45, purchase: 0.35, recency: 0.2 } as const;

/** One decimal, clamped to 0–100. */
export const round1 = (value: number): number => Math.round(Math.max(0, Math.min(100, value)) * 10) / 10;

export function globalScore(parts: { engagement: number; purchase: number; recency: number }): number {
  return round1(
    parts.engagement * SCORE_WEIGHTS.engagement + parts.purchase * SCORE_WEIGHTS.purchase + parts.recency * SCORE_WEIGHTS.recency,
  );
}

export function segmentOf(score: number): Segment {
  if (score >= 75) return "vip";
  if (score >= 50) return "hot";
  if (score >= 25) return "warm";
  return "cold";
}
