/**
 * Optional prices per million tokens per backend, giving each LLM call a cost in USD: uncached prompt tokens
 * at the input price, cached prompt tokens at the cached-input price (the input price when none is set —
 * no discount is assumed), completion tokens at the output price. For Grok they are xAI's list prices; for
 * vLLM an estimate of the GPU cost per token. Unset prices cost 0; the simulator always costs 0.
 */
import type { ChatEnv } from "../env.ts";

export type Price = { input: number; cachedInput: number; output: number };
export type PriceTable = Partial<Record<string, Price>>;

export type PriceEnv = Pick<
  ChatEnv,
  | "GROK_PRICE_INPUT_PER_MTOK" | "GROK_PRICE_CACHED_INPUT_PER_MTOK" | "GROK_PRICE_OUTPUT_PER_MTOK"
  | "VLLM_PRICE_INPUT_PER_MTOK" | "VLLM_PRICE_CACHED_INPUT_PER_MTOK" | "VLLM_PRICE_OUTPUT_PER_MTOK"
>;

export function priceTable(env: PriceEnv): PriceTable {
  const price = (input = 0, cached: number | undefined, output = 0): Price => ({ input, cachedInput: cached ?? input, output });
  return {
    grok: price(env.GROK_PRICE_INPUT_PER_MTOK, env.GROK_PRICE_CACHED_INPUT_PER_MTOK, env.GROK_PRICE_OUTPUT_PER_MTOK),
    vllm: price(env.VLLM_PRICE_INPUT_PER_MTOK, env.VLLM_PRICE_CACHED_INPUT_PER_MTOK, env.VLLM_PRICE_OUTPUT_PER_MTOK),
  };
}

export type TokenCounts = { prompt: number; cached: number; completion: number };

/** USD for one call's tokens on `backend`. */
export function costOf(prices: PriceTable, backend: string, t: TokenCounts): number {
  const p = prices[backend];
  if (!p) return 0;
  const cached = Math.min(t.cached, t.prompt);
  return ((t.prompt - cached) * p.input + cached * p.cachedInput + t.completion * p.output) / 1_000_000;
}
