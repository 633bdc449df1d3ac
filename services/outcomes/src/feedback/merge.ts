/**
 * Several CRM events about one reply merge into one outcome (pure): events are read in the order they
 * happened (`at`, then arrival); for each field the latest event that sets it wins, except purchases,
 * which add up (a fan may buy twice after one message). The edit ratio compares the model's reply with
 * the text the fan received: 0 when sent as is, edit distance over the longer text when edited.
 */
import { distance } from "fastest-levenshtein";
import type { FeedbackEvent, FeedbackOutcome } from "@sinhome/proto";

export type MergedOutcome = {
  outcome: FeedbackOutcome | null;
  final_text: string | null;
  fan_replied: boolean | null;
  fan_reply_after_s: number | null;
  purchases: number;
  revenue: number;
  currency: string | null;
  rating: number | null;
  edit_ratio: number | null;
  events: number;
};

/** Edit distance over the longer of the two texts: 0 = unchanged, 1 = rewritten entirely. */
export function editRatio(modelReply: string, finalText: string): number {
  const longer = Math.max([...modelReply].length, [...finalText].length);
  return longer === 0 ? 0 : Math.min(1, distance(modelReply, finalText) / longer);
}

export function mergeEvents(events: readonly FeedbackEvent[], modelReply: string | null): MergedOutcome {
  const merged: MergedOutcome = { outcome: null, final_text: null, fan_replied: null, fan_reply_after_s: null, purchases: 0, revenue: 0, currency: null, rating: null, edit_ratio: null, events: events.length };
  for (const e of events) {
    if (e.outcome !== undefined) {
      merged.outcome = e.outcome;
      // A later non-edit outcome (sent after all, discarded) makes an earlier edit's text moot.
      merged.final_text = e.outcome === "edited" ? (e.final_text ?? merged.final_text) : null;
    }
    if (e.fan_replied !== undefined) merged.fan_replied = e.fan_replied;
    if (e.fan_reply_after_s !== undefined) {
      merged.fan_reply_after_s = e.fan_reply_after_s;
      merged.fan_replied ??= true;
    }
    if (e.purchase_amount !== undefined && e.purchase_amount > 0) {
      merged.purchases += 1;
      merged.revenue += e.purchase_amount;
    }
    if (e.currency !== undefined) merged.currency = e.currency;
    if (e.rating !== undefined) merged.rating = e.rating;
  }
  merged.revenue = Math.round(merged.revenue * 100) / 100;
  if (merged.outcome === "sent") merged.edit_ratio = 0;
  else if (merged.outcome === "edited" && merged.final_text !== null && modelReply !== null) merged.edit_ratio = editRatio(modelReply, merged.final_text);
  return merged;
}
