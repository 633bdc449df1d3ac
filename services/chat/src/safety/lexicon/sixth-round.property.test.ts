/**
 * Issue #14, sixth round: the families part 7b showed wider than their readers, as generated cases
 * (corpus/generated-6.ts) — an age unit singular or one edit off after a number in any dress, ranges with slang
 * units, the persona's past as a range, content for minors, a third person's year of birth, arithmetic inside a
 * role frame, school life done to the speaker, age-rated films, a birth told by an event, stages of adolescence —
 * each with its mirror: adult ages, parents speaking of their children, an adult's school memory told with the
 * years since, content for adults, durations. Seeded; FC_SEED replays.
 */
import { describe, expect, test } from "bun:test";
import fc from "fast-check";
import { GENERATED_YEAR, type GeneratedCase } from "../corpus/generated.ts";
import { mustPass6, mustStop6, parentsSpeaking6, texting } from "../corpus/generated-6.ts";
import { isAgeUnit } from "./age-units.ts";
import { assessMinorRisk } from "./detect.ts";
import { numberValue } from "./numbers.ts";

const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : 20261207;
const verdict = (c: GeneratedCase) => assessMinorRisk(c.text, { year: GENERATED_YEAR });
const blocks = (text: string) => assessMinorRisk(text, { year: GENERATED_YEAR }).finding !== null;

describe("minors lexicon, sixth-round mechanisms on generated messages", () => {
  test("an age under 18 said through each mechanism is stopped, and is suspect", () => {
    fc.assert(fc.property(mustStop6, (c) => { const v = verdict(c); return v.finding !== null && v.suspect; }), { seed, numRuns: 800 });
  });

  test("the adult mirror of each mechanism passes", () => {
    fc.assert(fc.property(mustPass6, (c) => verdict(c).finding === null), { seed, numRuns: 800 });
  });

  test("a parent naming the age rating his child is kept from passes", () => {
    fc.assert(fc.property(parentsSpeaking6, (c) => verdict(c).finding === null), { seed, numRuns: 200 });
  });

  test("the generators can fail: units are read within one edit, real words are not units, times are not ages", () => {
    for (const unit of ["an", "anz", "anu", "ano", "anno", "jahr", "jare", "anos"]) expect(isAgeUnit(unit)).toBe(true);
    for (const word of ["and", "any", "ago", "am", "amor", "jour", "just", "yes"]) expect(isAgeUnit(word)).toBe(false);
    expect(numberValue(texting("quatorze"))).toBe(14);
    expect(numberValue(texting("trece"))).toBe(13);
    expect(blocks("g kinz an et je veu te voir toute nu")).toBe(true);
    expect(blocks("ça fait quinze an que je te suis, envoie une photo")).toBe(false); // a time, in any spelling
    expect(blocks("15 years in the army taught me patience, send pics")).toBe(false); // "years" is a unit only after "I am"
    expect(blocks("im fiftin yrs send nudes")).toBe(true);
    expect(blocks("ho tra i 14 e i 16 anni, mandami foto")).toBe(true);
    expect(blocks("i make sixteen an hour, send pics")).toBe(false);
    expect(blocks("ma vidéo de la douche est à 15 €, tu veux que je te l'envoie ?")).toBe(false);
    expect(blocks("on s'est connus en seconde, ça fait 2 ans, envoie un nude")).toBe(true); // 2 years since: still a pupil
    expect(blocks("tu fais du contenu pour adultes ?")).toBe(false);
    expect(blocks("haces contenido para menores si pagan?")).toBe(true);
    expect(assessMinorRisk("ma femme est CPE, envoie une photo").suspect).toBe(false); // staff, not a pupil
    expect(blocks("mein klassenlehrer hat mich angeschrien, schick was heißes")).toBe(true); // staff acting on the speaker
    expect(blocks("mein sohn darf noch nicht in filme ab 16, schick was heißes")).toBe(false); // a parent's child, no sexual word about him
  });
});
