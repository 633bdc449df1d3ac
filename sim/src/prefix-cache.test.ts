import { describe, expect, test } from "bun:test";
import { PrefixCache, promptTokenStream, simulatedLatency } from "./prefix-cache.ts";
import { promptTokens, type SimMessage } from "./openai.ts";
import { startSimulator } from "./server.ts";

const system = (content: string): SimMessage => ({ role: "system", content });
const user = (content: string): SimMessage => ({ role: "user", content });
const STATIC = "Règles communes à toutes les créatrices. ".repeat(40); // ~410 tokens

describe("PrefixCache", () => {
  test("the token stream has exactly the simulator's prompt token count", () => {
    const messages = [system(STATIC), user("salut ça va ?"), { role: "assistant", content: "oui et toi" } as SimMessage];
    expect(promptTokenStream(messages)).toHaveLength(promptTokens(messages));
  });

  test("a first request misses, the same prefix then hits in whole 16-token blocks", () => {
    const cache = new PrefixCache({ capacityTokens: 100_000 });
    const first = cache.admit([system(STATIC), user("premier message du fan")]);
    expect(first.cachedTokens).toBe(0);
    const second = cache.admit([system(STATIC), user("un tout autre message")]);
    expect(second.cachedTokens).toBeGreaterThan(0);
    expect(second.cachedTokens % 16).toBe(0);
    // The shared system message and the next message's role marker, rounded down to a block.
    const shared = promptTokens([system(STATIC)]) + 4;
    expect(second.cachedTokens).toBe(Math.floor(shared / 16) * 16);
  });

  test("a block is a hit only when its whole prefix is cached", () => {
    const cache = new PrefixCache({ capacityTokens: 100_000 });
    cache.admit([system(`A${STATIC}`), user("x")]);
    // Same tail, different first character: no block matches, even though later text is identical.
    expect(cache.admit([system(`B${STATIC}`), user("x")]).cachedTokens).toBe(0);
  });

  test("an identical prompt leaves at least one token to compute, like vLLM", () => {
    const cache = new PrefixCache({ capacityTokens: 100_000 });
    const messages = [system("x".repeat(252 * 4))]; // 4 overhead + 252 content = 256 tokens = 16 blocks
    expect(promptTokens(messages)).toBe(256);
    cache.admit(messages);
    expect(cache.admit(messages).cachedTokens).toBe(240);
  });

  test("LRU within the capacity: an old prefix is evicted, a recently used one survives", () => {
    const cache = new PrefixCache({ capacityTokens: 16 * 60 });
    const persona = (n: number) => [system(`persona ${n} `.repeat(160)), user("hey")]; // ~28 blocks each
    const size = promptTokens(persona(1));
    cache.admit(persona(1));
    cache.admit(persona(2));
    cache.admit(persona(1)); // refresh persona 1
    cache.admit(persona(3)); // 3 × 28 blocks > 60: the least recently used, persona 2, pays
    expect(cache.admit(persona(1)).cachedTokens).toBeGreaterThanOrEqual(size - 32);
    expect(cache.admit(persona(2)).cachedTokens).toBeLessThan(size / 2);
    expect(cache.stats().blocks).toBeLessThanOrEqual(60);
  });

  test("under pressure a chain loses its tail before its head", () => {
    const cache = new PrefixCache({ capacityTokens: 16 * 40 });
    const long = [system(STATIC)]; // ~26 blocks
    cache.admit(long);
    cache.admit([system("autre chose ".repeat(50))]); // ~10 blocks: forces ~some eviction of the first chain
    const again = cache.admit(long);
    expect(again.cachedTokens).toBeGreaterThan(0);
    expect(again.cachedTokens).toBeLessThan(promptTokens(long));
  });

  test("latency grows with uncached prompt tokens and completion tokens", () => {
    const model = { baseMs: 20, prefillMsPerToken: 0.5, decodeMsPerToken: 10 };
    const cold = simulatedLatency(model, { promptTokens: 1000, cachedTokens: 0 }, 10);
    const warm = simulatedLatency(model, { promptTokens: 1000, cachedTokens: 800 }, 10);
    expect(cold.ttftMs).toBe(520);
    expect(warm.ttftMs).toBe(120);
    expect(warm.totalMs).toBe(220);
  });
});

describe("simulator with the prefix cache", () => {
  test("reports prompt_tokens_details.cached_tokens like vLLM, and the TTFT header when asked", async () => {
    const sim = startSimulator({ latency: { baseMs: 5, prefillMsPerToken: 0.01, decodeMsPerToken: 0, timeScale: 0 } });
    try {
      const call = async (text: string) => {
        const res = await fetch(`${sim.url}/chat/completions`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ messages: [system(STATIC), user(text)] }),
        });
        return { ttft: Number(res.headers.get("x-sim-ttft-ms")), body: (await res.json()) as { usage: { prompt_tokens: number; prompt_tokens_details?: { cached_tokens: number } } } };
      };
      const first = await call("salut");
      const second = await call("coucou");
      expect(first.body.usage.prompt_tokens_details?.cached_tokens).toBe(0);
      expect(second.body.usage.prompt_tokens_details?.cached_tokens).toBeGreaterThan(300);
      expect(second.ttft).toBeLessThan(first.ttft);
      expect(sim.prefixCache?.stats().requests).toBe(2);
    } finally {
      await sim.stop();
    }
  });

  test("with the cache off, usage has no prompt_tokens_details", async () => {
    const sim = startSimulator({ prefixCache: false });
    try {
      const res = await fetch(`${sim.url}/chat/completions`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ messages: [user("salut")] }) });
      const body = (await res.json()) as { usage: Record<string, unknown> };
      expect(body.usage.prompt_tokens_details).toBeUndefined();
      expect(res.headers.get("x-sim-ttft-ms")).toBeNull();
    } finally {
      await sim.stop();
    }
  });
});
