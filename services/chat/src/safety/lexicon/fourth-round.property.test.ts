/**
 * Issue #14, fourth round: the mechanisms held-out part 5 showed missing, as generated cases (corpus/generated-4.ts)
 * — a bare age opening the message, possessive ages, years of birth as a cohort and two-digit birth years, a/s/v
 * tags, "who's N", waits till majority in texting, a Spanish imperfect asking the persona's past, teen number words
 * misspelt onto a small number's spelling — each with its adult mirror. Seeded; FC_SEED replays.
 */
import { describe, expect, test } from "bun:test";
import fc from "fast-check";
import { GENERATED_YEAR, type GeneratedCase } from "../corpus/generated.ts";
import { misspeltTeen, mustPass4, mustStop4 } from "../corpus/generated-4.ts";
import { assessMinorRisk } from "./detect.ts";
import { numberValue } from "./numbers.ts";

const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : 20261207;
const verdict = (c: GeneratedCase) => assessMinorRisk(c.text, { year: GENERATED_YEAR });

describe("minors lexicon, fourth-round mechanisms on generated messages", () => {
  test("an age under 18 said through each mechanism is stopped, and is suspect", () => {
    fc.assert(fc.property(mustStop4, (c) => { const v = verdict(c); return v.finding !== null && v.suspect; }), { seed, numRuns: 600 });
  });

  test("the adult mirror of each mechanism passes", () => {
    fc.assert(fc.property(mustPass4, (c) => verdict(c).finding === null), { seed, numRuns: 600 });
  });

  test("a teen number word with one vowel changed is still the teen, in six languages", () => {
    fc.assert(fc.property(misspeltTeen, (c) => verdict(c).finding !== null), { seed, numRuns: 400 });
  });

  test("the generators can fail: numbers are whole words, small numbers stay small, films and adults pass", () => {
    // "j'ai attendu" must not be cut after "atten"; since the fifth round a misspelling also keeps the number
    // word's first letter, so "atten" is no longer "ten" one letter off either.
    expect(numberValue("atten")).toBeUndefined();
    expect(numberValue("attendu")).toBeUndefined();
    expect(verdict({ text: "j'ai attendu 16 minutes", lang: "fr", form: "x", carrier: "x", expect: "pass" }).finding).toBeNull();
    expect(numberValue("trois")).toBe(3);
    expect(numberValue("six")).toBe(6);
    expect(numberValue("troize")).toBe(13);
    expect(numberValue("saize")).toBe(16);
    const as = (text: string): GeneratedCase => ({ text, lang: "en", form: "x", carrier: "x", expect: "pass" });
    expect(verdict(as("watching 16 and pregnant reruns lol")).finding).toBeNull();
    expect(verdict(as("born in 95, old enough to know what i like")).finding).toBeNull();
    expect(verdict(as("2010 gang 😤 send me something naughty")).finding).not.toBeNull();
  });
});
