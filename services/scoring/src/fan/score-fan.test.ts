import { describe, expect, test } from "bun:test";
import type { FanScoreRequest } from "@sinhome/proto";
import type { AiOutcome, AiScorer } from "../ai/client.ts";
import { DEFAULT_STEPS, scoreFan, type ScoreContext, type ScoreSteps } from "./score-fan.ts";

const NOW = Date.parse("2025-06-15T12:00:00Z");
const ctx = (extra: Partial<ScoreContext> = {}): ScoreContext => ({ now: NOW, requestId: "t", deadline: NOW + 60_000, ...extra });
const boom = () => {
  throw new Error("step exploded");
};

// asks the price and wants the video; purchases 2 × 15 € → 30 × 2 + 2 × 10 = 80; a day ago → 80
const hotFan: FanScoreRequest = {
  fan_id: "fan_123",
  history: [
    { role: "user", content: "coucou ma belle" },
    { role: "assistant", content: "coucou toi 😘" },
    { role: "user", content: "je veux voir la vidéo dont tu parlais" },
    { role: "assistant", content: "elle est à 15 €" },
    { role: "user", content: "c'est combien le pack complet ?" },
  ],
  purchases: [{ amount: 15 }, { amount: 15 }],
  last_activity_iso: "2025-06-14T12:00:00Z",
};
const ai = (outcome: AiOutcome): AiScorer => async () => outcome;

describe("scoreFan (regex path)", () => {
  test("answers every field of the contract, score from the rounded components", async () => {
    const r = await scoreFan(hotFan, ctx());
    expect(r.fan_id).toBe("fan_123");
    expect(r.purchase_score).toBe(80);
    expect(r.recency_score).toBe(80);
    expect(r.signals).toEqual(["intent_purchase", "asks_price"]);
    expect(r.score).toBe(Math.round((r.engagement_score * 0.45 + 80 * 0.35 + 80 * 0.2) * 10) / 10);
    expect(r.segment).toBe("hot");
    expect(r.recommended_action).toBe("CLOSING: Intention d'achat. Proposer PPV/pack.");
    expect(r).toMatchObject({ ai_score: null, scoring_method: "regex", error: null });
  });

  test("a fan with nothing at all is cold, not an error", async () => {
    const r = await scoreFan({ fan_id: "f" }, ctx());
    expect(r).toMatchObject({ score: 0, segment: "cold", engagement_score: 0, purchase_score: 0, recency_score: 0, error: null, signals: [] });
  });

  test("a step that throws counts 0 and is named; the others still count", async () => {
    const failed: string[] = [];
    const steps: ScoreSteps = { ...DEFAULT_STEPS, purchase: boom };
    const r = await scoreFan(hotFan, ctx({ steps, hooks: { stepFailed: (step) => failed.push(step) } }));
    expect(r.purchase_score).toBe(0);
    expect(r.recency_score).toBe(80);
    expect(r.engagement_score).toBeGreaterThan(0);
    expect(r.signals).toContain("asks_price");
    expect(r.error).toBe("purchase_failed");
    expect(failed).toEqual(["purchase"]);
  });

  test("when every step fails: score 10, cold, error set", async () => {
    const steps: ScoreSteps = { engagement: boom, purchase: boom, recency: boom };
    const r = await scoreFan(hotFan, ctx({ steps }));
    expect(r).toMatchObject({ fan_id: "fan_123", score: 10, segment: "cold", error: "scoring_failed", scoring_method: "regex", ai_score: null });
  });
});

describe("scoreFan (AI path)", () => {
  test("a usable AI answer blends into engagement 50/50 and marks the method", async () => {
    const regex = await scoreFan(hotFan, ctx());
    const r = await scoreFan({ ...hotFan, use_ai: true }, ctx({ ai: ai({ ok: true, score: 90, signals: ["ready_to_buy"], reason: "" }) }));
    expect(r.ai_score).toBe(90);
    expect(r.scoring_method).toBe("ai");
    expect(r.engagement_score).toBeCloseTo((regex.engagement_score + 90) / 2, 0);
    expect(r.purchase_score).toBe(regex.purchase_score);
    expect(r.recency_score).toBe(regex.recency_score);
    expect(r.signals).toEqual(["intent_purchase", "asks_price", "ready_to_buy"]);
    expect(r.error).toBeNull();
  });

  test("an AI failure changes nothing but `error`", async () => {
    const regex = await scoreFan(hotFan, ctx());
    for (const error of ["ai_timeout", "ai_unavailable", "ai_parse_error"] as const) {
      const r = await scoreFan({ ...hotFan, use_ai: true }, ctx({ ai: ai({ ok: false, error }) }));
      expect(r).toEqual({ ...regex, error });
    }
  });

  test("an AI scorer that throws is an unavailable AI, not a failed fan", async () => {
    const regex = await scoreFan(hotFan, ctx());
    const r = await scoreFan({ ...hotFan, use_ai: true }, ctx({ ai: async () => boom() }));
    expect(r).toEqual({ ...regex, error: "ai_unavailable" });
  });

  test("use_ai false never calls the AI", async () => {
    let calls = 0;
    await scoreFan(hotFan, ctx({ ai: async () => (calls++, { ok: false, error: "ai_timeout" }) }));
    expect(calls).toBe(0);
  });

  test("when the regex engagement failed, the AI score stands in for it", async () => {
    const steps: ScoreSteps = { ...DEFAULT_STEPS, engagement: boom };
    const r = await scoreFan({ ...hotFan, use_ai: true }, ctx({ steps, ai: ai({ ok: true, score: 70, signals: [], reason: "" }) }));
    expect(r.engagement_score).toBe(70);
    expect(r.error).toBe("engagement_failed");
  });
});
