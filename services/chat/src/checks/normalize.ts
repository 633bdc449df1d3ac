/**
 * Text folding shared by the reply checks and the safety guards, so that patterns are written once in plain
 * ASCII lower case: "Désolée, mais JE NE PEUX PAS" and "desolee, mais je ne peux pas" match the same rule.
 */

/** Lower case, accents removed, ligatures opened, typographic apostrophes and quotes made plain, spaces collapsed. */
export function foldForMatching(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .replace(/[’‘ʼ`´]/g, "'")
    .replace(/[«»“”„]/g, '"')
    .replace(/\s+/g, " ")
    .trim();
}

/** `foldForMatching`, then everything that is not a letter or a digit (punctuation, emojis) becomes one space. */
export function foldToWords(text: string): string {
  return foldForMatching(text)
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}
