/**
 * `bun run bench`: the project's benchmark. Figures are reported as ratios against a baseline run in
 * the same process (never as absolute pass/fail thresholds in tests). Loopback only, bounded in time.
 */
import { benchAuth } from "./auth.ts";
import { benchBudget } from "./budget.ts";
import { benchBudgetSlow } from "./budget-slow.ts";
import { benchBus } from "./bus.ts";
import { benchCache, benchCacheSweep } from "./cache.ts";
import { benchChaos } from "./chaos.ts";
import { benchFootprint } from "./footprint.ts";
import { benchGuard } from "./guard.ts";
import { benchLiveness } from "./liveness.ts";
import { benchMesh } from "./mesh.ts";
import { benchOpenAi } from "./openai.ts";
import { benchOutcomesAb } from "./outcomes-ab.ts";
import { benchPipeline } from "./pipeline.ts";
import { benchUsageLedger } from "./usage-ledger.ts";

const natsUrl = process.env.NATS_URL ?? "nats://127.0.0.1:4222";
const databaseUrl = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
/** Set by a gate section (budget) past its budget: `bun run bench` then exits 1. */
let failed = false;
const sections: [string, () => Promise<string[]>][] = [
  ["budget", async () => {
    const { lines, ok } = await benchBudget();
    failed ||= !ok;
    return lines;
  }],
  ["bus", () => benchBus(natsUrl)],
  ["pipeline", () => benchPipeline()],
  ["mesh", () => benchMesh(natsUrl)],
  ["footprint", () => benchFootprint(natsUrl, databaseUrl)],
  ["openai", () => benchOpenAi(natsUrl)],
  ["guard", () => benchGuard()],
  ["scoring", () => runScript("services/scoring/bench.ts")],
  ["media", () => runScript("services/media/bench.ts")],
  ["cache", () => benchCache()],
  ["chaos", () => benchChaos()],
  ["auth", () => benchAuth()],
];
/** Sections run only when named (long): `bun run bench cache-sweep`. */
const onDemand: [string, () => Promise<string[]>][] = [
  ["cache-sweep", () => benchCacheSweep()],
  ["liveness", () => benchLiveness()],
  ["budget-slow", () => benchBudgetSlow()],
  ["outcomes-ab", () => benchOutcomesAb()],
  ["usage-ledger", () => benchUsageLedger()],
];
const only = process.argv[2];

/** Service-owned benchmarks live beside their service; run them as they are and show their lines. */
async function runScript(path: string): Promise<string[]> {
  const child = Bun.spawn(["bun", path], { cwd: new URL("..", import.meta.url).pathname, stdout: "pipe", stderr: "inherit" });
  const out = await new Response(child.stdout).text();
  await child.exited;
  return out.trimEnd().split("\n");
}

for (const [name, run] of [...sections, ...onDemand]) {
  if (only ? only !== name : onDemand.some(([n]) => n === name)) continue;
  console.log(`\n## ${name}`);
  for (const line of await run()) console.log(line);
}
process.exit(failed ? 1 : 0);
