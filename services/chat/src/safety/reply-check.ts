/**
 * Layer 3 of the minors guard: the generated reply goes through the same lexicon before it leaves. A
 * reply in which the persona says she is under 18 or a pupil, role-plays a minor, tells her past as a
 * minor as sexual content, or ties a minor to sex is never sent: the pipeline retries once, then sends
 * the fixed deflection. Pure.
 */
import { detectMinorRisk, type MinorCategory } from "./minors.ts";

/** The category that makes a reply unsendable, or null when it may leave. */
export function checkReplyForMinors(reply: string): MinorCategory | null {
  return detectMinorRisk(reply)?.category ?? null;
}
