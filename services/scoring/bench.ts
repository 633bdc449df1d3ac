/**
 * Bulk scoring budget (SPEC §7): 200 fans × 20 messages on the regex path ≤ 20 ms server time.
 * Prints the median of RUNS bulk calls after WARMUP calls, measured two ways: the handler alone
 * (the scoring work) and through the in-process bus (plus JSON copies of request and reply).
 *   bun run services/scoring/bench.ts
 */
import { MemoryBus, Subject, type ChatMessage } from "@sinhome/proto";
import { createLogger } from "@sinhome/runtime";
import { parseScoringEnv } from "./src/env.ts";
import { createScoringHandlers } from "./src/handlers.ts";
import { createScoringService } from "./src/service.ts";

const FANS = 200;
const MESSAGES = 20;
const WARMUP = 20;
const RUNS = 50;

const FAN_LINES = [
  "coucou toi, ça va ? t'as passé une bonne journée ?",
  "c'est combien la vidéo dont tu parlais hier ?",
  "t'es vraiment trop belle sur ta dernière photo 😍",
  "jveux voir la suite stp, je suis trop chaud 🔥",
  "ok",
  "mdr",
  "how much for the full set? you're gorgeous",
  "je prends ! envoie le lien",
  "c'est gratuit ? envoie gratos un petit aperçu",
  "I'm so hard right now, show me more",
  "bof je sais pas, on verra plus tard",
  "je rentre du boulot, crevé, raconte moi ta journée",
];
const PERSONA_LINES = ["Coucou mon chéri, je pensais à toi 😘", "J'ai une petite vidéo rien que pour toi… 15 € 🔥", "Tu me manques, raconte-moi"];

function makeFan(i: number) {
  const history: ChatMessage[] = [];
  for (let m = 0; m < MESSAGES; m++) {
    history.push(
      m % 2 === 0
        ? { role: "user", content: `${FAN_LINES[(i * 7 + m) % FAN_LINES.length]!} (${i}-${m})` }
        : { role: "assistant", content: PERSONA_LINES[(i + m) % PERSONA_LINES.length]! },
    );
  }
  return {
    fan_id: `fan_${i}`,
    history,
    purchases: Array.from({ length: i % 4 }, (_, k) => ({ amount: 5 + k * 10, type: "ppv" })),
    last_activity_iso: new Date(Date.now() - (i % 50) * 3_600_000).toISOString(),
  };
}

// A fresh copy per call, as a decoded bus message would be (validation applies defaults in place).
const payload = JSON.stringify({ fans: Array.from({ length: FANS }, (_, i) => makeFan(i)) });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Median of RUNS timings after WARMUP calls; `run` returns the milliseconds it measured itself. */
async function measure(run: () => Promise<number>): Promise<number> {
  for (let i = 0; i < WARMUP; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push(await run());
  return median(times);
}

const handlers = createScoringHandlers({});
const handlerMs = await measure(async () => {
  const body: unknown = JSON.parse(payload);
  const started = performance.now();
  await handlers.bulk({ subject: Subject.FanScoreBulk, body, requestId: "bench", deadline: Date.now() + 60_000, headers: {} });
  return performance.now() - started;
});

const bus = new MemoryBus();
const service = await createScoringService(parseScoringEnv({}), { bus, log: createLogger("scoring", "silent") });
await bus.addService(service.definition);
const body: unknown = JSON.parse(payload);
const busMs = await measure(async () => {
  const started = performance.now();
  await bus.request(Subject.FanScoreBulk, body, { timeoutMs: 10_000, requestId: "bench" });
  return performance.now() - started;
});
await bus.close();

console.log(`bulk ${FANS} fans × ${MESSAGES} messages, median of ${RUNS} after ${WARMUP} warm-up calls:`);
console.log(`  handler (the scoring work):         ${handlerMs.toFixed(2)} ms`);
console.log(`  through the in-process bus (+JSON): ${busMs.toFixed(2)} ms`);
