/**
 * Where the history window starts, so that vLLM's prefix cache keeps working as a conversation grows.
 *
 * A sliding window (drop the oldest pair at every turn once full) changes everything after the persona
 * block at every turn: no history token is ever a cache hit again. A *stable* window drops several pairs at
 * once when it is full — down to a low-water mark — and then only appends, so the following turns share a
 * byte-identical prefix with the turn before (system prompt + the same kept history).
 *
 * The chat service keeps no state (the CRM sends the whole history every time), so the start is a pure
 * function of the history: we replay the conversation from its first pair, applying the rule at each past
 * turn exactly as that turn's request did, and get the same start the previous request used unless this turn
 * overflows. Past turns are costed with their own fan message as the final turn; the current turn with the
 * real final turn. The hard limits (`maxExchanges`, `maxTokens`) always hold: if the replayed start still
 * overflows (e.g. a very long new message), the start moves on pair by pair like a sliding window.
 */

export type WindowLimits = {
  /** Hard cap on (user, assistant) pairs kept before the final user turn. */
  maxExchanges: number;
  /** Hard cap on tokens of the kept pairs + the final turn. */
  maxTokens: number;
  /**
   * Stable window: when a limit is crossed, drop oldest pairs until both of these hold.
   * Absent = sliding window (drop just enough).
   */
  lowWater?: { exchanges: number; tokens: number };
};

/**
 * Index of the first kept pair. `pairCosts[i]` is the token cost of pair i (user + assistant);
 * `userCosts[i]` the cost of pair i's user turn alone (the final turn of the request that pair answered);
 * `finalCost` the cost of the current final turn.
 */
export function windowStart(pairCosts: readonly number[], userCosts: readonly number[], finalCost: number, limits: WindowLimits): number {
  const pairs = pairCosts.length;
  // prefix[i] = cost of pairs [0, i)
  const prefix = [0];
  for (const c of pairCosts) prefix.push(prefix.at(-1)! + c);
  const tokens = (start: number, end: number, final: number) => prefix[end]! - prefix[start]! + final;
  const over = (start: number, end: number, final: number) => end - start > limits.maxExchanges || tokens(start, end, final) > limits.maxTokens;

  let start = 0;
  const low = limits.lowWater;
  if (low) {
    for (let t = 1; t <= pairs; t++) {
      const final = t < pairs ? (userCosts[t] ?? 0) : finalCost;
      if (!over(start, t, final)) continue;
      while (start < t && (t - start > low.exchanges || tokens(start, t, final) > low.tokens)) start++;
    }
  }
  while (start < pairs && over(start, pairs, finalCost)) start++;
  return start;
}
