/**
 * One canonical form of a fan message before the lexicon reads it, so each pattern is written once:
 * lower case, no accents ("désabonne" = "desabonne", "ça" = "ca"), straight apostrophes, ligatures
 * spelled out, and stretched letters shortened ("ouiiiii" → "ouii", "bonnnne" → "bonne") — two are kept
 * because French doubles letters ("belle", "bonne") and a pattern can still say `x+`.
 */

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const APOSTROPHES = /[\u2018\u2019\u02bc\u00b4`]/g;
const STRETCHED = /([a-z])\1{2,}/g;
const SPACES = /\s+/g;

const NON_ASCII = /[^\x00-\x7f]/;
const LIGATURES = /[\u0153\u00e6]/g;

export function normalizeText(text: string): string {
  let out = text.toLowerCase();
  // Most fan messages are plain ASCII: skip the Unicode work for them (it is half the cost).
  if (NON_ASCII.test(out)) {
    out = out
      .normalize("NFD")
      .replace(COMBINING_MARKS, "")
      .replace(APOSTROPHES, "'")
      .replace(LIGATURES, (c) => (c === "\u0153" ? "oe" : "ae"));
  }
  return out.replace(STRETCHED, "$1$1").replace(SPACES, " ").trim();
}
