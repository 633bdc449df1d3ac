/**
 * The speaker's own claims (category `claim` or `school`): phrasings of "I am under 18" in French and English
 * (ages, group claims, almost-18, texting forms), a pupil's grade, school or school life said in the first person,
 * and a short answer to the persona's age question. The six languages' age facts come after (age-facts.ts).
 */
import { answeredAge, NOT_AN_AGE_AFTER } from "./appositions.ts";
import type { DetectOptions, MinorFinding } from "./detect.ts";
import { execGated, gated, testGated } from "./gate.ts";
import { GRADE, HIGHER_ED_RE, RELATIVE_ONLY, STAFF, unitGuard } from "./markers.ts";
import { normalizeForLexicon } from "./normalize.ts";
import { once, type Text } from "./text.ts";
import * as V from "./vocabulary.ts";
import { STAFF_AT_WORK, STAFF_SELF as STAFF_OF_SIX } from "./vocabulary-i18n.ts";

const AFTER_AGE_END = String.raw`(?=\s?(?:$|et\b|,|\.|!|\?|mais\b|bientot\b|mdr|lol|ptdr|stp|hein|non\b|moi\b|tu\b|ok\b|jsp|pile|tout rond|and\b|btw))`;
const CLAIM_PATTERNS: readonly RegExp[] = [
  // "j'ai 15 ans", "jai que 14", "on a tous 16 ans", "avec mes potes on a 15 ans"
  // ("Quand on a 15 ans, on fait des bêtises" is anyone's age, a generic time: no claim.)
  once(String.raw`\b(?:j'ai|j'en ai|on a(?<!\b(?:quand|lorsqu'|lorsque|si|qu')\s?on a)|nous avons)\s(?:(?:que|qu'|seulement|juste|a peine|tout juste|meme pas|tous|toutes|les deux|les 2|tous les deux|tous les 2|deja|genre|environ|bien)\s)*${V.MINOR_N}(?:\sans\b${"(?!\\s(?:de\\s|d'|que\\b|qu'|plus\\b))"}|${AFTER_AGE_END})`),
  once(String.raw`\bj'ai eu ${V.MINOR_N} ans\b(?!.{0,25}\b(?:il y a|y a|en (?:19|20)\d\d|quand|a l'epoque))`),
  once(String.raw`\bje viens d'avoir ${V.MINOR_N} ans\b`),
  // "je suis (encore) mineur", "on est deux mineurs", "je suis pas encore majeur", "i'm underage"
  once(String.raw`\b(?:je suis|on est|nous sommes|i'm|i am|we're|we are)\s(?:(?:encore|toujours|que|qu'|tous|deux|2|tous les deux|les deux|juste|only|still|just|both|all|a|an|une?|des|ta|ma|votre|your|my|petite?|little|vraie)\s)*(?:mineure?s?|minors?|underage|ados?|adolescente?s?|teens?|teenagers?|pas (?:encore |vraiment )?majeure?s?|not (?:yet )?(?:18|an adult)|under 18|collegien(?:ne)?s?|lyceen(?:ne)?s?|ecolier(?:e)?s?)\b`),
  // "on est 3 potes de 15 ans", "nous sommes deux filles de 14 ans", "16 dans 2 mois"
  once(String.raw`\b(?:on est|nous sommes|on etait)\s(?:\S+\s){0,3}?(?:de|d')\s${V.MINOR_N} ans\b(?!\s(?:de\s|d'))`),
  once(String.raw`^(?:1[0-8])(?: ans)? dans \d+ (?:mois|semaines?|jours?)\b`),
  once(String.raw`\b(?:i'm|i am|we're|we are)\s(?:still\s)?not (?:yet\s)?(?:of (?:legal\s)?age|legal)\b`),
  // almost 18, a coming birthday
  once(String.raw`(?:\b(?:j'ai|on a|je suis|i'm|i am|we're)\s(?:bientot|presque|pas encore|pas|meme pas|moins de|not yet|almost|nearly|not|under)\s18\b|^(?:bientot|presque|pas encore|not yet|almost|nearly|not)\s18\b(?!\s?(?:h\b|heures?|:))|(?<!\b(?:is|he's|she's|he is|she is|they're|they are|are)\s)\bnot 18 yet\b)`),
  once(String.raw`\b(?:je vais avoir|j'aurai|je vais sur mes|vais sur mes|je vais bientot avoir|je fete(?:rai)? mes|je vais feter mes|bientot mes|i'll be|i will be|i turn|i'm turning|i will turn|i'll turn)\s(?:bientot\s)?(?:1[0-8]|[1-9])\b(?:\sans\b)?(?!\s?(?:minutes?|h\b|heures?|:|de\s|d'|ans de|ans d'|min|pm|am|tomorrow at|euros?|€|balles|dollars?|km|kg|kilos?|photos?|pics?|fois|times|%))`),
  // English: "i'm 15", "im only 16", "we're both 14", "me and my friend are 15"
  once(String.raw`\b(?:i'm|i am|iam)\s(?:only\s|just\s|barely\s|still\s|like\s|almost\s|nearly\s|a\s)?${V.MINOR_N}\b${"(?!\\s?ans\\s(?:de|d'))"}${unitGuard()}`),
  once(String.raw`\b(?:we're|we are|we r|both of us are|we both are|me and my [a-z]+(?: [a-z]+)? (?:are|r)|my [a-z]+(?: [a-z]+)? and i (?:are|r|am)|my [a-z]+ and me (?:are|r))\s(?:both\s|all\s|only\s|just\s)?${V.MINOR_N}\b${unitGuard()}`),
  // an age opening the message or after a name: "16 ans et toi", "moi, 15 ans", "moi c'est lucas 14 ans", "16 ans ici"
  once(String.raw`(?:^|\b(?:moi|me|c'est [a-z]+|je m'appelle [a-z]+|mon nom c'est [a-z]+|my name is [a-z]+|i'm [a-z]{3,})\s?,?\s)${V.MINOR_N} ans\b(?!\s(?:de\s|d'|que\b|qu'|plus\b|apres|ago|of\b|together))`),
];
const CLAIM_SCHOOL = once(String.raw`\b(?:je suis|on est|nous sommes|je vais|je rentre|je sors|je reviens|j'ai cours|je retourne|je prends|i'm|i am|we're|we are|i go to|i just got out of|i got out of|im in|estou|tou|to(?= n[ao] )|estoy|voy|sono|vado|ich bin|bin|gehe|vou)\b(?:\s\S+){0,3}?\s?(?:${V.GRADE}|${V.SCHOOL_PLACE})`);
const PUPIL_LIFE = once(V.PUPIL_LIFE);
// Staff of the six languages ("sono insegnante alle medie"): the school they name is their work.
const STAFF_OF_SIX_RE = once(STAFF_OF_SIX);
const OWNED_BY_OTHER = /\b(?:ses|sa|son|leurs?|his|her|their|sus|su|suoi|sue|seine?n?|ihre?n?|dele|dela|deles)\s$/;
const PUPIL_STRONG = once(String.raw`\b(?:cantine du (?:college|lycee)|en recre|heure de colle|brevet blanc|bac blanc|homeroom|classmates|camarades? de classe|car scolaire|bus scolaire|school ?bus|bus escolar|scuolabus|schulbus|onibus escolar)\b`);
// A pupil's life opening the message with no subject, as a place the speaker is at: "en cours de techno là", "à la récré".
const AT_PUPIL_LIFE = /^(?:\S+\s)?(?:en|a|au|dans|pendant|in|at)\s$/;
const FIRST_PERSON = once(String.raw`(?:^|\s)(?:je|j'|moi|me|m'|ma|mon|mes|nous|on|i|my|i'm|we|we're|our)\b`);
// Staff at work, or invigilating and marking an exam ("je surveille le brevet blanc").
const STAFF_SELF = once(String.raw`\b(?:je suis|i'm|i am|je bosse|je travaille|i work|i teach|${STAFF_AT_WORK})\b`);
const THIRD_PERSON = once(String.raw`\b(?:il|elle|ils|elles|he|she|they|une?|a|la|le|les|des)\s(?:fille|meuf|mec|gars|girl|boy|copine|pote|eleve|nana)|\b(?:il|elle|she|he|they)\b`);
const ASKED_ANSWER = once(String.raw`^(?:moi\s|j'en ai\s|j'ai\s|i'm\s|i am\s|bah\s|euh\s|ben\s|jai\s|perso\s)?${V.MINOR_N}(?:\sans\b)?(?!\s?(?:ans? de|ans? d'|de\b|d'|h\b|heures?|:|euros?|€|photos?|videos?|min))${NOT_AN_AGE_AFTER}`);
// Answers dressed apart (part 11): an age in brackets, "(15) mais je fais plus vieux", and digits typed one by one,
// "1 5 lol" — read as the plain answer ("15 mais…", "15 lol"). A third digit makes it a code, not an age.
const BRACKETED_ANSWER = /^\(\s?(\d{2}|[a-z]{3,14})\s?\)/;
const SPACED_DIGITS = /^(\d) (\d)(?!\s?[-\/:.,]?\d)/;
const plainAnswer = (s: string): string => s.replace(BRACKETED_ANSWER, "$1").replace(SPACED_DIGITS, "$1$2");
// A school year or place as the answer, opening it: "au collège mais grand pour mon âge", "en 3e", "in 9th grade".
// …not one told as history ("au collège y a 20 ans lol", "en 3e j'étais nul, maintenant 35").
const SCHOOL_AS_HISTORY = /\b(?:y a|il y a|ago|hace|fa|vor|atras|faz|etais|j'etais|was|were|era|ero|war|estava|estaba|maintenant|now|ahora|adesso|jetzt|agora)\b|\b(?:[2-9]\d)\b/;
const ASKED_SCHOOL = once(String.raw`^(?:(?:bah|ben|euh|moi|me|perso|well|um|genre|like|tipo|naja|so|still|encore|toujours|ancora|noch|ainda|todavia|aun)\s)*(?:${V.GRADE}|${V.SCHOOL_PLACE})`);
const ASKED_YEAR = once(String.raw`^(?:\S+\s)?((?:19|20)\d\d)\b(?!\s?(?:€|euros?|\$|km))`);
// The persona's age question in the six languages ("t'as quel âge ?", "¿cuántos años tienes?", "quanti anni hai?", "wie alt bist du?").
const AGE_QUESTION = once(String.raw`\b(?:quel age|ton age|how old|your age|age\s?\?|t'as quel|tu as quel|t'as combien|tu as combien|what's your age|whats your age|ta quel age|cuantos anos|que edad|tu edad|quanti anni|che eta|la tua eta|wie alt|dein alter|quantos anos|qual (?:a )?(?:sua|tua) idade|(?:edad|eta|alter|idade)\s?\?)`);

// Gated (gate.ts): skipped on a message that lacks their literals.
for (const pattern of [...CLAIM_PATTERNS, CLAIM_SCHOOL, PUPIL_LIFE]) gated(pattern);

/** The first finding of the speaker's own claims: he is a minor, or a pupil. */
export function detectClaim(t: Text, opts: DetectOptions): MinorFinding | null {
  const s = t.s;
  if (CLAIM_PATTERNS.some((p) => testGated(s, p))) return { rule: "minor_fan", category: "claim" };
  const school = execGated(s, CLAIM_SCHOOL);
  const schoolClause = school ? t.clauseAt(school.index + school[0].length - 1) : "";
  if (school && !STAFF.test(schoolClause) && !STAFF_OF_SIX_RE.test(schoolClause) && !HIGHER_ED_RE.test(schoolClause)) return { rule: "minor_fan", category: "school" };
  const pupil = execGated(s, PUPIL_LIFE);
  // "ses devoirs", "his homework": a pupil's life owned by someone else is not the speaker's.
  if (pupil && !OWNED_BY_OTHER.test(s.slice(Math.max(0, pupil.index - 12), pupil.index))) {
    const clause = t.clauseAt(pupil.index);
    const strong = PUPIL_STRONG.test(pupil[0]);
    const staff = strong ? STAFF_SELF.test(clause) : STAFF.test(clause);
    // Opening the message, the pupil's life is where the speaker is: staff are then only the speaker ("le prof capte rien").
    const opening = AT_PUPIL_LIFE.test(s.slice(0, pupil.index));
    const staffHere = opening ? STAFF_SELF.test(clause) : staff;
    if ((FIRST_PERSON.test(clause) || strong || opening) && !RELATIVE_ONLY.test(clause) && !staffHere) return { rule: "minor_fan", category: "school" };
  }
  for (const grade of t.find(GRADE)) {
    const clause = t.clauseAt(grade.offset);
    if (FIRST_PERSON.test(clause) && !RELATIVE_ONLY.test(clause) && !STAFF.test(clause) && !THIRD_PERSON.test(clause) && !HIGHER_ED_RE.test(clause)) {
      return { rule: "minor_fan", category: "school" };
    }
  }
  if (opts.previousAssistant !== undefined && AGE_QUESTION.test(normalizeForLexicon(opts.previousAssistant))) {
    // The answer is a short message, or the short opening clause of a longer one ("quatorze 🙈 c grave ? on peut…").
    const short = t.words.length <= 8 || t.clauseAt(0).split(" ").length <= 6;
    const answer = plainAnswer(s);
    if ((short && ASKED_ANSWER.test(answer)) || answeredAge(answer) !== undefined) return { rule: "minor_fan", category: "claim" };
    if (short && ASKED_SCHOOL.test(s) && !HIGHER_ED_RE.test(t.clauseAt(0)) && !STAFF.test(t.clauseAt(0)) && !SCHOOL_AS_HISTORY.test(s)) return { rule: "minor_fan", category: "school" };
    // A year answers "how old are you?" as a year of birth: "2009", "de 2010 et toi".
    const born = short ? ASKED_YEAR.exec(s) : null;
    const age = born ? (opts.year ?? new Date().getFullYear()) - Number(born[1]) : Number.NaN;
    if (age >= 0 && age < 18) return { rule: "minor_fan", category: "claim" };
  }
  return null;
}

