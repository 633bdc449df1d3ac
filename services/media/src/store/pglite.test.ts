/** The embedded store's own promises: data survives a restart, and one directory has one opener. */
import { afterAll, describe, expect, test } from "bun:test";
import { rmSync } from "node:fs";
import { DirectoryLockedError } from "./dir-lock.ts";
import { runMigrations } from "./migrations.ts";
import { openPgliteStore } from "./pglite.ts";
import { makeTempDir } from "./testing.ts";
import { recordSend } from "../tracking/sends.ts";
import { fanHistory } from "../tracking/history.ts";

const dir = makeTempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("PGlite store", () => {
  test("committed sends survive close and reopen; migrations do not re-run", async () => {
    const first = await openPgliteStore({ dataDir: dir });
    expect(await runMigrations(first)).toEqual([1, 2]);
    await recordSend(first, { fan_id: "fan", media_id: "m1", media_tags: ["t"] });
    await recordSend(first, { fan_id: "fan", media_id: "m1" });
    await first.close();

    const second = await openPgliteStore({ dataDir: dir });
    try {
      expect(await runMigrations(second)).toEqual([]);
      const history = await fanHistory(second, "fan", 10);
      expect(history.items).toHaveLength(1);
      expect(history.items[0]).toMatchObject({ media_id: "m1", times_sent: 2, media_tags: ["t"] });
    } finally {
      await second.close();
    }
  }, 60_000);

  test("a second opener of the same directory is refused with a clear error while the first is open", async () => {
    const store = await openPgliteStore({ dataDir: dir });
    try {
      const second = openPgliteStore({ dataDir: dir });
      await expect(second).rejects.toBeInstanceOf(DirectoryLockedError);
      await expect(openPgliteStore({ dataDir: dir })).rejects.toThrow(/already open .*Two processes must never share one PGlite directory/);
      // the refused attempts did not disturb the open one
      expect((await recordSend(store, { fan_id: "fan", media_id: "m1" })).times_sent).toBe(3);
    } finally {
      await store.close();
    }
    const again = await openPgliteStore({ dataDir: dir });
    await again.close();
  }, 60_000);

  test("a query after close is a 503, not a crash", async () => {
    const store = await openPgliteStore({ dataDir: dir });
    await store.close();
    await expect(store.query("SELECT 1")).rejects.toMatchObject({ code: "service_unavailable", status: 503 });
  }, 60_000);
});

describe("PGlite directory lock across processes", () => {
  test("another process opening the directory exits with the lock message and leaves the data alone", async () => {
    const store = await openPgliteStore({ dataDir: dir });
    try {
      const script = `import { openPgliteStore } from ${JSON.stringify(`${import.meta.dir}/pglite.ts`)};
        try { await openPgliteStore({ dataDir: ${JSON.stringify(dir)} }); console.log("opened"); process.exit(0); }
        catch (e) { console.error(e.message); process.exit(3); }`;
      const child = Bun.spawn([process.execPath, "-e", script], { stdout: "pipe", stderr: "pipe" });
      expect(await child.exited).toBe(3);
      const stderr = await new Response(child.stderr).text();
      expect(stderr).toContain(`process ${process.pid}`);
      expect(stderr).toContain("Two processes must never share one PGlite directory");
      expect((await recordSend(store, { fan_id: "fan", media_id: "m1" })).times_sent).toBe(4);
    } finally {
      await store.close();
    }
  }, 60_000);
});
