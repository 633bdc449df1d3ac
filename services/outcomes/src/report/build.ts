/**
 * The A/B report from per-arm aggregates (pure). Definitions (README "Outcomes"):
 * - rates of sent as is / edited / discarded: over the replies with a known outcome;
 * - mean edit ratio: over the replies the fan received (sent: 0, edited: distance over length);
 * - fan reply rate: over received replies whose `fan_replied` is known;
 * - purchases and revenue per 100 replies: over the replies with any feedback (no feedback = unknown, not zero).
 * The primary metric, which gives the arm its verdict, is the sent-as-is (acceptance) rate.
 */
import type { ArmComparison, ArmMetrics, ReportResponse } from "@sinhome/proto";
import { compareMeans, compareRates, meanEstimate, rateEstimate, type MeanSums, type RateCounts } from "./stats.ts";

/** What the store sums per arm over the window. */
export type ArmAggregate = {
  arm: string;
  replies: number;
  with_feedback: number;
  with_outcome: number;
  sent: number;
  edited: number;
  discarded: number;
  edit: MeanSums;
  fan_reply: RateCounts;
  purchased: number;
  revenue: MeanSums;
};

export const PRIMARY_METRIC = "sent_rate";

const rates = (a: ArmAggregate) => ({
  sent_rate: { k: a.sent, n: a.with_outcome },
  edited_rate: { k: a.edited, n: a.with_outcome },
  discarded_rate: { k: a.discarded, n: a.with_outcome },
  fan_reply_rate: a.fan_reply,
  purchases_per_100: { k: a.purchased, n: a.with_feedback },
});

export function armMetrics(a: ArmAggregate): ArmMetrics {
  const r = rates(a);
  return {
    arm: a.arm,
    replies: a.replies,
    with_feedback: a.with_feedback,
    sent_rate: rateEstimate(r.sent_rate),
    edited_rate: rateEstimate(r.edited_rate),
    discarded_rate: rateEstimate(r.discarded_rate),
    mean_edit_ratio: meanEstimate(a.edit),
    fan_reply_rate: rateEstimate(r.fan_reply_rate),
    purchases_per_100: rateEstimate(r.purchases_per_100, 100),
    revenue_per_100: meanEstimate(a.revenue, 100),
  };
}

export function compareArms(arm: ArmAggregate, control: ArmAggregate, minSample: number): ArmComparison {
  const x = rates(arm);
  const y = rates(control);
  const metrics = [
    compareRates("sent_rate", x.sent_rate, y.sent_rate, "higher", minSample),
    compareRates("edited_rate", x.edited_rate, y.edited_rate, "lower", minSample),
    compareRates("discarded_rate", x.discarded_rate, y.discarded_rate, "lower", minSample),
    compareMeans("mean_edit_ratio", arm.edit, control.edit, "lower", minSample),
    compareRates("fan_reply_rate", x.fan_reply_rate, y.fan_reply_rate, "higher", minSample),
    compareRates("purchases_per_100", x.purchases_per_100, y.purchases_per_100, "higher", minSample, 100),
    compareMeans("revenue_per_100", arm.revenue, control.revenue, "higher", minSample, 100),
  ];
  return { arm: arm.arm, control: control.arm, verdict: metrics.find((m) => m.metric === PRIMARY_METRIC)!.verdict, primary_metric: PRIMARY_METRIC, metrics };
}

export function buildReport(aggregates: readonly ArmAggregate[], opts: { since: string; until: string; control: string; minSample: number }): ReportResponse {
  const control = aggregates.find((a) => a.arm === opts.control);
  return {
    since: opts.since,
    until: opts.until,
    control: control ? control.arm : null,
    min_sample: opts.minSample,
    arms: aggregates.map(armMetrics),
    comparisons: control ? aggregates.filter((a) => a !== control).map((a) => compareArms(a, control, opts.minSample)) : [],
  };
}
