/** Safety rules no slider or script can switch off (SPEC §4): minors guard, AI disclosure, no real-life meeting. */
export { detectHumanClaim, isSincereAiQuestion } from "./ai-disclosure.ts";
export { MINOR_FAN_REPLY, MINOR_SEXUAL_CONTEXT_REPLY } from "./deflections.fr.ts";
export { guardFanInput, type GuardInput, type GuardRule, type GuardSource, type GuardVerdict } from "./guard.ts";
export { detectMeetingRequest } from "./meeting.ts";
export { neutralizeFakeDirectives } from "./injection.ts";
