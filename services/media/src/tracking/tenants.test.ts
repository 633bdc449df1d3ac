/**
 * Tenants in media tracking, on both stores: a fan is (tenant, fan_id) in every operation, and the
 * migration that introduced tenants moves existing rows to the default tenant "".
 */
import { afterAll, describe, expect, test } from "bun:test";
import { MIGRATIONS, runMigrations } from "../store/migrations.ts";
import { openScratchPostgres, openTempPglite, uid, type TestStore } from "../store/testing.ts";
import { deleteHistory, fanHistory } from "./history.ts";
import { checkDuplicates, recommend } from "./lookup.ts";
import { importRecords, recordSend } from "./sends.ts";

const backends: Array<[string, () => Promise<TestStore>]> = [
  ["postgres", openScratchPostgres],
  ["pglite", () => openTempPglite()],
];
const opened: TestStore[] = [];
afterAll(async () => {
  for (const t of opened) await t.cleanup();
}, 30_000);

for (const [name, open] of backends) {
  describe(`tenants on ${name}`, () => {
    test("the same fan_id under two tenants is two fans: sent, check, recommend, history, import, delete, event ids", async () => {
      const t = await open();
      opened.push(t);
      const store = t.store;
      await runMigrations(store);
      const fan = uid("fan");
      const ids = (h: { items: { media_id: string }[] }) => h.items.map((i) => i.media_id).sort();
      await recordSend(store, { fan_id: fan, media_id: "m1", content_hash: "h1" }, "a");
      expect(await recordSend(store, { fan_id: fan, media_id: "m1" }, "b")).toMatchObject({ already_sent_before: false, times_sent: 1 });
      // The content catalogue is per tenant: b's m2 is not a's h1 re-uploaded.
      await recordSend(store, { fan_id: fan, media_id: "m2", content_hash: "h1" }, "b");
      expect(await checkDuplicates(store, { fan_id: fan, media_ids: ["m1", "m2"] }, "a")).toEqual({ duplicates: ["m1"], safe_to_send: ["m2"] });
      expect((await recommend(store, { fan_id: fan, available_media: [{ media_id: "m1" }, { media_id: "m3" }] }, "a")).recommended.map((m) => m.media_id)).toEqual(["m3"]);
      // One event id in two tenants: two sends, each answered for its own tenant.
      const ev = uid("ev");
      expect(await recordSend(store, { fan_id: fan, media_id: "m9", event_id: ev }, "a")).toMatchObject({ times_sent: 1 });
      expect(await recordSend(store, { fan_id: fan, media_id: "m9", event_id: ev }, "b")).toMatchObject({ times_sent: 1 });
      expect(await importRecords(store, { records: [{ fan_id: fan, media_id: "m5" }] }, "a")).toEqual({ imported: 1, skipped: 0 });
      expect(ids(await fanHistory(store, fan, 100, "a"))).toEqual(["m1", "m5", "m9"]);
      expect(ids(await fanHistory(store, fan, 100, "b"))).toEqual(["m1", "m2", "m9"]);
      expect((await fanHistory(store, fan, 100, "")).total).toBe(0);
      expect(await deleteHistory(store, fan, "b")).toEqual({ fan_id: fan, deleted: 3 });
      expect(ids(await fanHistory(store, fan, 100, "a"))).toEqual(["m1", "m5", "m9"]);
    }, 60_000);

    test("migration 2 moves rows written before tenants to the default tenant, with their event ids", async () => {
      const t = await open();
      opened.push(t);
      const store = t.store;
      expect(await runMigrations(store, MIGRATIONS.filter((m) => m.version === 1))).toEqual([1]);
      const fan = uid("legacy");
      await store.query(`INSERT INTO media_sends (fan_id, media_id, times_sent, first_sent_at, last_sent_at) VALUES ($1, 'old-1', 2, now(), now())`, [fan]);
      await store.query(`INSERT INTO media_send_events (event_id, fan_id, media_id, already_sent_before, times_sent) VALUES ($1, $2, 'old-1', false, 1)`, [`ev-${fan}`, fan]);
      expect(await runMigrations(store)).toEqual([2]);
      expect((await fanHistory(store, fan, 100, "")).items).toMatchObject([{ media_id: "old-1", times_sent: 2 }]);
      expect((await fanHistory(store, fan, 100, "agency-a")).total).toBe(0);
      // The remembered event id still answers its retry in the default tenant.
      expect(await recordSend(store, { fan_id: fan, media_id: "old-1", event_id: `ev-${fan}` }, "")).toEqual({ recorded: true, already_sent_before: false, times_sent: 1 });
    }, 60_000);
  });
}
