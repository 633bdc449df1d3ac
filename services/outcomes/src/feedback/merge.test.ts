import { describe, expect, test } from "bun:test";
import { editRatio, mergeEvents } from "./merge.ts";

const ev = (fields: object) => ({ request_id: "r1", ...fields });

describe("merging the events of one reply", () => {
  test("latest event wins per field, purchases add up", () => {
    const m = mergeEvents([
      ev({ outcome: "edited", final_text: "Coucou toi !", at: "2026-01-01T10:00:00Z" }),
      ev({ fan_replied: true, fan_reply_after_s: 42, at: "2026-01-01T10:01:00Z" }),
      ev({ purchase_amount: 10, currency: "EUR", at: "2026-01-01T10:05:00Z" }),
      ev({ purchase_amount: 5.5, rating: 4, at: "2026-01-01T10:06:00Z" }),
    ], "Coucou toi");
    expect(m).toMatchObject({ outcome: "edited", final_text: "Coucou toi !", fan_replied: true, fan_reply_after_s: 42, purchases: 2, revenue: 15.5, currency: "EUR", rating: 4, events: 4 });
    expect(m.edit_ratio).toBeCloseTo(2 / 12, 10);
  });

  test("sent as is has edit ratio 0; a later outcome replaces an earlier one and its text", () => {
    expect(mergeEvents([ev({ outcome: "sent" })], "x").edit_ratio).toBe(0);
    const m = mergeEvents([ev({ outcome: "edited", final_text: "abc" }), ev({ outcome: "discarded" })], "xyz");
    expect(m).toMatchObject({ outcome: "discarded", final_text: null, edit_ratio: null });
  });

  test("no events: nothing known", () => {
    expect(mergeEvents([], "x")).toMatchObject({ outcome: null, purchases: 0, revenue: 0, events: 0, edit_ratio: null });
  });

  test("edit ratio: distance over the longer text, bounded to [0, 1]", () => {
    expect(editRatio("abc", "abc")).toBe(0);
    expect(editRatio("abc", "xyz")).toBe(1);
    expect(editRatio("", "")).toBe(0);
    expect(editRatio("kitten", "sitting")).toBeCloseTo(3 / 7, 10);
  });
});
