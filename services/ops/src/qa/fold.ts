/**
 * Text folding for the QA checks: the mesh's one folding (`@sinhome/runtime`), plus the word split the
 * language check needs.
 */
import { foldForMatching } from "@sinhome/runtime";

/** Lower case, accents removed, ligatures opened, apostrophes and quotes made plain, spaces collapsed. */
export const foldText = foldForMatching;

/** The folded words of `text` (letters and digits only); an apostrophe splits "c'est" into "c" and "est". */
export function foldedWords(text: string): string[] {
  return foldText(text).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
}
