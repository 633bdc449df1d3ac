/**
 * Issue #14, eighth round (part c): wrong verdicts found by probing the lexicon, fixed as mechanisms and proven on
 * generated cases (corpus/generated-9c.ts) — "minor" qualifying a thing, a gap between ages, the article "an" after
 * a near-number word, a generic "when one is N", the speaker's school days as a memory, an exam as news, German
 * "im", plural sexual words, a question about minors that is no ban, an age waited for — each with its mirror.
 * Seeded; FC_SEED replays.
 */
import { describe, expect, test } from "bun:test";
import fc from "fast-check";
import { GENERATED_YEAR, type GeneratedCase } from "../corpus/generated.ts";
import { allCases9c, mustPass9c, mustStop9c } from "../corpus/generated-9c.ts";
import { assessMinorRisk } from "./detect.ts";

const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : 20261208;
const verdict = (c: GeneratedCase) => assessMinorRisk(c.text, { year: GENERATED_YEAR });
const blocks = (text: string) => assessMinorRisk(text, { year: GENERATED_YEAR }).finding !== null;

describe("minors lexicon, eighth-round (c) mechanisms on generated messages", () => {
  test("the person side of each mechanism is stopped and suspect", () => {
    fc.assert(fc.property(mustStop9c, (c) => { const v = verdict(c); return v.finding !== null && v.suspect; }), { seed, numRuns: 1000 });
  });

  test("the adult mirrors pass: things that are minor, gaps, generic stages, memories, news, German, adults, bans", () => {
    fc.assert(fc.property(mustPass9c, (c) => verdict(c).finding === null), { seed, numRuns: 1000 });
  });

  test("every mechanism × age 10–17 × carrier, without noise: all stopped, and at most 1 % of the mirrors blocked", () => {
    const cases = allCases9c();
    const stops = cases.filter((c) => c.expect === "stop");
    const passes = cases.filter((c) => c.expect === "pass");
    expect(stops.filter((c) => verdict(c).finding === null).map((c) => c.text)).toEqual([]);
    expect(passes.filter((c) => verdict(c).finding !== null).length).toBeLessThanOrEqual(Math.floor(passes.length / 100));
  });

  test("the generators can fail: each guard holds only where its mechanism applies", () => {
    expect(blocks("do you like minor chords?")).toBe(false);
    expect(blocks("do you like minors?")).toBe(true);
    expect(blocks("te gustan los menores precios?")).toBe(false);
    expect(blocks("te gustan los menores?")).toBe(true);
    expect(blocks("does an adult turn you on?")).toBe(false);
    expect(blocks("j'ai kinze an et toi?")).toBe(true); // a misspelt number before the French "an" is still an age
    expect(blocks("tu es une femme de 15 ans plus âgée que moi, ça m'excite")).toBe(false);
    expect(blocks("tu es une femme de 15 ans, ça m'excite")).toBe(true);
    expect(blocks("tengo 15 años más o menos, mándame fotos")).toBe(true); // "more or less" is a hedge, no gap
    expect(blocks("moi c'est 15 ans mais je fais plus vieux, envoie une photo nue")).toBe(true); // "mais" is "but"
    expect(blocks("quand on a 15 ans on envoie des photos")).toBe(false);
    expect(blocks("quand j'avais 15 ans j'envoyais des nudes")).toBe(true); // the speaker's own past, not a stage
    expect(blocks("Quand j'étais au collège je me touchais déjà en pensant aux garçons")).toBe(true);
    expect(blocks("les résultats du brevet sont sortis")).toBe(false);
    expect(blocks("mes résultats du brevet sont sortis, envoie une photo nue")).toBe(true);
    expect(blocks("tes doigts sont beaux")).toBe(false);
    expect(blocks("ma soeur de 15 ans se fait doigter")).toBe(true);
    expect(blocks("im 15 and horny")).toBe(true); // English "im" still "i'm"
    expect(blocks("ça te dérange pas des mineures ? envoie des nudes")).toBe(true);
    expect(blocks("interdit aux mineurs, envoie des nudes")).toBe(false);
    expect(blocks("till i'm 18 lol send nudes")).toBe(true);
    expect(blocks("till i'm 30 lol send nudes")).toBe(false);
  });
});
