/** The usage ledger in PostgreSQL (the mesh): a small pool, one multi-row insert per batch. */
import pg from "pg";
import type { UsageGroupBy, UsageRow } from "@sinhome/proto";
import { recordValues, toUsageRow, USAGE_COLUMNS, USAGE_DDL, usageQuerySql, type UsageRecord, type UsageStore } from "./types.ts";

export class PostgresUsageStore implements UsageStore {
  readonly kind = "postgres" as const;
  private ready: Promise<void> | undefined;

  constructor(private readonly pool: pg.Pool) {}

  static open(url: string): PostgresUsageStore {
    const pool = new pg.Pool({ connectionString: url, max: 2, connectionTimeoutMillis: 3000 });
    pool.on("error", () => {}); // an idle client lost with the server: the next query reports it
    return new PostgresUsageStore(pool);
  }

  /** Creates the table on first use (and again after a failed attempt). */
  private schema(): Promise<void> {
    this.ready ??= this.pool.query(USAGE_DDL).then(() => undefined, (e) => {
      this.ready = undefined;
      throw e;
    });
    return this.ready;
  }

  async insert(records: readonly UsageRecord[]): Promise<void> {
    if (records.length === 0) return;
    await this.schema();
    const n = USAGE_COLUMNS.length;
    const tuples = records.map((_, i) => `(${USAGE_COLUMNS.map((__, j) => `$${i * n + j + 1}`).join(", ")})`);
    await this.pool.query(
      `INSERT INTO usage_calls (${USAGE_COLUMNS.join(", ")}) VALUES ${tuples.join(", ")} ON CONFLICT (request_id, endpoint, call) DO NOTHING`,
      records.flatMap(recordValues),
    );
  }

  async query(since: number, until: number, groupBy: UsageGroupBy, tenant?: string): Promise<UsageRow[]> {
    await this.schema();
    const byTenant = tenant !== undefined;
    const { rows } = await this.pool.query(usageQuerySql(groupBy, byTenant), byTenant ? [since, until, tenant] : [since, until]);
    return rows.map((r) => toUsageRow(r, groupBy));
  }

  async prune(before: number): Promise<void> {
    await this.schema();
    await this.pool.query("DELETE FROM usage_calls WHERE at < $1", [before]);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
