/**
 * `bun run bench cache`: how much of the prompt vLLM's prefix cache serves, across 3 replicas, for four
 * set-ups compared in one run — today (random replica like a Kubernetes Service, sliding history window),
 * persona affinity only, stable window only, both — against the ceiling: the share of prompt tokens that an
 * earlier request of the same run had already sent (a perfect cache with a perfect router).
 *
 * Real code end to end: the chat service (safety guard, prompt building, history window, LLM router, content
 * checks) on an in-process bus, calling three simulator instances over loopback HTTP; each simulator models
 * vLLM's prefix cache (16-token blocks, LRU, `DEFAULT_PREFIX_CACHE_TOKENS` of KV per replica) and a latency
 * (time to first token = 25 ms + 0.12 ms per uncached prompt token; 30 ms per completion token; the
 * simulators really wait a small fraction of it so in-flight counts — what bounded load balances — are real).
 *
 * Traffic: 100 personas × 20 fans, 30-turn conversations, starting at random over two hours, a fan answering
 * 20–100 s after the persona (virtual time: requests are sent in that order, 48 at a time). 2/5 of the
 * personas use the v1 prompt (/personality_chat), 3/5 the v2 one (/v2/personality_chat).
 */
import { MemoryBus, Subject, type ChatMessage, type ChatResponse, type PersonaData } from "@sinhome/proto";
import { DEFAULT_PREFIX_CACHE_TOKENS, startSimulator, type CompletionInfo, type Simulator } from "@sinhome/llm-sim";
import { PrefixCache } from "@sinhome/llm-sim/src/prefix-cache.ts";
import { createLogger } from "@sinhome/runtime";
import { parseChatEnv } from "@sinhome/chat/src/env.ts";
import { createChatService } from "@sinhome/chat/src/service.ts";
import { percentile } from "./stats.ts";

export type CacheBenchOptions = { personas: number; fans: number; turns: number; concurrency: number; seed: number; capacityTokens: number };
export type Variant = { name: string; routing: "random" | "affinity"; window: "sliding" | "stable"; lowWater?: number };
export type VariantResult = {
  variant: Variant;
  requests: number;
  cacheShare: number;
  ceiling: number;
  ttftMeanMs: number;
  ttftP95Ms: number;
  spread: number;
  meanExchangesKept: number;
  seconds: number;
};

const LATENCY = { baseMs: 25, prefillMsPerToken: 0.12, decodeMsPerToken: 30, timeScale: 0.002 };
const log = createLogger("bench-cache", "error");

const FAN_LINES = [
  "coucou toi, tu fais quoi ce soir ?", "j'ai pensé à toi toute la journée au boulot", "t'as vu le match hier soir ?",
  "raconte-moi ta journée, j'ai envie de tout savoir", "haha t'es trop drôle toi", "tu as de nouvelles photos ?",
  "je rentre à peine du sport, je suis crevé", "c'est combien ta dernière vidéo ?", "tu me manques déjà",
  "j'adore quand tu me parles comme ça", "il fait trop froid ici aujourd'hui", "je viens de finir mon repas, des pâtes",
  "tu écoutes quoi comme musique en ce moment ?", "je suis fatigué mais je voulais te dire bonne nuit",
  "tu préfères la plage ou la montagne ?", "j'ai regardé une série super cette semaine",
];

/** A seeded PRNG (mulberry32), so every variant sees exactly the same traffic. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Conversation = { id: number; subject: Subject; persona: PersonaData; messages: string[] };
type Turn = { at: number; conversation: number; turn: number };

function workload(o: CacheBenchOptions): { conversations: Conversation[]; schedule: Turn[] } {
  const random = rng(o.seed);
  const level = () => (1 + Math.floor(random() * 5)) as 1 | 2 | 3 | 4 | 5;
  const personas: PersonaData[] = Array.from({ length: o.personas }, (_, i) => ({
    name: `Créatrice${i}`,
    sales_tactic: level(), dominance: level(), audacity: level(), tone: level(), emojis: level(), imperfection: level(),
    ...(i % 3 === 0 ? { traits: `aime le yoga et les voyages, ville n°${i}` } : {}),
  }));
  const conversations: Conversation[] = [];
  const schedule: Turn[] = [];
  for (let p = 0; p < o.personas; p++) {
    for (let f = 0; f < o.fans; f++) {
      const id = conversations.length;
      const messages = Array.from({ length: o.turns }, (_, t) => {
        const lines = 1 + Math.floor(random() * 3);
        return Array.from({ length: lines }, () => FAN_LINES[Math.floor(random() * FAN_LINES.length)]).join(" ") + ` (${t})`;
      });
      conversations.push({ id, subject: p % 5 < 2 ? Subject.PersonalityChat : Subject.V2PersonalityChat, persona: personas[p]!, messages });
      let at = random() * 7200;
      for (let t = 0; t < o.turns; t++) {
        schedule.push({ at, conversation: id, turn: t });
        at += 20 + random() * 80;
      }
    }
  }
  schedule.sort((a, b) => a.at - b.at);
  return { conversations, schedule };
}

export async function runVariant(variant: Variant, o: CacheBenchOptions): Promise<VariantResult> {
  const started = performance.now();
  const ceiling = new PrefixCache({ capacityTokens: Number.POSITIVE_INFINITY });
  let ceilingCached = 0;
  let promptTotal = 0;
  let pairsKept = 0;
  const ttft: number[] = [];
  const observe = (info: CompletionInfo) => {
    ceilingCached += ceiling.admit(info.messages).cachedTokens;
    promptTotal += info.promptTokens;
    pairsKept += Math.max(0, (info.messages.length - 2) / 2);
    if (info.ttftMs !== undefined) ttft.push(info.ttftMs);
  };
  const first = startSimulator({ hostname: "127.0.0.1", prefixCache: { capacityTokens: o.capacityTokens }, latency: LATENCY, onCompletion: observe, maxRecorded: 0 });
  const sims: Simulator[] = [
    first,
    ...["127.0.0.2", "127.0.0.3"].map((hostname) =>
      startSimulator({ hostname, port: first.port, prefixCache: { capacityTokens: o.capacityTokens }, latency: LATENCY, onCompletion: observe, maxRecorded: 0 })),
  ];
  const bus = new MemoryBus();
  const chat = await createChatService(parseChatEnv({
    VLLM_BASE_URL: sims.map((s) => s.url).join(","),
    VLLM_MODEL_NAME: "bench-model",
    LLM_FALLBACK: "none",
    LLM_TIMEOUT_MS: "30000",
    VLLM_ROUTING: variant.routing,
    HISTORY_WINDOW: variant.window,
    ...(variant.lowWater !== undefined ? { HISTORY_LOW_WATER_EXCHANGES: String(variant.lowWater) } : {}),
    LOG_LEVEL: "error",
  }), { bus, log });
  await bus.addService(chat.definition);

  const { conversations, schedule } = workload(o);
  const histories = conversations.map(() => [] as ChatMessage[]);
  const inFlight = new Set<number>();
  let next = 0;
  const worker = async () => {
    while (next < schedule.length) {
      const turn = schedule[next++]!;
      // A fan writes after the previous reply arrived (rare here: 20+ s of virtual time between turns).
      while (inFlight.has(turn.conversation)) await Bun.sleep(1);
      inFlight.add(turn.conversation);
      const c = conversations[turn.conversation]!;
      const message = c.messages[turn.turn]!;
      const reply = await bus.requestJson<ChatResponse>(c.subject, {
        session_id: `s${c.id}`, message, history: histories[c.id], persona_data: c.persona,
      }, { timeoutMs: 60_000, requestId: `b${next}` });
      histories[c.id]!.push({ role: "user", content: message }, { role: "assistant", content: reply.response });
      inFlight.delete(turn.conversation);
    }
  };
  await Promise.all(Array.from({ length: o.concurrency }, worker));

  const stats = sims.map((s) => s.prefixCache!.stats());
  const requests = stats.reduce((n, s) => n + s.requests, 0);
  const cached = stats.reduce((n, s) => n + s.cachedTokens, 0);
  const prompt = stats.reduce((n, s) => n + s.promptTokens, 0);
  const mean = requests / stats.length;
  ttft.sort((a, b) => a - b);
  await chat.close();
  await bus.close();
  await Promise.all(sims.map((s) => s.stop()));
  return {
    variant,
    requests,
    cacheShare: cached / prompt,
    ceiling: ceilingCached / promptTotal,
    ttftMeanMs: ttft.reduce((a, b) => a + b, 0) / ttft.length,
    ttftP95Ms: percentile(ttft, 95),
    spread: Math.max(...stats.map((s) => s.requests)) / mean,
    meanExchangesKept: pairsKept / requests,
    seconds: (performance.now() - started) / 1000,
  };
}

export const VARIANTS: Variant[] = [
  { name: "today (random replica, sliding window)", routing: "random", window: "sliding" },
  { name: "persona affinity only", routing: "affinity", window: "sliding" },
  { name: "stable window only", routing: "random", window: "stable" },
  { name: "both", routing: "affinity", window: "stable" },
];

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

export async function benchCache(): Promise<string[]> {
  const o: CacheBenchOptions = { personas: 100, fans: 20, turns: 30, concurrency: 48, seed: 42, capacityTokens: DEFAULT_PREFIX_CACHE_TOKENS };
  const results: VariantResult[] = [];
  for (const v of VARIANTS) results.push(await runVariant(v, o));
  const best = Math.max(...results.map((r) => r.ceiling));
  const lines = [
    `${o.personas} personas × ${o.fans} fans × ${o.turns} turns = ${o.personas * o.fans * o.turns} chat requests per variant, 3 replicas × ${o.capacityTokens} tokens of prefix cache`,
    "",
    "| variant | prompt tokens from cache | ceiling (same prompts) | share of the best ceiling | TTFT mean / p95 | load spread (max/mean) | history kept (exchanges) |",
    "|---|---|---|---|---|---|---|",
    ...results.map((r) =>
      `| ${r.variant.name} | ${pct(r.cacheShare)} | ${pct(r.ceiling)} | ${pct(r.cacheShare / best)} | ${r.ttftMeanMs.toFixed(0)} / ${r.ttftP95Ms.toFixed(0)} ms | ${r.spread.toFixed(3)} | ${r.meanExchangesKept.toFixed(1)} |`),
    "",
  ];
  const both = results.at(-1)!;
  const goal = both.cacheShare / best >= 0.8 && both.spread <= 1.25;
  lines.push(`both: ${pct(both.cacheShare / best)} of the ceiling (${pct(both.cacheShare)} / ${pct(best)}), spread ${both.spread.toFixed(3)} — goal (≥ 80 %, ≤ 1.25) ${goal ? "met" : "MISSED"}`);
  lines.push(`(${results.map((r) => `${r.seconds.toFixed(0)} s`).join(", ")})`);
  return lines;
}

/**
 * `bun run bench cache-sweep`: the stable window's low-water mark (v2 exchanges kept after a drop) against cache
 * share and context kept, with both affinity and the stable window on — how the default (4) was chosen.
 */
export async function benchCacheSweep(): Promise<string[]> {
  const o: CacheBenchOptions = { personas: 100, fans: 20, turns: 30, concurrency: 48, seed: 42, capacityTokens: DEFAULT_PREFIX_CACHE_TOKENS };
  const lines = ["| low-water mark (v2 exchanges) | prompt tokens from cache | ceiling | history kept (exchanges, v1+v2) | TTFT mean |", "|---|---|---|---|---|"];
  for (const lowWater of [0, 2, 4, 6, 8]) {
    const r = await runVariant({ name: `low-water ${lowWater}`, routing: "affinity", window: "stable", lowWater }, o);
    lines.push(`| ${lowWater} | ${pct(r.cacheShare)} | ${pct(r.ceiling)} | ${r.meanExchangesKept.toFixed(1)} | ${r.ttftMeanMs.toFixed(0)} ms |`);
  }
  return lines;
}
