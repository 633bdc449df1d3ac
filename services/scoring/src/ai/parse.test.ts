import { describe, expect, test } from "bun:test";
import { parseAiScore } from "./parse.ts";

describe("parseAiScore", () => {
  test("plain JSON", () => {
    expect(parseAiScore('{"score": 72, "signals": ["asks_price"], "reason": "Demande le prix."}')).toEqual({
      score: 72,
      signals: ["asks_price"],
      reason: "Demande le prix.",
    });
  });
  test("a Markdown fence with trailing commas", () => {
    expect(parseAiScore('```json\n{"score": 64, "signals": ["compliment",], "reason": "ok",}\n```')?.score).toBe(64);
  });
  test("single quotes and prose around the object", () => {
    expect(parseAiScore("Voici mon analyse : {'score': 55, 'signals': ['high_arousal'], 'reason': 'chaud'} Voilà.")).toEqual({
      score: 55,
      signals: ["high_arousal"],
      reason: "chaud",
    });
  });
  test("a broken unicode escape or a lone surrogate", () => {
    expect(parseAiScore('{"score": 60, "signals": [], "reason": "caf\\u00e bien"}')?.score).toBe(60);
    expect(parseAiScore('{"score": 61, "signals": [], "reason": "\\ud83d"}')?.score).toBe(61);
  });
  test("an answer cut off by the token limit", () => {
    expect(parseAiScore('{"score": 48, "signals": ["asks_price"], "reason": "le fan deman')?.score).toBe(48);
  });
  test("a score given as a string, with a French decimal comma", () => {
    expect(parseAiScore('{"score": "72,5", "signals": []}')?.score).toBe(72.5);
  });
  test("the regex fallback when there is no readable object", () => {
    expect(parseAiScore('score: 70 (le fan semble intéressé)')?.score).toBe(70);
    expect(parseAiScore('Résultat -> "score" = 33')?.score).toBe(33);
  });
  test("clamps the score to 0–100", () => {
    expect(parseAiScore('{"score": 140, "signals": []}')?.score).toBe(100);
    expect(parseAiScore('{"score": -5, "signals": []}')?.score).toBe(0);
    expect(parseAiScore("score: 1000")?.score).toBe(100);
  });
  test("keeps only the lexicon's signal names, once each", () => {
    expect(parseAiScore('{"score": 50, "signals": ["asks_price", "wants_to_marry", 3, "asks_price"]}')?.signals).toEqual(["asks_price"]);
  });
  test("undefined when there is no score to be found", () => {
    expect(parseAiScore("Je ne peux pas évaluer ce fan.")).toBeUndefined();
    expect(parseAiScore("")).toBeUndefined();
    expect(parseAiScore('{"signals": ["asks_price"], "reason": "pas de score"}')).toBeUndefined();
    expect(parseAiScore('{"score": "élevé"}')).toBeUndefined();
    expect(parseAiScore("[1, 2, 3]")).toBeUndefined();
  });
});
