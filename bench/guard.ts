/**
 * `bun run bench guard`: the minors guard measured on the project's corpus (services/chat/src/safety/corpus).
 * - Layer 1 (lexicon): recall on must-stop cases and false-block rate on must-pass cases, per category, for
 *   the tuned and the held-out part; and its cost per message against a baseline (folding the text).
 * - Held-out parts 2 to 6 (issue #14, six languages, new ways of writing an age) and a fixed generated sample
 *   (corpus/generated.ts, seed 14): recall and false blocks per category, language and age form; the share of
 *   must-pass messages that are *suspect* (what a guard-model outage deflects with GUARD_FAIL_MODE=suspect).
 * - Layer 3 (reply check): the same on the generated-replies corpus.
 * - Layer 2 (guard model): with BENCH_GUARD_BASE_URL (+ BENCH_GUARD_MODEL) pointing at a real Llama Guard 3,
 *   the corpus goes through it too (layer 2 alone, and layers 1+2); against the simulator only its latency
 *   means something (the simulator answers by script, not by reading).
 * - The latency the guard model adds to a chat request through the gateway (all-in-one, in-process bus),
 *   with the simulator answering as Llama Guard after a realistic delay (BENCH_GUARD_DELAY_MS, default 80):
 *   p50/p99 with the guard off vs on, and of the guard check alone.
 */
import { foldForMatching } from "@sinhome/runtime";
import { CORPUS_YEAR, loadCorpus, loadHeldOut2, loadHeldOut3, loadHeldOut4, loadHeldOut5, loadHeldOut6, loadHeldOut7a, loadHeldOut7b, loadHeldOut8, loadHeldOut9, loadHeldOut10, loadHeldOut11, loadReplyCorpus, type CorpusCase } from "@sinhome/chat/src/safety/corpus/corpus.ts";
import { fixedSample, GENERATED_YEAR, mustPass, mustStop, type GeneratedCase } from "@sinhome/chat/src/safety/corpus/generated.ts";
import { mustPass2, mustStop2 } from "@sinhome/chat/src/safety/corpus/generated-2.ts";
import { mustPass3, mustStop3 } from "@sinhome/chat/src/safety/corpus/generated-3.ts";
import { mustPass4, mustStop4 } from "@sinhome/chat/src/safety/corpus/generated-4.ts";
import { mustPass5, mustStop5 } from "@sinhome/chat/src/safety/corpus/generated-5.ts";
import { mustPass6, mustStop6 } from "@sinhome/chat/src/safety/corpus/generated-6.ts";
import { mustPass7, mustStop7 } from "@sinhome/chat/src/safety/corpus/generated-7.ts";
import { assessMinorRisk } from "@sinhome/chat/src/safety/minors.ts";
import { GuardModelClient } from "@sinhome/chat/src/safety/guard-model/client.ts";
import { detectMinorRisk } from "@sinhome/chat/src/safety/minors.ts";
import { checkReplyForMinors } from "@sinhome/chat/src/safety/reply-check.ts";
import { startChatStack } from "@sinhome/chat/src/testing.ts";
import { startSimulator } from "@sinhome/llm-sim";
import { fmt, sequential } from "./stats.ts";

type Judge = (c: CorpusCase) => boolean | Promise<boolean>;

const pct = (n: number, d: number) => (d === 0 ? "—" : `${((100 * n) / d).toFixed(1)} %`);

/** One line per category: recall for stop categories, false blocks for pass categories; then totals. */
async function table(title: string, cases: CorpusCase[], stopped: Judge): Promise<string[]> {
  const rows = new Map<string, { expect: "stop" | "pass"; n: number; hit: number }>();
  for (const c of cases) {
    const key = `${c.expect} ${c.category}`;
    const row = rows.get(key) ?? { expect: c.expect, n: 0, hit: 0 };
    row.n++;
    if (await stopped(c)) row.hit++;
    rows.set(key, row);
  }
  const lines = [`${title}`];
  let stopN = 0, stopHit = 0, passN = 0, passHit = 0;
  for (const [key, row] of rows) {
    const figure = row.expect === "stop" ? `recall ${pct(row.hit, row.n)}` : `false blocks ${pct(row.hit, row.n)}`;
    lines.push(`  ${key.padEnd(28)} ${String(row.n).padStart(4)} cases  ${figure}${row.expect === "stop" && row.hit < row.n ? `  (${row.n - row.hit} missed)` : row.expect === "pass" && row.hit > 0 ? `  (${row.hit} blocked)` : ""}`);
    if (row.expect === "stop") { stopN += row.n; stopHit += row.hit; } else { passN += row.n; passHit += row.hit; }
  }
  lines.push(`  TOTAL recall ${pct(stopHit, stopN)} (${stopHit}/${stopN}), false blocks ${pct(passHit, passN)} (${passHit}/${passN})`);
  return lines;
}

/**
 * Cost per call in ms: process CPU time (not wall time: the machine is shared), the best of 7 rounds over all
 * texts, each round with new strings so no memo answers.
 */
function perCall(texts: string[], fn: (text: string) => unknown): number {
  for (const t of texts) fn(t);
  let best = Number.POSITIVE_INFINITY;
  for (let round = 0; round < 7; round++) {
    const inputs = texts.map((t) => `${t} ${round}`);
    const started = process.cpuUsage();
    for (const t of inputs) fn(t);
    const used = process.cpuUsage(started);
    best = Math.min(best, (used.user + used.system) / 1000 / inputs.length);
  }
  return best;
}

async function guardModelLayer(corpus: CorpusCase[]): Promise<string[]> {
  const baseUrl = process.env.BENCH_GUARD_BASE_URL;
  if (!baseUrl) {
    return ["layer 2 (guard model): not measured — set BENCH_GUARD_BASE_URL (and BENCH_GUARD_MODEL) to a Llama Guard 3 server; the simulator answers by script"];
  }
  const client = new GuardModelClient({
    baseUrl, model: process.env.BENCH_GUARD_MODEL ?? "meta-llama/Llama-Guard-3-1B", apiKey: process.env.BENCH_GUARD_API_KEY,
    timeoutMs: 10_000, prompt: process.env.BENCH_GUARD_PROMPT === "inline" ? "inline" : "template", maxTurns: 6, breakerThreshold: 1000, breakerCooldownMs: 1,
  });
  const verdicts = new Map<CorpusCase, boolean>();
  for (const c of corpus) {
    const history = c.previousAssistant ? [{ role: "assistant" as const, content: c.previousAssistant }] : [];
    verdicts.set(c, (await client.check(history, c.text)).blocks);
  }
  const lexicon = (c: CorpusCase) => detectMinorRisk(c.text, { previousAssistant: c.previousAssistant }) !== null;
  return [
    ...(await table("layer 2 alone (guard model), all parts:", corpus, (c) => verdicts.get(c) ?? false)),
    ...(await table("layers 1 + 2, held-out part:", corpus.filter((c) => c.part === "held-out"), (c) => lexicon(c) || (verdicts.get(c) ?? false))),
  ];
}

async function addedLatency(): Promise<string[]> {
  const delay = Number(process.env.BENCH_GUARD_DELAY_MS ?? 80);
  const guardSim = startSimulator({ port: 0, name: "guard-sim", guardDelayMs: delay, modelIds: ["meta-llama/Llama-Guard-3-1B"] });
  const off = await startChatStack({ CHAT_DEADLINE_MS: "20000", LLM_TIMEOUT_MS: "10000" });
  const on = await startChatStack({ CHAT_DEADLINE_MS: "20000", LLM_TIMEOUT_MS: "10000", GUARD_BASE_URL: guardSim.url, GUARD_TIMEOUT_MS: "2000" });
  try {
    const history = Array.from({ length: 10 }, (_, i) => ({ role: i % 2 ? "assistant" : "user", content: i % 2 ? `Mmh raconte-moi ${i} 😘` : `Coucou, message ${i}` }));
    let i = 0;
    const ask = (s: typeof on) => () => s.post("/v2/personality_chat", { message: `T'es dispo ce soir ? ${i++}`, history });
    const n = 100;
    const base = await sequential(n, ask(off), 20);
    const guarded = await sequential(n, ask(on), 10);
    const client = new GuardModelClient({ baseUrl: guardSim.url, model: "meta-llama/Llama-Guard-3-1B", timeoutMs: 2000, prompt: "template", maxTurns: 6, breakerThreshold: 1000, breakerCooldownMs: 1 });
    const alone = await sequential(n, () => client.check([], `salut ${i++}`), 5);
    return [
      `guard model latency (simulator answering as Llama Guard after ${delay} ms, ${n} requests one at a time):`,
      `  guard check alone:             p50 ${fmt(alone.p50)}  p99 ${fmt(alone.p99)}`,
      `  v2 chat request, guard off:    p50 ${fmt(base.p50)}  p99 ${fmt(base.p99)}`,
      `  v2 chat request, guard on:     p50 ${fmt(guarded.p50)}  p99 ${fmt(guarded.p99)}`,
      `  added by the guard:            p50 +${fmt(guarded.p50 - base.p50)}  p99 +${fmt(guarded.p99 - base.p99)} (the check runs while the prompt is built; it cannot overlap the LLM call)`,
    ];
  } finally {
    await Promise.all([off.close(), on.close(), guardSim.stop()]);
  }
}

/** Recall (stop) or false blocks (pass) grouped by a key, with totals: the per-language and per-form figures. */
function breakdown(title: string, cases: { expect: "stop" | "pass" }[], key: (c: never) => string, stopped: (c: never) => boolean): string[] {
  const rows = new Map<string, { n: number; hit: number }>();
  for (const c of cases) {
    const k = `${c.expect} ${key(c as never)}`;
    const row = rows.get(k) ?? { n: 0, hit: 0 };
    row.n++;
    if (stopped(c as never)) row.hit++;
    rows.set(k, row);
  }
  const lines = [title];
  for (const [k, row] of [...rows].sort(([a], [b]) => a.localeCompare(b))) {
    const what = k.startsWith("stop") ? `recall ${pct(row.hit, row.n)}` : `false blocks ${pct(row.hit, row.n)}`;
    lines.push(`  ${k.padEnd(34)} ${String(row.n).padStart(5)} cases  ${what}`);
  }
  return lines;
}

/** The newest held-out part's misses and false blocks, one per line: what the figure is made of. */
function wrongVerdicts(title: string, cases: CorpusCase[], stopped: (c: CorpusCase) => boolean): string[] {
  const wrong = cases.filter((c) => stopped(c) !== (c.expect === "stop"));
  return [`  ${title}, wrong verdicts (${wrong.length}):`, ...wrong.map((c) => `    ${c.expect === "stop" ? "missed " : "blocked"} ${c.category} ${c.lang ?? "?"} ${c.form ?? "?"}: ${c.text}`)];
}

/** Issue #14's figures: held-out part 2 and the generated sample, by category, language and form; the suspect share. */
function ageFactFigures(corpus: CorpusCase[]): string[] {
  const heldOut2 = loadHeldOut2();
  const heldOut3 = loadHeldOut3();
  const heldOut4 = loadHeldOut4();
  const heldOut5 = loadHeldOut5();
  const heldOut6 = loadHeldOut6();
  const heldOut7a = loadHeldOut7a();
  const heldOut7b = loadHeldOut7b();
  const heldOut8 = loadHeldOut8();
  const heldOut9 = loadHeldOut9();
  const heldOut10 = loadHeldOut10();
  const heldOut11 = loadHeldOut11();
  const corpusVerdict = (c: CorpusCase) => assessMinorRisk(c.text, { previousAssistant: c.previousAssistant, year: CORPUS_YEAR });
  const generated = [...fixedSample(mustStop, 3000), ...fixedSample(mustPass, 3000), ...fixedSample(mustStop2, 1000), ...fixedSample(mustPass2, 1000), ...fixedSample(mustStop3, 1000), ...fixedSample(mustPass3, 1000), ...fixedSample(mustStop4, 1000), ...fixedSample(mustPass4, 1000), ...fixedSample(mustStop5, 1000), ...fixedSample(mustPass5, 1000), ...fixedSample(mustStop6, 1000), ...fixedSample(mustPass6, 1000), ...fixedSample(mustStop7, 1000), ...fixedSample(mustPass7, 1000)];
  const genVerdict = (c: GeneratedCase) => assessMinorRisk(c.text, { year: GENERATED_YEAR });
  const stopped2 = (c: CorpusCase) => corpusVerdict(c).finding !== null;
  const total = (cases: { expect: string }[], hit: (c: never) => boolean) => {
    const stop = cases.filter((c) => c.expect === "stop");
    const pass = cases.filter((c) => c.expect === "pass");
    const s = stop.filter((c) => hit(c as never)).length;
    const p = pass.filter((c) => hit(c as never)).length;
    return `  TOTAL recall ${pct(s, stop.length)} (${s}/${stop.length}), false blocks ${pct(p, pass.length)} (${p}/${pass.length})`;
  };
  const mustPassCorpus = [...corpus, ...heldOut2, ...heldOut3, ...heldOut4, ...heldOut5, ...heldOut6, ...heldOut7a, ...heldOut7b, ...heldOut8, ...heldOut9, ...heldOut10, ...heldOut11].filter((c) => c.expect === "pass");
  const suspectCorpus = mustPassCorpus.filter((c) => corpusVerdict(c).suspect).length;
  const genPass = generated.filter((c) => c.expect === "pass");
  const suspectGen = genPass.filter((c) => genVerdict(c).suspect).length;
  const heldOut = (title: string, cases: CorpusCase[], tuned = false) => [
    ...breakdown(`layer 1 (lexicon), ${title} (${tuned ? "tuned on" : "never tuned on"}), by category:`, cases, (c: CorpusCase) => c.category, stopped2),
    total(cases, stopped2),
    ...breakdown("  … by language:", cases, (c: CorpusCase) => c.lang ?? "?", stopped2),
    ...breakdown("  … by age form:", cases, (c: CorpusCase) => c.form ?? "?", stopped2),
  ];
  return [
    ...heldOut("held-out part 2 (issue #14)", heldOut2),
    ...heldOut("held-out part 3 (issue #14, second round)", heldOut3),
    ...heldOut("held-out part 4 (issue #14, third round)", heldOut4),
    ...heldOut("held-out part 5 (issue #14, fourth round)", heldOut5),
    ...heldOut("held-out part 6 (issue #14, fifth round; measured clean at 76.4 % / 3.2 %, then tuned on)", heldOut6, true),
    ...wrongVerdicts("held-out part 6", heldOut6, stopped2),
    ...heldOut("part 7a (issue #14, the tuning half of part 7)", heldOut7a, true),
    ...heldOut("part 7b (issue #14, the held-out half of part 7; measured clean at 88.2 % / 1.4 %, then tuned on in the sixth round)", heldOut7b, true),
    ...heldOut("part 8 (issue #14; measured clean at 85.1 % / 2.9 %, then tuned on in the seventh round)", heldOut8, true),
    ...heldOut("part 9 (issue #14; measured clean at 87.4 % / 0.6 % at the eighth round's start)", heldOut9, true),
    ...heldOut("part 11 (issue #14; measured clean at 92.8 % / 3.3 % after part 9's fixes)", heldOut11, true),
    ...heldOut("part 10 (issue #14; 90.7 % / 1.2 % at the eighth round's start, 92.0 % / 0 % at its end; its cases never read by whoever changed the rules)", heldOut10),
    ...breakdown("layer 1 (lexicon), fixed generated sample (3000 + 1000 second- to sixth-round and part-7 stop each, as many pass, seed 14), by carrier:", generated, (c: GeneratedCase) => c.carrier, (c: GeneratedCase) => genVerdict(c).finding !== null),
    total(generated, (c: GeneratedCase) => genVerdict(c).finding !== null),
    ...breakdown("  … by language:", generated, (c: GeneratedCase) => c.lang, (c: GeneratedCase) => genVerdict(c).finding !== null),
    ...breakdown("  … by age form:", generated, (c: GeneratedCase) => c.form, (c: GeneratedCase) => genVerdict(c).finding !== null),
    `suspect share of must-pass traffic (deflected during a guard-model outage with GUARD_FAIL_MODE=suspect):`,
    `  written must-pass cases (all parts): ${pct(suspectCorpus, mustPassCorpus.length)} (${suspectCorpus}/${mustPassCorpus.length})`,
    `  generated must-pass sample:          ${pct(suspectGen, genPass.length)} (${suspectGen}/${genPass.length})`,
  ];
}

export async function benchGuard(): Promise<string[]> {
  const corpus = loadCorpus();
  const lexicon = (c: CorpusCase) => detectMinorRisk(c.text, { previousAssistant: c.previousAssistant }) !== null;
  const texts = corpus.map((c) => c.text);
  const baseline = perCall(texts, (t) => foldForMatching(t));
  const cost = perCall(texts, (t) => assessMinorRisk(t));
  const replies = loadReplyCorpus();
  return [
    ...(await table("layer 1 (lexicon), tuned part:", corpus.filter((c) => c.part === "tuned"), lexicon)),
    ...(await table("layer 1 (lexicon), held-out part (never tuned on):", corpus.filter((c) => c.part === "held-out"), lexicon)),
    `layer 1 CPU per new message (uncached, both thresholds, best of 7 rounds): ${fmt(cost)} = ${(cost / baseline).toFixed(1)}× folding the text (${fmt(baseline)}); budget ≤ 50 µs`,
    ...ageFactFigures(corpus),
    ...(await table("layer 3 (reply check), generated replies:", replies, (c) => checkReplyForMinors(c.text) !== null)),
    ...(await guardModelLayer(corpus)),
    ...(await addedLatency()),
  ];
}
