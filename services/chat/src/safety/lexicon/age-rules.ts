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
    const matching = facts.filter((f) => f.who === rule.who && isMinorFact(f) && (!rule.schoolOnly || f.form === "school_year" || f.form === "exam"));
    if (matching.length > 0 && has(rule.needs)) return { rule: rule.rule, category: rule.category };
  }
  return null;
}

/** The suspect threshold: any age under 18 or any school fact, whoever it is about. */
export const isSuspect = (facts: readonly AgeFact[]): boolean =>
  facts.some((f) => isMinorFact(f) || f.form === "school_year" || f.form === "exam");
