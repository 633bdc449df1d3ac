/**
 * The main proof of the minors lexicon (issue #14): generated messages, not phrasings. An age under 18 written
 * any way (digits in any dress, number words of six languages with typos, years of birth, candles, legal
 * status, school years) in any carrier (claim, third person, role-play, persona's past, interest) is stopped;
 * the mirror image (adult ages, durations, ordinals, prices, counts, distances, school staff) passes.
 * Seeded: a failure prints its seed and shrunk case; replay with FC_SEED=<seed>.
 */
import { describe, expect, test } from "bun:test";
import fc from "fast-check";
import { GENERATED_YEAR, mustPass, mustStop, type GeneratedCase } from "../corpus/generated.ts";
import { assessMinorRisk } from "./detect.ts";

const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : 20261214;
const runs = 600;
const verdict = (c: GeneratedCase) => assessMinorRisk(c.text, { year: GENERATED_YEAR });

describe("minors lexicon on generated messages", () => {
  test("an age under 18, however written, in any carrier and language, is stopped", () => {
    fc.assert(fc.property(mustStop, (c) => verdict(c).finding !== null), { seed, numRuns: runs });
  });

  test("every stopped generated message is also suspect (what a guard-model outage deflects)", () => {
    fc.assert(fc.property(mustStop, (c) => verdict(c).suspect), { seed, numRuns: 200 });
  });

  test("adult ages, durations, ordinals, prices, counts, distances and school staff pass", () => {
    fc.assert(fc.property(mustPass, (c) => verdict(c).finding === null), { seed, numRuns: runs });
  });

  test("the generators can fail: an adult age in a stop carrier is not stopped", () => {
    expect(verdict({ text: "hola tengo 35 años y tú?", lang: "es", form: "digits", carrier: "claim", expect: "pass" }).finding).toBeNull();
    expect(verdict({ text: "hola tengo 15 años y tú?", lang: "es", form: "digits", carrier: "claim", expect: "stop" }).finding).not.toBeNull();
  });
});
