/**
 * The tracking logic against both stores: the same tests on a real PostgreSQL (scratch schema)
 * and on PGlite (temporary directory). Each test uses its own fan ids, so tests share a database.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { AppError } from "@sinhome/proto";
import { runMigrations } from "../store/migrations.ts";
import { openScratchPostgres, openTempPglite, uid, type TestStore } from "../store/testing.ts";
import type { Store } from "../store/types.ts";
import { deleteHistory, fanHistory, pruneEvents } from "./history.ts";
import { checkDuplicates, recommend } from "./lookup.ts";
import { importRecords, recordSend } from "./sends.ts";

const backends: Array<[string, () => Promise<TestStore>]> = [
  ["postgres", openScratchPostgres],
  ["pglite", () => openTempPglite()],
];

const rejection = async (p: Promise<unknown>): Promise<AppError> => {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected a rejection");
};

for (const [name, open] of backends) {
  describe(`media tracking on ${name}`, () => {
    let t: TestStore;
    let store: Store;
    beforeAll(async () => {
      t = await open();
      store = t.store;
      await runMigrations(store);
    }, 60_000);
    afterAll(() => t?.cleanup(), 30_000);

    test("migrations are idempotent: a restart applies nothing and keeps the ledger", async () => {
      expect(await runMigrations(store)).toEqual([]);
      expect(await Promise.all([runMigrations(store), runMigrations(store)])).toEqual([[], []]);
      const rows = await store.query<{ version: number }>("SELECT version FROM schema_migrations ORDER BY version");
      expect(rows.map((r) => r.version)).toEqual([1, 2]);
    });

    test("sent: first send, then a repeat counts and reports already_sent_before", async () => {
      const fan = uid("fan");
      expect(await recordSend(store, { fan_id: fan, media_id: "m1", media_type: "photo", media_tags: ["sexy"] })).toEqual({ recorded: true, already_sent_before: false, times_sent: 1 });
      expect(await recordSend(store, { fan_id: fan, media_id: "m1" })).toEqual({ recorded: true, already_sent_before: true, times_sent: 2 });
      const h = await fanHistory(store, fan, 100);
      expect(h.items[0]).toMatchObject({ media_id: "m1", media_type: "photo", media_tags: ["sexy"], times_sent: 2 });
    });

    test("sent with the same event_id twice counts once and answers the same", async () => {
      const fan = uid("fan");
      const first = await recordSend(store, { fan_id: fan, media_id: "m1" });
      const ev = uid("ev");
      const a = await recordSend(store, { fan_id: fan, media_id: "m1", event_id: ev });
      const b = await recordSend(store, { fan_id: fan, media_id: "m1", event_id: ev });
      expect(first.times_sent).toBe(1);
      expect(a).toEqual({ recorded: true, already_sent_before: true, times_sent: 2 });
      expect(b).toEqual(a);
      expect((await fanHistory(store, fan, 10)).items[0]?.times_sent).toBe(2);
    });

    test("an event_id reused for another media is a 422 naming event_id", async () => {
      const fan = uid("fan");
      const ev = uid("ev");
      await recordSend(store, { fan_id: fan, media_id: "m1", event_id: ev });
      const err = await rejection(recordSend(store, { fan_id: fan, media_id: "m2", event_id: ev }));
      expect(err.status).toBe(422);
      expect(err.details[0]?.field).toBe("event_id");
      expect((await fanHistory(store, fan, 10)).total).toBe(1);
    });

    test("20 concurrent identical sends with one event_id are counted once", async () => {
      const fan = uid("fan");
      const ev = uid("ev");
      const replies = await Promise.all(Array.from({ length: 20 }, () => recordSend(store, { fan_id: fan, media_id: "m1", event_id: ev })));
      for (const r of replies) expect(r).toEqual({ recorded: true, already_sent_before: false, times_sent: 1 });
      expect((await fanHistory(store, fan, 10)).items[0]?.times_sent).toBe(1);
    });

    test("20 concurrent sends without event_id lose no count", async () => {
      const fan = uid("fan");
      const replies = await Promise.all(Array.from({ length: 20 }, () => recordSend(store, { fan_id: fan, media_id: "m1" })));
      expect(replies.map((r) => r.times_sent).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      expect(replies.filter((r) => !r.already_sent_before)).toHaveLength(1);
      expect((await fanHistory(store, fan, 10)).items[0]?.times_sent).toBe(20);
    });

    test("a re-upload (same content_hash, new id) counts as already sent", async () => {
      const fan = uid("fan");
      const hash = uid("sha");
      await recordSend(store, { fan_id: fan, media_id: "orig", content_hash: hash });
      expect(await recordSend(store, { fan_id: fan, media_id: "reupload", content_hash: hash })).toEqual({ recorded: true, already_sent_before: true, times_sent: 1 });
      expect((await recordSend(store, { fan_id: uid("other"), media_id: "reupload", content_hash: hash })).already_sent_before).toBe(false);
    });

    test("sent_at is honoured; an older backfill does not move last_sent_at back", async () => {
      const fan = uid("fan");
      await recordSend(store, { fan_id: fan, media_id: "m1", sent_at: "2025-03-01T10:00:00+02:00" });
      await recordSend(store, { fan_id: fan, media_id: "m1", sent_at: "2025-01-01" });
      const item = (await fanHistory(store, fan, 10)).items[0];
      expect(item).toMatchObject({ first_sent_at: "2025-01-01T00:00:00.000Z", last_sent_at: "2025-03-01T08:00:00.000Z", times_sent: 2 });
    });

    test("a bad sent_at is a 422 naming the field, and nothing is recorded", async () => {
      const fan = uid("fan");
      const err = await rejection(recordSend(store, { fan_id: fan, media_id: "m1", sent_at: "yesterday" }));
      expect(err.code).toBe("validation_failed");
      expect(err.details.map((d) => d.field)).toEqual(["sent_at"]);
      expect((await fanHistory(store, fan, 10)).total).toBe(0);
    });

    test("check_duplicates keeps input order and recognises re-uploads through the catalogue", async () => {
      const fan = uid("fan");
      const hash = uid("sha");
      await recordSend(store, { fan_id: fan, media_id: "m1" });
      await recordSend(store, { fan_id: fan, media_id: "m3", content_hash: hash });
      // another fan's send teaches the catalogue that "m9" has the same content as "m3"
      await recordSend(store, { fan_id: uid("other"), media_id: "m9", content_hash: hash });
      expect(await checkDuplicates(store, { fan_id: fan, media_ids: ["m4", "m3", "m2", "m1", "m9"] })).toEqual({
        duplicates: ["m3", "m1", "m9"],
        safe_to_send: ["m4", "m2"],
      });
      expect(await checkDuplicates(store, { fan_id: uid("new"), media_ids: ["m1", "m3"] })).toEqual({ duplicates: [], safe_to_send: ["m1", "m3"] });
      expect(await checkDuplicates(store, { fan_id: fan, media_ids: [] })).toEqual({ duplicates: [], safe_to_send: [] });
    });

    test("recommend: unsent by id and by hash, priority first, stable on ties, max_results", async () => {
      const fan = uid("fan");
      const hash = uid("sha");
      await recordSend(store, { fan_id: fan, media_id: "sent" });
      await recordSend(store, { fan_id: fan, media_id: "old", content_hash: hash });
      const reply = await recommend(store, {
        fan_id: fan,
        available_media: [
          { media_id: "sent", priority: 10 },
          { media_id: "a", priority: 1 },
          { media_id: "copy", priority: 9, content_hash: hash },
          { media_id: "b", priority: 5 },
          { media_id: "c", priority: 5 },
          { media_id: "d" },
        ],
      });
      expect(reply.recommended.map((m) => m.media_id)).toEqual(["b", "c", "a"]);
      expect(reply.excluded_count).toBe(2);
      expect(reply.recommended[0]).toEqual({ media_id: "b", priority: 5 });
      const all = await recommend(store, { fan_id: fan, available_media: [{ media_id: "x" }, { media_id: "y", priority: -1 }], max_results: 10 });
      expect(all).toEqual({ recommended: [{ media_id: "x" }, { media_id: "y", priority: -1 }], excluded_count: 0 });
    });

    test("history: newest first, ISO dates, total beyond the item limit", async () => {
      const fan = uid("fan");
      await recordSend(store, { fan_id: fan, media_id: "a", sent_at: "2025-01-01T00:00:00Z" });
      await recordSend(store, { fan_id: fan, media_id: "b", sent_at: "2025-02-01T00:00:00Z", media_type: "video" });
      await recordSend(store, { fan_id: fan, media_id: "c", sent_at: "2025-01-15T00:00:00Z" });
      const h = await fanHistory(store, fan, 2);
      expect(h.fan_id).toBe(fan);
      expect(h.total).toBe(3);
      expect(h.items.map((i) => i.media_id)).toEqual(["b", "c"]);
      expect(h.items[0]).toEqual({ media_id: "b", media_type: "video", media_tags: [], times_sent: 1, first_sent_at: "2025-02-01T00:00:00.000Z", last_sent_at: "2025-02-01T00:00:00.000Z" });
      expect(await fanHistory(store, uid("nobody"), 10)).toMatchObject({ total: 0, items: [] });
    });

    test("import: the same export twice changes nothing; existing sends are skipped, not summed", async () => {
      const fan = uid("fan");
      await recordSend(store, { fan_id: fan, media_id: "live" });
      const records = [
        { fan_id: fan, media_id: "live", times_sent: 5 },
        { fan_id: fan, media_id: "i1", media_type: "photo", media_tags: ["a", "b"], sent_at: "2024-06-01T12:00:00Z", times_sent: 3 },
        { fan_id: fan, media_id: "i1", times_sent: 9 },
        ...Array.from({ length: 1200 }, (_, i) => ({ fan_id: fan, media_id: `bulk-${i}` })),
      ];
      expect(await importRecords(store, { records })).toEqual({ imported: 1201, skipped: 2 });
      const before = await fanHistory(store, fan, 5000);
      expect(await importRecords(store, { records })).toEqual({ imported: 0, skipped: 1203 });
      expect(await fanHistory(store, fan, 5000)).toEqual(before);
      const byId = new Map(before.items.map((i) => [i.media_id, i]));
      expect(byId.get("live")?.times_sent).toBe(1);
      expect(byId.get("i1")).toEqual({ media_id: "i1", media_type: "photo", media_tags: ["a", "b"], times_sent: 3, first_sent_at: "2024-06-01T12:00:00.000Z", last_sent_at: "2024-06-01T12:00:00.000Z" });
      expect((await recordSend(store, { fan_id: fan, media_id: "i1" })).times_sent).toBe(4);
    });

    test("import with a bad date fails whole, naming the record, and writes nothing", async () => {
      const fan = uid("fan");
      const err = await rejection(importRecords(store, { records: [{ fan_id: fan, media_id: "a" }, { fan_id: fan, media_id: "b", sent_at: "2024-02-30" }] }));
      expect(err.status).toBe(422);
      expect(err.details[0]?.field).toBe("records[1].sent_at");
      expect((await fanHistory(store, fan, 10)).total).toBe(0);
      expect(await importRecords(store, { records: [] })).toEqual({ imported: 0, skipped: 0 });
    });

    test("event ids older than the retention are pruned; a later retry then counts again", async () => {
      const fan = uid("fan");
      const [oldEv, freshEv] = [uid("ev"), uid("ev")];
      await recordSend(store, { fan_id: fan, media_id: "m1", event_id: oldEv });
      await recordSend(store, { fan_id: fan, media_id: "m1", event_id: freshEv });
      await store.query(`UPDATE media_send_events SET created_at = now() - interval '3 hours' WHERE event_id = $1`, [oldEv]);
      expect(await pruneEvents(store, 2)).toBeGreaterThanOrEqual(1);
      expect((await recordSend(store, { fan_id: fan, media_id: "m1", event_id: freshEv })).times_sent).toBe(2);
      expect((await recordSend(store, { fan_id: fan, media_id: "m1", event_id: oldEv })).times_sent).toBe(3);
    });

    test("delete forgets a fan (and its event ids), leaves other fans alone", async () => {
      const fan = uid("fan");
      const other = uid("other");
      const ev = uid("ev");
      await recordSend(store, { fan_id: fan, media_id: "a", event_id: ev });
      await recordSend(store, { fan_id: fan, media_id: "b" });
      await recordSend(store, { fan_id: other, media_id: "a" });
      expect(await deleteHistory(store, fan)).toEqual({ fan_id: fan, deleted: 2 });
      expect((await fanHistory(store, fan, 10)).total).toBe(0);
      expect((await fanHistory(store, other, 10)).total).toBe(1);
      expect(await deleteHistory(store, fan)).toEqual({ fan_id: fan, deleted: 0 });
      expect((await recordSend(store, { fan_id: fan, media_id: "a", event_id: ev })).times_sent).toBe(1);
    });
  });
}
