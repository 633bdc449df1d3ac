/**
 * Engagement (0–100) from the signal report, deterministic:
 *
 *   engagement = clamp(0, 100,
 *       BASE                                        15 as soon as the fan wrote anything (0 if he never did)
 *     + min(20, 2 × fan messages)                   volume: 10 messages or more give the full 20
 *     + min(10, mean message length / 8)            effort: 80 characters on average give the full 10
 *     + Σ weight(signal) × repeat(hits))            each signal present, once, boosted when repeated
 *
 *   repeat(hits) = min(1.5, 1 + 0.25 × (hits − 1))  asking the price three times weighs 1.5× asking once
 *
 *   weights: ready_to_buy +20, intent_purchase +15, asks_price +12, high_arousal +10, compliment +8,
 *            suspicious −35, leaving −30, freeloader −20, disengaged −20 (disengaged is never repeated)
 *
 * A chatty fan with no particular signal lands around 40 (warm); one who asks the price and wants the
 * video lands in the 70s; fraud talk or an unsubscribe wipes most of it out. Negative weights are
 * larger than positive ones on purpose: a CRM must not push a sale on a fan who is leaving or disputing.
 */
import type { SignalName } from "../signals/lexicon.ts";
import type { SignalReport } from "../signals/detect.ts";

export const ENGAGEMENT_WEIGHTS: Record<SignalName, number> = {
  intent_purchase: 15,
  asks_price: 12,
  high_arousal: 10,
  compliment: 8,
  ready_to_buy: 20,
  freeloader: -20,
  suspicious: -35,
  leaving: -30,
  disengaged: -20,
};

const BASE = 15;
const VOLUME_PER_MESSAGE = 2;
const VOLUME_CAP = 20;
const LENGTH_DIVISOR = 8;
const LENGTH_CAP = 10;
const REPEAT_STEP = 0.25;
const REPEAT_CAP = 1.5;

const repeatFactor = (hits: number): number => Math.min(REPEAT_CAP, 1 + REPEAT_STEP * (hits - 1));

export function engagementScore(report: SignalReport): number {
  if (report.fanMessages === 0) return 0;
  let score = BASE;
  score += Math.min(VOLUME_CAP, VOLUME_PER_MESSAGE * report.fanMessages);
  score += Math.min(LENGTH_CAP, report.meanLength / LENGTH_DIVISOR);
  for (const [signal, hits] of Object.entries(report.hits) as [SignalName, number][]) {
    if (hits > 0) score += ENGAGEMENT_WEIGHTS[signal] * repeatFactor(hits);
  }
  return Math.max(0, Math.min(100, score));
}
