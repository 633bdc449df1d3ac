/**
 * Layer 1 of the minors guard (SPEC §4), its entry points: deterministic rules that combine the vocabulary's markers
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
 *
 * The rules are in claim.ts (the speaker's own claims), content.ts (minors brought into the content) and
 * markers.ts (the markers both read); text.ts gives them the normalised text as words with positions.
 */
import { extractAgeFacts, isMinorFact, type AgeFact } from "./age-facts.ts";
import { ADULT_HISTORY, WHEN_I_WAS } from "./vocabulary-i18n.ts";
import { decideFromFacts, isSuspect } from "./age-rules.ts";
import { withoutCitations } from "./citations.ts";
import { detectClaim } from "./claim.ts";
import { detectSexualContext } from "./content.ts";
import { EN_BARE_AGE, MINOR_AGE, minorMarkers } from "./markers.ts";
import { once, prepare, type Match } from "./text.ts";

export { prepare } from "./text.ts";

export type MinorCategory = "claim" | "school" | "third_person" | "roleplay" | "persona_as_minor" | "persona_past" | "absolute" | "interest";
/** Which fixed deflection answers: the fan himself is a minor, or minors are brought into the content. */
export type MinorRule = "minor_fan" | "minor_sexual_context";
export type MinorFinding = { rule: MinorRule; category: MinorCategory };

export type DetectOptions = {
  /** The persona's previous message, when the fan may be answering an age question. */
  previousAssistant?: string;
  /** The current year, for years of birth (default: now); tests and corpora pass it so they never rot. */
  year?: number;
};

const WHEN_I_WAS_RE = once(WHEN_I_WAS);
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
  // A claim inside a quoted citation (a poem's "quand on a dix-sept ans") is the work's: the rest of the message decides.
  if (found.finding?.rule === "minor_fan") {
    const uncited = withoutCitations(text);
    if (uncited !== undefined && assessMinorRisk(uncited, opts).finding === null) found = { finding: null, suspect: true };
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
