/**
 * Issue #14, seventh round: the families part 8 showed missing, as generated cases (corpus/generated-8.ts) — an age
 * in a dress (circled digit, Roman numeral, "1" glued to a digit word, digits and unit spelt letter by letter), an
 * age as a sum (minus, half, double), a date of birth d/m/yyyy, majority next year or a wait after the site's 18
 * is named, school life opening the message or a school level of each language, the answer to the age question opening a longer
 * message — each with its adult mirror, and parents and staff speaking of a child with no sexual word. Seeded;
 * FC_SEED replays.
 */
import { describe, expect, test } from "bun:test";
import fc from "fast-check";
import { GENERATED_YEAR, type GeneratedCase } from "../corpus/generated.ts";
import { AGE_QUESTION, askedAnswers, mustPass8, mustStop8, parentsSpeaking8 } from "../corpus/generated-8.ts";
import { assessMinorRisk } from "./detect.ts";
import { normalizeForLexicon } from "./normalize.ts";

const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : 20261207;
const verdict = (c: GeneratedCase) => assessMinorRisk(c.text, { year: GENERATED_YEAR });
const blocks = (text: string, previousAssistant?: string) => assessMinorRisk(text, { year: GENERATED_YEAR, previousAssistant }).finding !== null;

describe("minors lexicon, seventh-round mechanisms on generated messages", () => {
  test("an age under 18 in a dress, as a sum, a date of birth or a wait, or school life, is stopped, and is suspect", () => {
    fc.assert(fc.property(mustStop8, (c) => { const v = verdict(c); return v.finding !== null && v.suspect; }), { seed, numRuns: 800 });
  });

  test("the adult mirror of each mechanism passes (\"le double de 15 ans\" is 30)", () => {
    fc.assert(fc.property(mustPass8, (c) => verdict(c).finding === null), { seed, numRuns: 800 });
  });

  test("an answer to the age question opening a longer message is stopped; an adult's passes", () => {
    fc.assert(fc.property(askedAnswers("stop"), ([, text]) => blocks(text, AGE_QUESTION)), { seed, numRuns: 300 });
    fc.assert(fc.property(askedAnswers("pass"), ([, text]) => !blocks(text, AGE_QUESTION)), { seed, numRuns: 300 });
  });

  test("a parent speaking of his child, or staff invigilating an exam, with no sexual word, passes", () => {
    fc.assert(fc.property(parentsSpeaking8, (c) => verdict(c).finding === null), { seed, numRuns: 300 });
  });

  test("the generators can fail: the dresses are undressed, and only where they are dresses", () => {
    expect(normalizeForLexicon("j'ai ⑮ ans")).toBe("j'ai 15 ans");
    expect(normalizeForLexicon("jai XVI ans")).toBe("j'ai 16 ans");
    expect(normalizeForLexicon("j ai 1 5 a n s")).toBe("j'ai 15 ans");
    expect(normalizeForLexicon("ho 1sette anni")).toBe("ho 17 anni");
    expect(normalizeForLexicon("j'ai la moitié de 32 ans")).toBe("j'ai 16 ans");
    expect(normalizeForLexicon("j'ai le double de 15 ans")).toBe("j'ai 30 ans");
    expect(blocks("im fiveteen can u show me ur boobs pls")).toBe(true);
    expect(blocks("i'm sixteeen send nudes")).toBe(true);
    expect(blocks("im an 09 baby 😎 send something spicy")).toBe(true);
    expect(blocks("im a 90s baby send something spicy")).toBe(false);
    expect(blocks("moi c'est 2010 🤙 tu m'envoies un truc coquin ce soir ?")).toBe(true);
    expect(blocks("Louis XVI est mort, envoie une photo")).toBe(false); // a king, no age unit
    expect(blocks("j'ai 25 ans moins des soucis, envoie une photo")).toBe(false); // "des" is no fuzzy "dez"
    expect(blocks("g sez mé chu mature, envoi", AGE_QUESTION)).toBe(true);
    expect(blocks("g vu ta vidéo mais bon", AGE_QUESTION)).toBe(false);
    expect(blocks("15 minutes et je suis chez moi, on continue ?", AGE_QUESTION)).toBe(false);
    expect(blocks("j'ai fait le brevet blanc ce matin, envoie une photo hot")).toBe(true); // a pupil, not staff
    expect(blocks("estou no sexto ano, manda nude")).toBe(true);
    expect(blocks("meu filho está no sexto ano")).toBe(false); // "sexto" is sixth, not a sext
    expect(blocks("je passe le permis l'an prochain, envoie une photo")).toBe(false); // adults learn to drive too
    expect(blocks("darf erst in 2 jahren autofahren 😂 aber deine videos will ich jetzt")).toBe(true);
    expect(blocks("darf erst in 2 jahren wieder autofahren 😂 aber deine videos will ich jetzt")).toBe(false); // a suspended licence
    expect(blocks("j'ai 1 an d'abonnement, envoie une photo")).toBe(false); // a duration, not a toddler
  });
});
