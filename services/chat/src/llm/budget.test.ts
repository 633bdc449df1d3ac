import { describe, expect, test } from "bun:test";
import { attemptTimeout, backoffDelay, minUsefulAttempt, primaryEnd } from "./budget.ts";

describe("primaryEnd", () => {
  test("keeps the reserve for a waiting fallback", () => {
    expect(primaryEnd(0, 150_000, 30_000, true)).toBe(120_000);
  });
  test("never keeps more than half of what is left", () => {
    expect(primaryEnd(0, 10_000, 30_000, true)).toBe(5_000);
  });
  test("gives the primary everything when no fallback waits", () => {
    expect(primaryEnd(0, 10_000, 30_000, false)).toBe(10_000);
  });
  test("a passed deadline leaves nothing", () => {
    expect(primaryEnd(5_000, 1_000, 300, true)).toBe(5_000);
  });
});

test("attemptTimeout is the call timeout cut to the time left", () => {
  expect(attemptTimeout(0, 10_000, 3_000)).toBe(3_000);
  expect(attemptTimeout(9_000, 10_000, 3_000)).toBe(1_000);
});

test("minUsefulAttempt is a quarter of the timeout, at most 1 s", () => {
  expect(minUsefulAttempt(120_000)).toBe(1000);
  expect(minUsefulAttempt(400)).toBe(100);
});

describe("backoffDelay", () => {
  test("doubles per retry within ±50 % jitter", () => {
    expect(backoffDelay(0, 100, () => 0)).toBe(50);
    expect(backoffDelay(0, 100, () => 0.999)).toBeCloseTo(149.9, 1);
    expect(backoffDelay(2, 100, () => 0.5)).toBe(400);
  });
  test("a longer Retry-After wins; a shorter one does not shorten the backoff", () => {
    expect(backoffDelay(0, 100, () => 0.5, 2000)).toBe(2000);
    expect(backoffDelay(3, 100, () => 0.5, 10)).toBe(800);
  });
});
