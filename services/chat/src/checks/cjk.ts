/**
 * Chinese/Japanese/Korean characters in a reply: Qwen- and Mistral-family models sometimes drift into Chinese
 * mid-sentence. A reply containing any is retried; the last resort strips them.
 */

// Han, kana, Hangul (syllables and jamo), Bopomofo, CJK symbols and punctuation (U+3000–U+303F),
// and the fullwidth/halfwidth forms (U+FF00–U+FFEF) such as "，" "！" "？" that come with them.
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}\u3000-\u303F\uFF00-\uFFEF]/u;
const CJK_RUNS = new RegExp(CJK.source + "+", "gu");

/** True when `text` contains at least one CJK character or CJK punctuation mark. */
export function containsCjk(text: string): boolean {
  return CJK.test(text);
}

/**
 * `text` without any CJK character, tidied: no doubled spaces, no space left before punctuation or at line ends,
 * no empty lines left behind.
 */
export function stripCjk(text: string): string {
  if (!containsCjk(text)) return text;
  return text
    .replace(CJK_RUNS, " ")
    .split("\n")
    .map((line) =>
      line
        .replace(/[ \t]{2,}/g, " ")
        .replace(/ +([,.…])/g, "$1")
        .replace(/^[ \t,.;:]+/, "")
        .trim(),
    )
    .filter((line) => line.length > 0)
    .join("\n");
}
