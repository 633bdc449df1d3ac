/**
 * The generic age-unit reader (issue #14, part 7): any number 10–17 bound to an age unit is an age, however the
 * number is dressed and whatever phrase carries it. Read over normalised text, anchored on the unit (found once),
 * looking back at the few words before it:
 * - units: "ans" (the normaliser's form of a/ans/yo/piges/balais/berges/years old after digits), anos, anni, jahre,
 *   años, and slang of the six languages (tacos, abriles, pirulos, primavere, printemps, Lenze, Jährchen), leet "4ns";
 *   a unit written singular or misspelt ("an", "anu", "anz", "ano", "jahr", "yeers") is read as numbers are: within
 *   ONE edit of a unit of the six languages (isAgeUnit), never by a list of misspellings;
 * - the number: digits, digits split ("1 5"), a product ("2x8"), a number word of any language and its
 *   texting misspellings (numbers.ts); letters spelt out ("q-u-i-n-z-e") are joined first (joinSpelt, age-readers.ts);
 * - a range or a hedge: "14-16", "14, 15", "14 ou 15", "uns 14", "so 14 15", "genre 15", "tipo 16", "circa 15";
 * - durations stay out: a word before that makes it a time ("depuis", "for", "hace", "seit", "il y a", "ces") or
 *   a word after ("de mariage", "ago", "fa", "insieme", "verheiratet").
 * Whose age it is comes from subject.ts. Also: a range of ages after a plural article ("des 14-16") — people of
 * that age, the fan's interest when he addresses the persona — and a speaker's hedged range without a unit
 * ("bin so 14 15", "tenho uns 14, 15").
 */
import type { AgeFact } from "./age-facts.ts";
import { exactNumberWord, numberValue } from "./numbers.ts";
import { opensClause, subjectAt } from "./subject.ts";
import { gated, matchAllGated, testGated } from "./gate.ts";

const src = String.raw;
const UNIT = /\b(?:a[mn][a-z]{0,2}|j[a-z]{2,4}|ans|yo|y\/o|years? old|yrs? old|piges|balais|berges|anos|anitos|aninhos|anni|jahre|tacos|primaveras?|primavere|printemps|abriles|pirulos|castanas|lenze|jahrchen|summers|4ns|an5|4n5|yrs?|years?)\b/g;
// The units a misspelt one is measured against, singular and plural (phonetic: "anz", "anu" → ans, ano).
// "years" alone stays out: after digits the normaliser has made "years old" "ans", and a bare "years" is a time.
const UNIT_FORMS = ["an", "ans", "ano", "anos", "anno", "anni", "jahr", "jahre"];
// Real words within one edit of a unit: they are never the unit ("sixteen and bored" is read elsewhere).
const NOT_A_UNIT = new Set(["and", "any", "ant", "ann", "anne", "ana", "ane", "am", "amo", "ago", "jah", "jar"]);
const EXACT_UNIT = /^(?:ans|yo|y\/o|years? old|yrs? old|piges|balais|berges|anos|anitos|aninhos|anni|jahre|tacos|primaveras?|primavere|printemps|abriles|pirulos|castanas|lenze|jahrchen|summers|4ns|an5|4n5)$/;
/** True when `w` is within one edit (insertion, deletion, substitution) of `target`. */
function oneEdit(w: string, target: string): boolean {
  if (Math.abs(w.length - target.length) > 1) return false;
  let i = 0;
  while (i < w.length && w[i] === target[i]) i++;
  return w.slice(i + 1) === target.slice(i + 1) || w.slice(i) === target.slice(i + 1) || w.slice(i + 1) === target.slice(i);
}
// "years" alone is mostly a time ("15 years in the army"): a unit only right after "I am / I have" ("im fiftin yrs").
const WEAK_UNIT = /^(?:yrs?|years?)$/;
/** An age unit, exactly or within one edit of one ("an", "anu", "anz", "jahr", "yeers"). */
export const isAgeUnit = (w: string): boolean => EXACT_UNIT.test(w) || WEAK_UNIT.test(w) || (!NOT_A_UNIT.has(w) && UNIT_FORMS.some((u) => oneEdit(w, u)));
const TEEN_DIGITS = /\b1\d\b/;
// Ranges and bounds hold two teen numbers close together: one scan decides whether their three readers run.
const TWO_TEENS = /\b1\d\b[^.!?]{1,30}?\b1\d\b/;
const HEDGE = src`(?:uns|unos|unas|dans les|vers les|entre|between|zwischen|por volta dos|alrededor de|intorno ai|so um die|in the|na casa dos|en los|como|comme|wie|come|like|so|genre|tipo|circa|ca|etwa|ungefahr|about|around|environ|vers|quasi|casi|fast|almost|nearly|presque|bientot|only|just|que|seulement|solo|solamente|nur|erst|apenas|quase|um die|cerca de|mais ou menos|mas o menos|piu o meno|already|deja|ya|gia|schon|ja|enfin|finally|quoi|koi)`;
const NUM = src`(\d\s?[x*]\s?\d{1,2}|1[ .]\d|\d{1,2}|1[oilzeasbgt]|[a-z]{3,14})`;
const SEP = src`(?:\s?(?:-|\/|,)\s?|\s(?:a|to|ou|or|o|e|y|et|und|oder|bis|ate)\s)`;
/** What stands before the unit: [hedge] number [separator number] (or two bare numbers), at the end of the text. */
const BEFORE_UNIT = new RegExp(src`(?:^|[\s,(])(?:${HEDGE}\s)?(?:${NUM}(?:${SEP}${NUM})?|(\d{1,2})\s(\d{1,2}))\s?$`);
// The word before the number: a time, a count of something or a possessive makes it no one's present age.
const NOT_AN_AGE_BEFORE = /(?:^|\s)(?:depuis|pendant|durant|for|since|after|apres|avant|before|dans|in|en|within|il y a|ya|y a|fa|hace|desde|durante|vor|seit|nach|fur|por|per|tra|fra|em|ha|faz|a|at|aos|a los|alle|les|des|ces|these|those|the|ses|tes|nos|vos|leurs|tous les|every|chaque|cada|ogni|todos|plus de|more than|over|under|last|past|next|prochains|proximos|prossimi|nachsten|premiers|first|primeros|primi|ersten|ultimos|ultimi|letzten|mes|my|mis|miei|meine|meinen|meus|los|gli|le|la|el|lo|die|der|den|das|um|uma|un|une|uno|una|ein|eine|al|au|du|del|dos|das|nei|apres|plus|mais|mas|piu|mehr|moins|menos|meno|weniger|encore|still|ancora|noch|ainda|todavia|aun|tous|all|quasi)\s$/;
// Before the number, these words tie it to a person noun ("studentessa di 15 anni", "mio figlio ha 13 anni"): kept
// only when one precedes ("il y a 15 ans", "há 15 anos", "de 15 ans" alone are times).
const PERSON_LINK = /(?:^|\s)(?:de|d'|di|da|do|of|von|com|con|mit|with|avec|ha|a)\s$/;
// Otherwise an age needs a verb of having or being it, a pronoun standing for "I am", or a comma of apposition
// right before it ("j'ai bossé 14 ans", "t'as vu 16 ans ou presque ?" are not ages).
const AGE_VERB_BEFORE = /(?:^|\s)(?:j'ai|j'en ai|ai|a|as|avons|ont|i'm|im|i am|am|is|are|'s|was|were|tengo|tiene|tienes|tenemos|tienen|tenia|ho|ha|hai|abbiamo|hanno|aveva|avevo|bin|ist|bist|sind|hat|hab|habe|war|tenho|tem|tens|temos|tinha|sou|e|es|est|sono|sei|soy|eres|sommes|fait|fais|faz|faco|cumple|cumplo|compie|wird|werde|turned|turning|turns|fete|moi|me|yo|io|ich|eu|avais|avait|had|tenias|tenia|avevi|aveva|hattest|hatte|tinha|tinhas|etais|etait|eras|era|eri|warst|were|was)\s$|,\s?$/;
// "I have / we have / I am" right before the number: an age, whatever the guards below say of "a" or "avec".
const HAVE_AGE = /(?:^|\s)(?:j'ai|g|on a|tengo|tenemos|ho|abbiamo|tenho|temos|ich bin|bin|wir sind|i'm|i am|we're|we are)\s$/;
// A past form of the verb makes it an age in the past: the persona's or the speaker's history.
const PAST_VERB = /(?:^|\s)(?:avais|avait|had|tenias|tenia|avevi|aveva|avevo|hattest|hatte|tinha|tinhas|etais|etait|eras|era|eri|ero|warst|war|were|was)\s(?:\S+\s)?$/;
// Texting "ta"/"tas" for "t'as" ("ta katorze an"): before a number and its unit it is no possessive.
const PERSONA_HAS = /(?:^|\s)(?:ta|tas|t'a)\s$/;
// "soy un chaval de 15-16 tacos", "je suis une meuf de 15 ans": the speaker as a person of an age.
const SELF_AS_PERSON = /(?:^|\s)(?:je suis|i'm|im|i am|soy|sono|ich bin|bin|sou|eu sou)\s(?:une?|a|an|una?|ein\w*|uma?)\s(?:[a-z]+\s){1,2}?(?:de|of|di|von|com|mit|da)\s$/;
const WITH = /^\s(?:avec|with|con|mit|com)\b/;
const NOT_AN_AGE_AFTER = /^\s(?:hour|heure|hora|ora|stunde|de|d'|di|da|do|del|della|of|que|qu'|fa|ago|atras|depuis|seit|later|plus tard|despues|dopo|spater|depois|together|ensemble|juntos|insieme|zusammen|married|verheiratet|sposat\w*|casad\w*|mariee?s?|divorce\w*|single|celibataire|soltero|en couple|at|with|avec|con|mit|com|em|bei|chez|dans|on|for|pour|para|per|lang|long|durante|pendant|plus|more|mas|mehr|mais|piu|older|younger|mayor|mayores|menor|menores|alter|junger|moins|menos|weniger|meno|gone|passed|since|quand|cuando|quando|als|wenn|che|entre|between|zwischen|tra|fra|vor|nach|dopo|avant|apres|before|after|back|auparavant|fa|dabei|a venir|qui viennent|to come|que vienen|[a-z]+(?:ando|endo|iendo))\b/;
// A range of people after a plural article: "couché avec des 14-16", "the 15-17 ones", "los de 14 a 16".
const ARTICLE_RANGE = /\b(?:des|les|los|las|the|gli|le|die|as|os)\s(1\d)\s?(?:-|a|to|ou|or|o|e|y|et|bis)\s?(1\d)\b(?!\s?(?:h\b|heures?|hours?|uhr|:|€|euros?|eur|\$|km|cm|kg|%|ans de|fotos?|photos?|pics?|videos?|minutes?|min\b|points?|pages?))/g;
// A hedged range right after "I am"/"I have" without a unit: "bin so 14 15", "i'm like 15 16".
const SPEAKER_RANGE = /\b(?:j'ai|i'm|i am|tengo|ho|bin|ich bin|tenho|sono|soy|sou)\s(?:(?:uns|unos|like|so|genre|tipo|circa|etwa|about|around|environ|quasi|casi|fast|quase)\s)?(1\d)(?:\s?(?:-|\/|,)\s?|\s(?:ou|or|o|e|y|et|und|oder|bis)\s|\s)(1\d)(?=\s?(?:$|[,.!?;]|(?:ans|anos|anni|jahre|years|egal|lol|mdr|jaja|haha|kkk|mais|but|pero|ma|aber|mas)\b))/g;
// A person's age without a unit: "mein kumpel ist 14 und…", "my buddy is 15", "su amiga tiene 14".
const PERSON_IS = /\b(?:is|ist|est|a|tiene|tem|ha|hat|e|es|who's|whos|who is|qui a|que tiene|che ha|der ist|die ist)\s(?:(?:only|just|seulement|que|solo|nur|erst|apenas|so|like|genre|tipo)\s)?(1\d)(?=\s?(?:$|[,.!?;)]|(?:und|and|et|y|e|ed|ma|but|mais|pero|aber|mas|lol|mdr|jaja|haha|kkk|will|wants|veut|quiere|vuole|quer)\b))/g;
const LEET_DIGIT: Record<string, number> = { o: 0, i: 1, l: 1, z: 2, e: 3, a: 4, s: 5, b: 6, g: 6, t: 7 };
// Bounds of a range said with comparatives: "moins de 18 mais plus de 15", "over 14 but under 16", "mas de 14 y menos de 17".
const UNDER = String.raw`(?:moins de|under|less than|menos de|meno di|unter|sous les)`;
const OVER = String.raw`(?:plus de|over|more than|mas de|piu di|uber|mais de)`;
const BOUNDS = new RegExp(String.raw`\b(?:${UNDER}\s(1[0-8])\b[^.!?]{0,24}?\b${OVER}\s(1\d)|${OVER}\s(1\d)\b[^.!?]{0,24}?\b${UNDER}\s(1[0-8]))\b`, "g");
// Dashes or dots between 3+ letters, or single spaces between 4+ (a lone letter is rarely a word four times running).
const LETTER = String.raw`(?:[a-z]|you|are|que|c'est)`;
const SPELT_ONE = new RegExp(String.raw`(?<![\w'])${LETTER}(?:(?:[-.]${LETTER}){2,10}|(?: ${LETTER}){3,10})(?![\w'])`);
const SPELT = new RegExp(SPELT_ONE.source, "g");
const THREE_LETTERS = /[a-z'][-. ][a-z][-. ][a-z](?:[-. ]|$)/;

/** A number in its dress: "2x8" = 16, "1 5" = 15, "fiveteen" = 15. */
function dressedValue(token: string): number | undefined {
  const product = /^(\d)\s?[x*]\s?(\d{1,2})$/.exec(token);
  if (product) return Number(product[1]) * Number(product[2]);
  if (/^1[ .]\d$/.test(token)) return Number(token.replace(/[ .]/, ""));
  if (/^1[a-z]$/.test(token)) return LEET_DIGIT[token[1]!] === undefined ? undefined : 10 + LEET_DIGIT[token[1]!]!;
  return numberValue(token);
}

/**
 * Letters spelt one by one ("q-u-i-n-z-e", "s.e.i.z.e", "q u i n z e") joined back into their word when it is a
 * number 10–19; the normaliser's texting rules have read a lone u, r, k, c as "you", "are", "que", "c'est".
 */
export function joinSpelt(s: string): string {
  // A plain class scan first: three lone letters in a row are rare, and the full pattern costs more.
  if (!testGated(s, THREE_LETTERS) || !testGated(s, SPELT_ONE)) return s;
  return s.replace(SPELT, (m) => {
    const word = m.replace(/you/g, "u").replace(/are/g, "r").replace(/que/g, "k").replace(/c'est/g, "c").replace(/[-. ]/g, "");
    const n = numberValue(word);
    return n !== undefined && n >= 10 && n <= 19 ? word : m;
  });
}

const teen = (n: number | undefined): n is number => n !== undefined && n >= 10 && n <= 18;
// "an" before a vowel is also the English article ("does an adult", "dies an hour"): after a word that is only
// one edit from a number word, it is read as the article; French words that follow an age ("an et toi") stay.
const ARTICLE_AN_AFTER = /^\s(?!(?:et|en|avec|alors|ou|aussi|ici|apres|a|au|aux|il|elle|on|est|oui|encore|environ|enfin|e|y|o|und|and)\b)[aeiouh]/;

/** Ages bound to a unit, ranges of people, and a speaker's hedged range. `framed`: a fiction frame holds the message. */
export function unitAges(s: string, framed: boolean): AgeFact[] {
  const facts: AgeFact[] = [];
  for (const u of matchAllGated(s, UNIT)) {
    if (!isAgeUnit(u[0])) continue;
    const at = u.index ?? 0;
    const window = s.slice(Math.max(0, at - 48), at);
    const m = BEFORE_UNIT.exec(window);
    if (!m) continue;
    const [first, second] = m[1] !== undefined ? [m[1], m[2]] : [m[3]!, m[4]];
    const [a, b] = [dressedValue(first), second === undefined ? undefined : dressedValue(second)];
    if (!teen(a) || (b !== undefined && (!teen(b) || b < a || b - a > 4))) continue;
    if (u[0] === "an" && b === undefined && !/\d/.test(first) && exactNumberWord(first) === undefined && ARTICLE_AN_AFTER.test(s.slice(at + 2, at + 24))) continue;
    const start = at - window.length + m.index + (m[0].length - m[0].trimStart().length);
    const before = s.slice(Math.max(0, start - 24), start);
    const after = s.slice(at + u[0].length, at + u[0].length + 24);
    const persona = PERSONA_HAS.test(before);
    const self = !persona && SELF_AS_PERSON.test(s.slice(Math.max(0, start - 48), start));
    const who = framed ? "role" : persona ? "persona" : self ? "speaker" : subjectAt(s, start, framed);
    const had = persona || self || HAVE_AGE.test(before);
    if (!had && WEAK_UNIT.test(u[0])) continue;
    // After "I have/am N years", "with my buddy" is company, not a time spent with someone.
    if (NOT_AN_AGE_AFTER.test(after) && !(had && WITH.test(after))) continue;
    const linked = PERSON_LINK.test(before) && who !== "speaker" && who !== "mention";
    if (!linked && !had && (NOT_AN_AGE_BEFORE.test(before) || !(AGE_VERB_BEFORE.test(before) || opensClause(s, start)))) continue;
    const max = b ?? a;
    const then = PAST_VERB.test(before) ? (who === "persona" ? "persona_past" : who === "speaker" ? "speaker_past" : who) : who;
    if (a < 18) facts.push({ who: then, min: a, max, form: /\d/.test(first) ? "digits" : "number_word", offset: start });
  }
  // The readers below all need a teen number in digits.
  if (!testGated(s, TEEN_DIGITS)) return facts;
  if (testGated(s, TWO_TEENS)) readRanges(s, framed, facts);
  for (const m of matchAllGated(s, PERSON_IS)) {
    const n = Number(m[1]);
    const who = subjectAt(s, (m.index ?? 0) + m[0].lastIndexOf(m[1]!), framed);
    if (n < 18 && (who === "third_person" || who === "role")) facts.push({ who, min: n, max: n, form: "digits", offset: m.index ?? 0 });
  }
  return facts;
}

/** Ranges of people after an article, bounds with comparatives, a speaker's hedged range. */
function readRanges(s: string, framed: boolean, facts: AgeFact[]): void {
  for (const m of matchAllGated(s, ARTICLE_RANGE)) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    if (a >= 18 || b < a || b - a > 4) continue;
    const who = framed ? "role" : /\b(?:tu|t'|toi|you|te|ti|du|dich|voce|vc)\b/.test(s) ? "interest" : "mention";
    facts.push({ who, min: a, max: b, form: "digits", offset: m.index ?? 0 });
  }
  for (const m of matchAllGated(s, BOUNDS)) {
    const [under, over] = m[1] !== undefined ? [Number(m[1]), Number(m[2])] : [Number(m[4]), Number(m[3])];
    if (over < under - 1 && under <= 18) facts.push({ who: subjectAt(s, m.index ?? 0, framed), min: over + 1, max: under - 1, form: "digits", offset: m.index ?? 0 });
  }
  for (const m of matchAllGated(s, SPEAKER_RANGE)) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    if (a < 18 && b >= a && b - a <= 3) facts.push({ who: framed ? "role" : "speaker", min: a, max: b, form: "digits", offset: m.index ?? 0 });
  }
}

// Gated (gate.ts): skipped on a message that lacks their literals.
for (const pattern of [ARTICLE_RANGE, BOUNDS, PERSON_IS, SPEAKER_RANGE, SPELT_ONE, TEEN_DIGITS, THREE_LETTERS, TWO_TEENS, UNIT]) gated(pattern);
