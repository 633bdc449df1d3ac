/**
 * Text folding for the QA checks, so patterns and signals are written once in plain ASCII lower case:
 * "Désolée, mais JE NE PEUX PAS" and "desolee, mais je ne peux pas" compare equal.
 */

/** Lower case, accents removed, ligatures opened, typographic apostrophes made plain, spaces collapsed. */
export function foldText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .replace(/[’‘ʼ`´]/g, "'")
    .replace(/\s+/g, " ")
    .trim();
}

/** The folded words of `text` (letters and digits only); an apostrophe splits "c'est" into "c" and "est". */
export function foldedWords(text: string): string[] {
  return foldText(text).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
}
