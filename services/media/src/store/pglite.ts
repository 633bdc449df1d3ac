/**
 * Store adapter for the embedded PostgreSQL (PGlite, PostgreSQL 18 in WebAssembly) used when
 * DATABASE_URL is unset. Files live in `<dataDir>/media` and persist across restarts; the
 * directory is locked (`<dataDir>/media.lock`) for as long as it is open, because a second
 * process on the same files silently loses writes. PGlite runs one statement at a time and
 * queues transactions, so concurrency questions reduce to ordering.
 */
import { PGlite, type Transaction } from "@electric-sql/pglite";
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { acquireDirLock } from "./dir-lock.ts";
import { withDbSpan } from "./trace.ts";
import { toStoreError, type Row, type Store } from "./types.ts";

export type PgliteStoreOptions = { dataDir: string };

/** Opens (creating on first use, ~4 s for initdb; ~0.3 s afterwards) the embedded database. */
export async function openPgliteStore(opts: PgliteStoreOptions): Promise<Store> {
  const root = resolve(opts.dataDir);
  mkdirSync(root, { recursive: true });
  const lock = acquireDirLock(join(root, "media.lock"));
  let db: PGlite;
  try {
    db = await PGlite.create(join(root, "media"));
  } catch (e) {
    lock.release();
    throw e;
  }
  let closed = false;

  const run = <T extends Row>(target: PGlite | Transaction, sql: string, params?: readonly unknown[]): Promise<T[]> =>
    withDbSpan("pglite", sql, async () => {
      try {
        return (await target.query<T>(sql, params ? [...params] : undefined)).rows;
      } catch (e) {
        throw toStoreError(e);
      }
    });

  return {
    kind: "pglite",
    query: (sql, params) => run(db, sql, params),
    async transaction(work) {
      if (closed) throw toStoreError(new Error("embedded database closed"));
      return db.transaction((tx) => work({ query: (sql, params) => run(tx, sql, params) }));
    },
    async close() {
      if (closed) return;
      closed = true;
      try {
        await db.close();
      } finally {
        lock.release();
      }
    },
  };
}
