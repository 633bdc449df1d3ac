/**
 * Store adapter for a PostgreSQL server through a `pg` Pool (the mesh: any number of replicas
 * share one database). Driver failures are mapped by `toStoreError`; a deadlock or serialization
 * failure retries the whole transaction a few times, since every transaction here is idempotent
 * up to its commit.
 */
import pg from "pg";
import { isRetryableConflict, toStoreError, type Queryable, type Row, type Store } from "./types.ts";
import { withDbSpan } from "./trace.ts";

export type PostgresStoreOptions = {
  connectionString: string;
  poolSize?: number;
  /** Server-side cap of one statement (`statement_timeout`). */
  statementTimeoutMs?: number;
  /** How long to wait for a connection before answering 503. */
  connectTimeoutMs?: number;
  /** Extra server options, e.g. `-c search_path=media_test_x` for an isolated test schema. */
  options?: string;
  /** Told about errors of idle pooled connections (a restarted server); without a listener they would crash the process. */
  onIdleError?: (e: Error) => void;
};

const TRANSACTION_ATTEMPTS = 3;

export function createPostgresStore(opts: PostgresStoreOptions): Store {
  const pool = new pg.Pool({
    connectionString: opts.connectionString,
    max: opts.poolSize ?? 10,
    connectionTimeoutMillis: opts.connectTimeoutMs ?? 3000,
    statement_timeout: opts.statementTimeoutMs ?? 15_000,
    idleTimeoutMillis: 30_000,
    options: opts.options,
    application_name: "sinhome-media",
  });
  pool.on("error", (e) => opts.onIdleError?.(e));
  let closed = false;

  const run = async <T extends Row>(client: pg.Pool | pg.PoolClient, sql: string, params?: readonly unknown[]): Promise<T[]> =>
    withDbSpan("postgresql", sql, async () => {
      try {
        return (await client.query<T>(sql, params as unknown[] | undefined)).rows;
      } catch (e) {
        throw toStoreError(e);
      }
    });

  const attempt = async <T>(work: (tx: Queryable) => Promise<T>): Promise<T> => {
    let client: pg.PoolClient;
    try {
      client = await pool.connect();
    } catch (e) {
      throw toStoreError(e);
    }
    let broken = false;
    // A checked-out client has no pool listener: without ours, the server going away between two
    // statements of the transaction would be an unhandled 'error' event and kill the process.
    const onError = () => {
      broken = true;
    };
    client.on("error", onError);
    try {
      await run(client, "BEGIN");
      const result = await work({ query: (sql, params) => run(client, sql, params) });
      await run(client, "COMMIT");
      return result;
    } catch (e) {
      await client.query("ROLLBACK").catch(() => {
        broken = true;
      });
      throw e;
    } finally {
      // A connection that failed or cannot even roll back is dropped instead of going back to the pool.
      client.off("error", onError);
      client.release(broken);
    }
  };

  return {
    kind: "postgres",
    query: (sql, params) => run(pool, sql, params),
    async transaction(work) {
      for (let i = 1; ; i++) {
        try {
          return await attempt(work);
        } catch (e) {
          if (i >= TRANSACTION_ATTEMPTS || !isRetryableConflict(e)) throw e;
        }
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
