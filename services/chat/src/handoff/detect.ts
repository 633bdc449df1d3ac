/**
 * The hand-off signal (pure): from what the pipeline already knows about one exchange, the reasons a
 * person should take the conversation over. Never throws: the reply must not fail or wait because of it.
 */
import type { Handoff, HandoffReason } from "@sinhome/proto";
import { foldForMatching } from "@sinhome/runtime";
import { detectMeetingRequest, isSincereAiQuestion } from "../safety/index.ts";
import { DISTRESS_PATTERNS, HUMAN_REQUEST_PATTERNS, matchesAny } from "./lexicon.ts";

/** Content retries for refusals at or above which the model is considered stuck out of persona. */
export const REPEATED_REFUSALS = 2;

export type HandoffInput = {
  /** The fan's message as the pipeline read it. */
  message: string;
  /** A minors guard layer answered instead of the model. */
  guarded: boolean;
  /** No backend could write a reply (v2 fallback, failed v1). */
  fallback: boolean;
  /** Refusal retries of this exchange. */
  refusals: number;
  /** What the pipeline already detected on this message (not detected again); absent = detect here. */
  aiQuestion?: boolean;
  meetingRequest?: boolean;
};

/** Reasons in a fixed order (the order of `HandoffReason`), each once. */
export function detectHandoff(input: HandoffInput): Handoff {
  const reasons: HandoffReason[] = [];
  try {
    const message = input.message ?? "";
    const folded = foldForMatching(message);
    if (input.guarded) reasons.push("minors_guard");
    if (input.meetingRequest ?? (message !== "" && detectMeetingRequest(message))) reasons.push("meeting_request");
    if (input.aiQuestion ?? (message !== "" && isSincereAiQuestion(message))) reasons.push("ai_question");
    if (folded && matchesAny(HUMAN_REQUEST_PATTERNS, folded)) reasons.push("human_requested");
    if (folded && matchesAny(DISTRESS_PATTERNS, folded)) reasons.push("distress");
    if (input.fallback) reasons.push("fallback");
    if (input.refusals >= REPEATED_REFUSALS) reasons.push("repeated_refusal");
  } catch {
    // A detector bug must never cost the fan his reply: whatever was found so far is kept.
  }
  return { recommended: reasons.length > 0, reasons };
}
