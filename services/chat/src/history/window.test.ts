import { describe, expect, test } from "bun:test";
import type { ChatMessage } from "@sinhome/proto";
import { slidingLimits, V1_HISTORY_LIMITS, V2_HISTORY_LIMITS, sanitizeHistory, type SanitizeOptions } from "./sanitize.ts";
import { CHAT_MESSAGE_OVERHEAD_TOKENS, countTokens } from "./tokens.ts";
import { windowStart } from "./window.ts";

const user = (content: string): ChatMessage => ({ role: "user", content });
const assistant = (content: string): ChatMessage => ({ role: "assistant", content });
const tokensOf = (turns: ChatMessage[]) => turns.reduce((n, t) => n + countTokens(t.content) + CHAT_MESSAGE_OVERHEAD_TOKENS, 0);

/** A conversation of `turns` fan messages of varied lengths, as the CRM would send it turn after turn. */
function conversation(turns: number, seed: number) {
  let s = seed;
  const random = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const sentence = "je pense à toi ce soir, raconte-moi ta journée ";
  const fan = Array.from({ length: turns }, (_, i) => `${i} ${sentence.repeat(1 + Math.floor(random() * (random() < 0.1 ? 30 : 4)))}`);
  const persona = Array.from({ length: turns }, (_, i) => `réponse ${i} ${"haha trop mignon ".repeat(1 + Math.floor(random() * 5))}`);
  return { fan, persona };
}

/** Every request of the conversation: history so far + the new fan message, through sanitizeHistory. */
function requests(turns: number, seed: number, limits: SanitizeOptions): ChatMessage[][] {
  const { fan, persona } = conversation(turns, seed);
  const out: ChatMessage[][] = [];
  const history: ChatMessage[] = [];
  for (let i = 0; i < turns; i++) {
    out.push(sanitizeHistory(history, fan[i]!, limits));
    history.push(user(fan[i]!), assistant(persona[i]!));
  }
  return out;
}

/** Turns of `next` start with `previous` (final turn excluded, it becomes a pair's user turn). */
const sharesPrefix = (previous: ChatMessage[], next: ChatMessage[]) =>
  previous.every((turn, i) => next[i]?.role === turn.role && next[i]?.content === turn.content);

describe("stable history window", () => {
  for (const [name, limits] of [["v2", V2_HISTORY_LIMITS], ["v1", V1_HISTORY_LIMITS]] as const) {
    test(`${name}: limits never exceeded, and most consecutive turns share their whole prefix`, () => {
      for (const seed of [1, 2, 3, 4, 5]) {
        const all = requests(80, seed, limits);
        let kept = 0;
        for (const [i, turns] of all.entries()) {
          const pairs = (turns.length - 1) / 2;
          if ("maxExchanges" in limits) expect(pairs).toBeLessThanOrEqual(limits.maxExchanges);
          expect(tokensOf(turns)).toBeLessThanOrEqual(limits.maxTokens);
          if (i > 0 && sharesPrefix(all[i - 1]!, turns)) kept++;
        }
        // A drop happens at most every few turns: the rest share the previous turn's prefix.
        expect(kept / (all.length - 1)).toBeGreaterThan(0.7);
      }
    });
  }

  test("v2 by exchanges: fills to 10, then drops down to 4 at once and grows again", () => {
    const all = requests(40, 9, { ...V2_HISTORY_LIMITS, maxTokens: 100_000 });
    const pairs = all.map((t) => (t.length - 1) / 2);
    expect(pairs.slice(0, 12)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 4]);
    expect(pairs.slice(12, 19)).toEqual([5, 6, 7, 8, 9, 10, 4]);
    expect(Math.min(...pairs.slice(11))).toBe(4);
  });

  test("a sliding window shares nothing after the persona once full", () => {
    const all = requests(30, 3, slidingLimits(V2_HISTORY_LIMITS));
    expect(sharesPrefix(all[20]!, all[21]!)).toBe(false);
    expect((all[21]!.length - 1) / 2).toBe(10);
  });

  test("the window start is a pure function of the history (same history, same start)", () => {
    const costs = [50, 80, 700, 40, 40, 900, 30, 30, 30, 30, 30, 30];
    const users = costs.map((c) => Math.ceil(c / 2));
    const limits = { maxExchanges: 10, maxTokens: 2800, lowWater: { exchanges: 4, tokens: 1400 } };
    expect(windowStart(costs, users, 20, limits)).toBe(windowStart([...costs], [...users], 20, limits));
    // A huge final turn still respects the hard budget: the start moves on.
    const start = windowStart(costs, users, 2500, limits);
    const kept = costs.slice(start).reduce((a, b) => a + b, 0);
    expect(kept + 2500).toBeLessThanOrEqual(2800);
  });
});
