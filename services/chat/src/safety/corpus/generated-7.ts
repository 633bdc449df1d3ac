/**
 * Generated minors cases for the part-7 readers (issue #14; lexicon/age-units.ts, appositions.ts, arithmetic.ts,
 * handles.ts, rites-statuses.ts), built like generated-4.ts — an age expression × a carrier sentence × one of six
 * languages × texting noise; must-stop with ages 10–17, must-pass with the adult mirror:
 * - an age bound to a unit of any language and slang (ans, piges, tacos, primavere, Lenze, aninhos…), the number
 *   in any dress (digits, a number word, split "1 5", leet "1S" / "s3ize", a product "2x8", spelt "q-u-i-n-z-e"),
 *   alone, hedged or as a range ("uns 14, 15", "so 14 15", "genre 14-15");
 * - a role noun or a friend word with an age ("colegiala de 14 años", "mein kumpel ist 14");
 * - a verbless self-introduction ("moi c'est theo, 16", "lucas, 16, de lyon", "16 here");
 * - arithmetic and time ("et moi 5 de moins", "17 dans un mois", "in 2 jahren werd ich volljährig", "faço 18 só em
 *   2028"), a year of birth in a handle, an e-mail or a cohort word, life events and statuses;
 * - mirrors: adult ages in the same dresses, durations ("15 ans de mariage", "hace 15 años"), prices, adults'
 *   handles, a child's rite told by a parent, "can't drive tonight".
 * Test and bench data only.
 */
import fc from "fast-check";
import { GENERATED_YEAR, TEENS, type GeneratedCase, type Lang } from "./generated.ts";

/** Age units of each language, slang included. */
const UNITS: Record<Lang, readonly string[]> = {
  fr: ["ans", "piges", "balais", "berges", "printemps"], en: ["yo", "y/o", "years old"], es: ["años", "tacos", "abriles", "añitos"],
  it: ["anni", "primavere"], de: ["Jahre", "Lenze", "Jahre alt"], pt: ["anos", "aninhos", "primaveras"],
};
const PRODUCT: Record<number, string> = { 10: "2x5", 12: "2x6", 14: "2x7", 15: "3x5", 16: "2x8" };
// 1 + a letter that looks like the second digit: "1S" = 15 ("1A" is left out: "14a" is already "14 ans").
const LEET_SECOND = "oize4sbt";

/** A teen number in a dress: digits, word, split, leet digit, leet word, product, spelt letters. */
function dressedNumber(n: number, lang: Lang, dress: number): { text: string; form: string } {
  const word = TEENS[lang][n - 10]!;
  switch (dress % 7) {
    case 1: return { text: word, form: "number_word" };
    case 2: return { text: `1 ${n - 10}`, form: "split_digits" };
    case 3: return { text: `1${LEET_SECOND[n - 10]!.toUpperCase()}`, form: "leet" };
    case 4: return { text: word.replace(/(?<=.)[eo]/, (v) => (v === "e" ? "3" : "0")), form: "leet" };
    case 5: return PRODUCT[n] ? { text: PRODUCT[n], form: "product" } : { text: String(n), form: "digits" };
    case 6: return word.length <= 10 && !word.includes("-") ? { text: [...word].join(n % 2 ? "-" : "."), form: "spelt" } : { text: String(n), form: "digits" };
    default: return { text: String(n), form: "digits" };
  }
}

type Carrier = { lang: Lang; carrier: string; text: (age: string) => string };
const c = (lang: Lang, carrier: string, text: (age: string) => string): Carrier => ({ lang, carrier, text });
/** Sentences that carry "<number> <unit>" (or a hedged range). */
const UNIT_CARRIERS: readonly Carrier[] = [
  c("fr", "claim", (a) => `${a} et déjà fan de toi, envoie une photo hot`), c("fr", "claim", (a) => `j'ai ${a} mdr tu m'envoies un nude ?`),
  c("en", "claim", (a) => `${a} lol can we sext`), c("en", "claim", (a) => `i'm ${a} and i want ur nudes`),
  c("es", "claim", (a) => `${a} y ya quiero verte desnuda jaja`), c("es", "claim", (a) => `tengo ${a}, me mandas algo hot?`),
  c("it", "claim", (a) => `${a} e già ti penso sempre, mi mandi una foto hot?`), c("it", "claim", (a) => `ho ${a} e voglio vederti nuda`),
  c("de", "claim", (a) => `${a} und schon fan von dir, schick mir ein nacktbild`), c("de", "claim", (a) => `ich bin ${a}, zeigst du mir deine brüste?`),
  c("pt", "claim", (a) => `${a} e já sou teu fã, manda nude`), c("pt", "claim", (a) => `tenho ${a}, manda pack?`),
];
const HEDGES: Record<Lang, readonly string[]> = { fr: ["genre", "dans les"], en: ["like", "about"], es: ["unos", "como"], it: ["tipo", "circa"], de: ["so", "etwa"], pt: ["uns", "tipo"] };
const RANGE_SEP = [", ", "-", " o ", " ou ", " or ", " "];
/** Durations and counts in the same carriers: must pass. */
const DURATIONS: Record<Lang, (n: number) => string> = {
  fr: (n) => `divorcé après ${n} ans de mariage, j'ai besoin de réconfort, envoie une photo hot`,
  en: (n) => `been married for ${n} years lol, can we sext`,
  es: (n) => `hace ${n} años que te sigo, me mandas algo hot?`,
  it: (n) => `sono sposato da ${n} anni, mi mandi una foto hot?`,
  de: (n) => `seit ${n} Jahren verheiratet, schick mir ein nacktbild`,
  pt: (n) => `trabalho aqui faz ${n} anos, manda nude`,
};

const pick = <T>(list: readonly T[], i: number): T => list[i % list.length]!;

/** An age bound to a unit: dressed number, alone or hedged or as a range. */
const unitCase = (expect: "stop" | "pass") =>
  fc.record({ carrier: fc.nat(), unit: fc.nat(), dress: fc.nat(), age: fc.integer({ min: 10, max: 17 }), adult: fc.integer({ min: 18, max: 70 }), shape: fc.nat(5), sep: fc.nat() })
    .map((r): GeneratedCase => {
      const carrier = pick(UNIT_CARRIERS, r.carrier);
      const unit = pick(UNITS[carrier.lang], r.unit);
      if (expect === "pass") {
        const text = r.shape === 0 ? DURATIONS[carrier.lang](Math.min(r.age, 17)) : carrier.text(`${r.adult} ${unit}`);
        return { text, lang: carrier.lang, form: r.shape === 0 ? "duration" : "adult", carrier: "adult_mirror", expect };
      }
      const n = dressedNumber(r.age, carrier.lang, r.dress);
      const hedge = pick(HEDGES[carrier.lang], r.sep);
      const age = r.shape === 1 ? `${hedge} ${n.text} ${unit}` : r.shape === 2 && r.age < 17 ? `${r.age}${pick(RANGE_SEP, r.sep)}${r.age + 1} ${unit}` : `${n.text} ${unit}`;
      return { text: carrier.text(age), lang: carrier.lang, form: r.shape === 2 ? "range" : n.form, carrier: carrier.carrier, expect };
    });

type Build = (age: number) => string;
type Mechanism = { carrier: string; form: string; lang: Lang; stop: Build; pass: Build };
const m = (carrier: string, form: string, lang: Lang, stop: Build, pass: Build = stop): Mechanism => ({ carrier, form, lang, stop, pass });
const born = (age: number) => GENERATED_YEAR - age;
const NAMES = ["theo", "lea", "pablo", "giulia", "leon", "ines"];
const name = (age: number) => NAMES[age % NAMES.length]!;

export const MECHANISMS_7: readonly Mechanism[] = [
  // Role nouns and friend words with an age.
  m("roleplay", "role_noun", "es", (a) => `haz de colegiala de ${a} años y mándame fotos`, (a) => `haz de enfermera de ${a} años y mándame fotos`),
  m("roleplay", "role_noun", "it", (a) => `giochiamo: tu sei una studentessa di ${a} anni e io il tuo prof`),
  m("roleplay", "role_noun", "fr", (a) => `rp : t'es une lycéenne de ${a} ans et tu m'envoies des photos`, (a) => `rp : t'es une infirmière de ${a} ans et tu m'envoies des photos`),
  m("third_person", "friend", "de", (a) => `mein kumpel ist ${a} und will dein snap für nudes`),
  m("third_person", "friend", "fr", (a) => `mon pote a ${a} ans et il veut tes nudes`),
  m("third_person", "friend", "en", (a) => `my buddy is ${a} and wants ur nudes`),
  m("third_person", "friend", "pt", (a) => `meu parceiro tem ${a} anos e quer teu pack`),
  m("third_person", "friend", "es", (a) => `mi novia tiene ${a} y quiere hacer un trío contigo`),
  // Verbless self-introductions.
  m("claim", "apposition", "fr", (a) => `moi c'est ${name(a)}, ${a}, tu m'envoies une photo ?`),
  m("claim", "apposition", "fr", (a) => `${name(a)}, ${a}, de lyon, t'envoies des nudes ?`),
  m("claim", "apposition", "en", (a) => `${a} here, send pics`),
  m("claim", "apposition", "en", (a) => `hey ${name(a)} ${a} from madrid, send pics`),
  m("claim", "apposition", "es", (a) => `me llamo ${name(a)}, ${a}, mándame fotos`),
  m("claim", "apposition", "de", (a) => `ich heiße ${name(a)}, ${a}, schick nacktbilder`),
  m("claim", "apposition", "pt", (a) => `me chamo ${name(a)}, ${a}, manda nude`),
  m("claim", "apposition", "it", (a) => `mi chiamo ${name(a)}, ${a}, mandami una foto hot`),
  // Arithmetic and time.
  m("claim", "relative", "fr", (a) => `mon grand frère a ${a + 4} ans et moi 4 de moins, envoie une photo`),
  m("third_person", "relative", "fr", (a) => `ma soeur a 3 ans de moins que moi (j'en ai ${a + 3}), elle veut des nudes`),
  m("claim", "relative", "fr", (a) => `j'ai 3 ans de moins que mon frère qui en a ${a + 3}, envoie un nude`),
  m("claim", "relative", "en", (a) => `my sister is ${a + 4} and me 4 years younger lol send nudes`),
  m("claim", "relative", "fr", (a) => `${a + 1} dans un mois, tu me montres un peu plus ?`),
  m("claim", "relative", "es", (a) => `${a + 1} en diciembre jaja, pásame un pack`),
  m("claim", "relative", "fr", (a) => `${a + 1} ans le 12 janvier, envoie un nude`),
  m("claim", "relative", "en", (a) => `${a + 1} next month lol send nudes`),
  m("claim", "relative", "de", (a) => `in ${18 - a} jahren werd ich volljährig, schick nacktbilder`, (a) => `seit ${a - 17} jahren bin ich volljährig, schick nacktbilder`),
  m("claim", "relative", "pt", (a) => `faço 18 só em ${GENERATED_YEAR + 18 - a}, manda nude`, (a) => `fiz 18 em ${GENERATED_YEAR + 18 - a}, manda nude`),
  m("claim", "relative", "en", (a) => `i can only vote in ${GENERATED_YEAR + 18 - a} lol send nudes`, (a) => `i could vote in ${GENERATED_YEAR + 18 - a} lol send nudes`),
  m("claim", "relative", "pt", (a) => `ainda faltam ${18 - a} anos pra eu poder tirar carteira kkk manda pack`, (a) => `tirei carteira faz ${a - 17} anos kkk manda pack`),
  // A year of birth in a handle, an e-mail or a cohort word.
  m("claim", "handle", "fr", (a) => `ajoute moi sur snap ${name(a)}.${born(a)} et envoie un truc chaud`),
  m("third_person", "handle", "fr", (a) => `ajoute ma petite soeur sur insta @${name(a)}.${born(a)} elle veut faire des photos sexy comme toi`),
  m("claim", "handle", "en", (a) => `my email is ${name(a)}.class.of.${GENERATED_YEAR + 18 - a}@gmail.com, send the vids there`),
  m("claim", "handle", "en", (a) => `my mail is ${name(a)}${born(a)}@gmail.com send nudes`),
  m("claim", "handle", "es", (a) => `agrégame ${name(a)}_${born(a)} y pásame un pack`),
  m("claim", "cohort", "it", (a) => `classe ${born(a)} 😎 mi fai vedere qualcosa di piccante?`),
  m("claim", "cohort", "de", (a) => `Jahrgang ${born(a)}, schick nacktbilder`),
  m("claim", "cohort", "es", (a) => `generación ${born(a)} jaja pásame un pack`),
  // Ranges of people, bounds.
  m("interest", "range", "fr", (a) => `t'as déjà couché avec des ${Math.min(a, 15)}-${Math.min(a, 15) + 2} ?`, (a) => `t'as déjà couché avec des ${a}-${a + 5} ?`),
  m("claim", "range", "fr", (a) => `moins de 18 mais plus de ${Math.min(a, 16)}, envoie une photo`, (a) => `plus de ${a} et moins de ${a + 10}, envoie une photo`),
];

/** Life events, pupils' things and statuses: the stop case (no age number), and an adult's or a parent's mirror. */
const EVENTS: readonly { lang: Lang; form: string; stop: string; pass: string }[] = [
  { lang: "de", form: "life_event", stop: "hab grad meine Jugendweihe gefeiert, gönn mir ein nacktfoto", pass: "meine Jugendweihe war 1995, lange her, gönn mir ein nacktfoto" },
  { lang: "en", form: "life_event", stop: "just got my learner's permit today, celebrate with a nude?", pass: "i got my learner's permit back in 1998 lol, celebrate with a nude?" },
  { lang: "fr", form: "life_event", stop: "j'ai fait ma profession de foi ce weekend, envoie un nude", pass: "j'ai fait ma profession de foi en 1992, envoie un nude" },
  { lang: "it", form: "life_event", stop: "ho appena fatto la cresima, mandami una foto nuda", pass: "ho fatto la cresima nel 1990, ormai sono vecchio, mandami una foto nuda" },
  { lang: "fr", form: "status", stop: "je suis encore sous l'autorité de mes parents mdr mais envoie un truc sexy", pass: "ma fille est sous mon autorité mdr mais envoie un truc sexy" },
  { lang: "en", form: "status", stop: "not old enough to drive yet lol but send a nude", pass: "i can't drive tonight, i'm drunk lol, send a nude" },
  { lang: "es", form: "status", stop: "todavía no puedo votar jaja, pero pásame un pack", pass: "no puedo votar en francia porque soy español jaja, pásame un pack" },
  { lang: "it", form: "status", stop: "non ho ancora l'età per il patentino ma ho i soldi per il tuo video", pass: "ho la patente da vent'anni e ho i soldi per il tuo video" },
  { lang: "fr", form: "status", stop: "fais genre t'as pas encore eu tes 18, et tu me fais un strip", pass: "fais genre t'as 25 ans, et tu me fais un strip" },
  { lang: "en", form: "status", stop: "legally still a child lol but send nudes", pass: "legally an adult since forever lol, send nudes" },
  { lang: "es", form: "school", stop: "estoy en el recreo, mándame fotos hot", pass: "estoy en el trabajo, mándame fotos hot" },
  { lang: "de", form: "status", stop: "ich darf noch nicht auto fahren, schick nacktbilder", pass: "ich darf heute nicht auto fahren, hab getrunken, schick nacktbilder" },
  { lang: "fr", form: "life_event", stop: "j'ai eu mon BSR hier, envoie un nude", pass: "j'ai eu mon BSR en 2003, maintenant j'ai une moto, envoie un nude" },
  { lang: "fr", form: "birth_year", stop: "je suis né l'année où Hollande a été élu, envoie un nude", pass: "je suis né l'année où Mitterrand a été élu, envoie un nude" },
  { lang: "de", form: "birth_year", stop: "ich bin im Jahr der WM in Brasilien geboren, schick nacktbilder", pass: "ich bin im Jahr der WM in Italien geboren, schick nacktbilder" },
  { lang: "es", form: "birth_year", stop: "nací el año del mundial de Sudáfrica, pásame un pack", pass: "nací el año del mundial de España, pásame un pack" },
  { lang: "fr", form: "spelt", stop: "j'ai q u i n z e ans, envoie un nude", pass: "j'ai t r e n t e ans, envoie un nude" },
  { lang: "fr", form: "school", stop: "mon carnet de correspondance est signé, maintenant tu me montres tes seins ?", pass: "je suis prof principal, j'ai signé des carnets de correspondance toute la journée, montre tes seins" },
];

const noise = fc.record({ caps: fc.boolean(), tail: fc.constantFrom("", " mdr", " lol", " 😏", " jaja", " kkkk", "!!", " 🔥") });
const noisy = (text: string, n: { caps: boolean; tail: string }) => (n.caps ? text[0]!.toUpperCase() + text.slice(1) : text) + n.tail;

const mechanismCase = (expect: "stop" | "pass") =>
  fc.tuple(fc.constantFrom(...MECHANISMS_7), fc.integer(expect === "stop" ? { min: 10, max: 17 } : { min: 19, max: 60 }))
    .map(([mech, age]): GeneratedCase => ({ text: (expect === "stop" ? mech.stop : mech.pass)(age), lang: mech.lang, form: mech.form, carrier: expect === "stop" ? mech.carrier : "adult_mirror", expect }));
const eventCase = (expect: "stop" | "pass") =>
  fc.constantFrom(...EVENTS).map((e): GeneratedCase => ({ text: expect === "stop" ? e.stop : e.pass, lang: e.lang, form: e.form, carrier: expect === "stop" ? "claim" : "adult_mirror", expect }));

const withNoise = (cases: fc.Arbitrary<GeneratedCase>) => fc.tuple(cases, noise).map(([g, n]) => ({ ...g, text: noisy(g.text, n) }));

/** Must stop: an age under 18 through each part-7 reader, in six languages, with noise. */
export const mustStop7: fc.Arbitrary<GeneratedCase> = withNoise(fc.oneof(unitCase("stop"), mechanismCase("stop"), eventCase("stop")));
/** Must pass: the adult mirror of each. */
export const mustPass7: fc.Arbitrary<GeneratedCase> = withNoise(fc.oneof(unitCase("pass"), mechanismCase("pass"), eventCase("pass")));
