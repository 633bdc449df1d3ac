/**
 * Whose age a number is, from the nearest subject before it (issue #14, part 7): the readers of age-units.ts,
 * appositions.ts, arithmetic.ts, handles.ts and rites-statuses.ts find an age; this module says who it belongs to.
 * Read over normalised text, nearest first:
 * - a fiction frame around the message → `role`;
 * - a person noun or a third-person pronoun just before, or as the clause's subject → `third_person` — a broad
 *   class: relatives, partners and friends of the six languages (vocabulary-i18n.ts) plus role nouns
 *   (colegiala, studentessa, schoolgirl, élève) and friend slang (kumpel, pote, parce);
 * - a first-person subject in the clause → `speaker`; a second-person one → `persona`;
 * - the age opening its message or clause ("14 tacos y ya quiero…", "16 here") → `speaker`;
 * - else nobody in particular → `mention` (suspect, never a block by itself).
 */
import type { AgeWho } from "./age-facts.ts";
import { FRAME_I18N, PERSON_NOUN } from "./vocabulary-i18n.ts";

const src = String.raw;

/** Role nouns and friend slang the relatives' list lacks: a pupil, a student, a buddy is a person of an age. */
export const ROLE_NOUN = src`(?:ados?|adolescente?s?|teenagers?|teen|eleve|etudiante?|lyceenne?|collegienne?|ecoliere?|schoolgirl|schoolboy|student|pupil|colegiala|colegial|estudiante|alumna|alumno|chavala?|pibe|piba|morra|morro|studentessa|studente|alunna|alunno|scolaretta|ragazzina|ragazzino|schulerin|schuler|schulmadchen|kumpel|kumpeline|kollege|estudante|aluna|aluno|novinha|novinho|parce|parcero|poto|reuf|frero|compa|colega|amigocha|mano|mana|brother|roommate)`;
const PERSON = src`(?:${PERSON_NOUN}|${ROLE_NOUN})`;
/** A person noun ending the text just before an age (an adjective or two may sit between). */
const PERSON_JUST_BEFORE = new RegExp(src`\b${PERSON}s?\b(?:\s[a-z]{2,12}){0,2}\s?(?:,|\(|\s)?\s?(?:(?:is|est|a|ist|hat|tiene|tem|ha|e|es|de|di|da|do|of|von|com|con|mit|with|qui a|que tiene|che ha|der ist|die ist|who's|whos|who is)\s)?(?:\S{1,8}\s)?$`);
// Spanish "el" is mostly the article: it is "he" only before a verb ("el tiene 15").
const THIRD_PRONOUN = /(?:^|\s)(?:il|elle|he|she|ella|lui|lei|er|sie|ele|ela|el(?=\s(?:tiene|es|esta|quiere)\b))\s(?:\S+\s)?$/;
const FIRST = /(?:^|\s)(?:je|j'|j'ai|j'en|moi|i|i'm|im|yo|tengo|soy|io|ho|sono|ich|bin|hab|habe|eu|tenho|sou|estou|estoy|sto|tou|we|we're|nous|on est|on a)(?=\s|$|,)/;
const SECOND = /(?:^|\s)(?:tu|t'|toi|you|tienes|eres|hai|sei|du|bist|hast|voce|vc)(?=\s|$)/;
// "tu sei una studentessa di 15 anni", "t'es une lycéenne de 16 ans": the persona as a person of an age.
const PERSONA_AS = /(?:^|\s)(?:tu es|tu serais|t'es|you're|you are|you'd be|eres|serias|sei|saresti|du bist|warst du|tu e|voce e|vc e)\s/;
// What may stand before an age that opens its clause: a hedge, laughter, a greeting, Italian texting "o" (= ho).
const OPENING = /^(?:(?:o|g|bah|ben|euh|bon|ok|well|so|genre|like|tipo|also|ja|si|yes|oui|nan|alors|hey|hi|hola|salut|ciao|hallo|oi|ola|just|only|que|seulement|solo|nur|erst|um die|uns|unos|unas|circa|etwa|about|around|environ|quasi|casi|fast|almost|presque|bientot|apenas|quase|haha|lol|mdr|jaja|kkk)\s)*$/;
const FRAME = new RegExp(FRAME_I18N);
const ROLE_OPENING = /^(?:rp|roleplay|role ?play|jeu de role|giochiamo|juguemos|jogamos|vamos jogar|spielen wir|on joue|let's play|lets play|fais genre|fai finta|haz como si|faz de conta|stell dir vor)\b/;

/** True when the message opens on a role-play ("rp :", "giochiamo:", "fais genre"). */
export const opensRolePlay = (s: string): boolean => ROLE_OPENING.test(s);
/** True when the message is a fiction or role-play frame (then every age in it is a role's). */
export const isFramed = (s: string): boolean => FRAME.test(s) || ROLE_OPENING.test(s);

/** The start of the clause holding `offset` (after , ; . ! ? : or a bracket). */
export function clauseStart(s: string, offset: number): number {
  let start = offset;
  while (start > 0 && !",;.!?:(".includes(s[start - 1]!)) start--;
  return start;
}

/** True when only a hedge, a greeting or laughter stands between the clause's start and `offset`. */
export function opensClause(s: string, offset: number): boolean {
  const clause = s.slice(clauseStart(s, offset), offset).trim();
  return OPENING.test(clause === "" ? "" : `${clause} `);
}

// The clause's subject is the speaker's child: "mon grand entre en 6e", "mio figlio ha fatto l'esame di terza media".
const OWN_CHILD = /^\s*(?:\S+\s)?(?:mon|ma|my|mio|mia|mi|mein|meine|meu|minha)\s(?:grand|grande|petit|petite|aine|ainee|cadet|cadette|fils|fille|figlio|figlia|hijo|hija|sohn|tochter|filho|filha|son|daughter|kid)\b/;
/** True when the clause's subject is the speaker's child. */
export const childSubject = (clause: string): boolean => OWN_CHILD.test(clause);

/** Who an age found at `offset` belongs to. */
export function subjectAt(s: string, offset: number, framed: boolean): AgeWho {
  if (framed) return "role";
  const clause = s.slice(clauseStart(s, offset), offset);
  if (PERSONA_AS.test(clause)) return "persona";
  if (PERSON_JUST_BEFORE.test(s.slice(Math.max(0, offset - 40), offset)) || THIRD_PRONOUN.test(clause) || childSubject(clause)) return "third_person";
  const first = clause.search(FIRST);
  const second = clause.search(SECOND);
  if (first >= 0 && (second < 0 || first < second)) return "speaker";
  if (second >= 0) return "persona";
  if (opensClause(s, offset)) return "speaker";
  return "mention";
}

// "ma fille de 15 ans", "my son aged 12", "mio figlio di 14": a speaker's own relative, not a taste asked about.
const POSSESSED = /\b(?:ma|mon|mes|my|mia|mio|mi|mis|mein\w*|minha|meu|meus|minhas|notre|nos|our|unser\w*|nuestr\w*|nostr\w*|nossa|nosso)\s(?:[a-z]+\s)?$/;
/** True when a possessive of the speaker stands just before `offset` (one adjective may sit between). */
export const possessedAt = (s: string, offset: number): boolean => POSSESSED.test(s.slice(Math.max(0, offset - 24), offset));

// Ownership by the speaker's kin (part 11): an age or a school year OWNED by the speaker's child or relative is
// theirs, not the speaker's claim: "papa de deux ados de 14 et 16 ans", "my niece's sweet 16", "ma fille de 15 ans",
// and a genitive after it, "die 10. Klasse meines Sohnes", "la 3e de mon fils", "o 9º ano do meu filho".
const POSSESSIVE = src`(?:ma|mon|mes|my|mia|mio|miei|mie|mi|mis|mein\w*|minha|meu|meus|minhas|notre|nos|our|unser\w*|nuestr\w*|nostr\w*|nossa|nosso)`;
/** Parents naming themselves by their children: "papa de", "mother of", "madre de", "mamma di", "Vater von", "mãe de". */
export const PARENT_OF = src`(?:papa|maman|pere|mere|parent|parents|dad|daddy|father|mom|mum|mommy|mother|padre|madre|papi|mami|mamma|babbo|genitore|vater|mutter|papa|mama|pai|mae)\s(?:de|d'|of|di|von|do|da|dos|das)`;
// A cue (a possessive or a parent word) is found first, and the owner read from there: the owner pattern alone,
// tried at every position of the text before each fact, cost ~12 µs per message in the guard bench.
const KIN_CUE = new RegExp(src`\b(?:${POSSESSIVE}|papa|maman|pere|mere|parents?|dad|daddy|father|mom|mum|mommy|mother|padre|madre|papi|mami|mamma|babbo|genitore|vater|mutter|mama|pai|mae)\s`, "g");
const KIN_BEFORE = new RegExp(src`^(?:${POSSESSIVE}\s(?:[a-z]+\s)?${PERSON}s?(?:'s|'|s)?|${PARENT_OF})(?:\s?\S+){0,6}?\s?$`);
const GENITIVE_CUE = /\s(?:de|d'|of|di|del|della|do|da|von|meines|meiner|deines|deiner|seines|seiner|ihres|ihrer|unseres|unserer)\s/;
const KIN_AFTER = new RegExp(src`^\S*(?:\s\S+){0,2}?\s(?:(?:de|d'|of|di|del|della|do|da|von)\s?${POSSESSIVE}|meines|meiner|deines|deiner|seines|seiner|ihres|ihrer|unseres|unserer)\s(?:[a-z]+\s)?${PERSON}`);
// The owner around the age: "ma fille de 14 ans" read at "fille", "my 13 year old son", "mein 14-jähriger Sohn".
const OWNER_JUST_BEFORE = new RegExp(src`\b${POSSESSIVE}\s$`);
const PERSON_SOON = new RegExp(src`^(?:\S+\s){0,3}?${PERSON}s?\b`);
/** True when the age or school year at `offset` is owned by the speaker's kin, in its clause (before it or as a genitive after). */
export function kinOwned(s: string, offset: number): boolean {
  const start = clauseStart(s, offset);
  const before = s.slice(Math.max(start, offset - 48), offset);
  if (OWNER_JUST_BEFORE.test(before) && PERSON_SOON.test(s.slice(offset, offset + 40))) return true;
  KIN_CUE.lastIndex = 0;
  for (const cue of before.matchAll(KIN_CUE)) if (KIN_BEFORE.test(before.slice(cue.index))) return true;
  let end = offset;
  // (A dot after digits is a German ordinal, "die 10. Klasse", not a sentence's end.)
  while (end < s.length && end - offset < 48 && !",;!?:".includes(s[end]!) && !(s[end] === "." && !/\d/.test(s[end - 1]!))) end++;
  const after = s.slice(offset, end);
  return GENITIVE_CUE.test(after) && KIN_AFTER.test(after);
}

