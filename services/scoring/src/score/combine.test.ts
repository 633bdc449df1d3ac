import { describe, expect, test } from "bun:test";
import { globalScore, round1, segmentOf } from "./combine.ts";

describe("globalScore = engagement × 0.45 + purchase × 0.35 + recency × 0.20", () => {
  test("the seed's example components", () => {
    // 72 × 0.45 + 55 × 0.35 + 70 × 0.2 = 32.4 + 19.25 + 14
    expect(globalScore({ engagement: 72, purchase: 55, recency: 70 })).toBe(65.7);
  });
  test("each weight alone", () => {
    expect(globalScore({ engagement: 100, purchase: 0, recency: 0 })).toBe(45);
    expect(globalScore({ engagement: 0, purchase: 100, recency: 0 })).toBe(35);
    expect(globalScore({ engagement: 0, purchase: 0, recency: 100 })).toBe(20);
    expect(globalScore({ engagement: 100, purchase: 100, recency: 100 })).toBe(100);
  });
  test("one decimal", () => {
    expect(globalScore({ engagement: 33.3, purchase: 10, recency: 0 })).toBe(18.5);
  });
});

describe("segmentOf: cold < 25 ≤ warm < 50 ≤ hot < 75 ≤ vip", () => {
  test.each([
    [0, "cold"],
    [24.9, "cold"],
    [25, "warm"],
    [49.9, "warm"],
    [50, "hot"],
    [74.9, "hot"],
    [75, "vip"],
    [100, "vip"],
  ] as const)("%d → %s", (score, segment) => {
    expect(segmentOf(score)).toBe(segment);
  });
});

describe("round1", () => {
  test("rounds to one decimal and clamps to 0–100", () => {
    expect(round1(12.34)).toBe(12.3);
    expect(round1(12.35)).toBe(12.4);
    expect(round1(-3)).toBe(0);
    expect(round1(140)).toBe(100);
  });
});
