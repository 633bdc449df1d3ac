/**
 * Where chat's usage ledger is made durable: the host's store (the all-in-one's SQLite file), else
 * PostgreSQL when DATABASE_URL is set, else nowhere (memory only, said loudly at start). Calls older than
 * USAGE_RETENTION_HOURS are pruned hourly.
 */
import { PostgresUsageStore, UsageJournal, type Logger, type UsageStore } from "@sinhome/runtime";

export type DurableUsage = { journal?: UsageJournal; close(): Promise<void> };

export function openDurableUsage(env: { DATABASE_URL?: string; NATS_URL?: string; USAGE_RETENTION_HOURS: number }, shared: UsageStore | undefined, log: Logger): DurableUsage {
  const store = shared ?? (env.DATABASE_URL ? PostgresUsageStore.open(env.DATABASE_URL) : undefined);
  if (!store) {
    if (env.NATS_URL) log.warn("DATABASE_URL is unset: usage (/monitoring/usage) is kept in this process's memory only and is lost on restart");
    return { close: async () => {} };
  }
  let warned = 0;
  const journal = new UsageJournal(store, (err) => {
    if (Date.now() - warned > 10_000) log.warn({ err: err instanceof Error ? err.message : String(err) }, "usage ledger: write failed, kept for the next attempt");
    warned = Date.now();
  });
  const retentionMs = env.USAGE_RETENTION_HOURS * 3_600_000;
  const prune = setInterval(() => void store.prune(Date.now() - retentionMs).catch(() => {}), 3_600_000);
  prune.unref?.();
  return {
    journal,
    close: async () => {
      clearInterval(prune);
      await journal.close();
      if (!shared) await store.close();
    },
  };
}
