/**
 * The minors lexicon (layer 1 of SPEC §4) as the rest of the chat service uses it. The rules live in
 * `lexicon/` (normalisation, vocabulary by category, the rules that combine markers); these are the
 * yes/no questions the guard and the reply check ask:
 * - `claimsToBeMinor`: the speaker says he is under 18 now, or that he is a pupil;
 * - `bringsMinorsIntoSexualContext`: role-play or fiction around a minor, the persona as a minor or her
 *   past as a minor as content, a third person under 18 tied to sex, a purchase or a subscription;
 * - `describesMinorInAdultContext`: for scripts and persona traits (adult context by definition), any
 *   minor-coded role or under-18 person, without needing sexual vocabulary.
 */
import { detectMinorClaim, detectMinorInAdultContext, detectMinorSexualContext } from "./lexicon/detect.ts";

export { assessMinorRisk, detectMinorClaim, detectMinorInAdultContext, detectMinorRisk, detectMinorSexualContext } from "./lexicon/detect.ts";
export type { MinorAssessment } from "./lexicon/detect.ts";
export type { MinorCategory, MinorFinding, MinorRule } from "./lexicon/detect.ts";

/** True when the text says its author is under 18. `previousAssistant` is the persona's last message, if any. */
export const claimsToBeMinor = (text: string, previousAssistant?: string): boolean => detectMinorClaim(text, { previousAssistant }) !== null;

/** True when a message brings minors into a sexual context or a role-play. */
export const bringsMinorsIntoSexualContext = (text: string): boolean => detectMinorSexualContext(text) !== null;

/** True when a script or persona traits name a minor-coded role or an under-18 person. */
export const describesMinorInAdultContext = (text: string): boolean => detectMinorInAdultContext(text) !== null;
