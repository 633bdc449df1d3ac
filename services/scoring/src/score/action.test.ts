import { describe, expect, test } from "bun:test";
import { dominantSignal, recommendedAction } from "./action.ts";

describe("recommendedAction", () => {
  test("the seed's closing action for a hot fan with purchase intent", () => {
    expect(recommendedAction("hot", ["intent_purchase", "high_arousal"])).toBe("CLOSING: Intention d'achat. Proposer PPV/pack.");
  });
  test("a ready buyer gets the link now; a VIP gets the premium closing", () => {
    expect(recommendedAction("warm", ["asks_price", "ready_to_buy"])).toStartWith("CLOSING: Prêt à acheter");
    expect(recommendedAction("vip", ["ready_to_buy"])).toStartWith("CLOSING VIP:");
  });
  test("risk comes before any sale", () => {
    expect(dominantSignal(["asks_price", "ready_to_buy", "suspicious"])).toBe("suspicious");
    expect(recommendedAction("vip", ["ready_to_buy", "suspicious"])).toStartWith("PRUDENCE:");
    expect(recommendedAction("hot", ["intent_purchase", "leaving"])).toStartWith("RÉTENTION:");
  });
  test("the same signal is nuanced by the segment", () => {
    expect(recommendedAction("cold", ["intent_purchase"])).toStartWith("QUALIFICATION:");
    expect(recommendedAction("hot", ["intent_purchase"])).toStartWith("CLOSING:");
  });
  test("without signals, the segment decides", () => {
    expect(recommendedAction("vip", [])).toStartWith("VIP:");
    expect(recommendedAction("cold", [])).toStartWith("RÉACTIVATION:");
  });
  test("every action is a French CRM line: TAG, then what to do", () => {
    for (const segment of ["cold", "warm", "hot", "vip"] as const) {
      for (const signal of [undefined, "intent_purchase", "asks_price", "high_arousal", "compliment", "ready_to_buy", "freeloader", "suspicious", "leaving", "disengaged"] as const) {
        expect(recommendedAction(segment, signal ? [signal] : [])).toMatch(/^[A-ZÉ ]+: \S.+\.$/);
      }
    }
  });
});
