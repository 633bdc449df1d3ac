/** Safety rules no slider or script can switch off (SPEC §4): minors guard, AI disclosure, no real-life meeting. */
export { detectHumanClaim, isSincereAiQuestion } from "./ai-disclosure.ts";
export { MINOR_FAN_REPLY, MINOR_SEXUAL_CONTEXT_REPLY } from "./deflections.fr.ts";
export { guardFanInput, type GuardInput, type GuardRule, type GuardSource, type GuardVerdict } from "./guard.ts";
export { detectMeetingRequest } from "./meeting.ts";
export { neutralizeFakeDirectives } from "./injection.ts";
export { deflectionFor, type GuardBlock, type GuardCategory } from "./guard.ts";
export { MINOR_REPLY_DEFLECTION } from "./deflections.fr.ts";
export { checkReplyForMinors } from "./reply-check.ts";
export { guardModelMetrics, minorsMetrics, type GuardLayer } from "./metrics.ts";
export { GuardModelGate, createGuardModelGate, type GuardModelDecision } from "./guard-model/gate.ts";
export { GuardModelClient, type GuardModelResult } from "./guard-model/client.ts";
export { llamaGuardPrompt, parseGuardAnswer, LLAMA_GUARD_TASK_PREFIX } from "./guard-model/prompt.ts";
