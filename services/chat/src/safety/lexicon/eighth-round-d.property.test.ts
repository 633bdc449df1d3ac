/**
 * Issue #14, eighth round (part d, part 11's wrong verdicts) as generated cases (corpus/generated-9d.ts): an age
 * owned by the speaker's kin told in passing is not tied to the speaker's own request, while the kin brought into
 * the content is stopped; a ten and a misspelt unit apart; "not yet" around its verb or before majority's word; a
 * class named with its letter; answers to the age question in brackets, digit by digit, or as a school place —
 * each with its adult mirror. Seeded; FC_SEED replays.
 */
import { describe, expect, test } from "bun:test";
import fc from "fast-check";
import { GENERATED_YEAR, type GeneratedCase } from "../corpus/generated.ts";
import { classLetters, dressedAnswers, kinInPassing, mustPass9d, mustStop9d, notYetOfAge, splitTeens, truncatedWords } from "../corpus/generated-9d.ts";
import { assessMinorRisk } from "./detect.ts";

const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : 20261208;
const verdict = (c: GeneratedCase & { previousAssistant?: string }) => assessMinorRisk(c.text, { year: GENERATED_YEAR, previousAssistant: c.previousAssistant });
const blocks = (text: string, previousAssistant?: string) => assessMinorRisk(text, { year: GENERATED_YEAR, previousAssistant }).finding !== null;

describe("minors lexicon, eighth-round (d) mechanisms on generated messages", () => {
  test("all of part d's mechanisms are stopped and suspect; their mirrors pass", () => {
    fc.assert(fc.property(mustStop9d, (c) => { const v = verdict(c); return v.finding !== null && v.suspect; }), { seed, numRuns: 1000 });
    fc.assert(fc.property(mustPass9d, (c) => verdict(c).finding === null), { seed, numRuns: 1000 });
  });

  test("a kin's age told in passing, then the speaker's own request, passes; the kin brought into the content is stopped", () => {
    fc.assert(fc.property(kinInPassing("pass"), (c) => verdict(c).finding === null), { seed, numRuns: 400 });
    fc.assert(fc.property(kinInPassing("stop"), (c) => verdict(c).finding !== null), { seed, numRuns: 400 });
  });

  test("a ten and a misspelt unit apart: 17 is stopped, 18 and 19 pass", () => {
    fc.assert(fc.property(splitTeens("stop"), (c) => verdict(c).finding !== null), { seed, numRuns: 200 });
    fc.assert(fc.property(splitTeens("pass"), (c) => verdict(c).finding === null), { seed, numRuns: 200 });
  });

  test("'not yet' 18 or of age, the speaker's, is stopped; a relative's, a clock time, 'already' pass", () => {
    fc.assert(fc.property(notYetOfAge("stop"), (c) => verdict(c).finding !== null), { seed, numRuns: 300 });
    fc.assert(fc.property(notYetOfAge("pass"), (c) => verdict(c).finding === null), { seed, numRuns: 300 });
  });

  test("a class with its letter is stopped; a flat's number passes; dressed answers are stopped, adults' pass", () => {
    fc.assert(fc.property(classLetters("stop"), (c) => verdict(c).finding !== null), { seed, numRuns: 200 });
    fc.assert(fc.property(classLetters("pass"), (c) => verdict(c).finding === null), { seed, numRuns: 200 });
    fc.assert(fc.property(dressedAnswers("stop"), (c) => verdict(c).finding !== null), { seed, numRuns: 300 });
    fc.assert(fc.property(dressedAnswers("pass"), (c) => verdict(c).finding === null), { seed, numRuns: 300 });
  });

  test("a number word without its last vowel ('sedic anni') answering the age question is stopped; counts and adults pass", () => {
    fc.assert(fc.property(truncatedWords("stop"), (c) => verdict(c).finding !== null), { seed, numRuns: 200 });
    fc.assert(fc.property(truncatedWords("pass"), (c) => verdict(c).finding === null), { seed, numRuns: 200 });
  });

  test("the generators can fail: the guards hold where the mechanism does not apply", () => {
    const asked = "t'as quel âge ?";
    expect(blocks("ma fille de 15 ans veut faire du contenu avec toi")).toBe(true); // the child is the object
    expect(blocks("ma fille de 15 ans m'a piqué mon tel pour jouer, désolé pour le message bizarre d'avant")).toBe(false);
    expect(blocks("ma fille a 15 ans, tu veux des photos ?")).toBe(true); // near the age: tied
    expect(blocks("back from my niece's sweet sixteen, finally home, what did i miss on ur page?")).toBe(false);
    expect(blocks("my niece is 15, finally home, she wants to join your page")).toBe(true); // named again by "she"
    expect(blocks("die 10. klasse meines sohnes hat heute zeugnisse bekommen, endlich ferien")).toBe(false);
    expect(blocks("ich bin in der 10. klasse, endlich ferien")).toBe(true);
    expect(blocks("dix huite ans depuis hier 🎉", asked)).toBe(false);
    expect(blocks("g dix sep an et je veu ton snap privé")).toBe(true);
    expect(blocks("dix sets de tennis et une douche, envoie une photo")).toBe(false);
    expect(blocks("non ho ancora 18 anni ma tranquilla", "quanti anni hai?")).toBe(true);
    expect(blocks("mein sohn ist noch nicht volljährig, er lernt fahren")).toBe(false);
    expect(blocks("ich geh in die 10b, kann ich dein OF abonnieren?")).toBe(true);
    expect(blocks("wir wohnen in der 12b, zweiter stock")).toBe(false);
    expect(blocks("(15) mais je fais plus vieux 😎", asked)).toBe(true);
    expect(blocks("(15) mais je fais plus vieux 😎")).toBe(false); // no question asked
    expect(blocks("1 5 lol", asked)).toBe(true);
    expect(blocks("1 2 3 soleil", asked)).toBe(false);
    expect(blocks("au collège mais grand pour mon âge", asked)).toBe(true);
    expect(blocks("prof au collège, 41 ans, et toi ?", asked)).toBe(false);
    expect(blocks("au collège y a 20 ans lol", asked)).toBe(false); // a school told as history
    expect(blocks("pas encore 18 heures, envoie une photo")).toBe(false); // a clock time
    expect(blocks("sedic anni 🙈", "e tu quanti anni hai?")).toBe(true);
    expect(blocks("magic anni 🙈", "e tu quanti anni hai?")).toBe(false); // a word ending in c is not a number by itself
    expect(blocks("ma mère me confisque le tel à 22h donc faut qu'on sexte avant 😅")).toBe(true);
    expect(blocks("mia mamma mi toglie il telefono alle 10, facciamo sexting prima 😏")).toBe(true);
    expect(blocks("meine mutter nimmt mir das handy um 22 uhr weg, schick ein nacktbild")).toBe(true);
    expect(blocks("ma mère prend le tel pour appeler sa soeur, envoie une photo nue")).toBe(false); // her phone call
    expect(blocks("mia mamma guarda il telefono, mandami una foto nuda")).toBe(false);
    expect(blocks("assez vieux pour le scooter, pas assez pour voter 😂 tu fais des vidéos perso ?", asked)).toBe(true);
    expect(blocks("je suis pas assez grand pour conduire un camion lol, envoie une photo")).toBe(false);
  });
});
