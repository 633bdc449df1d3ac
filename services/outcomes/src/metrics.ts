/**
 * Prometheus counters of the outcome loop, per A/B arm (`none` outside A/B routing), for the Grafana
 * row "A/B outcomes". Counted where the database says a thing is new (a record stored, an event not a
 * duplicate), so replicas following the same log count each reply and each event once. Rates built
 * from them count events, not replies (a reply sent then discarded counts in both): the report is exact.
 */
import { Counter } from "prom-client";
import type { FeedbackEvent } from "@sinhome/proto";
import { registry } from "@sinhome/runtime";

const records = new Counter({ name: "sinhome_outcome_records_total", help: "Reply records stored, by A/B arm", labelNames: ["arm"] as const, registers: [registry] });
const outcomes = new Counter({ name: "sinhome_feedback_outcomes_total", help: "CRM feedback events carrying an outcome (sent, edited, discarded, regenerated), by A/B arm", labelNames: ["arm", "outcome"] as const, registers: [registry] });
const fanReplies = new Counter({ name: "sinhome_feedback_fan_replies_total", help: "CRM feedback events saying the fan replied, by A/B arm", labelNames: ["arm"] as const, registers: [registry] });
const purchases = new Counter({ name: "sinhome_feedback_purchases_total", help: "Purchases reported after a reply, by A/B arm", labelNames: ["arm"] as const, registers: [registry] });
const revenue = new Counter({ name: "sinhome_feedback_revenue_total", help: "Purchase amounts reported after a reply (the CRM's currency), by A/B arm", labelNames: ["arm"] as const, registers: [registry] });
const duplicates = new Counter({ name: "sinhome_feedback_duplicates_total", help: "Feedback events already counted (same event_id)", registers: [registry] });

export const outcomeMetrics = {
  recordsStored(arms: readonly (string | null)[]): void {
    for (const arm of arms) records.inc({ arm: arm ?? "none" });
  },
  event(arm: string | null, event: FeedbackEvent): void {
    const label = arm ?? "none";
    if (event.outcome) outcomes.inc({ arm: label, outcome: event.outcome });
    if (event.fan_replied) fanReplies.inc({ arm: label });
    if (event.purchase_amount && event.purchase_amount > 0) {
      purchases.inc({ arm: label });
      revenue.inc({ arm: label }, event.purchase_amount);
    }
  },
  duplicate(): void {
    duplicates.inc();
  },
};
