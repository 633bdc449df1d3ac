/**
 * Age facts, unit by unit: who, the age or range, and how it was said. The generated property tests
 * (age-facts.property.test.ts) are the main proof; these pin the reader's decisions on hand-written cases.
 */
import { describe, expect, test } from "bun:test";
import { extractAgeFacts, type AgeFact } from "./age-facts.ts";
import { prepare } from "./text.ts";
import { assessMinorRisk } from "./detect.ts";

const facts = (text: string): Pick<AgeFact, "who" | "min" | "max" | "form">[] =>
  extractAgeFacts(prepare(text).s, { year: 2026 }).map(({ who, min, max, form }) => ({ who, min, max, form }));
const blocked = (text: string) => assessMinorRisk(text, { year: 2026 }).finding !== null;

describe("extractAgeFacts", () => {
  test("the speaker's age in six languages, digits and words, with a unit or without", () => {
    expect(facts("tengo dieciséis y tú?")).toEqual([{ who: "speaker", min: 16, max: 16, form: "number_word" }]);
    expect(facts("ich bin 14 jahre alt")).toEqual([{ who: "speaker", min: 14, max: 14, form: "digits" }]);
    expect(facts("tenho 45 anos")).toEqual([{ who: "speaker", min: 45, max: 45, form: "digits" }]);
  });

  test("second round: majority minus the wait, a mention is nobody's, a third person after a verb", () => {
    expect(facts("je serai majeur dans 2 ans")).toEqual([{ who: "speaker", min: 15, max: 16, form: "relative" }]);
    expect(facts("ich werde in 3 jahren volljährig")).toEqual([{ who: "speaker", min: 14, max: 15, form: "relative" }]);
    expect(facts("j'ai regardé Sweet Sixteen hier")).toEqual([{ who: "mention", min: 16, max: 16, form: "sweet16" }]);
    expect(facts("my sweet sixteen is saturday")).toEqual([{ who: "speaker", min: 16, max: 16, form: "sweet16" }]);
    expect(facts("meine nichte ist 15 und echt heiß")).toEqual([{ who: "third_person", min: 15, max: 15, form: "bracket" }]);
  });

  test("a year of birth becomes an age with the given year", () => {
    expect(facts("sono nata nel 2011")).toEqual([{ who: "speaker", min: 15, max: 15, form: "birth_year" }]);
    expect(extractAgeFacts(prepare("sono nata nel 2011").s, { year: 2030 })[0]?.min).toBe(19);
  });

  test("school years of other systems become age ranges; staff and an adult's past are not pupils", () => {
    expect(facts("je suis en 2e secondaire")).toEqual([{ who: "speaker", min: 13, max: 14, form: "school_year" }]);
    expect(facts("i'm in year 8")).toEqual([{ who: "speaker", min: 12, max: 13, form: "school_year" }]);
    expect(facts("ich geh aufs gymnasium")[0]).toMatchObject({ who: "speaker", form: "school_year" });
    expect(facts("i teach year 8")[0]).toMatchObject({ who: "staff" });
    expect(facts("j'ai eu mon brevet en 1994")[0]).toMatchObject({ who: "speaker_past", form: "exam" });
  });

  test("a third person's age in brackets, apposition or a compound", () => {
    expect(facts("mon amie (14) adore tes vidéos")).toEqual([{ who: "third_person", min: 14, max: 14, form: "bracket" }]);
    expect(facts("mein bruder, sechzehn, will dich sehen")).toEqual([{ who: "third_person", min: 16, max: 16, form: "bracket" }]);
  });

  test("durations, ordinals, prices and counts are not ages", () => {
    for (const text of ["ça fait 14 ans que je te suis", "ta 2nde vidéo est folle", "je suis en 2nde année de master", "15 € la photo ?", "llevo 16 años en esta empresa", "ich hab 15 fotos von dir"]) {
      expect(facts(text).filter((f) => f.min < 18 && f.who === "speaker")).toEqual([]);
    }
  });
});

describe("decisions from age facts", () => {
  test("interest in an age under 18, in several wordings and languages, is blocked", () => {
    for (const text of ["tu sortirais avec un mec de 16 ans ?", "would you date a 15 year old", "te gustan las de 15?", "magst du 14-jährige?"]) expect(blocked(text)).toBe(true);
  });

  test("an unnamed person under 18 in a question to the persona is interest; the same with an adult age passes", () => {
    for (const text of ["ti attizzano i sedicenni?", "do u like younger boys, like 15?", "curtiria um menino de 16 anos?", "are 16 year old boys your type?"]) expect(blocked(text)).toBe(true);
    for (const text of ["ti piacciono i quarantenni?", "do u like guys who are 25?", "mes enfants de 14 et 16 ans sont chez leur mère ce week-end"]) expect(blocked(text)).toBe(false);
  });

  test("an adult telling his school days as history is not a pupil", () => {
    for (const text of ["le brevet ? je l'ai eu en 89 haha", "I did 8th grade twice lol, long time ago", "aprobé la ESO en el 2003", "moi en seconde j'avais des boutons, maintenant j'ai 45 ans"]) expect(blocked(text)).toBe(false);
    expect(blocked("j'ai passé le brevet hier, trop dur")).toBe(true);
  });

  test("a third person under 18 with sexual words of another language is blocked; without, it passes", () => {
    expect(blocked("mi hermana tiene 15 años y está muy buena")).toBe(true);
    expect(blocked("mi hermana tiene 15 años y está en Madrid")).toBe(false);
  });
});
