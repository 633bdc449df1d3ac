/**
 * Ages in a dress the word rules cannot read (issue #14, fifth round), undressed on folded text before the
 * rest of normalize.ts runs:
 * - letters spaced or dotted out ("s e i z e", "s.i.x.t.e.e.n") are one word again;
 * - a number word in leetspeak that starts with a digit ("5ixt33n", "5eize") is the word;
 * - a year written in words ("deux mille dix", "two thousand eleven", "dos mil diez", "zweitausendzehn") is digits;
 * - a year inside a handle or an e-mail address ("lucas.2011", "@enzo_2010_off", "max.d2011@gmail.com") is read
 *   as a year of birth, which is what it usually is: "(handle year 2011)" is written after the handle, and
 *   relative-ages.ts reads it (only as a school-age cohort: "paris2024@…" is no one's age);
 * - an age range ("15-16 ans", "entre 14 et 16 ans", "im like 14-15", "16 17 ans") keeps its youngest age;
 * - an age said as a figure of speech ("dans ma tête j'en ai 16", "i feel 16 again") is no one's age.
 */
import { gated, testGated } from "./gate.ts";
import { exactNumberWord, numberValue } from "./numbers.ts";

const src = String.raw;
const LEET_DIGIT: Record<string, string> = { "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t" };

// Three or more single letters in a row, apart by one separator each: "s e i z e", "s.e.x.e", "t e n"; three
// letters are joined only into a number word ("d i x", "t e n"), since "y a t" or "a b c" are not words.
// One separator throughout ("t.e.n y/o" is "ten y/o", not "teny/o").
const SPACED = /(?<![a-z0-9'])[a-z]([ .\-_*])(?:[a-z]\1)+[a-z](?![a-z0-9])/g;
// A token that starts with a digit and mixes letters and look-alike digits after it.
const DIGIT_FIRST = /(?<![\w@.])[0-9][a-z0-9]*[a-z][a-z0-9]*(?![\w@])/g;
// What a glued digit usually is: an age or a count with its unit, an ordinal, a time, a size.
const UNIT_SUFFIX = /^\d+(?:ans?|a|yo|yrs?|piges?|e|eme|er|ere|re|nd|nde|de|th|st|rd|h|am|pm|k|m|km|kg|cm|mm|min|s|x|g|gb|mb|p|fps|hz|l|ml|cl|j|d|w)$/;

/** "5ixt33n" → "sixteen", only when the decoded token is a number word of ten or more (so "3eme", "4x4" stay). */
function unleetNumberWords(s: string): string {
  return s.replace(DIGIT_FIRST, (token) => {
    if (UNIT_SUFFIX.test(token) || token.length < 3) return token;
    const decoded = token.replace(/[0-9]/g, (d) => LEET_DIGIT[d] ?? d);
    if (/\d/.test(decoded)) return token;
    // An exact number word of any value ("53p7" in "d1x-53p7"); a texting spelling only for ten and more, and only
    // with three letters left at least ("73n", "0nc3" must be exact: the tolerance would guess).
    const exact = exactNumberWord(decoded);
    if (exact !== undefined) return decoded;
    const n = (token.match(/[a-z]/g)?.length ?? 0) < 3 ? undefined : numberValue(decoded);
    return n !== undefined && n >= 10 && n < 100 ? decoded : token;
  });
}

const THOUSAND = src`(?:deux mille|deux-mille|two thousand(?: and)?|dos mil|duemila|zweitausend|dois mil(?: e)?)`;
const YEAR_WORDS = new RegExp(src`\b${THOUSAND}[ -]?([a-z]+(?:[ -](?:et |y |e |und )?[a-z]+)?)\b`, "g");

/** "deux mille dix" → "2010": a year of this century in words (years of birth of minors are all in it). */
function yearsInWords(s: string): string {
  if (!/mil|thousand|tausend/.test(s)) return s;
  return s.replace(YEAR_WORDS, (whole, rest: string) => {
    // The number may be one word or two ("dix sept"); a second word that is no number is not part of it.
    const two = numberValue(rest);
    if (two !== undefined && two < 30) return String(2000 + two);
    const first = rest.split(/[ -]/)[0]!;
    const one = numberValue(first);
    return one !== undefined && one < 30 ? `${2000 + one}${rest.slice(first.length)}` : whole;
  });
}

// A handle or address: glued to "@", or right after the name of where it lives ("snap", "insta", "mail"…).
const CONTACT_WORD = src`(?:snap(?:chat)?|sc|insta(?:gram)?|ig|tiktok|tik tok|tt|mail|e-?mail|courriel|correo|discord|pseudo|username|user|kik|telegram|twitter|fb|facebook|gamertag|psn|xbox|steam|twitch|reddit|wattpad|threads|bluesky|ajoute|rajoute|add|agrega|aggiungi|adiciona|folge)`;
const HANDLE = new RegExp(src`(?:(\b${CONTACT_WORD}\b[^a-z0-9@]{0,12}(?:(?:c'est|is|es|e|ist|:)\s)?)@?|(?<![\w@.])@)([a-z][a-z._-]*?[._-]?)((?:19|20)\d\d)(?!\d)([a-z0-9._-]*(?:@[a-z0-9.-]+)?)|(?<![\w@.])([a-z][a-z._-]*?[._-]?)((?:19|20)\d\d)(?!\d)([a-z0-9._-]*@[a-z0-9.-]+)`, "g");

const GRADUATION_BEFORE = /(?:class|promo|grad|abi|bac|matura|formatura|generacion)[._-]?(?:of[._-]?)?$/;

/** "mon snap c'est lucas.2011" → "mon snap c'est lucas.2011 (handle year 2011)": a handle's year, marked. */
function yearsInHandles(s: string): string {
  if (!/(?:19|20)\d\d/.test(s)) return s;
  // Groups 3 and 6 are the year, after a contact word or "@", or inside an e-mail address.
  return s.replace(HANDLE, (whole, ...groups: (string | undefined)[]) =>
    // A graduation year ("tyler.class.of.2028@…") is not a year of birth: handles.ts reads it as one.
    GRADUATION_BEFORE.test(groups[1] ?? groups[4] ?? "") ? whole : `${whole} (handle year ${groups[2] ?? groups[5]})`);
}

const AGE_UNIT = src`(?:ans|anos|anni|jahre|years? old|years|yrs|yo)`;
const RANGES: [RegExp, (m: string[]) => string | undefined][] = [
  // "entre 14 et 16 ans", "between 15 and 16", "tra 15 e 16 anni", "zwischen 15 und 16".
  [/\b(?:entre|between|tra|fra|zwischen)\s(?:(?:les|los|las|i|le|den|os|as|the)\s)?(\d\d)\s(?:et|and|e|y|und)\s(?:(?:les|los|las|i|le|den|os|as|the)\s)?(\d\d)\b/g, ([, a, b]) => close(a!, b!) ? `${a}` : undefined],
  // "15-16 ans", "15 ou 16 ans", "15/16 yo", "16 17 ans": two ages one to three years apart, then a unit.
  [new RegExp(src`\b(\d\d) ?(?:-|\/|a|ou|or|to|o|oder|bis|y|e|,)? ?(\d\d) (${AGE_UNIT})\b`, "g"), ([, a, b, unit]) => close(a!, b!) ? `${a} ${unit}` : undefined],
  // "im like 14-15", "j'ai genre 15/16": a range right after a verb or a hedge, without a unit.
  [/\b(i'm|im|i am|j'ai|jai|tengo|ho|bin|tenho|like|genre|tipo|so|environ|about|around|circa|etwa|cerca de)\s(\d\d) ?[-/] ?(\d\d)\b/g, ([, before, a, b]) => close(a!, b!) ? `${before} ${a}` : undefined],
];
const close = (a: string, b: string) => Number(b) - Number(a) >= 1 && Number(b) - Number(a) <= 3;

/** An age range keeps its youngest age: for a minors guard, the youngest is what counts. */
function youngestOfRanges(s: string): string {
  if (!/\d\d\D{1,8}\d\d/.test(s)) return s;
  for (const [pattern, replace] of RANGES) s = s.replace(pattern, (whole, ...groups) => replace([whole, ...groups.slice(0, 3)]) ?? whole);
  return s;
}

// "dans ma tête j'en ai 16", "i feel 16 again", "at heart im 15": the number is a feeling, not an age.
const FIGURATIVE = new RegExp(src`\b(?:(?:dans (?:ma|sa) tete|dans mon coeur|de coeur|mentalement|in my head|at heart|mentally|in spirit|en mi cabeza|de corazon|nella mia testa|im kopf|im herzen|na minha cabeca|de coracao)(?:,? (?:j'en ai|j'ai|jen ai|je suis|i'm|im|i am|tengo|soy|ho|sono|bin ich|ich bin|tenho|sou))?|(?:je me sens|i feel(?: like)?|me siento|mi sento|ich fuhle mich(?: wie)?|me sinto)(?: (?:comme si j'avais|as if i was|como si tuviera|come se avessi|als ob ich|como se tivesse))?) (\d{1,2})(?: ${AGE_UNIT})?\b`, "g");

/** Removes the number of an age said as a figure of speech (the frame words stay). */
// Gated (gate.ts): read on the text normalisation hands to the rules, whose scan the rules then reuse.
const FIGURATIVE_GATE = gated(/tete|coeur|mental|head|heart|spirit|cabeza|corazon|testa|kopf|herz|cabeca|coracao|sens|feel|siento|sento|fuhle|sinto/);
function dropFigurativeAges(s: string): string {
  if (!testGated(s, FIGURATIVE_GATE)) return s;
  return s.replace(FIGURATIVE, (whole, n: string) => whole.slice(0, whole.lastIndexOf(n)).trimEnd());
}

/** Early, on folded text: letters apart → one word, leet number words, years in words and in handles. */
export function undressWords(s: string): string {
  if (/(?<![a-z])[a-z][ .\-_*][a-z][ .\-_*][a-z](?![a-z])/.test(s)) s = s.replace(SPACED, (run) => {
    const joined = run.replace(/[ .\-_*]/g, "");
    return joined.length > 3 || (exactNumberWord(joined) ?? 0) >= 10 ? joined : run;
  });
  if (/\d[a-z]|[a-z]\d/.test(s)) s = unleetNumberWords(s);
  return yearsInHandles(yearsInWords(s));
}

/** Late, once number words are digits and units are "ans": ranges keep their youngest age, figures of speech none. */
export const readRangesAndFigures = (s: string): string => dropFigurativeAges(youngestOfRanges(s));
