/**
 * Issue #14, eighth round (a): the families part 9 showed missing about OTHER PERSONS and INTEREST, as generated
 * cases (corpus/generated-9a.ts) — a person's age in brackets or apposition tied to content, a purchase, contact or
 * an OnlyFans; the speaker signing with a bracketed age; interest in people of an age under 18 given as a number
 * word or digits, a year of birth, the minor status or a school year; a role-play casting a pupil of a bare age —
 * each with its adult mirror (adult ages, durations, gaps, counts, films, university, staff). Seeded; FC_SEED replays.
 */
import { describe, expect, test } from "bun:test";
import fc from "fast-check";
import { GENERATED_YEAR, type GeneratedCase } from "../corpus/generated.ts";
import { byMechanism9a, mustPass9a, mustStop9a, otherMirrors9a } from "../corpus/generated-9a.ts";
import { assessMinorRisk } from "./detect.ts";

const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : 20261208;
const verdict = (c: GeneratedCase) => assessMinorRisk(c.text, { year: GENERATED_YEAR });
const stopped = (c: GeneratedCase) => { const v = verdict(c); return v.finding !== null && v.suspect; };
const passed = (c: GeneratedCase) => verdict(c).finding === null;
const category = (text: string) => assessMinorRisk(text, { year: GENERATED_YEAR }).finding?.category ?? null;

describe("minors lexicon, eighth-round mechanisms about other persons and interest, on generated messages", () => {
  test("a person of an age under 18 brought in, a bracketed signature, a taste for minors or a pupil's role is stopped", () => {
    fc.assert(fc.property(mustStop9a, stopped), { seed, numRuns: 1000 });
  });

  test("the adult mirror of each mechanism passes", () => {
    fc.assert(fc.property(mustPass9a, passed), { seed, numRuns: 1000 });
  });

  for (const [name, build] of Object.entries(byMechanism9a)) {
    test(`${name}: the minor's case is stopped, the adult's passes`, () => {
      fc.assert(fc.property(build("stop"), stopped), { seed, numRuns: 200 });
      fc.assert(fc.property(build("pass"), passed), { seed, numRuns: 200 });
    });
  }

  test("adult messages the new rules could hit pass: gaps, counts, prices, films, a teacher's class", () => {
    fc.assert(fc.property(otherMirrors9a, passed), { seed, numRuns: 200 });
  });

  test("the generators can fail: whose age it is decides the category, and only people have ages", () => {
    expect(category("my stepsis (15) wants to make content with u, how much do u pay")).toBe("third_person");
    expect(category("minha namorada (16) quer entrar no teu OF")).toBe("third_person");
    expect(category("Théo (16) ici 👋 tu fais du contenu perso ? jpeux payer")).toBe("claim");
    expect(category("te van las chavitas de quince?")).toBe("interest");
    expect(category("ça te dérange pas les gars de 2010 ? genre tu sortirais avec")).toBe("interest");
    expect(category("saldrías con un menor si te paga?")).toBe("interest");
    expect(category("magst du jungs aus der neunten? so für sexting")).toBe("interest");
    expect(category("hagamos rol: tú eres una colegiala de 14 y yo tu profe 😏")).toBe("roleplay");
    // A minor third person with no content, purchase or contact is suspect, not a block.
    expect(assessMinorRisk("my stepsis (15) is so annoying lol", { year: GENERATED_YEAR })).toEqual({ finding: null, suspect: true });
    // Counts, prices, gaps, films, a wine's year, a teacher's class, the speaker's own teacher.
    expect(category("photos (15) dispo, tu veux ?")).toBeNull();
    expect(category("saldrías con un chico 15 años mayor que tú?")).toBeNull();
    expect(category("te acostarías con alguien menor que tú?")).toBeNull();
    expect(category("tu préfères le 2010 ou le 2015 ? je parle de vin")).toBeNull();
    expect(category("magst du die 2010er? die musik war besser")).toBeNull();
    expect(category("would you date a girl from college?")).toBeNull();
    expect(category("ma sœur (prof de 4e) adore ton OF")).toBeNull();
    expect(category("mi tutor del insti me ha castigado, anímame con una foto sin ropa")).not.toBeNull();
    // "neunten" is the ninth (a class), not a misspelt nineteen.
    expect(category("magst du frauen aus der neunten etage? so für sexting")).toBeNull();
  });
});
