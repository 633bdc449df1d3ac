/**
 * The persona's school days (issue #14, eighth round): a school below higher education, or adolescence, named as
 * HERS — "tes expériences coquines du lycée", "your high school days", "le tue esperienze piccanti del liceo, tipo
 * al secondo anno", "quando eri alle medie", "als du ein Teenager warst", "cuando eras adolescente", "deine Jugend". The
 * persona is an adult, so her years at such a school are her past as a minor (12–17): a `persona_past` fact, which
 * blocks only with past content or sexual words (age-rules.ts). The school must be tied to the persona — owned by
 * "your" or told after "when you were" — so the speaker's own school days ("j'étais au lycée avec une fille comme
 * toi") and university ("dell'università", "your college days") stay out, and so does after school ("après le lycée").
 */
import type { AgeFact } from "./age-facts.ts";

const src = String.raw;

/** The vocabulary of this reader, one table: schools below higher education, and how the persona owns them. */
export const PERSONA_SCHOOL = {
  // Secondary and primary schools of the six languages, and the school of childhood itself ("your school days");
  // "collège" only after a French article (English college is a university). Schools adults attend are excluded.
  school: src`(?:lycee|(?:au|du) college|high ?school|middle school|junior high|secondary school|hs|instituto|insti|secundaria|secu|preparatoria|prepa|la eso|bachillerato|liceo|medie|superiori|scuola media|gymnasium|gymi|realschule|hauptschule|gesamtschule|schulzeit|ensino medio|ensino fundamental|colegial|colegio|cole|(?:ecole|school|scuola|escuela|schule|escola)(?! (?:de|d'|of|di|guida|serale|nocturna)\b)(?<!\b(?:business|law|medical|grad|film|art|drama|dance|driving|language|night|summer|flight|cooking|beauty|fahr|tanz|hoch|berufs|abend) ?(?:school|schule)))`,
  // Adolescence and childhood as a time of life: "your teenage years", "ton adolescence", "deine Jugend".
  stage: src`(?:adolescence|adolescencia|adolescenza|jugend|teenagerzeit|teen ?years|teenage years|annees ado|puberte|pubertad|puberta|pubertat|puberdade|enfance|childhood|infancia|infanzia|kindheit)`,
  // Who the persona was: a teenager, a child, a pupil ("quand t'étais ado", "cuando eras adolescente").
  minor: src`(?:une? )?(?:ado|adolescente?|teen|teenager|a teen|a teenager|a kid|a child|a minor|a schoolgirl|petite|gamine|mineure|nina|chica|chiquilla|nena|pequena|escuincla|morrita|chamaca|piba|adolescente|menor|ragazzina|bambina|minorenne|liceale|(?:ein )?(?:teenager|teenie|kind|madchen|schulerin)|menina|crianca|novinha|de menor|adolescente)`,
  // "your" of the six languages, then up to four words ("tes expériences coquines du", "your spicy stories from").
  owned: src`(?:tes|ta|ton|your|ur|tus|le tue|i tuoi|la tua|il tuo|deine\w*|dein|teus|tuas|teu|tua)\s(?:\S+\s){0,4}?`,
  // "when you were" of the six languages, then up to three words ("quand tu étais au", "when you were in").
  youWere: src`(?:quand tu etais|quand t'etais|when you were|back when you were|cuando (?:estabas|eras|ibas)|quando (?:eri|andavi|facevi)|als du|quando (?:voce|vc|tu) (?:estava|era|tava|fazia|ia))\s(?:\S+\s){0,3}?`,
  // Words that put the school after or outside the persona's minority: after it, or a university.
  after: src`(?:apres|after|despues|dopo|nach|depois|post)\s(?:\S+\s)?$`,
} as const;

const OWNED_SCHOOL = new RegExp(src`\b(?:${PERSONA_SCHOOL.owned}(${PERSONA_SCHOOL.school}|${PERSONA_SCHOOL.stage})|${PERSONA_SCHOOL.youWere}(${PERSONA_SCHOOL.school}|${PERSONA_SCHOOL.minor}))\b`, "g");
const AFTER = new RegExp(PERSONA_SCHOOL.after);
// Words one of which the message must hold before the full pattern runs (an alternation of literals is cheap).
const GATE = /lyce|colle|school|hs|insti|secu|prepa|eso|bachi|liceo|medie|superiori|media|gym|schul|ensino|colegi|cole|escola|ecole|scuola|escuela|schule|ado|teen|jugend|puber|enfance|child|infan|kind|kid|minor|menor|petite|gamine|nina|chica|chiquilla|nena|pequena|escuincla|morrita|chamaca|piba|ragazzina|bambina|madchen|menina|crianca|novinha/;
const SECOND = /\b(?:tes|ta|ton|your|ur|tus|tue|tuoi|tua|tuo|dein\w*|teus|tuas|teu|tu|t'|you|als du|quando eri|quando voce|quando vc|cuando (?:eras|estabas|ibas))\b/;

/** The persona's years at a school below higher education, as `persona_past` facts (none in a fiction frame). */
export function personaSchoolAges(s: string, framed: boolean): AgeFact[] {
  const facts: AgeFact[] = [];
  if (framed || !SECOND.test(s) || !GATE.test(s)) return facts;
  OWNED_SCHOOL.lastIndex = 0;
  for (const m of s.matchAll(OWNED_SCHOOL)) {
    const at = m.index ?? 0;
    // "tes souvenirs d'après le lycée": the words between the owner and the school put it after.
    if (AFTER.test(m[0].slice(0, m[0].length - (m[1] ?? m[2])!.length))) continue;
    facts.push({ who: "persona_past", min: 12, max: 17, form: "school_year", offset: at });
    break;
  }
  return facts;
}
