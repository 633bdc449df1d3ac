/**
 * Numerals in a dress (issue #14, seventh round), read before the number words and age units of normalize.ts:
 * - compatibility digits ("⑮", "⓯", "❶", superscripts, full-width "１６") fold to plain digits (Unicode NFKC),
 *   only when such a character is there, so the common message pays one test;
 * - a Roman numeral of ten or more bound to an age unit ("XVI ans", "xiv años") is its value;
 * - a "1" glued to a digit word of any language ("1six", "1cinq", "1sette") is a teen number ("16", "15", "17");
 * - an age unit spelt letter by letter after a number ("1 5 a n s", "16 y o") is the unit again;
 * - a date written with dots or dashes ("03.04.2010", "03-04-2010") is written with slashes, so the clause
 *   rules (which stop at a dot) read its year;
 * - a generation said with two digits ("an 09 baby", "90s baby") is its year ("2009 baby", "1990 baby").
 * Each rewrite runs behind a cheap test for its own shape.
 */
import { exactNumberWord } from "./numbers.ts";

// Circled, parenthesised, dotted and negative-circled digits, superscripts/subscripts, full-width digits.
const COMPAT_DIGIT = /[\u00b2\u00b3\u00b9\u2070-\u2089\u2460-\u24ff\u2776-\u2793\uff10-\uff19]/;

/** On the raw message, before folding: compatibility digits become digits, apart from their neighbours. */
export function foldCompatDigits(text: string): string {
  if (!COMPAT_DIGIT.test(text)) return text;
  return text.replace(new RegExp(COMPAT_DIGIT.source, "g"), (c) => c.normalize("NFKC").replace(/[^\d]/g, ""));
}

const AGE_UNIT_AFTER = String.raw`(?=\s?(?:ans?|anos|anni|jahre|years?|yo|y\/o|piges?)\b)`;
// Ten to thirty-nine in Roman numerals (x, xi … xxxix): below ten, "i ans"/"v ans" are not worth the risk.
const ROMAN = new RegExp(String.raw`\b(x{1,3})(ix|iv|v?i{0,3})${AGE_UNIT_AFTER}`, "g");
const ROMAN_UNITS: Record<string, number> = { "": 0, i: 1, ii: 2, iii: 3, iv: 4, v: 5, vi: 6, vii: 7, viii: 8, ix: 9 };

const GLUED_ONE = /\b1([a-z]{2,7})\b/g;
const SPELT_UNIT = /(?<=\d )((?:[a-z] ){1,4}[a-z])(?![a-z])/g;
const UNIT_WORD = /^(?:ans?|anos|anni|jahre|years?|yo|piges?)$/;

/** On folded text: Roman numerals bound to a unit, "1" + a digit word, a unit spelt out after a number. */
export function undressNumerals(s: string): string {
  if (s.includes("x")) s = s.replace(ROMAN, (_, tens: string, units: string) => String(tens.length * 10 + ROMAN_UNITS[units]!));
  if (/\b1[a-z]/.test(s)) s = s.replace(GLUED_ONE, (token, word: string) => {
    const value = exactNumberWord(word);
    return value !== undefined && value >= 1 && value <= 9 ? `1${value}` : token;
  });
  if (/\d (?:[a-z] ){1,4}[a-z]/.test(s)) s = s.replace(SPELT_UNIT, (run) => {
    const joined = run.replace(/ /g, "");
    return UNIT_WORD.test(joined) ? joined : run;
  });
  if (/\d[.-]\d{1,2}[.-](?:19|20)\d\d/.test(s)) s = s.replace(/\b(\d{1,2})[.-](\d{1,2})[.-]((?:19|20)\d\d)\b/g, "$1/$2/$3");
  if (/\d\ds? (?:baby|babies|bebe)\b/.test(s)) s = s.replace(/\b(\d\d)s? (baby|babies|bebe)\b/g, (_, yy: string, word: string) => `${Number(yy) <= 30 ? 20 : 19}${yy} ${word}`);
  return s;
}
