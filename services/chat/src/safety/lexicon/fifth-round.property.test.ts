/**
 * Issue #14, fifth round: the mechanisms held-out part 6 showed missing, as generated cases (corpus/generated-5.ts)
 * — ages without a verb, ages against someone else's, ages in dress (letters spaced out, leetspeak, years in words
 * and in handles, ranges), life events, pupils as people of an age in a role-play, an elliptic age after an
 * interest question, a teen number word misspelt after its c — each with its adult mirror, and mirrors that keep
 * the minor's number but are no one's age. Seeded; FC_SEED replays.
 */
import { describe, expect, test } from "bun:test";
import fc from "fast-check";
import { GENERATED_YEAR, type GeneratedCase } from "../corpus/generated.ts";
import { misspeltAfterC, mustPass5, mustStop5 } from "../corpus/generated-5.ts";
import { assessMinorRisk } from "./detect.ts";
import { normalizeForLexicon } from "./normalize.ts";
import { numberValue } from "./numbers.ts";

const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : 20261207;
const verdict = (c: GeneratedCase) => assessMinorRisk(c.text, { year: GENERATED_YEAR });
const as = (text: string, expect: "stop" | "pass" = "pass"): GeneratedCase => ({ text, lang: "en", form: "x", carrier: "x", expect });

describe("minors lexicon, fifth-round mechanisms on generated messages", () => {
  test("an age under 18 said through each mechanism is stopped, and is suspect", () => {
    fc.assert(fc.property(mustStop5, (c) => { const v = verdict(c); return v.finding !== null && v.suspect; }), { seed, numRuns: 800 });
  });

  test("the adult mirror of each mechanism passes, and so does the minor's number when it is no one's age", () => {
    fc.assert(fc.property(mustPass5, (c) => verdict(c).finding === null), { seed, numRuns: 800 });
  });

  test("a teen number word with the vowel after its c changed is still the teen", () => {
    fc.assert(fc.property(misspeltAfterC, (c) => verdict(c).finding !== null), { seed, numRuns: 300 });
  });

  test("the generators can fail: dress is undressed only where it hides a number or a year", () => {
    expect(normalizeForLexicon("i'm s i x t e e n")).toBe("i'm 16");
    expect(normalizeForLexicon("y a t il qqn")).toBe("y a t il qqn"); // three letters that are no number stay apart
    expect(normalizeForLexicon("im 51x733n")).toBe("i'm 16");
    expect(normalizeForLexicon("on se voit a 15h30 pour le 4x4")).toContain("15h30");
    expect(normalizeForLexicon("ajoute moi sur snap : lucas.2011")).toContain("handle year 2011");
    expect(verdict(as("écris à contact.paris2024@gmail.com pour le pack")).finding).toBeNull(); // no one is two years old
    expect(normalizeForLexicon("on a gagné 16 à 14")).toContain("16 a 14"); // a score, not a range
    expect(numberValue("treca")).toBe(13);
    expect(numberValue("poca")).toBeUndefined();
    // A number word keeps its first letter: "heiß" (→ "eis") is not "seis"/"seize" one letter short.
    for (const hot of ["du bist heiß 🔥", "bin so heiß auf dich", "ich weiß, du bist heiß", "der Preis ist heiß"]) expect(verdict(as(hot)).finding).toBeNull();
    expect(verdict(as("team 2025 on a gagné le tournoi")).finding).toBeNull(); // a season, not a cohort of one-year-olds
    expect(verdict(as("j'ai eu 18 ans en mars")).finding).toBeNull();
    expect(verdict(as("à 16 ans j'ai passé mon BSR, maintenant j'ai 40 ans")).finding).toBeNull();
    expect(verdict(as("en 2 ans de moins que prévu on a fini la maison")).finding).toBeNull();
    expect(verdict(as("still 16 tho, send pics", "stop")).finding).not.toBeNull();
  });
});
