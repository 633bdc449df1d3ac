/**
 * Benchmark of the media duplicate check against the SPEC budget (section 7): 100 ids for a fan
 * with 10,000 sent media, on PostgreSQL holding 1,000,000 sends, p99 ≤ 5 ms.
 *
 *   bun run services/media/bench.ts        (TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test)
 *
 * Seeds a scratch schema with generate_series (one fan × 10,000 media + 99,000 fans × 10 media,
 * a 200,000-media content catalogue), measures `checkDuplicates` end to end (driver included)
 * over 2,000 iterations after a warm-up, prints p50/p90/p99/max, then drops the schema.
 * Not a test: numbers depend on the machine. BENCH_ITERATIONS overrides the iteration count.
 */
import { runMigrations } from "./src/store/migrations.ts";
import { createPostgresStore } from "./src/store/postgres.ts";
import { createScratchSchema, TEST_DATABASE_URL } from "./src/store/testing.ts";
import { checkDuplicates, SENT_STATE_SQL } from "./src/tracking/lookup.ts";
import { recordSend } from "./src/tracking/sends.ts";

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 2000);
const WARMUP = 200;
const CATALOGUE = 200_000;
const FAN = "fan-target";

const SEED = [
  `INSERT INTO media_contents (tenant, media_id, content_hash)
   SELECT '', 'media-' || g, md5('content-' || g) FROM generate_series(1, ${CATALOGUE}) g`,
  `INSERT INTO media_sends (tenant, fan_id, media_id, media_type, media_tags, content_hash, times_sent, first_sent_at, last_sent_at)
   SELECT '', '${FAN}', 'media-' || g, 'photo', ARRAY['tag-' || (g % 7)], md5('content-' || g), 1 + g % 3,
          now() - g * interval '1 minute', now() - g * interval '1 minute'
   FROM generate_series(1, 10000) g`,
  // 99,000 other fans × 10 distinct media each (7919 is coprime with the catalogue size)
  `INSERT INTO media_sends (tenant, fan_id, media_id, media_type, media_tags, content_hash, times_sent, first_sent_at, last_sent_at)
   SELECT '', 'fan-' || (g / 10), 'media-' || m, 'video', '{}', md5('content-' || m), 1,
          now() - (g % 5000) * interval '1 hour', now() - (g % 5000) * interval '1 hour'
   FROM generate_series(0, 989999) g, LATERAL (SELECT 1 + (g::bigint * 7919) % ${CATALOGUE} AS m) x`,
  `VACUUM ANALYZE media_sends`,
  `VACUUM ANALYZE media_contents`,
];

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
const fmt = (ms: number) => `${ms.toFixed(3)} ms`;

function sampleIds(): string[] {
  const ids: string[] = [];
  for (let i = 0; i < 50; i++) ids.push(`media-${1 + Math.floor(Math.random() * 10_000)}`); // sent
  for (let i = 0; i < 50; i++) ids.push(`media-${10_001 + Math.floor(Math.random() * (CATALOGUE - 10_000))}`); // not sent
  return ids;
}

const scratch = await createScratchSchema("media_bench");
const store = createPostgresStore({ connectionString: TEST_DATABASE_URL, options: scratch.options, poolSize: 4, statementTimeoutMs: 600_000 });
try {
  await runMigrations(store);
  const seedStart = performance.now();
  for (const sql of SEED) await store.query(sql);
  const [{ rows } = { rows: 0 }] = await store.query<{ rows: number }>("SELECT count(*)::int AS rows FROM media_sends");
  console.log(`seeded ${rows.toLocaleString("en")} sends (fan ${FAN}: 10,000) in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);

  const plan = await store.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, TIMING OFF, SUMMARY ON) ${SENT_STATE_SQL}`, [FAN, sampleIds(), []]);
  console.log("plan of the duplicate-check query:");
  console.log(plan.map((r) => `  ${r["QUERY PLAN"].replace(/'\{[^}]*\}'/g, "'{…}'")}`).join("\n"));

  for (let i = 0; i < WARMUP; i++) await checkDuplicates(store, { fan_id: FAN, media_ids: sampleIds() });
  const times: number[] = [];
  let duplicates = 0;
  for (let i = 0; i < ITERATIONS; i++) {
    const ids = sampleIds();
    const started = performance.now();
    const reply = await checkDuplicates(store, { fan_id: FAN, media_ids: ids });
    times.push(performance.now() - started);
    duplicates += reply.duplicates.length;
  }
  times.sort((a, b) => a - b);
  console.log(`check_duplicates, 100 ids (≈50 sent), ${ITERATIONS} iterations, sequential:`);
  console.log(`  p50 ${fmt(percentile(times, 50))}  p90 ${fmt(percentile(times, 90))}  p99 ${fmt(percentile(times, 99))}  max ${fmt(times.at(-1) ?? NaN)}`);
  console.log(`  mean duplicates per call: ${(duplicates / ITERATIONS).toFixed(1)} (50 expected: half the ids were sent)`);
  console.log(`  budget p99 ≤ 5 ms: ${percentile(times, 99) <= 5 ? "MET" : "MISSED"}`);

  const sends: number[] = [];
  for (let i = 0; i < 500; i++) {
    const started = performance.now();
    await recordSend(store, { fan_id: FAN, media_id: `media-${1 + (i % 20_000)}`, content_hash: `h-${i}` });
    sends.push(performance.now() - started);
  }
  sends.sort((a, b) => a - b);
  console.log(`sent (upsert, no event_id), 500 calls: p50 ${fmt(percentile(sends, 50))}  p99 ${fmt(percentile(sends, 99))}`);
} finally {
  await store.close();
  await scratch.drop();
  console.log(`dropped schema ${scratch.schema}`);
}
