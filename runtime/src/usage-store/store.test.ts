/** The durable usage ledger on both stores (real PostgreSQL, SQLite file), and its journal. */
import { afterAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { EmbeddedUsageStore } from "./embedded.ts";
import { UsageJournal } from "./journal.ts";
import { PostgresUsageStore } from "./postgres.ts";
import type { UsageRecord, UsageStore } from "./types.ts";

const DATABASE_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const dir = mkdtempSync(join(tmpdir(), "usage-store-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = crypto.randomUUID().slice(0, 8);
const T0 = Date.UTC(2030, 0, 1, 12, 0) + Math.floor(Math.random() * 1e6) * 60_000; // a window no other run writes
const call = (over: Partial<UsageRecord>): UsageRecord => ({
  request_id: `r-${run}-1`, call: 0, at: T0 + 1000, key: `crm-${run}`, tenant: "", endpoint: "/v2/personality_chat",
  backend: "vllm", model: "qwen", prompt_tokens: 100, cached_tokens: 60, completion_tokens: 20, retry: false, cost_usd: 0.001, ...over,
});

const stores: [string, () => UsageStore][] = [
  ["embedded", () => new EmbeddedUsageStore(join(dir, "usage.sqlite"))],
  ["postgres", () => PostgresUsageStore.open(DATABASE_URL)],
];

for (const [name, open] of stores) {
  describe(`${name} usage store`, () => {
    test("sums a window by key, endpoint and model; a retry counts its tokens, not a request", async () => {
      const store = open();
      await store.insert([
        call({}),
        call({ call: 1, retry: true, prompt_tokens: 110, cached_tokens: 100, completion_tokens: 30 }),
        call({ request_id: `r-${run}-2`, endpoint: "/script_chat", backend: "grok", model: "grok-4" }),
        call({ request_id: `r-${run}-3`, at: T0 + 120_000 }), // outside the window below
      ]);
      const byKey = await store.query(T0, T0 + 60_000, "key");
      expect(byKey).toEqual([{ group: `crm-${run}`, requests: 2, prompt_tokens: 310, cached_tokens: 220, completion_tokens: 70, retry_tokens: 140, cost_usd: expect.closeTo(0.003, 9) }]);
      const byModel = await store.query(T0, T0 + 60_000, "model");
      expect(byModel.map((r) => [r.backend, r.group, r.requests]).sort()).toEqual([["grok", "grok-4", 1], ["vllm", "qwen", 1]]);
      const byEndpoint = await store.query(T0, T0 + 180_000, "endpoint");
      expect(byEndpoint.find((r) => r.group === "/v2/personality_chat")?.requests).toBe(2);
      await store.close();
    });

    test("idempotent per request id, endpoint and call: a re-sent request or a batch written twice counts once", async () => {
      const store = open();
      const rec = call({ request_id: `r-${run}-dup`, at: T0 + 300_000 });
      await store.insert([rec]);
      await store.insert([rec, { ...rec, backend: "other" }]);
      await store.insert([{ ...rec, endpoint: "llm_complete" }]); // another endpoint under the same request id is its own call
      const rows = await store.query(T0 + 300_000, T0 + 360_000, "endpoint");
      expect(rows.map((r) => [r.group, r.requests]).sort()).toEqual([["/v2/personality_chat", 1], ["llm_complete", 1]]);
      await store.close();
    });
  });
}

describe("usage journal", () => {
  test("queues off the request path, writes in batches, keeps records across a failed write, flushes on close", async () => {
    const inner = new EmbeddedUsageStore(join(dir, "journal.sqlite"));
    let failures = 1;
    const batches: number[] = [];
    const flaky: UsageStore = {
      kind: "embedded",
      insert: async (records) => {
        if (failures-- > 0) throw new Error("store away");
        batches.push(records.length);
        await inner.insert(records);
      },
      query: (...a) => inner.query(...a),
      prune: (b) => inner.prune(b),
      close: async () => {},
    };
    const errors: unknown[] = [];
    const journal = new UsageJournal(flaky, (e) => errors.push(e));
    for (let i = 0; i < 10; i++) journal.add(call({ request_id: `j-${i}`, at: T0 + 600_000 }));
    await journal.flush(); // fails: kept
    expect(errors).toHaveLength(1);
    for (let i = 10; i < 15; i++) journal.add(call({ request_id: `j-${i}`, at: T0 + 600_000 }));
    await journal.close(); // written in one batch
    expect(batches).toEqual([15]);
    expect((await inner.query(T0 + 600_000, T0 + 660_000, "key"))[0]?.requests).toBe(15);
    await inner.close();
  });
});

test("the embedded store's write-ahead log stays bounded over many batches", async () => {
  const path = join(dir, "wal-bound.sqlite");
  const store = new EmbeddedUsageStore(path);
  let largest = 0;
  for (let b = 0; b < 120; b++) {
    await store.insert(Array.from({ length: 250 }, (_, i) => call({ request_id: `w-${b}-${i}-${"x".repeat(200)}`, at: T0 + 900_000 })));
    largest = Math.max(largest, statSync(`${path}-wal`).size);
  }
  // 30,000 rows of ~0.5 KB (+ two indexes) went through it: ~20 MB, while the WAL stays near the checkpoint size.
  expect(statSync(path).size).toBeGreaterThan(10 * 2 ** 20);
  expect(largest).toBeLessThan(9 * 2 ** 20);
  await store.close();
}, 60_000);

afterAll(async () => {
  const client = new pg.Client(DATABASE_URL);
  await client.connect();
  await client.query("DELETE FROM usage_calls WHERE key = $1 OR request_id LIKE $2", [`crm-${run}`, `r-${run}%`]);
  await client.end();
});
