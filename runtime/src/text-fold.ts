/**
 * Text folding shared by every service that matches French/English text against patterns (chat's reply
 * checks and safety guards, ops's QA checks), so patterns are written once in plain ASCII lower case:
 * "Désolée, mais JE NE PEUX PAS" and "desolee, mais je ne peux pas" match the same rule.
 */

/**
 * Folded texts are remembered (bounded): within one request the fan's message is read by several
 * checks, and across requests a conversation's history comes back with every new message.
 */
const MEMO_MAX_ENTRIES = 4096;
const MEMO_MAX_LENGTH = 2000;

function memoized(fn: (text: string) => string): (text: string) => string {
  const memo = new Map<string, string>();
  return (text) => {
    let folded = memo.get(text);
    if (folded === undefined) {
      folded = fn(text);
      if (text.length <= MEMO_MAX_LENGTH) {
        if (memo.size >= MEMO_MAX_ENTRIES) memo.clear();
        memo.set(text, folded);
      }
    }
    return folded;
  };
}

/** Lower case, accents removed, ligatures opened, typographic apostrophes and quotes made plain, spaces collapsed. */
export const foldForMatching = memoized((text: string): string =>
  text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .replace(/[’‘ʼ`´]/g, "'")
    .replace(/[«»“”„]/g, '"')
    .replace(/\s+/g, " ")
    .trim(),
);

/** `foldForMatching`, then everything that is not a letter or a digit (punctuation, emojis) becomes one space. */
export const foldToWords = memoized((text: string): string =>
  foldForMatching(text)
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim(),
);
