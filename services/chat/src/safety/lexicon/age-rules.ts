/**
 * Decisions from age facts (age-facts.ts), as one table: which who, with which context, blocks under which
 * category and rule. Read top to bottom, first match wins. The second threshold, `suspect`, is any fact
 * under 18 or any school fact whatever the context: what an outage of the guard model deflects when
 * GUARD_FAIL_MODE=suspect (see guard-model/gate.ts).
 */
import type { AgeFact, AgeWho } from "./age-facts.ts";
import { isMinorFact } from "./age-facts.ts";
import type { MinorCategory, MinorRule } from "./detect.ts";
import { COMMERCE, CONTENT_REQUEST, SEXUAL } from "./vocabulary.ts";
import { COMMERCE_I18N, CONTACT, PAST_CONTENT, SEXUAL_I18N } from "./vocabulary-i18n.ts";
import { OTHER_PERSONS } from "./other-persons.ts";
import { kinOwned } from "./subject.ts";

type Context = "none" | "sexual_or_commerce" | "past_content" | "contact";
type FactRule = { who: AgeWho; schoolOnly?: boolean; needs: Context; category: MinorCategory; rule: MinorRule };

/** The decision table: a minor fact of `who`, in a message with `needs`, blocks as `category`. */
export const FACT_RULES: readonly FactRule[] = [
  { who: "speaker", schoolOnly: true, needs: "none", category: "school", rule: "minor_fan" },
  { who: "speaker", needs: "none", category: "claim", rule: "minor_fan" },
  { who: "role", needs: "none", category: "roleplay", rule: "minor_sexual_context" },
  { who: "interest", needs: "none", category: "interest", rule: "minor_sexual_context" },
  { who: "persona", needs: "none", category: "persona_as_minor", rule: "minor_sexual_context" },
  { who: "persona_past", needs: "past_content", category: "persona_past", rule: "minor_sexual_context" },
  { who: "third_person", needs: "sexual_or_commerce", category: "third_person", rule: "minor_sexual_context" },
  { who: "third_person", needs: "contact", category: "third_person", rule: "minor_sexual_context" },
];

const SEXUAL_OR_COMMERCE = new RegExp(`${SEXUAL}|${COMMERCE}|${CONTENT_REQUEST}|${SEXUAL_I18N}|${COMMERCE_I18N}`);
// Joining or opening an OnlyFans is commerce too ("mi prima (15) quiere entrar en tu OF"); tried apart, as joined
// to the alternation above it doubled that pattern's cost.
const PLATFORM = new RegExp(OTHER_PERSONS.platform);
const CONTACT_RE = new RegExp(CONTACT, "g");
// The speaker as the subject of the contact ("je suis tranquille pour te parler") is his own wish, not the minor's.
const FIRST_SUBJECT = /(?:^|\s)(?:je|j'|i|i'm|i'll|yo|io|ich|eu|moi)(?=\s|$)/;

/** True when someone other than the speaker is to be put in touch with the persona (a contact phrase in a clause without "I"). */
function contactForSomeoneElse(s: string): boolean {
  CONTACT_RE.lastIndex = 0;
  for (const m of s.matchAll(CONTACT_RE)) {
    let start = m.index ?? 0;
    while (start > 0 && !",;.!?".includes(s[start - 1]!)) start--;
    if (!FIRST_SUBJECT.test(s.slice(start, m.index))) return true;
  }
  return false;
}
const PAST_CONTENT_RE = new RegExp(`${PAST_CONTENT}|${SEXUAL}|${SEXUAL_I18N}`);

// A kin's age told in passing is not tied to the speaker's own request (part 11): "papa de deux ados de 14 et 16
// ans … tu fais quoi comme contenu ?", "back from my niece's sweet 16, finally home, what did i miss on ur page?".
// It is tied when the content word sits near the age (within KIN_TIE_WORDS), or in a clause that names someone
// else or does not address the persona ("ma fille de 15 ans veut faire du contenu", "…, she wants your OF").
const KIN_TIE_WORDS = 8;
const CONTENT_ALL = new RegExp(`${SEXUAL_OR_COMMERCE.source}|${OTHER_PERSONS.platform}`, "g");
// The request is about the persona's content when its clause has her as subject or owner ("tu fais quoi comme
// contenu", "ur page", "tus fotos", "bei dir"); her as a mere recipient ("te vendo fotos", "je te vends") stays tied.
const TO_PERSONA = /(?:^|\s)(?:tu|t'|ton|ta|tes|you|your|ur|u|tus|tuo|tua|tue|tuoi|du|dein\w*|voce|vc|teu|teus|tuas|bei dir|chez toi)(?=\s|$)/;
const SOMEONE_ELSE = /(?:^|\s)(?:il|elle|ils|elles|lui|leur|ses|sa|son|he|she|they|him|her|them|his|their|el|ella|ellos|su|sus|lei|loro|suo|sua|er|sie|ihr|ihn|ihm|sein\w*|ihre?\w*|ele|ela|eles|elas|dele|dela)(?=\s|$)/;
/** True when a kin-owned age at `offset` (subject.ts `kinOwned`) is told in passing, not tied to any content word of `s`. */
export const kinInPassing = (s: string, offset: number): boolean => kinOwned(s, offset) && !kinTiedToContent({ offset }, s);

/** True when a kin-owned fact (subject.ts `kinOwned`) is the object of a content, sexual or commerce word of `s`. */
function kinTiedToContent(f: Pick<AgeFact, "offset">, s: string): boolean {
  CONTENT_ALL.lastIndex = 0;
  for (const m of s.matchAll(CONTENT_ALL)) {
    const at = m.index ?? 0;
    const [from, to] = at < f.offset ? [at, f.offset] : [f.offset, at];
    const between = s.slice(from, to);
    if (between.split(" ").length <= KIN_TIE_WORDS || !/[,;.!?]/.test(between)) return true;
    let start = at;
    while (start > 0 && !",;.!?".includes(s[start - 1]!)) start--;
    let end = at;
    while (end < s.length && !",;.!?".includes(s[end]!)) end++;
    const clause = s.slice(start, end);
    if (SOMEONE_ELSE.test(clause) || !TO_PERSONA.test(clause)) return true;
  }
  return false;
}

export type FactDecision = { rule: MinorRule; category: MinorCategory };

/** The block a message's facts call for, or null. `s` is the normalised message the facts come from. */
export function decideFromFacts(facts: readonly AgeFact[], s: string): FactDecision | null {
  if (facts.length === 0) return null;
  let sexual: boolean | undefined;
  let past: boolean | undefined;
  let contact: boolean | undefined;
  const has = (needs: Context): boolean => {
    if (needs === "none") return true;
    if (needs === "sexual_or_commerce") return (sexual ??= SEXUAL_OR_COMMERCE.test(s) || PLATFORM.test(s));
    if (needs === "contact") return (contact ??= contactForSomeoneElse(s));
    return (past ??= PAST_CONTENT_RE.test(s));
  };
  for (const rule of FACT_RULES) {
    let matching = facts.filter((f) => f.who === rule.who && isMinorFact(f) && (!rule.schoolOnly || f.form === "school_year" || f.form === "exam"));
    if (rule.who === "third_person" && rule.needs === "sexual_or_commerce") matching = matching.filter((f) => !kinInPassing(s, f.offset));
    if (matching.length > 0 && has(rule.needs)) return { rule: rule.rule, category: rule.category };
  }
  return null;
}

/** The suspect threshold: any age under 18 or any school fact, whoever it is about. */
export const isSuspect = (facts: readonly AgeFact[]): boolean =>
  facts.some((f) => isMinorFact(f) || f.form === "school_year" || f.form === "exam");
