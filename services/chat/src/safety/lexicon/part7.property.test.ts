/**
 * Issue #14, part 7: the part-7 readers (age-units.ts, appositions.ts, arithmetic.ts, handles.ts, rites-statuses.ts)
 * on generated messages (corpus/generated-7.ts) — an age under 18 in any dress, bound to a unit of any of six
 * languages, hedged or as a range, carried by a role noun, a self-introduction, arithmetic, a handle, a rite or a
 * status, must block and be suspect; each adult mirror must pass. Seeded; FC_SEED replays.
 */
import { describe, expect, test } from "bun:test";
import fc from "fast-check";
import { GENERATED_YEAR, type GeneratedCase } from "../corpus/generated.ts";
import { mustPass7, mustStop7 } from "../corpus/generated-7.ts";
import { extractAgeFacts } from "./age-facts.ts";
import { assessMinorRisk } from "./detect.ts";
import { normalizeForLexicon } from "./normalize.ts";

const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : 20261207;
const verdict = (c: GeneratedCase) => assessMinorRisk(c.text, { year: GENERATED_YEAR });
const facts = (text: string, year = GENERATED_YEAR) => extractAgeFacts(normalizeForLexicon(text), { year });
const blocks = (text: string) => assessMinorRisk(text, { year: GENERATED_YEAR }).finding !== null;

describe("minors lexicon, part-7 readers on generated messages", () => {
  test("an age under 18 through each part-7 reader is stopped, and is suspect", () => {
    fc.assert(fc.property(mustStop7, (c) => { const v = verdict(c); return v.finding !== null && v.suspect; }), { seed, numRuns: 1000 });
  });

  test("the adult mirror of each reader passes", () => {
    fc.assert(fc.property(mustPass7, (c) => verdict(c).finding === null), { seed, numRuns: 1000 });
  });
});

describe("minors lexicon, part-7 readers: values and owners", () => {
  test("a number in dress reads as its value, a range as its bounds", () => {
    expect(facts("tengo 1 5 añ0s").some((f) => f.who === "speaker" && f.min === 15)).toBe(true);
    expect(facts("j'ai s3ize 4ns").some((f) => f.who === "speaker" && f.min === 16)).toBe(true);
    expect(facts("2x8 ans").some((f) => f.min === 16)).toBe(true);
    expect(facts("j'ai q-u-i-n-z-e ans").some((f) => f.min === 15)).toBe(true);
    // A range keeps its youngest age (dress.ts): what counts for a minors guard.
    expect(facts("tenho uns 14, 15 anos").some((f) => f.who === "speaker" && f.min === 14)).toBe(true);
    expect(facts("bin so 14 15, egal").some((f) => f.who === "speaker" && f.min === 14 && f.max === 15)).toBe(true);
    expect(facts("moins de 18 mais plus de 15").some((f) => f.min === 16 && f.max === 17)).toBe(true);
  });

  test("a year of birth told by a public event is read against the injected year", () => {
    expect(facts("je suis né l'année où Hollande a été élu", 2026).some((f) => f.who === "speaker" && f.min === 14)).toBe(true);
    expect(facts("je suis né l'année où Hollande a été élu", 2031).some((f) => f.min < 18)).toBe(false);
    expect(facts("born the year of the Brazil World Cup", 2026).some((f) => f.min === 12)).toBe(true);
  });

  test("whose age: a person noun before it, the persona, the speaker", () => {
    expect(facts("mein kumpel ist 14 und will nudes").map((f) => f.who)).toContain("third_person");
    expect(facts("tu sei una studentessa di 15 anni").map((f) => f.who)).toContain("persona");
    expect(facts("mon fils a 15 ans").some((f) => f.who === "speaker" && f.min < 18)).toBe(false);
    expect(facts("ajoute ma petite soeur sur insta @ines.2012").some((f) => f.who === "third_person" && f.min === 14)).toBe(true);
  });

  test("years of birth and graduation are read against the injected year, so the tests never rot", () => {
    expect(facts("snap: leon.2010", 2026).some((f) => f.min === 16)).toBe(true);
    expect(facts("snap: leon.2010", 2030).some((f) => f.min < 18)).toBe(false);
    expect(facts("my email is tyler.class.of.2028@gmail.com", 2026).some((f) => f.min === 16 && f.max === 17)).toBe(true);
    expect(facts("faço 18 só em 2028", 2026).some((f) => f.min === 15 && f.max === 16)).toBe(true);
  });

  test("an answer to the age question in any language's number word is a claim; a count is not, nor the word alone", () => {
    const asked = { previousAssistant: "Et toi, t'as quel âge ? 😘", year: GENERATED_YEAR };
    for (const text of ["quince jaja no se lo digas a nadie, mándame algo", "sedici, e tu?", "vierzehn lol", "catorze kkk"]) expect([text, assessMinorRisk(text, asked).finding?.category]).toEqual([text, "claim"]);
    expect(assessMinorRisk("quince fotos por 20 euros?", asked).finding).toBeNull();
    expect(assessMinorRisk("veintiocho jaja", asked).finding).toBeNull();
    expect(blocks("quince jaja no se lo digas a nadie")).toBe(false);
  });

  test("content 'for minors' is asked, content 'not for minors' excludes them", () => {
    expect(blocks("tu fais des customs sexy pour les mineurs si ils paient ?")).toBe(true);
    expect(blocks("tu vends des nudes pour les mineurs aussi ?")).toBe(true);
    for (const text of ["ton contenu hot c'est pas pour les mineurs hein", "tes vidéos sexy sont interdites pour les mineurs j'espère", "vidéos hot déconseillées pour les mineurs lol, envoie"]) expect([text, blocks(text)]).toEqual([text, false]);
  });

  test("durations, counts, titles and adults' memories pass even with sexual words", () => {
    for (const text of [
      "je bosse ici depuis 14 ans, envoie un nude", "sono sposato da 16 anni, mandami una foto nuda", "hace 15 años que te sigo, pásame un pack",
      "moi c'est marc, 16 ans de mariage et toujours chaud, envoie une photo", "c'est la 15e fois que je te demande un nude",
      "watched Sixteen Candles last night lol, send nudes", "i can't drive tonight, i'm drunk lol, send a nude", "j'ai fait ma profession de foi en 1992, envoie un nude",
      "mon insta c'est marc.1985, envoie des nudes", "t'as couché avec des 20-25 ?",
    ]) expect([text, blocks(text)]).toEqual([text, false]);
  });
});
