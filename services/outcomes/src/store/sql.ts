/**
 * The one SQL executor of the outcomes service, two adapters running the same portable SQL: a `pg`
 * pool (the mesh; any number of replicas share one database) and embedded PGlite under
 * `<DATA_DIR>/outcomes` (the all-in-one), its directory locked (`<DATA_DIR>/outcomes.lock`) because a
 * second opener of one PGlite directory silently loses writes. Driver failures become 503/504 with
 * fixed, credential-free messages.
 */
import { PGlite, type Transaction } from "@electric-sql/pglite";
import { AppError, isAppError } from "@sinhome/proto";
import { acquireDirLock } from "@sinhome/runtime";
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import pg from "pg";

export type Row = Record<string, unknown>;
export interface Queryable {
  query<T extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}
export interface Sql extends Queryable {
  readonly kind: "postgres" | "pglite";
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const sqlState = (e: unknown): string | undefined => {
  const code = e && typeof e === "object" && "code" in e ? (e as { code: unknown }).code : undefined;
  return typeof code === "string" && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
};

/** Connection-level failures → 503, a cancelled statement → 504; SQL errors stay (the bus makes them a bare 500). */
export function toStoreError(e: unknown): unknown {
  if (isAppError(e)) return e;
  const state = sqlState(e);
  if (state === "57014") return new AppError("timeout", "the outcomes database query timed out", [], { cause: e });
  if (state === undefined || /^(08|53|57P)/.test(state)) return new AppError("service_unavailable", "the outcomes database is unavailable", [], { cause: e });
  return e;
}

export const isUniqueViolation = (e: unknown): boolean => sqlState(e) === "23505" || sqlState((e as { cause?: unknown })?.cause) === "23505";

export function openPostgres(opts: { connectionString: string; poolSize: number; statementTimeoutMs: number; options?: string; onIdleError?: (e: Error) => void }): Sql {
  const pool = new pg.Pool({
    connectionString: opts.connectionString,
    max: opts.poolSize,
    connectionTimeoutMillis: 3000,
    statement_timeout: opts.statementTimeoutMs,
    idleTimeoutMillis: 30_000,
    options: opts.options,
    application_name: "sinhome-outcomes",
  });
  pool.on("error", (e) => opts.onIdleError?.(e));
  const run = async <T extends Row>(client: pg.Pool | pg.PoolClient, sql: string, params?: readonly unknown[]) => {
    try {
      return (await client.query<T>(sql, params as unknown[] | undefined)).rows;
    } catch (e) {
      throw toStoreError(e);
    }
  };
  let closed = false;
  return {
    kind: "postgres",
    query: (sql, params) => run(pool, sql, params),
    async transaction(work) {
      const client = await pool.connect().catch((e: unknown) => {
        throw toStoreError(e);
      });
      let broken = false;
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
        client.off("error", onError);
        client.release(broken);
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}

export async function openPglite(dataDir: string): Promise<Sql> {
  const root = resolve(dataDir);
  mkdirSync(root, { recursive: true });
  const lock = acquireDirLock(join(root, "outcomes.lock"));
  let db: PGlite;
  try {
    db = await PGlite.create(join(root, "outcomes"));
  } catch (e) {
    lock.release();
    throw e;
  }
  let closed = false;
  const run = async <T extends Row>(target: PGlite | Transaction, sql: string, params?: readonly unknown[]) => {
    try {
      return (await target.query<T>(sql, params ? [...params] : undefined)).rows;
    } catch (e) {
      throw toStoreError(e);
    }
  };
  return {
    kind: "pglite",
    query: (sql, params) => run(db, sql, params),
    async transaction(work) {
      if (closed) throw new AppError("service_unavailable", "the outcomes database is closed");
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
