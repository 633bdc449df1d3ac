/**
 * The outcomes store against both databases it runs on: embedded PGlite and a real PostgreSQL
 * (a scratch schema). Idempotency under concurrency is the database's: two pools (two replicas) post
 * the same event at once and it counts once.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SQL } from "bun";
import type { ReplyRecord } from "../ingest/record.ts";
import { runMigrations } from "./migrations.ts";
import { OutcomesStore } from "./outcomes-store.ts";
import { openPglite, openPostgres, type Sql } from "./sql.ts";

const DATABASE_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

const record = (request_id: string, fields: Partial<ReplyRecord> = {}): ReplyRecord => ({
  request_id, at: new Date().toISOString(), session_id: `s-${request_id}`, key_name: "crm", tenant: "", endpoint: "/v2/personality_chat",
  backend: "simulator", model: "m", arm: "default", persona: "abc", prompt_tokens: 10, completion_tokens: 5, latency_ms: 12, retries: {},
  fallback: false, error: null, guard: null, handoff: { recommended: false, reasons: [] }, messages: [{ role: "user", content: "salut" }], reply: "coucou", ...fields,
});

type Fixture = { stores: OutcomesStore[]; close(): Promise<void> };

async function pgliteFixture(): Promise<Fixture> {
  const dir = mkdtempSync(join(tmpdir(), "outcomes-store-"));
  const sql = await openPglite(dir);
  await runMigrations(sql);
  return { stores: [new OutcomesStore(sql)], close: async () => { await sql.close(); rmSync(dir, { recursive: true, force: true }); } };
}

async function postgresFixture(): Promise<Fixture> {
  const schema = `outcomes_test_${crypto.randomUUID().replaceAll("-", "").slice(0, 12)}`;
  const admin = new SQL(DATABASE_URL);
  await admin.unsafe(`CREATE SCHEMA ${schema}`);
  // Two pools on one schema: two replicas of the service.
  const pools: Sql[] = [0, 1].map(() => openPostgres({ connectionString: DATABASE_URL, poolSize: 4, statementTimeoutMs: 10_000, options: `-c search_path=${schema}` }));
  await Promise.all(pools.map((p) => runMigrations(p)));
  return {
    stores: pools.map((p) => new OutcomesStore(p)),
    close: async () => {
      for (const p of pools) await p.close();
      await admin.unsafe(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.close();
    },
  };
}

for (const [name, open] of [["pglite", pgliteFixture], ["postgres", postgresFixture]] as const) {
  describe(`outcomes store on ${name}`, () => {
    let f: Fixture;
    beforeAll(async () => {
      f = await open();
    }, 60_000);
    afterAll(async () => f?.close());
    const store = (i = 0) => f.stores[i % f.stores.length]!;

    test("records are stored once however often the log is replayed; the cursor only moves forward", async () => {
      expect(await store().ingest([record("r1"), record("r2", { arm: "euryale" })], 10)).toEqual(["default", "euryale"]);
      expect(await store(1).ingest([record("r1")], 5)).toEqual([]);
      expect(await store().lastIngested()).toBe(10);
      expect(await store().hasRecord("r1")).toBe(true);
      expect(await store().hasRecord("r1", "other-tenant")).toBe(false);
    });

    test("the same event_id posted concurrently through two replicas counts once; other events merge", async () => {
      await store().ingest([record("r3")], undefined);
      const event = { request_id: "r3", event_id: "e-buy", purchase_amount: 10, at: new Date().toISOString() };
      const results = await Promise.all(Array.from({ length: 12 }, (_, i) => store(i).addFeedback(event)));
      expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
      await store(1).addFeedback({ request_id: "r3", event_id: "e-sent", outcome: "sent", fan_replied: true, at: new Date().toISOString() });
      const [agg] = (await store().armAggregates({ since: "2000-01-01T00:00:00Z", until: "2100-01-01T00:00:00Z" })).filter((a) => a.arm === "default");
      expect(agg).toMatchObject({ replies: 2, with_feedback: 1, with_outcome: 1, sent: 1, purchased: 1, fan_reply: { k: 1, n: 1 }, revenue: { n: 1, sum: 10, sumsq: 100 } });
      await expect(store().addFeedback({ request_id: "missing", event_id: "e-x", at: new Date().toISOString() })).rejects.toMatchObject({ code: "unknown_request", status: 404 });
    });

    test("erasure removes a conversation's records and outcomes, and a late copy from the log is not stored again", async () => {
      await store().ingest([record("r4", { session_id: "fan-x" })], undefined);
      await store().addFeedback({ request_id: "r4", event_id: "e-r4", outcome: "edited", final_text: "hello", at: new Date().toISOString() });
      const window = { since: "2000-01-01T00:00:00Z", until: "2100-01-01T00:00:00Z", outcomes: ["edited"], limit: 100 };
      expect((await store().exportRows(window)).map((r) => r.request_id)).toEqual(["r4"]);
      expect(await store().erase("fan-x")).toBe(1);
      expect(await store().exportRows(window)).toEqual([]);
      expect(await store().ingest([record("r4", { session_id: "fan-x", at: new Date(Date.now() - 1000).toISOString() })], undefined)).toEqual([]);
      expect(await store().hasRecord("r4")).toBe(false);
    });

    test("pruning drops what is older than the retention", async () => {
      await store().ingest([record("old", { at: new Date(Date.now() - 10 * 3_600_000).toISOString() })], undefined);
      expect(await store().prune(5)).toBe(1);
      expect(await store().hasRecord("old")).toBe(false);
    });
  });
}
