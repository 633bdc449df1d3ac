/**
 * Duplicate detection: a reply that repeats one of the persona's previous messages (the fan sees the bot loop).
 * Comparison ignores case, accents, punctuation, whitespace and emojis, and also catches near-exact repeats
 * (a word changed, an emoji added) with a character-bigram Dice similarity — linear in the text length.
 */
import type { ChatMessage } from "@sinhome/proto";
import { foldToWords } from "@sinhome/runtime";

/** Similarity from which two long messages count as the same message. */
export const NEAR_DUPLICATE_SIMILARITY = 0.9;
// Below these lengths (folded), repeats are fine: "oui", "mdr", "ok 😘" are what people say again and again,
// and two short texts differing by one word are not "near duplicates".
const MIN_EXACT_LENGTH = 8;
const MIN_NEAR_LENGTH = 24;

/**
 * True when `text` repeats, exactly or almost (≥ 0.9 similarity), one of the assistant messages of `history`.
 * Fan messages are not compared: echoing the fan is not the loop this check is for.
 */
export function isDuplicateOfHistory(text: string, history: readonly ChatMessage[]): boolean {
  const reply = foldToWords(text);
  if (reply.length < MIN_EXACT_LENGTH) return false;
  let replyBigrams: Map<number, number> | null = null;
  for (const item of history) {
    if (item.role !== "assistant") continue;
    const previous = foldToWords(item.content);
    if (previous === reply) return true;
    if (reply.length < MIN_NEAR_LENGTH || previous.length < MIN_NEAR_LENGTH) continue;
    // Dice can reach the threshold only when the lengths are close enough.
    const shorter = Math.min(previous.length, reply.length);
    if ((2 * shorter) / (previous.length + reply.length) < NEAR_DUPLICATE_SIMILARITY) continue;
    replyBigrams ??= bigramCounts(reply);
    if (diceSimilarity(replyBigrams, reply.length - 1, previous) >= NEAR_DUPLICATE_SIMILARITY) return true;
  }
  return false;
}

/** Dice coefficient of two strings' character bigram multisets, in [0, 1]. */
export function bigramSimilarity(left: string, right: string): number {
  const a = foldToWords(left);
  const b = foldToWords(right);
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return 0;
  return diceSimilarity(bigramCounts(a), a.length - 1, b);
}

// Bigrams keyed as numbers (two UTF-16 code units) rather than strings: no allocation per bigram.
function bigramCounts(text: string): Map<number, number> {
  const counts = new Map<number, number>();
  for (let index = 0; index < text.length - 1; index += 1) {
    const bigram = text.charCodeAt(index) * 65536 + text.charCodeAt(index + 1);
    counts.set(bigram, (counts.get(bigram) ?? 0) + 1);
  }
  return counts;
}

function diceSimilarity(leftCounts: Map<number, number>, leftTotal: number, right: string): number {
  const rightCounts = bigramCounts(right);
  let shared = 0;
  for (const [bigram, count] of rightCounts) shared += Math.min(count, leftCounts.get(bigram) ?? 0);
  return (2 * shared) / (leftTotal + right.length - 1);
}
