/**
 * Opens the outcomes database the environment asks for and migrates it. PGlite: opened and migrated
 * before the service starts (a locked directory stops the start with its message). PostgreSQL: a
 * server down at start does not crash-loop the pod — migrations are retried in the background (1 s
 * doubling to 30 s) while requests answer 503 and readiness fails.
 */
import { AppError, isAppError } from "@sinhome/proto";
import type { Logger } from "@sinhome/runtime";
import type { OutcomesEnv } from "../env.ts";
import { runMigrations } from "./migrations.ts";
import { OutcomesStore } from "./outcomes-store.ts";
import { openPglite, openPostgres, type Sql } from "./sql.ts";

export type OutcomesDatabase = { raw: Sql; isMigrated(): boolean; store(): OutcomesStore; close(): Promise<void> };

export async function openOutcomesDatabase(env: Pick<OutcomesEnv, "DATABASE_URL" | "DATA_DIR" | "DATABASE_POOL_SIZE" | "DATABASE_STATEMENT_TIMEOUT_MS">, log: Logger, pgOptions?: string): Promise<OutcomesDatabase> {
  const raw = env.DATABASE_URL
    ? openPostgres({
        connectionString: env.DATABASE_URL,
        poolSize: env.DATABASE_POOL_SIZE,
        statementTimeoutMs: env.DATABASE_STATEMENT_TIMEOUT_MS,
        options: pgOptions,
        onIdleError: (e) => log.warn({ err: e.name }, "outcomes database connection lost"),
      })
    : await openPglite(env.DATA_DIR);
  const store = new OutcomesStore(raw);
  let migrated = false;
  let closed = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const migrate = async () => {
    const applied = await runMigrations(raw);
    migrated = true;
    log.info({ database: raw.kind, applied }, applied.length ? "outcomes schema migrated" : "outcomes schema up to date");
  };
  const retry = (delayMs: number) => {
    timer = setTimeout(() => {
      if (closed) return;
      migrate().catch(() => retry(Math.min(delayMs * 2, 30_000)));
    }, delayMs);
    timer.unref?.();
  };
  try {
    await migrate();
  } catch (e) {
    if (raw.kind !== "postgres" || !isAppError(e) || e.code !== "service_unavailable") {
      await raw.close();
      throw e;
    }
    log.warn("outcomes database unavailable at start; answering 503 and retrying");
    retry(1000);
  }
  return {
    raw,
    isMigrated: () => migrated,
    store() {
      if (!migrated) throw new AppError("service_unavailable", "the outcomes database is not ready yet");
      return store;
    },
    async close() {
      closed = true;
      clearTimeout(timer);
      await raw.close();
    },
  };
}
