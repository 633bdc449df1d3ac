/**
 * The one storage interface of the media service: parameterised queries and transactions.
 * Two adapters implement it (PostgreSQL through `pg`, embedded PGlite) and run the same SQL,
 * so everything above this file is written once and tested against both.
 */
import { AppError, isAppError } from "@sinhome/proto";

/** A result row as the driver decodes it (timestamptz → Date, int4 → number, text[] → string[]). */
export type Row = Record<string, unknown>;

/** Something that runs one SQL statement with `$1…$n` parameters. */
export interface Queryable {
  query<T extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}

export interface Store extends Queryable {
  readonly kind: "postgres" | "pglite";
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Frees the pool / the embedded database (and its directory lock). Idempotent. */
  close(): Promise<void>;
}

/** SQLSTATE classes that mean "the database is not there" rather than "this statement is wrong". */
const UNAVAILABLE_SQLSTATE = /^(08|53|57P)/;
const SQLSTATE = /^[0-9A-Z]{5}$/;

const sqlState = (e: unknown): string | undefined => {
  const code = e && typeof e === "object" && "code" in e ? (e as { code: unknown }).code : undefined;
  return typeof code === "string" && SQLSTATE.test(code) ? code : undefined;
};

/** True for errors a transaction retry can fix: serialization failure, deadlock. */
export const isRetryableConflict = (e: unknown): boolean => {
  const state = sqlState(e);
  return state === "40001" || state === "40P01";
};

/**
 * Turns a driver failure into the mesh's error model. Connection-level failures (refused, reset,
 * pool timeout, server shutting down) become 503 `service_unavailable`; a cancelled statement
 * becomes 504 `timeout`. Messages are fixed sentences: a driver message can carry host names or
 * a connection string, which must never reach the caller. Other SQL errors stay as they are
 * (the bus turns them into a bare 500 `internal_error` and logs them).
 */
export function toStoreError(e: unknown): unknown {
  if (isAppError(e)) return e;
  const state = sqlState(e);
  if (state === "57014") return new AppError("timeout", "the media database query timed out", [], { cause: e });
  if (state === undefined || UNAVAILABLE_SQLSTATE.test(state)) {
    return new AppError("service_unavailable", "the media database is unavailable", [], { cause: e });
  }
  return e;
}

/** A short, credential-free label of a failure, for health answers and logs. */
export function describeStoreError(e: unknown): string {
  const cause = isAppError(e) && e.cause !== undefined ? e.cause : e;
  const code = cause && typeof cause === "object" && "code" in cause ? (cause as { code: unknown }).code : undefined;
  if (typeof code === "string" && /^[A-Z0-9_]{2,32}$/.test(code)) return code;
  return isAppError(e) ? e.code : "unreachable";
}
