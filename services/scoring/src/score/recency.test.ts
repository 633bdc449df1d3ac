import { describe, expect, test } from "bun:test";
import { parseIsoInstant, RECENCY_CURVE, recencyFromHours, recencyScore } from "./recency.ts";

const NOW = Date.parse("2025-06-15T12:00:00Z");
const hoursAgo = (h: number) => new Date(NOW - h * 3_600_000).toISOString();

describe("recencyFromHours", () => {
  test("goes through the documented points", () => {
    expect(recencyFromHours(0)).toBe(100);
    expect(recencyFromHours(1)).toBe(100);
    expect(recencyFromHours(24)).toBe(80);
    expect(recencyFromHours(72)).toBe(60);
    expect(recencyFromHours(168)).toBe(40);
    expect(recencyFromHours(336)).toBe(20);
    expect(recencyFromHours(720)).toBe(0);
    expect(recencyFromHours(10_000)).toBe(0);
  });
  test("is linear between points", () => {
    expect(recencyFromHours(48)).toBe(70);
    expect(recencyFromHours(12.5)).toBeCloseTo(90, 5);
  });
  test("never increases with time, from the future to months ago", () => {
    let previous = Infinity;
    for (let h = -48; h <= 1000; h += 0.25) {
      const s = recencyFromHours(h);
      expect(s).toBeLessThanOrEqual(previous);
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThanOrEqual(100);
      previous = s;
    }
  });
  test("the curve's corners are ordered", () => {
    for (let i = 1; i < RECENCY_CURVE.length; i++) {
      expect(RECENCY_CURVE[i]![0]).toBeGreaterThan(RECENCY_CURVE[i - 1]![0]);
      expect(RECENCY_CURVE[i]![1]).toBeLessThan(RECENCY_CURVE[i - 1]![1]);
    }
  });
});

describe("recencyScore", () => {
  test("100 just now, 80 a day ago, 0 after a month", () => {
    expect(recencyScore(hoursAgo(0), NOW)).toBe(100);
    expect(recencyScore(hoursAgo(24), NOW)).toBe(80);
    expect(recencyScore(hoursAgo(31 * 24), NOW)).toBe(0);
  });
  test("a future date counts as now", () => {
    expect(recencyScore(hoursAgo(-5), NOW)).toBe(100);
  });
  test("unknown or unparseable dates score 0", () => {
    expect(recencyScore(undefined, NOW)).toBe(0);
    expect(recencyScore("", NOW)).toBe(0);
    expect(recencyScore("hier soir", NOW)).toBe(0);
    expect(recencyScore("June 15 2025", NOW)).toBe(0);
    expect(recencyScore("2025-02-30T10:00:00Z", NOW)).toBe(0);
    expect(recencyScore("2025-06-15T25:00:00Z", NOW)).toBe(0);
  });
  test("reads offsets, and a date-time without one as UTC", () => {
    expect(recencyScore("2025-06-14T14:00:00+02:00", NOW)).toBe(80);
    expect(recencyScore("2025-06-14T14:00:00+0200", NOW)).toBe(80);
    expect(recencyScore("2025-06-14T12:00:00", NOW)).toBe(80);
    expect(recencyScore("2025-06-14 12:00", NOW)).toBe(80);
  });
});

describe("parseIsoInstant", () => {
  test("dates, date-times, fractions", () => {
    expect(parseIsoInstant("2025-01-15")).toBe(Date.parse("2025-01-15T00:00:00Z"));
    expect(parseIsoInstant("2025-01-15T14:30:00.123456Z")).toBe(Date.parse("2025-01-15T14:30:00.123Z"));
    expect(parseIsoInstant("2024-02-29T00:00:00-05:00")).toBe(Date.parse("2024-02-29T05:00:00Z"));
  });
});
