/**
 * `bun run bench budget`: the performance gate (SPEC §7). Against one instant upstream (bench/upstream.ts),
 * in one run, interleaved round by round so a loaded machine weighs on every path alike:
 *   floor:      minimal Bun reverse proxy (bench/proxy.ts) → upstream
 *   all-in-one: all-in-one.ts, /v2/personality_chat → upstream
 *   mesh:       gateway + chat (+ its own nats-server) → upstream, the same route
 * Tracing is on at the production sampling ratio (deploy/k8s mesh.env: 1), exported to a local OTLP sink.
 * CPU per request = CPU time of the server processes (/proc, 10 ms ticks) / requests, 16 in flight;
 * added p50 = p50 one at a time through the path − p50 straight to the upstream. Each figure is the median
 * of the rounds. Exits 1 when a median is past its gate: the budget (or, while a budget is not met yet,
 * the figure last accepted, budget-accepted.json) × `BENCH_BUDGET_MARGIN` (default 1; `.ci/run` passes
 * 1.5, so only a real regression of about 1.5×, not a loaded machine, fails CI).
 */
import { post, startPaths, type Target } from "./paths.ts";
import { cpuSeconds } from "./procs.ts";
import { concurrent, sequential } from "./stats.ts";

const ROUNDS = Number(process.env.BENCH_BUDGET_ROUNDS ?? 5);
const CONC_REQUESTS = Number(process.env.BENCH_BUDGET_REQUESTS ?? 4000);
const SEQ_REQUESTS = 400;
const IN_FLIGHT = 16;
/** SPEC §7, as ratios to the floor (CPU) and as added milliseconds one at a time (p50). */
export const BUDGETS = { aioCpu: 2, meshCpu: 4, aioP50Ms: 0.2, meshP50Ms: 0.6 };
type Figures = typeof BUDGETS;
/**
 * Where a budget is not met yet, the figure last accepted (measured on the 2-core development machine,
 * README "Performance"): CI then guards against getting worse than it × the margin, so a regression
 * cannot land unnoticed before the budget itself is reached. A figure that meets its budget has none.
 */
const ACCEPTED: Partial<Figures> = JSON.parse(await Bun.file(new URL("./budget-accepted.json", import.meta.url)).text());


/**
 * CPU nanoseconds used so far by these processes, every thread included, also threads that have
 * ended (utime + stime of /proc/<pid>/stat; per-thread schedstat is finer but forgets ended threads).
 */
async function cpuNs(pids: number[]): Promise<number> {
  return (await cpuSeconds(pids)) * 1e9;
}

type Sample = { cpuUs: number; p50Ms: number };

async function sample(t: Target): Promise<Sample> {
  const call = () => post(t);
  const seq = await sequential(SEQ_REQUESTS, call, 100);
  await concurrent(200, IN_FLIGHT, call);
  const before = await cpuNs(t.pids);
  await concurrent(CONC_REQUESTS, IN_FLIGHT, call);
  const after = await cpuNs(t.pids);
  return { cpuUs: (after - before) / 1000 / CONC_REQUESTS, p50Ms: seq.p50 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const range = (xs: number[], digits: number) => `${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)}`;

export async function benchBudget(): Promise<{ lines: string[]; ok: boolean }> {
  const margin = Number(process.env.BENCH_BUDGET_MARGIN ?? 1);
  const paths = await startPaths();
  try {
    const { targets, upstream: direct } = paths;
    const samples = new Map<string, Sample[]>(["upstream", ...targets.map((t) => t.name)].map((n) => [n, []]));
    const per = (name: string) => samples.get(name)!;
    for (let round = 0; round < ROUNDS; round++) {
      // Rotate the order each round: no path always runs first (cold) or last (after the others' garbage).
      const order = [...targets.slice(round % 3), ...targets.slice(0, round % 3)];
      samples.get("upstream")!.push({ cpuUs: 0, p50Ms: (await sequential(SEQ_REQUESTS, async () => void (await post(direct)), 100)).p50 });
      for (const t of order) samples.get(t.name)!.push(await sample(t));
      if (process.env.BENCH_VERBOSE) console.error(`round ${round}: ${targets.map((t) => `${t.name} ${per(t.name).at(-1)!.cpuUs.toFixed(0)} µs`).join(", ")}`);
    }

    const perRound = (f: (i: number) => number) => Array.from({ length: ROUNDS }, (_, i) => f(i));
    const cpuRatio = (name: string) => perRound((i) => per(name)[i]!.cpuUs / per("floor")[i]!.cpuUs);
    const addedP50 = (name: string) => perRound((i) => per(name)[i]!.p50Ms - per("upstream")[i]!.p50Ms);
    const checks: [string, number[], keyof Figures, string][] = [
      ["all-in-one CPU/request vs floor", cpuRatio("all-in-one"), "aioCpu", "×"],
      ["mesh CPU/request vs floor", cpuRatio("mesh"), "meshCpu", "×"],
      ["all-in-one added p50, one at a time", addedP50("all-in-one"), "aioP50Ms", " ms"],
      ["mesh added p50, one at a time", addedP50("mesh"), "meshP50Ms", " ms"],
    ];
    const lines = [
      `${ROUNDS} interleaved rounds, ${CONC_REQUESTS} requests at ${IN_FLIGHT} in flight + ${SEQ_REQUESTS} one at a time per path and round; tracing on (ratio 1)`,
      ...targets.map((t) => `  ${t.name.padEnd(11)} CPU ${median(per(t.name).map((s) => s.cpuUs)).toFixed(0).padStart(4)} µs/request (range ${range(per(t.name).map((s) => s.cpuUs), 0)}), p50 one at a time ${median(per(t.name).map((s) => s.p50Ms)).toFixed(3)} ms`),
      `  upstream    p50 one at a time ${median(per("upstream").map((s) => s.p50Ms)).toFixed(3)} ms`,
    ];
    let ok = true;
    for (const [what, values, key, unit] of checks) {
      const m = median(values);
      const budget = BUDGETS[key];
      const accepted = Math.max(budget, ACCEPTED[key] ?? budget);
      const limit = accepted * margin;
      const pass = m <= limit;
      ok &&= pass;
      const digits = unit === "×" ? 2 : 3;
      const note = [
        `budget ${budget}${unit}${m > budget ? " — not met" : ""}`,
        accepted > budget ? `accepted ${accepted}${unit}` : "",
        limit !== budget ? `gate ${limit.toFixed(digits)}${unit}` : "",
      ].filter(Boolean).join(", ");
      lines.push(`${pass ? "ok  " : "FAIL"} ${what}: ${m.toFixed(digits)}${unit} (rounds ${range(values, digits)}; ${note})`);
    }
    lines.push(`spans exported: ${paths.spans()} OTLP batches`);
    return { lines, ok };
  } finally {
    await paths.stop();
  }
}
