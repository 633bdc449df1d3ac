/**
 * Text normalisation for the minors lexicon: one canonical spelling per thing, so the rules are written once.
 * On top of `foldForMatching` (lower case, accents removed, plain apostrophes):
 * - look-alike letters inside words ("p3d0", "s3xe", "l0li", "m1neur") become letters; digits that start a
 *   token stay digits ("14ans", "3e");
 * - letters repeated 3+ times collapse ("seeexxxe" → "sexe");
 * - texting forms of "je suis", "j'ai", "t'es", "t'as" become the full forms ("jsui", "chui", "jai", "g 15");
 * - age units are unified: "14a", "14ans", "14 piges", "14yo", "14 y/o", "14 years old", "14-year-old" → "14 ans";
 * - number words up to 19 become digits ("quinze", "dix-sept", "sixteen"; English teens also with the "ee" that
 *   collapsing repeated letters shortened, "sixteeen" → "sixten", and "fiveteen");
 * - fractional ages keep their whole part ("16 1/2", "16,5 ans", "15 ans et 9 mois" → "16 ans", "16 ans", "15 ans").
 * Punctuation that ends a clause is kept (the rules use clauses); other symbols become spaces.
 */
import { foldForMatching } from "@sinhome/runtime";
import { computeAgeSums } from "./arithmetic.ts";
import { MONTH } from "./bare-ages.ts";
import { readRangesAndFigures, undressWords } from "./dress.ts";
import { Gate } from "./gate.ts";
import { foldCompatDigits, undressNumerals } from "./numerals.ts";
import { phonetic } from "./numbers.ts";

// Small German words that tell a German message ("und", "nicht", "mit"): there "im" is "in dem", not "I'm".
const GERMAN_CUE = String.raw`(?:und|nicht|ich|mit|mir|mich|dich|dir|der|dem|ein|eine|einem|einen|auf|noch|schon|aber|bitte|jetzt|heute|gerade|wieder|sehr|ist|bist|sind|hab|habe|hast|kannst|willst|zu|bei|vom|zum)`;

const LEET: Record<string, string> = { "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", $: "s" };
// A token that starts with a letter and mixes in look-alike digits/symbols: "p3d0", "s3x", "l0l1", "m1n3ur".
// Grades and models keep their digits ("cm1", "ce2", "mp3", "s4").
const LEET_TOKEN = /\b[a-z][a-z013457@$]*[013457@$][a-z013457@$]*/g;
const KEEP_DIGITS = /^(?:cm|ce)\d$|^[a-z]{1,2}\d+$/;

const NUMBER_WORDS: [RegExp, string][] = [
  [/\bdix[- ]?sept\b/g, "17"],
  [/\bdix[- ]?huit\b/g, "18"],
  [/\bdix[- ]?neuf\b/g, "19"],
  [/\b(?:seize|sixte?en)\b/g, "16"],
  [/\b(?:quinze|fi(?:f|ve)te?en)\b/g, "15"],
  [/\b(?:quatorze|fourte?en)\b/g, "14"],
  [/\b(?:treize|thirte?en)\b/g, "13"],
  [/\b(?:douze|twelve)\b/g, "12"],
  [/\b(?:onze|eleven)\b/g, "11"],
  [/\bsevente?en\b/g, "17"],
  [/\beighteen\b/g, "18"],
  [/\bnineteen\b/g, "19"],
];

// One pass finds any of them (twelve passes over every message showed in the profile); the table says which.
const NUMBER_WORD = new RegExp(NUMBER_WORDS.map(([pattern]) => pattern.source).join("|"), "g");

const TEXTING: [RegExp, string][] = [
  // je suis
  [/\b(?:j'?suis|jsuis|jsui|j'?sui|chuis|chui|ch'?ui|ch'?uis|jui|jss|je sui|jsu)\b/g, "je suis"],
  // j'ai (also "g 15 ans", "jai", "j ai", "jé")
  [/\b(?:jai|j ai|je ai|jé|jay|j'ai)\b/g, "j'ai"],
  [/\bje ai\b/g, "j'ai"],
  [/\bg (?=\d|[a-z]{3,14} ans\b)/g, "j'ai "],
  [/\bjaur(ai|ais|a)\b/g, "j'aur$1"],
  [/\bme n (?=my|me)\b/g, "me and "],
  [/\bn me\b/g, "and me"],
  [/\bj'ai (?:q|k)(?=\s*\d)/g, "j'ai que"],
  // tu es / tu as
  [/\b(?:t'?es|t es|tes)(?= (?:une?|ma|mon|encore|mineure?|ado|en|au|a la|plus|trop|pas|juste|qu'une)\b)/g, "tu es"],
  [/\b(?:t'?as|t as)\b/g, "tu as"],
  [/\bta (?=\d)/g, "tu as "],
  [/\bt'?avais\b/g, "tu avais"],
  [/\bt'?etais\b/g, "tu etais"],
  // small words of texting
  [/\bc (?=[a-z])/g, "c'est "],
  [/\b(?:ke|k)\b/g, "que"],
  [/\b(?:ki)\b/g, "qui"],
  [/\b(?:koi|koa)\b/g, "quoi"],
  [/\b(?:pr)\b/g, "pour"],
  [/\b(?:ds)\b/g, "dans"],
  [/\bj(?=(?:veux|peux|vais|sais|kiffe|aime|adore|passe|rentre|sors|fais)\b)/g, "je "],
  [/\bi m\b/g, "i'm"],
  // German "im" (= in dem) stays: after a German verb, before an ordinal ("bin im 5. Semester") or a month ("16 im Juni"),
  // and in a message that is German by its small words ("im Bett und geil", "ich liege im Bett").
  [new RegExp(String.raw`\bim\b(?<!\b(?:bin|ist|sind|war|ich|wir|noch|auch|mal|du|er|sie|es) im)(?<!\b${GERMAN_CUE}\b.*)(?!.*\b${GERMAN_CUE}\b)(?! \d{1,2}\.(?!\d)| (?:${MONTH}|nachsten|sommer|winter|herbst|fruhling|fruhjahr)\b)`, "g"), "i'm"],
  [/\bu\b/g, "you"],
  [/\bur\b/g, "your"],
  [/\br\b/g, "are"],
];

// The texting forms and number words are tried only when their literals are there (gate.ts): each pattern is
// asked about the text as it is then, after the rewrites before it.
const normalizeGate = new Gate();
for (const [pattern] of TEXTING) normalizeGate.gated(pattern);
normalizeGate.gated(NUMBER_WORD);

// Glued ("14a", "14ans", "14yo") or spaced ("14 piges", "14 y/o", "14 years old", "14-year-old"). A spaced "a"
// is "à" ("de 15 a 20 €"), and "15 years" alone is usually a duration: neither is an age unit.
const AGE_UNIT_GLUED = String.raw`(?:ans?|a|yo|y\/o|yrs?|piges?)`;
const AGE_UNIT_SPACED = String.raw`(?:ans?|piges?|balais|berges|yo|y\/o|y\.o\.?|yrs? olds?|years? olds?|years?-olds?|-years?-olds?)`;

/**
 * Digits out of their dress (issue #14): full-width digits, "l5"/"i6"/"|4" look-alikes, digits split by a space
 * or a dot before an age unit ("1 5 ans", "1.4 ans"). Emoji keycaps ("1️⃣5️⃣") already lost their marks in folding.
 */
function undressDigits(s: string): string {
  if (/[\uff10-\uff19]/.test(s)) s = s.replace(/[\uff10-\uff19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (!/\d/.test(s)) return s;
  // Each rewrite runs only when its digits are there: a lookbehind tried at every position showed in the profile.
  if (/[li|]\d/.test(s)) s = s.replace(/(?<![\w.])[li|]([0-9])(?![\w])/g, "1$1");
  if (s.includes("1o")) s = s.replace(/(?<![\w.,])1o(?=\s?(?:ans?|yo|anos|anni|jahre|years?)\b)/g, "10");
  if (!/\d[ .]\d/.test(s)) return s;
  return s
    .replace(/(?<![\w.,])([1-9])[ .]([0-46-9])(?=\s?(?:\)|,|-?jahrig|(?:ans?|yo|anos|anitos|aninhos|anni|jahre|years?|piges?)\b))/g, "$1$2")
    // A teen age split by a space or a dot right after "I am"/"I have", at the end of its phrase: "ich bin 1 5 hehe".
    .replace(/\b(i'?m|i am|j'?ai|g|tengo|ho|bin|tenho|moi|me|yo|io|ich|eu) 1[ .]([0-9])(?=\s?(?:$|[,!?;]|(?:hehe|hihi|lol|mdr|haha|jaja|kkk|xd|et|and|und|y|e|ou|or)\b))/g, "$1 1$2")
    .replace(/(?<![\w.,])1 5(?=\s?(?:\)|,|-?jahrig|(?:ans?|yo|anos|anitos|aninhos|anni|jahre|years?|piges?)\b))/g, "15");
}

// Compiled once: a RegExp built per call showed in the profile.
const AGE_GLUED = new RegExp(String.raw`\b(\d{1,2})${AGE_UNIT_GLUED}(?![a-z])`, "g");
// "16 an hour" is a wage, not an age.
const AGE_SPACED = new RegExp(String.raw`\b(\d{1,2}) ?${AGE_UNIT_SPACED}(?![a-z])(?! (?:hour|hr|heure|hora|ora|stunde)\b)`, "g");

// A ten and a misspelt unit written apart, before an age unit (part 11): "dix sep an", "dix huite ans" (18, an adult),
// "diez y sietes años", "dez e oito anos". The unit is read within one edit of its phonetic key; only 7-9 make teens
// this way in these languages (the others have a word of their own, which numbers.ts's tolerance already reads).
/** The units that follow a ten apart (7-9), in the six languages; a misspelling within one edit of one is read as it. */
export const SPLIT_TEEN_UNITS: Readonly<Record<number, readonly string[]>> = {
  7: ["sept", "seven", "siete", "sette", "sieben", "sete"],
  8: ["huit", "eight", "ocho", "otto", "acht", "oito"],
  9: ["neuf", "nine", "nueve", "nove", "neun"],
};
const UNIT_KEYS = Object.entries(SPLIT_TEEN_UNITS).flatMap(([n, words]) => words.map((w) => [phonetic(w), Number(n)] as const));
/** True when a and b differ by at most one insertion, deletion or substitution. */
function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return a.slice(i + (a.length >= b.length ? 1 : 0)) === b.slice(i + (b.length >= a.length ? 1 : 0));
}
// ("di" alone is in too many words to gate on: the ten itself, then a space or a hyphen.)
const SPLIT_TEEN_GATE = /\b(?:di[sxz]{1,2}|die[sz]|dez)[- ]/;
const splitUnit = (word: string): number | undefined => UNIT_KEYS.find(([key]) => withinOneEdit(phonetic(word), key))?.[1];
const SPLIT_TEEN = /\b(?:dix|dis|diz|diss|diez|dies|dez)[- ](?:(?:et|y|e) )?([a-z]{3,7})(?= (?:ans?|anni|anos?|anios?|piges?)\b)/g;

/** The canonical text the minors rules read. Memoized by the caller's folding; cheap enough per request. */
export function normalizeForLexicon(text: string): string {
  // "né(e) en 2011" must survive the negation rule below ("je ne suis" → "je suis"): it becomes "born".
  let s = foldForMatching(foldCompatDigits(text).replace(/(?<![\p{L}\p{N}])n[ée]e?s?(?=\s(?:en|le|l'|a|au|in|the|on|pendant|durant|lors|l'annee|quand)\s)/giu, (m) => (/[ée]/i.test(m) ? "born" : m)));
  if (s.includes("2k")) s = s.replace(/\b2k(\d\d)\b/g, "20$1"); // "2k10" = 2010
  if (s.includes("ß")) s = s.replace(/ß/g, "ss"); // "heiß" = "heiss": folding keeps the sharp s
  s = undressDigits(undressNumerals(undressWords(s)));
  s = s.replace(LEET_TOKEN, (token) => (KEEP_DIGITS.test(token) ? token : token.replace(/[013457@$]/g, (c) => LEET[c] ?? c)));
  // Laughter ("kkkk", Brazil) is not the texting "k" (= "que") once letters collapse: it reads as "haha".
  // Laughter of every language ("jsjsjs", "jajaja", "hehe", "hihi", "rsrs") reads as "haha" too.
  // One syllable repeated: mixed pairs are words ("hija" is hi+ja, a daughter, not laughter).
  s = s.replace(/\bk{2,}\b|\b(js|ja|je|ha|he|hi|ah|rs|sj)\1+[jhs]?\b/g, "haha").replace(/([a-z])\1{2,}/g, "$1");
  // Keep what separates clauses, drop other symbols (emojis, quotes, brackets).
  // Brackets stay: "ma cousine (15)" is an age in apposition (age-facts.ts).
  s = s.replace(/[^\p{L}\p{N}'\/.,;:!?()\-\s]+/gu, " ").replace(/\s+/g, " ");
  if (normalizeGate.mayMatch(s, NUMBER_WORD)) s = s.replace(NUMBER_WORD, (word) => NUMBER_WORDS.find(([pattern]) => { pattern.lastIndex = 0; return pattern.test(word); })![1]);
  if (SPLIT_TEEN_GATE.test(s)) s = s.replace(SPLIT_TEEN, (all, unit: string) => {
    const n = splitUnit(unit);
    return n === undefined ? all : String(10 + n);
  });
  // Fractional ages: "16 1/2", "16.5 ans", "16,5yo" → the whole part.
  s = s.replace(/\b(\d{1,2})(?: 1\/2|[.,]5)(?= ?(?:ans?\b|a\b|yo\b|y\/o|years?\b|yrs?\b|$|\s|[,.!?]))/g, "$1");
  // Age units glued or spaced: "14a", "14ans", "14 piges", "14yo", "14-year-old", "14 years old".
  s = computeAgeSums(s.replace(AGE_GLUED, "$1 ans").replace(AGE_SPACED, "$1 ans"));
  // Negation particles carry nothing the rules need: "je ne suis pas" reads as "je suis pas".
  s = s.replace(/\bne (?=\S)/g, "").replace(/\bn'(?=[a-z])/g, "");
  for (const [pattern, full] of TEXTING) if (normalizeGate.mayMatch(s, pattern)) s = s.replace(pattern, full);
  if (s.includes("tn") || s.includes("tego") || s.includes("tenhu")) s = s.replace(/\b(?:tngo|tng|tego)\b/g, "tengo").replace(/\b(?:tnho|tnh|tenhu)\b/g, "tenho");
  return readRangesAndFigures(s.replace(/\s+/g, " ").trim());
}
