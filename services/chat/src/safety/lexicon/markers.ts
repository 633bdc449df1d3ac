/**
 * The markers of a minor in a text (ages under 18 as "N ans", minor nouns, grades, schools, classmates, family
 * ages, child words, school girls), found once per text: the block and the suspect thresholds both read them.
 */
import { genericAgeSpans, inGenericAge, isThingAdjectiveAt, isTitleAt } from "./relative-ages.ts";
import { HIGHER_ED, RECENT_TIME, SEXUAL_I18N } from "./vocabulary-i18n.ts";
import { once, re, type Match, type Text } from "./text.ts";
import * as V from "./vocabulary.ts";

export function unitGuard(): string {
  return String.raw`(?![:h.,'"]\d|\s?(?:minutes?|mins?|hours?|hrs?|h\b|km|miles?|feet|ft|inches|cm|kg|kilos?|lbs?|pounds?|%|times|percent|dollars?|euros?|bucks|am\b|pm\b|o'?clock|\/10|out of|days?|weeks?|months? (?:away|ago|late)|years? (?:(?:my|your|his|her) )?(?:younger|older|apart|ago|later|senior|junior)|seconds?|secs?|th\b|x\b|pics?|photos?|videos?|messages?|followers?|points?|degrees?|meters?|metres?|€|\$|away|late|early|min\b))`;
}
// A parent's or relative's child in any of the six languages, or "mon grand"/"ma petite" as the French say of a child.
export const RELATIVE_ONLY = once(String.raw`\b(?:mon|ma|mes|my|our|notre|nos|mio|mia|miei|mie|mi|mis|mein|meine|meinen|meinem|meu|minha|meus|minhas)\s(?:petite?\s|grande?\s|demi[- ]|belle[- ]|beau[- ]|step|piccol[oa]\s|kleine[nr]?\s|pequen[oa]\s)?(?:fils|fille|filles|enfants?|gosses?|gamins?|niece|neveu|neveux|cousine?|soeur|frere|son|daughter|kids?|children|nephew|cousin|sister|brother|figli[oa]?|figlie|nipote|hij[oa]s?|sobrin[oa]s?|sohn|tochter|kinder?|neffe|nichte|filh[oa]s?|sobrinh[oa]s?)\b|\b(?:mon grand|ma grande|mon petit|ma petite|mon aine|mon cadet|ma cadette)\s(?:entre|rentre|passe|commence|fait|va|est)\b`);
export const STAFF = once(V.SCHOOL_STAFF.replace(String.raw`\b(?:prof|`, String.raw`\b(?:prof(?! principal)|`));
// "élève de 3e", "fille de 4ème": a pupil, even in a sentence that also names a teacher.
const PUPIL_GRADE = once(String.raw`\b(?:eleve|fille|meuf|gamine|girl|classe|une|un|petite)\s(?:de|d'|en|in)\s?\S+$|\b(?:eleve|fille|meuf|gamine|girl|classe|une|un|petite)\s(?:de|d'|en|in)\s?\S+\s?$`);
export const HIGHER_ED_RE = once(HIGHER_ED);
export const MINOR_AGE = re(V.MINOR_AGE);
export const EN_BARE_AGE = re(String.raw`(?:${V.EN_BARE_AGE}|'re (?:only\s|just\s|both\s|all\s)?${V.MINOR_N}\b${unitGuard()})`);
const AGE_AFTER_QUESTION = re(V.AGE_AFTER_QUESTION);
const MINOR_NOUN = re(V.MINOR_NOUN);
const TEEN_ONLY = /^(?:teens?|teenagers?|teenage|teeny)$/;
const ADULT_MARKER = once(V.ADULT_MARKER);
// Plural "gamines" is about girls; the singular is also a teasing word ("t'es une vraie gamine").
const WEAK_CHILD = re(String.raw`\b(?:enfants?|gosses?|gamins?|gamines|kids?|child|children)\b`);
export const GRADE = re(V.GRADE);
const SCHOOL_PLACE = re(V.SCHOOL_PLACE);
const CLASSMATE = re(String.raw`\b(?:classmates?|camarades? de classe|de ma classe|dans ma classe|in my class|de sa classe|in her class)\b`);
const SCHOOL_GIRL = re(String.raw`\b(?:collegiennes?|lyceennes?|ecolieres?|schoolgirls?|school girls?|(?:high|middle) ?school girls?|middle schoolers?|high schoolers?)\b`);
const RELATIVE = re(V.RELATIVE);

/**
 * The speaker's own school days told as a memory ("j'étais au lycée avec une fille…", "when i was in high school",
 * "cuando estaba en la secundaria", "als ich auf der Realschule war"): the school is his past, no minor now —
 * unless a recent time makes it his present ("ce matin", "last year"), or the memory holds more than looks: his
 * own acts then ("quand j'étais au collège je me touchais") stay a minor's sexual content.
 */
export const SPEAKER_SCHOOL_PAST = String.raw`\b(?:j'etais|j'allais|quand j'etais|when i was|i was|i went|back in|cuando (?:estaba|era|iba)|estaba|iba|quando (?:ero|andavo)|ero|andavo|als ich|ich war|war ich|ich ging|quando eu (?:estava|era|estudava)|eu (?:estava|era|estudava))\b`;
const SCHOOL_PAST_BEFORE = new RegExp(String.raw`${SPEAKER_SCHOOL_PAST}(?:\s\S+){0,3}\s$`);
const SEXUAL_ANY = re(`${V.SEXUAL}|${SEXUAL_I18N}`);
const LOOKS_WORD = /\b(?:sexy|hot|chaud\w*|bonnes?|canon|belles?|gostos\w*|calientes?|geil\w*|figa|fighe|gnocc[ae]|foutues?|formees?|buen[ao]s?|buenisim\w*)$/;
const RECENT = once(RECENT_TIME);

export type Markers = { strong: Match[]; family: Match[]; weakChild: Match[]; schoolGirl: Match[] };

export function minorMarkers(t: Text): Markers {
  return (t.markers ??= findMinorMarkers(t));
}

function findMinorMarkers(t: Text): Markers {
  const notStaff = (m: Match) => !STAFF.test(t.clauseAt(m.offset)) || PUPIL_GRADE.test(t.s.slice(Math.max(0, m.offset - 12), m.offset + m.text.length));
  const nouns = t.find(MINOR_NOUN).filter((m) => !(TEEN_ONLY.test(m.text) && ADULT_MARKER.test(t.clauseAt(m.offset))) && !(/^(?:minors?|mineure?s?)$/.test(m.text) && isThingAdjectiveAt(t.s, m.offset, m.text.length)));
  // An age in a title ("le film 17 ans encore") is no one's.
  // …nor is one after a generic "when one is" ("quand on a 15 ans, on…").
  const generic = genericAgeSpans(t.s);
  const ages = [...t.find(MINOR_AGE), ...t.find(EN_BARE_AGE), ...t.find(AGE_AFTER_QUESTION)].filter((a) => !isTitleAt(t.s, a.offset) && !inGenericAge(generic, a.offset));
  const relatives = t.find(RELATIVE);
  // An age right after a relative ("ma fille de 14 ans", "my son is 15") belongs to the family.
  const isFamily = (age: Match) => relatives.some((r) => age.from - r.to >= 0 && age.from - r.to <= 4) && RELATIVE_ONLY.test(t.clauseAt(age.offset));
  const family = ages.filter(isFamily);
  let onlyLooks: boolean | undefined;
  const recalled = (m: Match) => SCHOOL_PAST_BEFORE.test(t.s.slice(Math.max(0, m.offset - 40), m.offset)) && !RECENT.test(t.s) && (onlyLooks ??= t.find(SEXUAL_ANY).every((w) => LOOKS_WORD.test(w.text)));
  const strong = [
    ...ages.filter((a) => !isFamily(a)),
    ...nouns,
    // A grade word in a higher-education clause ("sophomore in college") is a student's year, not a pupil's.
    ...t.find(GRADE).filter((m) => notStaff(m) && !HIGHER_ED_RE.test(t.clauseAt(m.offset)) && !recalled(m)),
    ...t.find(SCHOOL_PLACE).filter((m) => notStaff(m) && !recalled(m)),
    ...t.find(CLASSMATE),
  ];
  return { strong, family, weakChild: t.find(WEAK_CHILD), schoolGirl: t.find(SCHOOL_GIRL) };
}
