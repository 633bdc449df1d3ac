/**
 * Layer 1 of the minors guard (SPEC §4): deterministic rules that combine the vocabulary's markers
 * (vocabulary.ts) instead of listing phrasings. A marker is found anywhere in the normalised text, and
 * the rules ask whether two kinds of markers sit close together (in words), e.g. "a minor marker within
 * 14 words of a sexual or commerce marker", or "a role-play frame followed by a minor marker".
 *
 * Categories (what the metrics and logs name):
 * - `claim`: the speaker says he is under 18 now (ages, group or indirect claims, almost-18, SMS forms);
 * - `school`: the speaker is a pupil (grade, school, pupil's life), or school roles asked as content;
 * - `third_person`: someone under 18 tied to sexual content, a purchase or a subscription;
 * - `roleplay`: a fiction, pretend or role-play frame around someone under 18;
 * - `persona_as_minor`: the persona told she is, or looks, under 18;
 * - `persona_past`: the persona's own past as a minor asked as sexual content or pictures;
 * - `absolute`: words that are about sexualised minors by themselves;
 * - `interest`: the fan asks whether the persona likes or wants people of an age under 18.
 * After these phrasing rules, the message's age facts (age-facts.ts: ages read as values in six languages)
 * decide through the table of age-rules.ts, and give the `suspect` threshold.
 */
import { extractAgeFacts, isMinorFact, type AgeFact } from "./age-facts.ts";
import { ADULT_HISTORY, HIGHER_ED, MINOR_ADJECTIVE, WHEN_I_WAS } from "./vocabulary-i18n.ts";
import { decideFromFacts, isSuspect } from "./age-rules.ts";
import { answeredAge } from "./appositions.ts";
import { normalizeForLexicon } from "./normalize.ts";
import * as V from "./vocabulary.ts";

export type MinorCategory = "claim" | "school" | "third_person" | "roleplay" | "persona_as_minor" | "persona_past" | "absolute" | "interest";
/** Which fixed deflection answers: the fan himself is a minor, or minors are brought into the content. */
export type MinorRule = "minor_fan" | "minor_sexual_context";
export type MinorFinding = { rule: MinorRule; category: MinorCategory };

const re = (source: string) => new RegExp(source, "g");
const once = (source: string) => new RegExp(source);

// ---- the rules' compiled patterns -----------------------------------------------------------------

const ABSOLUTE = once(String.raw`\b(?:loli(?:con|ta)?s?|shota(?:con)?s?|pedo(?:s|phile\w*|philie|porn\w*|pornographi\w*)?|pedopornographi\w*|jailbait|child ?porn\w*|kiddie ?porn|kiddy ?porn|csam|pthc|cp (?:links?|videos?|vids?|pics?|photos?|content|stuff)|underage (?:content|nudes?|pics?|porn|stuff|videos?)|preteens?|pre-teens?|prepuberes?|impuberes?|contenu (?:avec des|de|pour) mineure?s?|videos? de mineure?s?|photos? de mineure?s?)\b`);

const AFTER_AGE_END = String.raw`(?=\s?(?:$|et\b|,|\.|!|\?|mais\b|bientot\b|mdr|lol|ptdr|stp|hein|non\b|moi\b|tu\b|ok\b|jsp|pile|tout rond|and\b|btw))`;
const CLAIM_PATTERNS: readonly RegExp[] = [
  // "j'ai 15 ans", "jai que 14", "on a tous 16 ans", "avec mes potes on a 15 ans"
  once(String.raw`\b(?:j'ai|j'en ai|on a|nous avons)\s(?:(?:que|qu'|seulement|juste|a peine|tout juste|meme pas|tous|toutes|les deux|les 2|tous les deux|tous les 2|deja|genre|environ|bien)\s)*${V.MINOR_N}(?:\sans\b${"(?!\\s(?:de\\s|d'|que\\b|qu'|plus\\b))"}|${AFTER_AGE_END})`),
  once(String.raw`\bj'ai eu ${V.MINOR_N} ans\b(?!.{0,25}\b(?:il y a|y a|en (?:19|20)\d\d|quand|a l'epoque))`),
  once(String.raw`\bje viens d'avoir ${V.MINOR_N} ans\b`),
  // "je suis (encore) mineur", "on est deux mineurs", "je suis pas encore majeur", "i'm underage"
  once(String.raw`\b(?:je suis|on est|nous sommes|i'm|i am|we're|we are)\s(?:(?:encore|toujours|que|qu'|tous|deux|2|tous les deux|les deux|juste|only|still|just|both|all|a|an|une?|des|ta|ma|votre|your|my|petite?|little|vraie)\s)*(?:mineure?s?|minors?|underage|ados?|adolescente?s?|teens?|teenagers?|pas (?:encore |vraiment )?majeure?s?|not (?:yet )?(?:18|an adult)|under 18|collegien(?:ne)?s?|lyceen(?:ne)?s?|ecolier(?:e)?s?)\b`),
  // "on est 3 potes de 15 ans", "nous sommes deux filles de 14 ans", "16 dans 2 mois"
  once(String.raw`\b(?:on est|nous sommes|on etait)\s(?:\S+\s){0,3}?(?:de|d')\s${V.MINOR_N} ans\b(?!\s(?:de\s|d'))`),
  once(String.raw`^(?:1[0-8])(?: ans)? dans \d+ (?:mois|semaines?|jours?)\b`),
  once(String.raw`\b(?:i'm|i am|we're|we are)\s(?:still\s)?not (?:yet\s)?(?:of (?:legal\s)?age|legal)\b`),
  // almost 18, a coming birthday
  once(String.raw`(?:\b(?:j'ai|on a|je suis|i'm|i am|we're)\s(?:bientot|presque|pas encore|pas|meme pas|moins de|not yet|almost|nearly|not|under)\s18\b|^(?:bientot|presque|pas encore|not yet|almost|nearly|not)\s18\b|\bnot 18 yet\b)`),
  once(String.raw`\b(?:je vais avoir|j'aurai|je vais sur mes|vais sur mes|je vais bientot avoir|je fete(?:rai)? mes|je vais feter mes|bientot mes|i'll be|i will be|i turn|i'm turning|i will turn|i'll turn)\s(?:bientot\s)?(?:1[0-8]|[1-9])\b(?:\sans\b)?(?!\s?(?:minutes?|h\b|heures?|:|de\s|d'|ans de|ans d'|min|pm|am|tomorrow at|euros?|€|balles|dollars?|km|kg|kilos?|photos?|pics?|fois|times|%))`),
  // English: "i'm 15", "im only 16", "we're both 14", "me and my friend are 15"
  once(String.raw`\b(?:i'm|i am|iam)\s(?:only\s|just\s|barely\s|still\s|like\s|almost\s|nearly\s|a\s)?${V.MINOR_N}\b${"(?!\\s?ans\\s(?:de|d'))"}${unitGuard()}`),
  once(String.raw`\b(?:we're|we are|we r|both of us are|we both are|me and my [a-z]+(?: [a-z]+)? (?:are|r)|my [a-z]+(?: [a-z]+)? and i (?:are|r|am)|my [a-z]+ and me (?:are|r))\s(?:both\s|all\s|only\s|just\s)?${V.MINOR_N}\b${unitGuard()}`),
  // an age opening the message or after a name: "16 ans et toi", "moi, 15 ans", "moi c'est lucas 14 ans", "16 ans ici"
  once(String.raw`(?:^|\b(?:moi|me|c'est [a-z]+|je m'appelle [a-z]+|mon nom c'est [a-z]+|my name is [a-z]+|i'm [a-z]{3,})\s?,?\s)${V.MINOR_N} ans\b(?!\s(?:de\s|d'|que\b|qu'|plus\b|apres|ago|of\b|together))`),
];
function unitGuard(): string {
  return String.raw`(?![:h.,'"]\d|\s?(?:minutes?|mins?|hours?|hrs?|h\b|km|miles?|feet|ft|inches|cm|kg|kilos?|lbs?|pounds?|%|times|percent|dollars?|euros?|bucks|am\b|pm\b|o'?clock|\/10|out of|days?|weeks?|months? (?:away|ago|late)|seconds?|secs?|th\b|x\b|pics?|photos?|videos?|messages?|followers?|points?|degrees?|meters?|metres?|€|\$|away|late|early|min\b))`;
}
const CLAIM_SCHOOL = once(String.raw`\b(?:je suis|on est|nous sommes|je vais|je rentre|je sors|je reviens|j'ai cours|je retourne|i'm|i am|we're|we are|i go to|i just got out of|i got out of|im in)\b(?:\s\S+){0,3}?\s?(?:${V.GRADE}|${V.SCHOOL_PLACE})`);
const PUPIL_LIFE = once(V.PUPIL_LIFE);
const PUPIL_STRONG = once(String.raw`\b(?:cantine du (?:college|lycee)|en recre|heure de colle|brevet blanc|bac blanc|homeroom|classmates|camarades? de classe)\b`);
const FIRST_PERSON = once(String.raw`(?:^|\s)(?:je|j'|moi|me|m'|ma|mon|mes|nous|on|i|my|i'm|we|we're|our)\b`);
const RELATIVE_ONLY = once(String.raw`\b(?:mon|ma|mes|my|our|notre|nos)\s(?:petite?\s|grande?\s|demi[- ]|belle[- ]|beau[- ]|step)?(?:fils|fille|filles|enfants?|gosses?|gamins?|niece|neveu|neveux|cousine?|soeur|frere|son|daughter|kids?|children|nephew|cousin|sister|brother)\b`);
const STAFF = once(V.SCHOOL_STAFF.replace(String.raw`\b(?:prof|`, String.raw`\b(?:prof(?! principal)|`));
// "élève de 3e", "fille de 4ème": a pupil, even in a sentence that also names a teacher.
const PUPIL_GRADE = once(String.raw`\b(?:eleve|fille|meuf|gamine|girl|classe|une|un|petite)\s(?:de|d'|en|in)\s?\S+$|\b(?:eleve|fille|meuf|gamine|girl|classe|une|un|petite)\s(?:de|d'|en|in)\s?\S+\s?$`);
const STAFF_SELF = once(String.raw`\b(?:je suis|i'm|i am|je bosse|je travaille|i work|i teach)\b`);
const THIRD_PERSON = once(String.raw`\b(?:il|elle|ils|elles|he|she|they|une?|a|la|le|les|des)\s(?:fille|meuf|mec|gars|girl|boy|copine|pote|eleve|nana)|\b(?:il|elle|she|he|they)\b`);
const ASKED_ANSWER = once(String.raw`^(?:moi\s|j'en ai\s|j'ai\s|i'm\s|i am\s|bah\s|euh\s|ben\s|jai\s|perso\s)?${V.MINOR_N}(?:\sans\b)?(?!\s?(?:ans? de|h\b|heures?|:|euros?|€|photos?|videos?|min))`);
const ASKED_YEAR = once(String.raw`^(?:\S+\s)?((?:19|20)\d\d)\b(?!\s?(?:€|euros?|\$|km))`);
const HIGHER_ED_RE = once(HIGHER_ED);
const MINOR_ADJECTIVE_RE = once(MINOR_ADJECTIVE);
const WHEN_I_WAS_RE = once(WHEN_I_WAS);
const AGE_QUESTION = once(String.raw`\b(?:quel age|ton age|how old|your age|age\s?\?|t'as quel|tu as quel|t'as combien|tu as combien|what's your age|whats your age|ta quel age)\b`);

const MINOR_AGE = re(V.MINOR_AGE);
const EN_BARE_AGE = re(String.raw`(?:${V.EN_BARE_AGE}|'re (?:only\s|just\s|both\s|all\s)?${V.MINOR_N}\b${unitGuard()})`);
const AGE_AFTER_QUESTION = re(V.AGE_AFTER_QUESTION);
const MINOR_NOUN = re(V.MINOR_NOUN);
const TEEN_ONLY = /^(?:teens?|teenagers?|teenage|teeny)$/;
const ADULT_MARKER = once(V.ADULT_MARKER);
// Plural "gamines" is about girls; the singular is also a teasing word ("t'es une vraie gamine").
const WEAK_CHILD = re(String.raw`\b(?:enfants?|gosses?|gamins?|gamines|kids?|child|children)\b`);
const GRADE = re(V.GRADE);
const SCHOOL_PLACE = re(V.SCHOOL_PLACE);
const CLASSMATE = re(String.raw`\b(?:classmates?|camarades? de classe|de ma classe|dans ma classe|in my class|de sa classe|in her class)\b`);
const SCHOOL_GIRL = re(String.raw`\b(?:collegiennes?|lyceennes?|ecolieres?|schoolgirls?|school girls?|(?:high|middle) ?school girls?|middle schoolers?|high schoolers?)\b`);
const SCHOOL_CONTENT = once(String.raw`\b(?:(?:uniformes?|tenues?|costumes?|deguisements?|outfits?|jupes?|habits?) (?:scolaires?|d'ecoliere|d'eleve|de (?:lyceenne|collegienne|ecoliere))|en (?:ecoliere|collegienne|lyceenne|schoolgirl)|(?:habillee?|deguisee?|dressed|dress|dressed up|dressing) (?:toi )?(?:en|comme|like|as|up as|up like) (?:une |a |an )?(?:ecoliere|collegienne|lyceenne|schoolgirl|middle schooler|high schooler|student of)|school ?girl (?:outfit|uniform|costume)|school uniforms?|jupe plissee et couettes?|couettes et jupe)\b`);
const SEXUAL = re(V.SEXUAL);
const COMMERCE = re(V.COMMERCE);
const CONTENT_REQUEST = re(V.CONTENT_REQUEST);
const DESIRE = re(V.DESIRE);
// A frame is addressed to the persona (imperative, "tu", "on", "let's"): "il joue au foot", "she wanted to be a
// pilot" are not role-play. Sports and games after "jouer" are not roles either.
const ROLE_FRAME = re(String.raw`(?<!\b(?:il|elle|ils|elles|qui|he|she|they|to|wanted to|want to|going to|gonna|used to|would|will|could|can't|cannot)\s)\b(?:jou(?:e|es|er|ez|ons|erais|erait)(?!\s(?:au|aux|du|de la|des|avec (?:ses|mes|son|sa|les)|dehors|bien|mal|a la|a des|en|pour)\b)|incarn\w+|interpret\w+|sois|deviens|fai(?:s|sons|tes) (?:comme si|semblant|la|le|l')|faire (?:comme si|semblant)|on fait comme si|fais comme si|comme si (?:tu|t'|j'|je|on|nous)|on dit que|disons|suppose\w*|imagin(?:e|es|ez|ons)(?!\s(?:pas|bien))|et si (?:tu|t'|j'|je|on|nous)|mets?[- ]toi|glisse[- ]toi|dans la peau|dans le role|parler? comme|repondre comme|reponds comme|ecri(?:s|re) comme|jeu de role|roleplay|role ?play|rp\b|pretend\w*|let's say|let's play|lets play|what if|act (?:like|as)|(?:^|can you |could you |will you |please |now |tonight |just |you |pls )(?:play (?:a|an|the|my)|be (?:a|an|my))|tu serais|you'd be|you would be|deguise\w*|cosplay|in this story|dans cette histoire)\b`);
const STORY_FRAME = re(String.raw`\b(?:raconte\w*|ecri(?:s|re|t|vez)|invente\w*|decri(?:s|re|t|vez)|histoire|recit|fiction|scenario|story|write|tell me a|describe|texte)\b(?:\s\S+){0,6}?\s(?:ou|where|about|sur|avec|with|entre|between|dans laquelle|in which|of|d'une?|qui)\b`);
const PERSONA_IS = re(String.raw`${V.PERSONA_IS}(?:${V.MINOR_NOUN}|${V.MINOR_N}(?:\sans)?\b${unitGuard()}|${V.GRADE}|${V.SCHOOL_PLACE})`);
const PERSONA_HAS_AGE = re(String.raw`(?<!\b(?:quand|lorsque|epoque ou|si|when)\s)\btu (?:as|aurais|auras)\s(?:que\s|seulement\s|juste\s|genre\s)?${V.MINOR_N} ans\b(?!\s(?:de\s|d'|que\b|qu'))`);
const LOOKS_MINOR = re(String.raw`${V.LOOKS_LIKE}(?:${V.MINOR_N}(?:\sans)?\b${unitGuard()}|${V.MINOR_NOUN}|${V.GRADE})`);
const PERSONA_AGE_GUESS = re(String.raw`\b(?:tu as|t'as) (?:quel|combien)\b[^.!]{0,20}?\b${V.MINOR_N}\b\s?\?`);
const PERSONA_PAST = re(V.PERSONA_PAST);
const PERSONA_BODY = re(V.PERSONA_BODY);
const ADDRESSED = once(String.raw`\b(?:tu|te|t'|toi|ton|ta|tes|you|your|u)\b`);
const RELATIVE = re(V.RELATIVE);
// A partner under 18 ("j'ai une copine de 14 ans", "my gf is 15"): dating a minor, in an adult chat.
const PARTNER = re(String.raw`\b(?:ma|mon|une|un|my|a|sa|son|his|her)\s(?:petite?\s|nouvelle\s|new\s)?(?:copine|copain|meuf|go|petite amie|petit ami|mec|gf|bf|girlfriend|boyfriend|amoureuse|amoureux|crush)\b`);
const EXCLUDING = re(V.EXCLUDING_MINORS);

// ---- the text, as words with positions --------------------------------------------------------------

class Text {
  readonly words: number[] = []; // character offset where each word starts
  /** The minor markers, found once per text (the block and the suspect thresholds both read them). */
  markers?: Markers;
  constructor(readonly s: string) {
    let inWord = false;
    for (let i = 0; i < s.length; i++) {
      const space = s[i] === " ";
      if (!space && !inWord) this.words.push(i);
      inWord = !space;
    }
  }
  /** Word index of a character offset. */
  wordAt(offset: number): number {
    let lo = 0;
    let hi = this.words.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.words[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
  /** Each match of a global pattern as [start word, end word, matched text]. */
  find(pattern: RegExp): Match[] {
    const out: Match[] = [];
    pattern.lastIndex = 0;
    for (const m of this.s.matchAll(pattern)) {
      const start = m.index ?? 0;
      out.push({ from: this.wordAt(start), to: this.wordAt(start + Math.max(0, m[0].length - 1)), text: m[0], offset: start });
    }
    return out;
  }
  /** The clause (between , ; . ! ? :) around a character offset. */
  clauseAt(offset: number): string {
    const before = this.s.slice(0, offset).search(/[^,;.!?:]*$/);
    const afterMatch = /[,;.!?:]/.exec(this.s.slice(offset));
    return this.s.slice(before, afterMatch ? offset + afterMatch.index : undefined);
  }
}
type Match = { from: number; to: number; text: string; offset: number };

/** True when some `a` and some `b` are at most `window` words apart (either order). */
function near(a: Match[], b: Match[], window: number): boolean {
  return a.some((x) => b.some((y) => y.from - x.to <= window && x.from - y.to <= window));
}
/** True when some `b` starts after some `a`, at most `window` words later. */
function follows(a: Match[], b: Match[], window: number, lookBehind = 0): boolean {
  return a.some((x) => b.some((y) => y.from >= x.from - lookBehind && y.from - x.to <= window));
}

export function prepare(text: string): Text {
  const normalized = normalizeForLexicon(text);
  return new Text(normalized.replace(EXCLUDING, (m) => " ".repeat(m.length)));
}

// ---- the markers of a minor in a text ---------------------------------------------------------------

type Markers = { strong: Match[]; family: Match[]; weakChild: Match[]; schoolGirl: Match[] };

function minorMarkers(t: Text): Markers {
  return (t.markers ??= findMinorMarkers(t));
}

function findMinorMarkers(t: Text): Markers {
  const notStaff = (m: Match) => !STAFF.test(t.clauseAt(m.offset)) || PUPIL_GRADE.test(t.s.slice(Math.max(0, m.offset - 12), m.offset + m.text.length));
  const nouns = t.find(MINOR_NOUN).filter((m) => !(TEEN_ONLY.test(m.text) && ADULT_MARKER.test(t.clauseAt(m.offset))) && !(/^minors?$/.test(m.text) && MINOR_ADJECTIVE_RE.test(t.s.slice(m.offset + m.text.length))));
  const ages = [...t.find(MINOR_AGE), ...t.find(EN_BARE_AGE), ...t.find(AGE_AFTER_QUESTION)];
  const relatives = t.find(RELATIVE);
  // An age right after a relative ("ma fille de 14 ans", "my son is 15") belongs to the family.
  const isFamily = (age: Match) => relatives.some((r) => age.from - r.to >= 0 && age.from - r.to <= 4) && RELATIVE_ONLY.test(t.clauseAt(age.offset));
  const family = ages.filter(isFamily);
  const strong = [
    ...ages.filter((a) => !isFamily(a)),
    ...nouns,
    // A grade word in a higher-education clause ("sophomore in college") is a student's year, not a pupil's.
    ...t.find(GRADE).filter((m) => notStaff(m) && !HIGHER_ED_RE.test(t.clauseAt(m.offset))),
    ...t.find(SCHOOL_PLACE).filter(notStaff),
    ...t.find(CLASSMATE),
  ];
  return { strong, family, weakChild: t.find(WEAK_CHILD), schoolGirl: t.find(SCHOOL_GIRL) };
}

// ---- the rules --------------------------------------------------------------------------------------

export type DetectOptions = {
  /** The persona's previous message, when the fan may be answering an age question. */
  previousAssistant?: string;
  /** The current year, for years of birth (default: now); tests and corpora pass it so they never rot. */
  year?: number;
};

/** The first finding of the speaker's own claims: he is a minor, or a pupil. */
function detectClaim(t: Text, opts: DetectOptions): MinorFinding | null {
  const s = t.s;
  if (CLAIM_PATTERNS.some((p) => p.test(s))) return { rule: "minor_fan", category: "claim" };
  const school = CLAIM_SCHOOL.exec(s);
  const schoolClause = school ? t.clauseAt(school.index + school[0].length - 1) : "";
  if (school && !STAFF.test(schoolClause) && !HIGHER_ED_RE.test(schoolClause)) return { rule: "minor_fan", category: "school" };
  const pupil = PUPIL_LIFE.exec(s);
  if (pupil) {
    const clause = t.clauseAt(pupil.index);
    const strong = PUPIL_STRONG.test(pupil[0]);
    const staff = strong ? STAFF_SELF.test(clause) : STAFF.test(clause);
    if ((FIRST_PERSON.test(clause) || strong) && !RELATIVE_ONLY.test(clause) && !staff) return { rule: "minor_fan", category: "school" };
  }
  for (const grade of t.find(GRADE)) {
    const clause = t.clauseAt(grade.offset);
    if (FIRST_PERSON.test(clause) && !RELATIVE_ONLY.test(clause) && !STAFF.test(clause) && !THIRD_PERSON.test(clause) && !HIGHER_ED_RE.test(clause)) {
      return { rule: "minor_fan", category: "school" };
    }
  }
  if (opts.previousAssistant !== undefined && AGE_QUESTION.test(normalizeForLexicon(opts.previousAssistant))) {
    if ((t.words.length <= 8 && ASKED_ANSWER.test(s)) || answeredAge(s) !== undefined) return { rule: "minor_fan", category: "claim" };
    // A year answers "how old are you?" as a year of birth: "2009", "de 2010 et toi".
    const born = t.words.length <= 8 ? ASKED_YEAR.exec(s) : null;
    const age = born ? (opts.year ?? new Date().getFullYear()) - Number(born[1]) : Number.NaN;
    if (age >= 0 && age < 18) return { rule: "minor_fan", category: "claim" };
  }
  return null;
}

/** Minors brought into the content: role-play, the persona as a minor, her past, third persons, school roles. */
function detectSexualContext(t: Text): MinorFinding | null {
  const s = t.s;
  if (ABSOLUTE.test(s)) return { rule: "minor_sexual_context", category: "absolute" };
  const markers = minorMarkers(t);
  const sexual = t.find(SEXUAL);
  const commerce = t.find(COMMERCE);
  const requests = t.find(CONTENT_REQUEST);

  if (t.find(PERSONA_IS).length > 0 || t.find(PERSONA_HAS_AGE).length > 0 || t.find(LOOKS_MINOR).length > 0 || t.find(PERSONA_AGE_GUESS).length > 0) {
    return { rule: "minor_sexual_context", category: "persona_as_minor" };
  }
  const framed = [...markers.strong, ...markers.schoolGirl, ...markers.family];
  if (follows(t.find(ROLE_FRAME), framed, 18, 8) || follows(t.find(STORY_FRAME), framed, 18)) {
    return { rule: "minor_sexual_context", category: "roleplay" };
  }
  if (SCHOOL_CONTENT.test(s)) return { rule: "minor_sexual_context", category: "school" };
  if (markers.schoolGirl.length > 0 && (near(markers.schoolGirl, t.find(DESIRE), 6) || near(markers.schoolGirl, [...sexual, ...requests], 14))) {
    return { rule: "minor_sexual_context", category: "school" };
  }
  if (ADDRESSED.test(s)) {
    const past = [...t.find(PERSONA_PAST), ...markers.strong];
    if (near(past, [...sexual, ...t.find(PERSONA_BODY)], 16) && t.find(PERSONA_PAST).length + t.find(PERSONA_BODY).length > 0) {
      return { rule: "minor_sexual_context", category: "persona_past" };
    }
  }
  if (near(markers.strong, [...sexual, ...commerce, ...requests], 14)) return { rule: "minor_sexual_context", category: "third_person" };
  if (follows(t.find(PARTNER), [...t.find(MINOR_AGE), ...t.find(EN_BARE_AGE)], 4)) return { rule: "minor_sexual_context", category: "third_person" };
  if (near(markers.family, [...sexual, ...commerce], 10)) return { rule: "minor_sexual_context", category: "third_person" };
  if (near(markers.weakChild, sexual, 3)) return { rule: "minor_sexual_context", category: "third_person" };
  return null;
}

// A conversation's history comes back with every new message: its verdicts are remembered (bounded).
const MEMO_MAX_ENTRIES = 4096;
const MEMO_MAX_LENGTH = 4000;
const memo = new Map<string, MinorAssessment>();
const ADULT_HISTORY_RE = new RegExp(ADULT_HISTORY);

/** Layer 1's two thresholds on one message: the block (a finding) and `suspect` (an age or school fact under 18). */
export type MinorAssessment = { finding: MinorFinding | null; suspect: boolean };

/** Layer 1 on a fan message: a claim to be a minor first, then minors brought into the content, then age facts. */
export function assessMinorRisk(text: string, opts: DetectOptions = {}): MinorAssessment {
  const key = `${opts.year ?? ""}\u0000${opts.previousAssistant ?? ""}\u0000${text}`;
  const known = memo.get(key);
  if (known !== undefined) return known;
  const t = prepare(text);
  let found: MinorAssessment = { finding: null, suspect: false };
  if (t.s.length > 0) {
    // A phrasing rule that blocks settles both thresholds: the age facts are read only when it does not.
    let ruled = detectClaim(t, opts) ?? detectSexualContext(t);
    let facts: AgeFact[] | undefined;
    // "School" from the phrasing rules is lifted for an adult telling his school days as history ("mon brevet,
    // je l'ai eu en 89", "en seconde j'étais nul, maintenant j'ai 45 ans"): the age facts decide instead.
    if (ruled?.rule === "minor_fan" && ruled.category === "school") {
      facts = extractAgeFacts(t.s, { year: opts.year });
      if (ADULT_HISTORY_RE.test(t.s) || facts.some((f) => f.who === "speaker" && f.min >= 18)) ruled = null;
      // "Quand j'étais en 3e…", "when I was in 9th grade…": a school year told as the speaker's past, none now.
      else if (WHEN_I_WAS_RE.test(t.s) && facts.some((f) => f.who === "speaker_past") && !facts.some((f) => f.who === "speaker" && f.min < 18)) ruled = null;
    }
    if (ruled) found = { finding: ruled, suspect: true };
    else {
      facts ??= extractAgeFacts(t.s, { year: opts.year });
      const finding = decideFromFacts(facts, t.s);
      const markers = minorMarkers(t);
      found = { finding, suspect: finding !== null || isSuspect(facts) || markers.strong.length + markers.family.length > 0 };
    }
  }
  if (key.length <= MEMO_MAX_LENGTH) {
    if (memo.size >= MEMO_MAX_ENTRIES) memo.clear();
    memo.set(key, found);
  }
  return found;
}

/** Layer 1's block threshold on a fan message. */
export const detectMinorRisk = (text: string, opts: DetectOptions = {}): MinorFinding | null => assessMinorRisk(text, opts).finding;

/**
 * Stricter reading for a script or the persona's traits (adult context by definition): any minor
 * marker about a person counts, without needing sexual vocabulary.
 */
export function detectMinorInAdultContext(text: string): MinorFinding | null {
  const t = prepare(text);
  if (t.s.length === 0) return null;
  const found = detectSexualContext(t) ?? detectClaim(t, {});
  if (found) return { rule: "minor_sexual_context", category: found.category };
  const m = minorMarkers(t);
  const personAge = (a: Match) => (PERSON.test(t.clauseAt(a.offset)) && !THING.test(t.clauseAt(a.offset)));
  const AGES = new Set([...t.find(MINOR_AGE), ...t.find(EN_BARE_AGE)].map((a) => a.offset));
  const counted = [...m.strong, ...m.family].filter((a) => !AGES.has(a.offset) || personAge(a));
  if (counted.length > 0 || m.schoolGirl.length > 0) return { rule: "minor_sexual_context", category: "roleplay" };
  const facts = extractAgeFacts(t.s).filter((f) => isMinorFact(f) && f.who !== "speaker_past" && f.who !== "staff");
  if (facts.length > 0) return { rule: "minor_sexual_context", category: "roleplay" };
  return null;
}

// In a script, "ton chat a 3 ans" is not a person's age; "elle a 15 ans" is.
const PERSON = once(String.raw`\b(?:fille|garcon|meuf|nana|gamine?|eleve|girl|boy|jeune|ado|elle|il|tu|t'|je|j'|she|he|you|i|i'm|personnage|perso|role|character|cliente?|fan|lui|toi|moi)\b`);
const THING = once(String.raw`\b(?:chat|chien|chiot|voiture|moto|maison|appart\w*|video|photo|contenu|compte|page|metier|experience|whisky|vin|cat|dog|car|house|account|channel|chaine|marque|boutique|relation|couple)\b`);

/** Only the speaker's own claims (he is under 18, or a pupil). */
export function detectMinorClaim(text: string, opts: DetectOptions = {}): MinorFinding | null {
  const t = prepare(text);
  return t.s.length === 0 ? null : detectClaim(t, opts);
}

/** Only minors brought into the content (role-play, third persons, the persona's past, school roles). */
export function detectMinorSexualContext(text: string): MinorFinding | null {
  const t = prepare(text);
  return t.s.length === 0 ? null : detectSexualContext(t);
}
