/**
 * A model of vLLM's automatic prefix caching, so routing and prompt layout can be measured without a GPU.
 *
 * What it copies from vLLM (v1 engine):
 * - The prompt is cut into blocks of `blockTokens` (16) tokens; only full blocks are cached.
 * - A block's identity is the hash of its tokens AND of every token before it (a hash chain), so a block
 *   is a hit only when its whole prefix is cached too: the first miss ends the cached prefix.
 * - `cached_tokens` (`usage.prompt_tokens_details.cached_tokens`) = number of leading cached blocks × 16;
 *   like vLLM, at least one prompt token is always computed, so a prompt entirely in cache reports
 *   one block less.
 * - Eviction is least-recently-used over blocks; inside one request the blocks at the end of the chain
 *   are touched first, so under pressure a chain loses its tail before its head (vLLM's free-queue order).
 *
 * What it simplifies: "tokens" are the simulator's own estimate (a chat-template overhead of 4 tokens per
 * message, then 4 characters per token — the same count `usage.prompt_tokens` reports), and the KV of the
 * generated reply is not cached (the CRM sends the reply back edited anyway: shortened, CJK stripped).
 *
 * The optional latency model (off unless configured): time to first token = `baseMs` + uncached prompt
 * tokens × `prefillMsPerToken`; then `decodeMsPerToken` per completion token.
 */
import type { SimMessage } from "./openai.ts";

export type PrefixCacheOptions = {
  /** KV capacity of the replica, in tokens (rounded down to whole blocks). */
  capacityTokens: number;
  /** vLLM's default block size. */
  blockTokens?: number;
};

export type LatencyModel = {
  /** Fixed cost of a request (scheduling, sampling the first token). */
  baseMs: number;
  /** Prefill cost of one prompt token that is not in the cache. */
  prefillMsPerToken: number;
  /** Decode cost of one completion token. */
  decodeMsPerToken: number;
};

export type CacheLookup = { promptTokens: number; cachedTokens: number };

export type PrefixCacheStats = { requests: number; promptTokens: number; cachedTokens: number; blocks: number; capacityBlocks: number };

const CHARS_PER_TOKEN = 4;
const MESSAGE_OVERHEAD_TOKENS = 4;

/**
 * The prompt as a token stream: per message a role marker worth 4 tokens, then its content in 4-character
 * pieces. Deterministic, and its length is exactly `promptTokens()` of openai.ts.
 */
export function promptTokenStream(messages: readonly SimMessage[]): string[] {
  const tokens: string[] = [];
  for (const m of messages) {
    tokens.push(`<|${m.role}|>`, "", "", "");
    for (let i = 0; i < m.content.length; i += CHARS_PER_TOKEN) tokens.push(m.content.slice(i, i + CHARS_PER_TOKEN));
  }
  return tokens;
}

export class PrefixCache {
  readonly blockTokens: number;
  readonly capacityBlocks: number;
  /** Block hash → present; Map iteration order is the LRU order (oldest first). */
  private readonly blocks = new Map<bigint, true>();
  private counters = { requests: 0, promptTokens: 0, cachedTokens: 0 };

  constructor(opts: PrefixCacheOptions) {
    this.blockTokens = opts.blockTokens ?? 16;
    if (!Number.isInteger(this.blockTokens) || this.blockTokens < 1) throw new Error("blockTokens must be a positive integer");
    this.capacityBlocks = Math.max(0, Math.floor(opts.capacityTokens / this.blockTokens));
  }

  /** Looks the prompt up, then stores its full blocks (most recently used): what one prefill does. */
  admit(messages: readonly SimMessage[]): CacheLookup {
    const tokens = promptTokenStream(messages);
    const hashes = this.blockHashes(tokens);
    let hitBlocks = 0;
    while (hitBlocks < hashes.length && this.blocks.has(hashes[hitBlocks]!)) hitBlocks++;
    // vLLM always recomputes at least the last prompt token (it needs its logits).
    if (hitBlocks * this.blockTokens >= tokens.length && hitBlocks > 0) hitBlocks--;
    const cachedTokens = hitBlocks * this.blockTokens;
    this.store(hashes);
    this.counters.requests++;
    this.counters.promptTokens += tokens.length;
    this.counters.cachedTokens += cachedTokens;
    return { promptTokens: tokens.length, cachedTokens };
  }

  stats(): PrefixCacheStats {
    return { ...this.counters, blocks: this.blocks.size, capacityBlocks: this.capacityBlocks };
  }

  /** Forgets every block and counter (a restarted replica). */
  clear(): void {
    this.blocks.clear();
    this.counters = { requests: 0, promptTokens: 0, cachedTokens: 0 };
  }

  private blockHashes(tokens: readonly string[]): bigint[] {
    const hashes: bigint[] = [];
    let parent = 0n;
    for (let end = this.blockTokens; end <= tokens.length; end += this.blockTokens) {
      // \u0001 cannot come from the 4-character pieces' boundaries being ambiguous: it separates tokens.
      const block = tokens.slice(end - this.blockTokens, end).join("\u0001");
      parent = BigInt(Bun.hash.wyhash(block, parent));
      hashes.push(parent);
    }
    return hashes;
  }

  private store(hashes: readonly bigint[]): void {
    if (this.capacityBlocks === 0) return;
    // Tail first, head last: the head ends up most recently used and is evicted last.
    for (let i = hashes.length - 1; i >= 0; i--) {
      const h = hashes[i]!;
      this.blocks.delete(h);
      this.blocks.set(h, true);
    }
    while (this.blocks.size > this.capacityBlocks) {
      const oldest = this.blocks.keys().next().value;
      if (oldest === undefined) break;
      this.blocks.delete(oldest);
    }
  }
}

/** Time to first token and total generation time under `model` (milliseconds). */
export function simulatedLatency(model: LatencyModel, lookup: CacheLookup, completionTokens: number): { ttftMs: number; totalMs: number } {
  const ttftMs = model.baseMs + (lookup.promptTokens - lookup.cachedTokens) * model.prefillMsPerToken;
  return { ttftMs, totalMs: ttftMs + completionTokens * model.decodeMsPerToken };
}
