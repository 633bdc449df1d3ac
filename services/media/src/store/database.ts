/**
 * Opens the media database the environment asks for and brings its schema up to date.
 *
 * - PGlite (DATABASE_URL unset): opened and migrated before the service starts; any failure
 *   (directory locked by another process, unreadable files) stops the start with its message.
 * - PostgreSQL: a server that is down at start must not crash-loop the pod, so migrations are
 *   retried in the background (1 s doubling to 30 s) while the service answers 503 and reports
 *   not-ready. Errors other than "unavailable" (bad SQL, missing rights) still stop the start.
 */
import { AppError, isAppError } from "@sinhome/proto";
import type { Logger } from "@sinhome/runtime";
import type { MediaEnv } from "../env.ts";
import { runMigrations } from "./migrations.ts";
import { openPgliteStore } from "./pglite.ts";
import { createPostgresStore } from "./postgres.ts";
import { describeStoreError, type Store } from "./types.ts";

export type MediaDatabase = {
  /** The raw store, usable before migrations (health probes). */
  readonly raw: Store;
  /** True once the schema is up to date. */
  isMigrated(): boolean;
  /** The store for request handling; throws 503 until the schema is up to date. */
  store(): Store;
  close(): Promise<void>;
};

type Options = Pick<MediaEnv, "DATABASE_URL" | "DATA_DIR" | "DATABASE_POOL_SIZE" | "DATABASE_STATEMENT_TIMEOUT_MS"> & {
  /** Extra server options for PostgreSQL (tests use it to pin `search_path` to a scratch schema). */
  pgOptions?: string;
};

const isUnavailable = (e: unknown) => isAppError(e) && (e.code === "service_unavailable" || e.code === "timeout");

export async function openMediaDatabase(opts: Options, log: Logger): Promise<MediaDatabase> {
  const raw = opts.DATABASE_URL
    ? createPostgresStore({
        connectionString: opts.DATABASE_URL,
        poolSize: opts.DATABASE_POOL_SIZE,
        statementTimeoutMs: opts.DATABASE_STATEMENT_TIMEOUT_MS,
        options: opts.pgOptions,
        onIdleError: (e) => log.warn({ err: describeStoreError(e) }, "media database connection lost"),
      })
    : await openPgliteStore({ dataDir: opts.DATA_DIR });
  let migrated = false;
  let closed = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  const migrate = async () => {
    const applied = await runMigrations(raw);
    migrated = true;
    log.info({ database: raw.kind, applied }, applied.length ? "media schema migrated" : "media schema up to date");
  };

  const retryLater = (delayMs: number) => {
    retryTimer = setTimeout(() => {
      if (closed) return;
      migrate().catch((e) => {
        log.warn({ err: describeStoreError(e), retryInMs: Math.min(delayMs * 2, 30_000) }, "media database still unavailable");
        retryLater(Math.min(delayMs * 2, 30_000));
      });
    }, delayMs);
    retryTimer.unref?.();
  };

  try {
    await migrate();
  } catch (e) {
    if (raw.kind !== "postgres" || !isUnavailable(e)) {
      await raw.close();
      throw e;
    }
    log.warn({ err: describeStoreError(e) }, "media database unavailable at start; answering 503 and retrying");
    retryLater(1000);
  }

  return {
    raw,
    isMigrated: () => migrated,
    store() {
      if (!migrated) throw new AppError("service_unavailable", "the media database is not ready yet");
      return raw;
    },
    async close() {
      closed = true;
      clearTimeout(retryTimer);
      await raw.close();
    },
  };
}
