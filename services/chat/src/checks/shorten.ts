/**
 * Shortening of over-long replies (v2: more than 400 characters) at a natural boundary, so the fan never gets a
 * message cut in the middle of a word. Lengths count Unicode code points (what a person calls characters,
 * and what the seed's Python `len` counted); a cut never splits an emoji or an accented letter.
 */

const SENTENCE_END = /^[.!?…]+$/u;
const EMOJI = /\p{Extended_Pictographic}/u;
const CLOSING = /^["'»)\]]$/u;
// A boundary closer to the start than this fraction of `max` throws away too much: cut at a word instead.
const MIN_KEPT_FRACTION = 0.4;
const ELLIPSIS = "…";

const graphemes = new Intl.Segmenter("fr", { granularity: "grapheme" });

/**
 * `text` unchanged when it has at most `max` code points; otherwise the longest prefix that ends at a sentence
 * end (. ! ? …), after an emoji, or before a line break; failing that (no boundary in the last 60 %), the last
 * whole word followed by "…". The result never exceeds `max` code points.
 */
export function shortenAtSentence(text: string, max = 400): string {
  const trimmed = text.trim();
  if (codePointLength(trimmed) <= max) return trimmed;

  const pieces = Array.from(graphemes.segment(trimmed), (part) => part.segment);
  let used = 0;
  let lastBoundary = 0; // code points kept when cutting at the last boundary seen
  let lastWordEnd = 0;
  let lastPieceEnd = 0; // fallback of the fallback: one long word, cut between two graphemes
  for (let index = 0; index < pieces.length; index += 1) {
    const piece = pieces[index] ?? "";
    const size = codePointLength(piece);
    if (used + size > max) break;
    used += size;
    const previous = pieces[index - 1] ?? "";
    const next = pieces[index + 1] ?? "";
    if (piece === "\n") lastBoundary = used - size;
    else if (isSentenceEnd(piece, next)) lastBoundary = used;
    // A closing quote right after a sentence end ("belle !»", French "belle ! »") stays with its sentence.
    else if (CLOSING.test(piece) && (SENTENCE_END.test(previous) || (lastBoundary > 0 && lastBoundary === used - size - 1)))
      lastBoundary = used;
    else if (EMOJI.test(piece) && !EMOJI.test(next)) lastBoundary = used;
    // Room is kept for the ellipsis of the fallback.
    if (used <= max - 1) {
      lastPieceEnd = used;
      if (/\s/u.test(next) && !/\s/u.test(piece)) lastWordEnd = used;
    }
  }

  if (lastBoundary >= max * MIN_KEPT_FRACTION) return sliceCodePoints(trimmed, lastBoundary).trimEnd();
  const wordEnd = lastWordEnd > 0 ? lastWordEnd : lastPieceEnd;
  return sliceCodePoints(trimmed, wordEnd).replace(/[\s,;:–-]+$/u, "") + ELLIPSIS;
}

function isSentenceEnd(piece: string, next: string): boolean {
  if (!SENTENCE_END.test(piece)) return false;
  // "15.50" or "..." in progress: the boundary is after the last mark, before a space or an emoji
  // (a closing quote after the mark is kept with the sentence, see below).
  return next === "" || /\s/u.test(next) || EMOJI.test(next);
}

function codePointLength(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

function sliceCodePoints(text: string, count: number): string {
  return Array.from(text).slice(0, count).join("");
}
