/** Shape checks of a reply: not empty, length in characters, no Chinese/Japanese/Korean characters. */

/** True when the reply has something besides white space. */
export const isAnswered = (reply: string): boolean => reply.trim().length > 0;

/** Length as a reader counts it: code points, so an emoji is one character, not two UTF-16 units. */
export const charLength = (reply: string): number => Array.from(reply).length;

// Han, kana, Hangul, Bopomofo, CJK symbols and punctuation, fullwidth forms ("，" "！"): Qwen-family models
// sometimes drift into Chinese mid-sentence.
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}\u3000-\u303F\uFF00-\uFFEF]/u;

/** True when `reply` contains at least one CJK character or CJK punctuation mark. */
export const containsCjk = (reply: string): boolean => CJK.test(reply);
