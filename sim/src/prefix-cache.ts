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
  const text = promptText(messages);
  return Array.from({ length: text.length / CHARS_PER_TOKEN }, (_, i) => text.slice(i * CHARS_PER_TOKEN, (i + 1) * CHARS_PER_TOKEN));
}

/**
 * The same stream as one string of fixed-width tokens (4 characters each: the role marker is 16 characters,
 * content is padded to a multiple of 4 with a character no text contains), so a block is a plain slice.
 */
function promptText(messages: readonly SimMessage[]): string {
  let text = "";
  for (const m of messages) {
    const pad = (CHARS_PER_TOKEN - (m.content.length % CHARS_PER_TOKEN)) % CHARS_PER_TOKEN;
    text += `\u0001${m.role}`.padEnd(MESSAGE_OVERHEAD_TOKENS * CHARS_PER_TOKEN, "\u0002") + m.content + "\u0003".repeat(pad);
  }
  return text;
}

export class PrefixCache {
  readonly blockTokens: number;
  readonly capacityBlocks: number;
  /** Block hash (53 bits, a plain number: no BigInt per entry) → present; Map order is the LRU order (oldest first). */
  private readonly blocks = new Map<number, true>();
  private counters = { requests: 0, promptTokens: 0, cachedTokens: 0 };

  constructor(opts: PrefixCacheOptions) {
    this.blockTokens = opts.blockTokens ?? 16;
    if (!Number.isInteger(this.blockTokens) || this.blockTokens < 1) throw new Error("blockTokens must be a positive integer");
    this.capacityBlocks = Math.max(0, Math.floor(opts.capacityTokens / this.blockTokens));
  }

  /** Looks the prompt up, then stores its full blocks (most recently used): what one prefill does. */
  admit(messages: readonly SimMessage[]): CacheLookup {
    const text = promptText(messages);
    const promptTokens = text.length / CHARS_PER_TOKEN;
    const hashes = this.blockHashes(text);
    let hitBlocks = 0;
    while (hitBlocks < hashes.length && this.blocks.has(hashes[hitBlocks]!)) hitBlocks++;
    // vLLM always recomputes at least the last prompt token (it needs its logits).
    if (hitBlocks * this.blockTokens >= promptTokens && hitBlocks > 0) hitBlocks--;
    const cachedTokens = hitBlocks * this.blockTokens;
    this.store(hashes);
    this.counters.requests++;
    this.counters.promptTokens += promptTokens;
    this.counters.cachedTokens += cachedTokens;
    return { promptTokens, cachedTokens };
  }

  stats(): PrefixCacheStats {
    return { ...this.counters, blocks: this.blocks.size, capacityBlocks: this.capacityBlocks };
  }

  /** Forgets every block and counter (a restarted replica). */
  clear(): void {
    this.blocks.clear();
    this.counters = { requests: 0, promptTokens: 0, cachedTokens: 0 };
  }

  /** One hash per full block, each chained to the one before: a block's hash covers its whole prefix. */
  private blockHashes(text: string): number[] {
    const hashes: number[] = [];
    const width = this.blockTokens * CHARS_PER_TOKEN;
    let parent = 0;
    for (let end = width; end <= text.length; end += width) {
      parent = Number(BigInt.asUintN(53, Bun.hash.wyhash(text.slice(end - width, end), BigInt(parent))));
      hashes.push(parent);
    }
    return hashes;
  }

  private store(hashes: readonly number[]): void {
    if (this.capacityBlocks === 0) return;
    if (this.capacityBlocks === Number.POSITIVE_INFINITY) {
      for (const h of hashes) if (!this.blocks.has(h)) this.blocks.set(h, true); // no eviction: no LRU order to keep
      return;
    }
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
