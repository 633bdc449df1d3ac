/**
 * The named checks a QA case runs on the LLM's reply. Each check is one boolean in the result's `checks`;
 * a case passes when every check is true.
 */
import { declinesMeeting } from "./meeting.ts";
import { isFrench } from "./french.ts";
import { isRefusal } from "./refusal.ts";
import { containsAll, containsNone } from "./signals.ts";
import { charLength, containsCjk, isAnswered } from "./text.ts";

export { declinesMeeting } from "./meeting.ts";
export { frenchShare, isFrench } from "./french.ts";
export { isRefusal } from "./refusal.ts";
export { containsAll, containsNone, hasSignals, signalsFound } from "./signals.ts";
export { charLength, containsCjk, isAnswered } from "./text.ts";

/** One check: its name in `checks`, and the test it runs on the reply. */
export type ReplyCheck = { name: string; passes: (reply: string) => boolean };

export const answered: ReplyCheck = { name: "answered", passes: isAnswered };
export const noRefusal: ReplyCheck = { name: "no_refusal", passes: (r) => !isRefusal(r) };
export const noCjk: ReplyCheck = { name: "no_cjk", passes: (r) => !containsCjk(r) };
export const answersInFrench: ReplyCheck = { name: "is_french", passes: isFrench };
export const declinesRealLifeMeeting: ReplyCheck = { name: "declines_meeting", passes: declinesMeeting };

export const noForbidden = (signals: readonly string[]): ReplyCheck => ({ name: "no_forbidden", passes: (r) => containsNone(r, signals) });
export const expectedPresent = (signals: readonly string[]): ReplyCheck => ({ name: "expected_present", passes: (r) => containsAll(r, signals) });
/** At most `max` characters (code points). */
export const lengthAtMost = (name: string, max: number): ReplyCheck => ({ name, passes: (r) => charLength(r) <= max });

/** Runs every check on `reply`: name → passed. */
export function runChecks(checks: readonly ReplyCheck[], reply: string): Record<string, boolean> {
  return Object.fromEntries(checks.map((c) => [c.name, c.passes(reply)]));
}
