/** Checks of LLM replies used by the retry loop, and the last-resort choice among attempts. */
export { containsCjk, stripCjk } from "./cjk.ts";
export { isDuplicateOfHistory } from "./duplicate.ts";
export { detectRefusal } from "./refusal.ts";
export { shortenAtSentence } from "./shorten.ts";
export { checkReply, pickBestCandidate, type BestCandidate, type ReplyProblem, type ReplyVerdict } from "./verdict.ts";
