/**
 * A year of birth carried by a handle, an e-mail or a cohort word (issue #14, part 7), over normalised text (where
 * "@" and "_" are gone, dots stay):
 * - a handle or an e-mail whose parts end on a year: "kylian.2011", "ines.2012", "leon.2010" (born then);
 *   "tyler.class.of.2028" (a class graduating then: 18 at graduation);
 * - a name and a year after a platform word, the underscore lost: "insta: pablo 1988", "snap lea 2011";
 * - a school year or a pupil's school in a handle: "mon tiktok c'est nathan_seconde_lycee";
 * - a cohort word and a year: "classe 2011", "génération 2010", "gen 2009", "annata 2011", "geração 2010".
 * Only years that make someone 10–17 now give a fact (an adult's handle says nothing the rules need). The handle
 * is the speaker's unless a person is named before it ("ma petite soeur sur insta ines.2012"): subject.ts.
 */
import type { AgeFact } from "./age-facts.ts";
import { ROLE_NOUN, subjectAt } from "./subject.ts";
import { PERSON_NOUN } from "./vocabulary-i18n.ts";
import { execGated, gated, matchAllGated, testGated } from "./gate.ts";

const DOTTED = /\b[a-z][a-z0-9]*(?:\.[a-z0-9]+)*\.((?:19|20)\d\d)\b/g;
// An e-mail whose name ends on a year glued to it: "lea2010 gmail.com" (the normaliser dropped the "@").
const GLUED_MAIL = /\b[a-z]{2,}((?:19|20)\d\d)\s(?:gmail|hotmail|yahoo|outlook|icloud|live|wanadoo|orange|free|sfr|laposte|web|gmx|libero|uol|bol|terra)\.[a-z]{2,3}\b/g;
const GRAD_PARTS = /(?:^|\.)(?:class\.?of|classof|promo|abi|matura|clase\.?de|turma\.?de)\.?$/;
const PLATFORM_WORD = String.raw`\b(?:insta|instagram|ig|snap|snapchat|sc|tiktok|tt|discord|twitter|telegram|kik|pseudo|username|user|handle|mail|email|e-mail|compte|cuenta|account|profil|profile|perfil|add me|ajoute moi|ajoute-moi|agregame|aggiungimi|adicione|addet mich|adde mich|follow me|suis moi|sigueme|seguimi|folge mir|me segue|dm me)\b`;
const PLATFORM_RE = new RegExp(PLATFORM_WORD);
const PLATFORM = new RegExp(String.raw`${PLATFORM_WORD}[^,.!?]{0,16}?\b([a-z]{2,15})\s?((?:19|20)\d\d)\b`, "g");
// A school year or a pupil's school in a handle ("nathan_seconde_lycee", "lea.3eme"): its owner is a pupil.
const HANDLE_SCHOOL = new RegExp(String.raw`${PLATFORM_WORD}[^,!?]{0,24}?\b(?:seconde|2nde|premiere|terminale|troisieme|quatrieme|[3-6]eme|lycee|lyceen\w*|collegien\w*|highschool|middleschool|secundaria|liceo|liceale|gymnasium|realschule|ensino ?medio|[5-9] ?ano)\b`);
const FOR_SOMEONE = new RegExp(String.raw`^\S+(?:\s\S+)?\s(?:pour|for|de|of|para|per|fur|von|da|do|della|di)\s(?:\S+\s)?(?:${PERSON_NOUN}|${ROLE_NOUN})\b`);
const STAFF_WORD = /\b(?:prof|teacher|lehrer\w*|profe|professeur\w*|professor\w*|insegnante)\b/;
const COHORT = /\b(?:team|classe|generation|generacion|generazione|geracao|gen|annata|leva|safra|cosecha)\s'?((?:19|20)\d\d)\b/g;

/** Ages from years of birth (or of graduation) in handles, e-mails and cohort words. */
export function handleAges(s: string, year: number, framed: boolean): AgeFact[] {
  const facts: AgeFact[] = [];
  const platform = testGated(s, PLATFORM_RE);
  const school = platform ? execGated(s, HANDLE_SCHOOL) : null;
  if (school && !STAFF_WORD.test(school[0])) {
    const who = subjectAt(s, school.index, framed);
    facts.push({ who: who === "mention" || who === "persona" ? "speaker" : who, min: 11, max: 17, form: "school_year", offset: school.index });
  }
  if (!/(?:19|20)\d\d/.test(s)) return facts;
  const push = (min: number, max: number, offset: number) => {
    if (min < 10 || min > 17) return;
    // "lea2011@gmail.com pour ma fille": a handle given for someone named after it is theirs.
    const forSomeone = FOR_SOMEONE.test(s.slice(offset, offset + 60));
    const who = forSomeone ? (framed ? "role" : "third_person") : subjectAt(s, offset, framed);
    facts.push({ who: who === "mention" || who === "persona" ? "speaker" : who, min, max, form: "birth_year", offset });
  };
  for (const m of matchAllGated(s, DOTTED)) {
    const y = Number(m[1]);
    const head = m[0].slice(0, m[0].length - m[1]!.length - 1);
    if (GRAD_PARTS.test(head)) push(18 - (y - year), 19 - (y - year), m.index ?? 0);
    else push(year - y, year - y, m.index ?? 0);
  }
  if (platform) for (const m of matchAllGated(s, PLATFORM)) push(year - Number(m[2]), year - Number(m[2]), (m.index ?? 0) + m[0].lastIndexOf(m[1]!));
  for (const m of matchAllGated(s, GLUED_MAIL)) push(year - Number(m[1]), year - Number(m[1]), m.index ?? 0);
  for (const m of matchAllGated(s, COHORT)) push(year - Number(m[1]), year - Number(m[1]), m.index ?? 0);
  return facts;
}

// Gated (gate.ts): skipped on a message that lacks their literals.
for (const pattern of [COHORT, DOTTED, GLUED_MAIL, HANDLE_SCHOOL, PLATFORM, PLATFORM_RE]) gated(pattern);
