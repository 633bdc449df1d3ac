/**
 * Issue #14, second round: the mechanisms held-out part 3 showed missing, as generated cases (corpus/generated-2.ts)
 * — ages against majority, a/s/l tags, subjectless status, apposition after a name, the persona's past before a
 * preposition, pupils as interest, laughter after an age — each with its adult mirror. Seeded; FC_SEED replays.
 */
import { describe, expect, test } from "bun:test";
import fc from "fast-check";
import { GENERATED_YEAR, type GeneratedCase } from "../corpus/generated.ts";
import { mustPass2, mustStop2 } from "../corpus/generated-2.ts";
import { assessMinorRisk } from "./detect.ts";

const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : 20261207;
const verdict = (c: GeneratedCase, previousAssistant?: string) => assessMinorRisk(c.text, { year: GENERATED_YEAR, previousAssistant });

describe("minors lexicon, second-round mechanisms on generated messages", () => {
  test("an age under 18 said through each mechanism is stopped, and is suspect", () => {
    fc.assert(fc.property(mustStop2, (c) => { const v = verdict(c); return v.finding !== null && v.suspect; }), { seed, numRuns: 500 });
  });

  test("the adult mirror of each mechanism passes", () => {
    fc.assert(fc.property(mustPass2, (c) => verdict(c).finding === null), { seed, numRuns: 500 });
  });

  test("a year given as the answer to an age question is a year of birth, read against the current year", () => {
    const asked = "Et toi, t'as quel âge ? 😘";
    fc.assert(fc.property(fc.integer({ min: 10, max: 80 }), fc.constantFrom("", "de ", "né en ", "born "), (age, lead) => {
      const c: GeneratedCase = { text: `${lead}${GENERATED_YEAR - age}`, lang: "fr", form: "birth_year", carrier: "claim", expect: age < 18 ? "stop" : "pass" };
      return (verdict(c, asked).finding !== null) === age < 18;
    }), { seed, numRuns: 200 });
  });

  test("the generators can fail: a film title or a college year is not a claim, a pupil is", () => {
    const as = (text: string): GeneratedCase => ({ text, lang: "en", form: "x", carrier: "x", expect: "pass" });
    expect(verdict(as("watching Sweet Sixteen tonight, seen it?")).finding).toBeNull();
    expect(verdict(as("my sweet sixteen is saturday, send me something")).finding).not.toBeNull();
    expect(verdict(as("i'm a college sophomore")).finding).toBeNull();
    expect(verdict(as("i'm a sophomore in high school")).finding).not.toBeNull();
  });
});
