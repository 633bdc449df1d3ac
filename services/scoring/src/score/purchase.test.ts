import { describe, expect, test } from "bun:test";
import { purchaseScore } from "./purchase.ts";

describe("purchaseScore = min(100, total × 2 + count × 10)", () => {
  test("no purchase scores 0", () => {
    expect(purchaseScore([])).toBe(0);
  });
  test("the seed's formula", () => {
    expect(purchaseScore([{ amount: 15 }])).toBe(40);
    expect(purchaseScore([{ amount: 5 }, { amount: 10, type: "ppv" }])).toBe(50);
    expect(purchaseScore([{ amount: 0 }, { amount: 0 }])).toBe(20);
    expect(purchaseScore([{ amount: 12.5 }])).toBe(35);
  });
  test("capped at 100", () => {
    expect(purchaseScore([{ amount: 45 }])).toBe(100);
    expect(purchaseScore([{ amount: 1000 }, { amount: 1000 }])).toBe(100);
    expect(purchaseScore(Array.from({ length: 11 }, () => ({ amount: 0 })))).toBe(100);
  });
});
