import { describe, expect, test } from "bun:test";
import { jStat } from "jstat";
import { buildReport, type ArmAggregate } from "./build.ts";
import { compareMeans, compareRates, meanEstimate, probabilityBetaGreater, rateEstimate } from "./stats.ts";

/** P(X > Y) by numerical integration (Simpson, 2000 steps) of f_X(x)·F_Y(x): an independent check of the closed form. */
function integrated(a1: number, b1: number, a2: number, b2: number): number {
  const steps = 2000;
  const h = 1 / steps;
  const f = (x: number) => jStat.beta.pdf(x, a1, b1) * jStat.beta.cdf(x, a2, b2);
  let s = f(0) + f(1);
  for (let i = 1; i < steps; i++) s += f(i * h) * (i % 2 ? 4 : 2);
  return (s * h) / 3;
}

describe("rates", () => {
  test("value k/n with the Beta(k+1, n−k+1) 95 % interval; nothing for n = 0", () => {
    expect(rateEstimate({ k: 0, n: 0 })).toEqual({ value: null, ci95: null, n: 0 });
    const e = rateEstimate({ k: 20, n: 40 });
    expect(e.value).toBe(0.5);
    // Beta(21, 21) is symmetric around 0.5: the interval is too, and close to the normal approximation 0.5 ± 1.96·√(0.25/43).
    expect(e.ci95!.low + e.ci95!.high).toBeCloseTo(1, 6);
    expect(e.ci95!.low).toBeCloseTo(0.5 - 1.96 * Math.sqrt(0.25 / 43), 2);
    expect(rateEstimate({ k: 3, n: 10 }, 100).value).toBe(30);
  });

  test("P(X > Y) for Beta posteriors: closed form agrees with integration and with known values", () => {
    expect(probabilityBetaGreater(1, 1, 1, 1)).toBeCloseTo(0.5, 10);
    expect(probabilityBetaGreater(2, 1, 1, 1)).toBeCloseTo(2 / 3, 10);
    for (const [a1, b1, a2, b2] of [[33, 9, 21, 21], [13, 18, 12, 19], [5, 40, 9, 36]] as const) {
      expect(probabilityBetaGreater(a1, b1, a2, b2)).toBeCloseTo(integrated(a1, b1, a2, b2), 4);
    }
  });

  test("verdicts: better, worse, inconclusive within chance, inconclusive under the minimum sample", () => {
    expect(compareRates("sent_rate", { k: 32, n: 40 }, { k: 20, n: 40 }, "higher", 30).verdict).toBe("better");
    expect(compareRates("sent_rate", { k: 20, n: 40 }, { k: 32, n: 40 }, "higher", 30).verdict).toBe("worse");
    expect(compareRates("discarded_rate", { k: 4, n: 40 }, { k: 10, n: 40 }, "lower", 30).probability_better).toBeGreaterThan(0.9);
    const close = compareRates("fan_reply_rate", { k: 13, n: 40 }, { k: 12, n: 40 }, "higher", 30);
    expect(close).toMatchObject({ verdict: "inconclusive", reason: "the difference is within chance", difference: 0.025 });
    const small = compareRates("sent_rate", { k: 9, n: 10 }, { k: 1, n: 10 }, "higher", 30);
    expect(small.probability_better!).toBeGreaterThan(0.99);
    expect(small).toMatchObject({ verdict: "inconclusive", reason: "below the minimum sample" });
  });
});

describe("means (normal approximation)", () => {
  test("mean with a 1.96·s/√n interval; difference and probability", () => {
    // Values 0, 2, 4: mean 2, sample variance 4.
    const e = meanEstimate({ n: 3, sum: 6, sumsq: 20 });
    expect(e.value).toBe(2);
    expect(e.ci95!.high).toBeCloseTo(2 + 1.959964 * Math.sqrt(4 / 3), 5);
    const c = compareMeans("revenue_per_100", { n: 3, sum: 6, sumsq: 20 }, { n: 3, sum: 3, sumsq: 5 }, "higher", 1, 100);
    // Control: 0, 1, 2 (mean 1, variance 1): difference 1, se √(4/3 + 1/3).
    expect(c.difference).toBe(100);
    expect(c.probability_better!).toBeCloseTo(jStat.normal.cdf(1 / Math.sqrt(5 / 3), 0, 1), 4);
    expect(c.method).toBe("normal_approximation");
  });
});

describe("the report", () => {
  const agg = (arm: string, sent: number, edited: number, discarded: number): ArmAggregate => ({
    arm, replies: sent + edited + discarded + 5, with_feedback: sent + edited + discarded, with_outcome: sent + edited + discarded,
    sent, edited, discarded, edit: { n: sent + edited, sum: edited * 0.25, sumsq: edited * 0.0625 }, fan_reply: { k: 0, n: 0 }, purchased: 0, revenue: { n: sent + edited + discarded, sum: 0, sumsq: 0 },
  });

  test("each arm against the control, the control named, the primary metric giving the verdict", () => {
    const r = buildReport([agg("default", 20, 10, 10), agg("euryale", 32, 4, 4)], { since: "a", until: "b", control: "default", minSample: 30 });
    expect(r.control).toBe("default");
    expect(r.arms.map((a) => a.arm)).toEqual(["default", "euryale"]);
    expect(r.arms[1]!.sent_rate.value).toBe(0.8);
    expect(r.arms[0]!.mean_edit_ratio.value).toBeCloseTo(2.5 / 30, 6);
    expect(r.comparisons).toHaveLength(1);
    expect(r.comparisons[0]).toMatchObject({ arm: "euryale", control: "default", verdict: "better", primary_metric: "sent_rate" });
    expect(r.comparisons[0]!.metrics.find((m) => m.metric === "fan_reply_rate")!.verdict).toBe("inconclusive");
  });

  test("no control in the window: arms listed, nothing compared", () => {
    const r = buildReport([agg("euryale", 1, 0, 0)], { since: "a", until: "b", control: "default", minSample: 30 });
    expect(r.control).toBeNull();
    expect(r.comparisons).toEqual([]);
  });
});
