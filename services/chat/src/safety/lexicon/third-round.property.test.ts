/**
 * Issue #14, third round: the mechanisms held-out part 4 showed missing, as generated cases (corpus/generated-3.ts)
 * — ages about to be reached, graduation years, majority as a noun, split digits and laughter, a minor third
 * person put in touch with the persona, other countries' school years, the persona's past as "show me" — each
 * with its adult mirror. Seeded; FC_SEED replays.
 */
import { describe, expect, test } from "bun:test";
import fc from "fast-check";
import { GENERATED_YEAR, type GeneratedCase } from "../corpus/generated.ts";
import { mustPass3, mustStop3 } from "../corpus/generated-3.ts";
import { assessMinorRisk } from "./detect.ts";

const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : 20261207;
const verdict = (c: GeneratedCase) => assessMinorRisk(c.text, { year: GENERATED_YEAR });

describe("minors lexicon, third-round mechanisms on generated messages", () => {
  test("an age under 18 said through each mechanism is stopped, and is suspect", () => {
    fc.assert(fc.property(mustStop3, (c) => { const v = verdict(c); return v.finding !== null && v.suspect; }), { seed, numRuns: 600 });
  });

  test("the adult mirror of each mechanism passes", () => {
    fc.assert(fc.property(mustPass3, (c) => verdict(c).finding === null), { seed, numRuns: 600 });
  });

  test("the generators can fail: a film title, a teacher, a German 'im' are not claims; a pupil is", () => {
    const as = (text: string): GeneratedCase => ({ text, lang: "en", form: "x", carrier: "x", expect: "pass" });
    expect(verdict(as("I love the movie Sixteen Candles")).finding).toBeNull();
    expect(verdict(as("blew out 16 candles last night, send a bday pic")).finding).not.toBeNull();
    expect(verdict(as("I teach 10th grade english, long day")).finding).toBeNull();
    expect(verdict(as("bin im 5. Semester")).finding).toBeNull();
    expect(verdict(as("im 15 lol")).finding).not.toBeNull();
    expect(verdict(as("je vais avoir 15 euros de réduc")).finding).toBeNull();
  });
});
