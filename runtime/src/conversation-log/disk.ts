/**
 * Keeps the embedded log's files within their cap while running (SPEC §7): the database file, its
 * write-ahead log and the shared-memory index together stay within `maxBytes` plus a stated margin
 * (`walLimitBytes(maxBytes)` for the write-ahead log, and one prune step's worth of writes).
 *
 * - The write-ahead log is checkpointed every `walLimit / 2` bytes (SQLite's auto-checkpoint), and
 *   truncated back to `walLimit` after each (`journal_size_limit`); every prune ends with a
 *   TRUNCATE checkpoint. Statements are always reset (run/all), so no open read keeps it growing.
 * - Pruning removes what is older than the retention, then the oldest events while the pages in use
 *   exceed `LOW_WATER` of the cap, in chunks that yield to the event loop between them.
 * - Freed pages are given back to the file system (auto_vacuum = INCREMENTAL, incremental_vacuum after
 *   a prune), so a lowered cap or an erasure shrinks the file instead of leaving it at its peak.
 */
import type { Database } from "bun:sqlite";

/** Pruning brings the pages in use down to this share of the cap (room for the writes until the next one). */
export const LOW_WATER = 0.85;
/** Rows deleted per step; the loop yields between steps so replies are not held up. */
const CHUNK = 500;

/** The write-ahead log's size limit: a sixteenth of the cap, between 1 and 64 MiB. */
export const walLimitBytes = (maxBytes: number): number => Math.min(64 * 1024 ** 2, Math.max(1024 ** 2, Math.floor(maxBytes / 16)));

/** Pragmas of a freshly opened connection; converts an older file to incremental auto-vacuum once. */
export function openPragmas(db: Database, maxBytes: number): void {
  const autoVacuum = db.query<{ auto_vacuum: number }, []>("PRAGMA auto_vacuum").get()?.auto_vacuum ?? 0;
  if (autoVacuum !== 2) {
    db.exec("PRAGMA auto_vacuum = INCREMENTAL");
    // An existing database only changes its auto-vacuum mode with a VACUUM (once; empty files need none).
    const tables = db.query<{ n: number }, []>("SELECT COUNT(*) AS n FROM sqlite_master").get()?.n ?? 0;
    if (tables > 0) db.exec("VACUUM");
  }
  const pageSize = db.query<{ page_size: number }, []>("PRAGMA page_size").get()?.page_size ?? 4096;
  const wal = walLimitBytes(maxBytes);
  db.exec(`PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;
    PRAGMA journal_size_limit = ${wal}; PRAGMA wal_autocheckpoint = ${Math.max(16, Math.floor(wal / 2 / pageSize))};`);
}

export class SqliteDisk {
  constructor(
    private readonly db: Database,
    private readonly path: string,
    private readonly maxBytes: number,
  ) {}

  /** Bytes of the database's pages in use (free pages excluded). */
  usedBytes(): number {
    const q = (pragma: string) => Object.values(this.db.query<Record<string, number>, []>(`PRAGMA ${pragma}`).get() ?? {})[0] ?? 0;
    return (q("page_count") - q("freelist_count")) * q("page_size");
  }

  /** One prune pass, all at once (at open, before the first write). */
  pruneSync(retentionHours: number): void {
    while (this.pruneStep(retentionHours)) {}
    this.giveBack();
  }

  /** One prune pass in steps, yielding between them. */
  async prune(retentionHours: number): Promise<void> {
    while (this.pruneStep(retentionHours)) await Bun.sleep(0);
    this.giveBack();
  }

  /** Writes the write-ahead log into the database and truncates it. */
  checkpoint(): void {
    if (this.path !== ":memory:") this.db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
  }

  /** Deletes one chunk of expired, else of oldest-over-the-cap events; false when nothing is left to do. */
  private pruneStep(retentionHours: number): boolean {
    const expired = this.db
      .query("DELETE FROM conversation_events WHERE seq IN (SELECT seq FROM conversation_events WHERE ts < ? LIMIT ?)")
      .run(Date.now() - retentionHours * 3_600_000, CHUNK).changes;
    if (expired > 0) return true;
    if (this.usedBytes() <= this.maxBytes * LOW_WATER) return false;
    // The newest event always stays (a cap smaller than one event must not empty the log).
    return (
      this.db
        .query(
          `DELETE FROM conversation_events WHERE seq IN (SELECT seq FROM conversation_events
             WHERE seq < (SELECT MAX(seq) FROM conversation_events) ORDER BY seq LIMIT ?)`,
        )
        .run(CHUNK).changes > 0
    );
  }

  private giveBack(): void {
    this.db.exec("PRAGMA incremental_vacuum");
    this.checkpoint();
  }
}
