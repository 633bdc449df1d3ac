/**
 * One verdict per LLM reply for the retry loop, and the choice of what to send when every retry failed.
 */
import type { ChatMessage } from "@sinhome/proto";
import { containsCjk, stripCjk } from "./cjk.ts";
import { isDuplicateOfHistory } from "./duplicate.ts";
import { detectRefusal } from "./refusal.ts";

/**
 * Why a reply cannot be sent as it is. `empty` (nothing but whitespace) is not in the spec's list of retry
 * causes; the pipeline decides how to count it.
 */
export type ReplyProblem = "refusal" | "cjk" | "duplicate" | "empty";

/** `ok: true` = send it; otherwise `cause` is the first problem found, in the order empty, refusal, cjk, duplicate. */
export type ReplyVerdict = { ok: true } | { ok: false; cause: ReplyProblem };

/** Checks one reply against the persona's previous messages in `history`. */
export function checkReply(text: string, history: readonly ChatMessage[]): ReplyVerdict {
  if (text.trim().length === 0) return { ok: false, cause: "empty" };
  if (detectRefusal(text)) return { ok: false, cause: "refusal" };
  if (containsCjk(text)) return { ok: false, cause: "cjk" };
  if (isDuplicateOfHistory(text, history)) return { ok: false, cause: "duplicate" };
  return { ok: true };
}

/** What `pickBestCandidate` chose: the text to send (CJK already stripped) and how clean it is. */
export type BestCandidate = {
  text: string;
  /** Position of the chosen candidate in the input list. */
  index: number;
  /** Verdict of `text` as returned, i.e. after CJK stripping. */
  verdict: ReplyVerdict;
};

// Lower is better. A CJK reply that is fine once stripped ranks with the clean ones (after them);
// a duplicate is still a persona message, a refusal breaks the persona, an empty text says nothing.
const RANK: Record<"ok" | ReplyProblem, number> = { ok: 0, cjk: 1, duplicate: 2, refusal: 3, empty: 4 };

/**
 * The best reply among the attempts of one request (in attempt order): the first clean one; else the first
 * that is clean once its CJK characters are stripped; else a non-refusal (a duplicate); else a refusal.
 * Returns null when there is no candidate with any text left after stripping.
 */
export function pickBestCandidate(
  candidates: readonly string[],
  history: readonly ChatMessage[] = [],
): BestCandidate | null {
  let best: BestCandidate | null = null;
  let bestRank = RANK.empty;
  for (const [index, candidate] of candidates.entries()) {
    const original = checkReply(candidate, history);
    const text = stripCjk(candidate).trim();
    const verdict = original.ok ? original : checkReply(text, history);
    const rank = verdict.ok ? (original.ok ? RANK.ok : RANK.cjk) : RANK[verdict.cause];
    if (rank < bestRank) {
      best = { text, index, verdict };
      bestRank = rank;
    }
  }
  return best;
}
