/**
 * The statistics of the A/B report (pure, over counts and sums):
 * - a rate (k successes of n) is estimated by k/n with the 95 % equal-tailed interval of its
 *   Beta(k+1, n−k+1) posterior (uniform prior); two arms compare by P(p_arm > p_control) computed
 *   exactly for those Beta posteriors (Evan Miller's closed form), the difference's interval by a
 *   normal approximation of the two posteriors;
 * - a mean (edit ratio, revenue per reply) is compared by the normal approximation (Welch standard
 *   error; P(better) = Φ(difference / se)).
 * A verdict needs both arms at or above the minimum sample and P(better) ≥ 0.95 (better) or ≤ 0.05 (worse).
 */
import { jStat } from "jstat";
import type { Estimate, MetricComparison, Verdict } from "@sinhome/proto";

export const CONFIDENCE = 0.95;
const Z = 1.959963984540054;

export type RateCounts = { k: number; n: number };
export type MeanSums = { n: number; sum: number; sumsq: number };

const round = (x: number, digits = 6) => Math.round(x * 10 ** digits) / 10 ** digits;

export function rateEstimate({ k, n }: RateCounts, scale = 1): Estimate {
  if (n === 0) return { value: null, ci95: null, n };
  const a = k + 1;
  const b = n - k + 1;
  return { value: round((k / n) * scale), ci95: { low: round(jStat.beta.inv((1 - CONFIDENCE) / 2, a, b) * scale), high: round(jStat.beta.inv(1 - (1 - CONFIDENCE) / 2, a, b) * scale) }, n };
}

const meanAndVariance = ({ n, sum, sumsq }: MeanSums) => {
  const mean = sum / n;
  // Sample variance; clamped at 0 against rounding.
  const variance = n > 1 ? Math.max(0, (sumsq - n * mean * mean) / (n - 1)) : 0;
  return { mean, variance };
};

export function meanEstimate(sums: MeanSums, scale = 1): Estimate {
  if (sums.n === 0) return { value: null, ci95: null, n: 0 };
  const { mean, variance } = meanAndVariance(sums);
  const half = Z * Math.sqrt(variance / sums.n);
  return { value: round(mean * scale), ci95: { low: round((mean - half) * scale), high: round((mean + half) * scale) }, n: sums.n };
}

/** P(X > Y) for X ~ Beta(a1, b1), Y ~ Beta(a2, b2), integer a2 (exact sum, in logs). */
export function probabilityBetaGreater(a1: number, b1: number, a2: number, b2: number): number {
  let total = 0;
  for (let i = 0; i < a2; i++) {
    total += Math.exp(jStat.betaln(a1 + i, b1 + b2) - Math.log(b2 + i) - jStat.betaln(1 + i, b2) - jStat.betaln(a1, b1));
  }
  // P(Y > X) = total; P(X > Y) = 1 − total (continuous: ties have probability 0).
  return Math.min(1, Math.max(0, 1 - total));
}

export type Direction = "higher" | "lower";

export function verdictOf(probabilityBetter: number | null, enough: boolean): { verdict: Verdict; reason?: string } {
  if (!enough) return { verdict: "inconclusive", reason: "below the minimum sample" };
  if (probabilityBetter === null) return { verdict: "inconclusive", reason: "nothing to compare" };
  if (probabilityBetter >= CONFIDENCE) return { verdict: "better" };
  if (probabilityBetter <= 1 - CONFIDENCE) return { verdict: "worse" };
  return { verdict: "inconclusive", reason: "the difference is within chance" };
}

export function compareRates(metric: string, arm: RateCounts, control: RateCounts, direction: Direction, minSample: number, scale = 1): MetricComparison {
  const method = "beta_binomial";
  if (arm.n === 0 || control.n === 0) return { metric, difference: null, ci95: null, probability_better: null, method, ...verdictOf(null, false) };
  const [a1, b1, a2, b2] = [arm.k + 1, arm.n - arm.k + 1, control.k + 1, control.n - control.k + 1];
  const difference = arm.k / arm.n - control.k / control.n;
  const se = Math.sqrt(jStat.beta.variance(a1, b1) + jStat.beta.variance(a2, b2));
  const pHigher = probabilityBetaGreater(a1, b1, a2, b2);
  const probability = direction === "higher" ? pHigher : 1 - pHigher;
  return {
    metric,
    difference: round(difference * scale),
    ci95: { low: round((difference - Z * se) * scale), high: round((difference + Z * se) * scale) },
    probability_better: round(probability, 4),
    method,
    ...verdictOf(probability, arm.n >= minSample && control.n >= minSample),
  };
}

export function compareMeans(metric: string, arm: MeanSums, control: MeanSums, direction: Direction, minSample: number, scale = 1): MetricComparison {
  const method = "normal_approximation";
  if (arm.n === 0 || control.n === 0) return { metric, difference: null, ci95: null, probability_better: null, method, ...verdictOf(null, false) };
  const x = meanAndVariance(arm);
  const y = meanAndVariance(control);
  const difference = x.mean - y.mean;
  const se = Math.sqrt(x.variance / arm.n + y.variance / control.n);
  const signed = direction === "higher" ? difference : -difference;
  const probability = se === 0 ? (signed > 0 ? 1 : signed < 0 ? 0 : 0.5) : jStat.normal.cdf(signed / se, 0, 1);
  return {
    metric,
    difference: round(difference * scale),
    ci95: { low: round((difference - Z * se) * scale), high: round((difference + Z * se) * scale) },
    probability_better: round(probability, 4),
    method,
    ...verdictOf(probability, arm.n >= minSample && control.n >= minSample),
  };
}
