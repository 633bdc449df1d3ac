/**
 * `bun run bench usage-ledger`: CPU per row of the all-in-one's usage ledger (SQLite, batches of 500 as the
 * journal writes them) on an empty file and once it holds ROWS rows, with random (v4) and time-ordered (v7)
 * request ids, in one process, the two interleaved batch by batch. A random key puts each row of the
 * (request_id, endpoint, call) index on another page: the batch rewrites hundreds of pages as the file grows.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EmbeddedUsageStore, type UsageRecord } from "@sinhome/runtime";

const ROWS = Number(process.env.BENCH_USAGE_ROWS ?? 200_000);
const BATCH = 500;
/** Batches measured at each point (best and median reported). */
const PROBE = 10;
const ids = { v4: () => crypto.randomUUID(), v7: () => Bun.randomUUIDv7() };
type Variant = keyof typeof ids;
const VARIANTS = Object.keys(ids) as Variant[];

const row = (request_id: string): UsageRecord => ({
  request_id, call: 0, at: Date.now(), key: "crm", tenant: "", endpoint: "/v2/personality_chat", backend: "simulator", model: "sim",
  prompt_tokens: 600, cached_tokens: 500, completion_tokens: 40, retry: false, cost_usd: 0,
});

export async function benchUsageLedger(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), "bench-usage-"));
  const stores = Object.fromEntries(VARIANTS.map((v) => [v, new EmbeddedUsageStore(join(dir, `${v}.sqlite`))])) as Record<Variant, EmbeddedUsageStore>;
  const batchUs = async (v: Variant): Promise<number> => {
    const records = Array.from({ length: BATCH }, () => row(ids[v]()));
    const t0 = process.cpuUsage();
    await stores[v].insert(records);
    const d = process.cpuUsage(t0);
    return (d.user + d.system) / BATCH;
  };
  const lines: string[] = [];
  const probe = async (label: string) => {
    const costs: Record<Variant, number[]> = { v4: [], v7: [] };
    for (let i = 0; i < PROBE; i++) for (const v of VARIANTS) costs[v].push(await batchUs(v));
    for (const v of VARIANTS) {
      const xs = costs[v].sort((a, b) => a - b);
      lines.push(`${label}, ${v} request ids: ${xs[0]!.toFixed(1)} µs CPU per row best, ${xs[PROBE >> 1]!.toFixed(1)} median (${PROBE} batches of ${BATCH})`);
    }
  };
  try {
    await probe("empty ledger");
    for (let n = PROBE * BATCH; n < ROWS; n += BATCH) for (const v of VARIANTS) await batchUs(v);
    await probe(`${ROWS.toLocaleString("en")} rows`);
  } finally {
    for (const s of Object.values(stores)) await s.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return lines;
}
