/**
 * The database as a health component (`Subject.MediaStatus`, read by ops for /monitoring/health):
 * `SELECT 1` within a budget. It never throws: every failure is reported as status "down" with a
 * short, credential-free reason.
 */
import type { HealthComponent } from "@sinhome/proto";
import { describeStoreError, type Store } from "./types.ts";

export const STATUS_BUDGET_MS = 3000;

const round = (ms: number) => Math.round(ms * 10) / 10;

export async function probeDatabase(store: Store, opts: { migrated: boolean; timeoutMs?: number }): Promise<HealthComponent> {
  const started = performance.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const budget = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), opts.timeoutMs ?? STATUS_BUDGET_MS);
  });
  try {
    const outcome = await Promise.race([store.query("SELECT 1 AS ok"), budget]);
    const latency_ms = round(performance.now() - started);
    if (outcome === "timeout") return { name: "database", status: "down", latency_ms, error: "timeout" };
    if (!opts.migrated) return { name: "database", status: "down", latency_ms, error: "schema_not_migrated" };
    return { name: "database", status: "ok", latency_ms };
  } catch (e) {
    return { name: "database", status: "down", latency_ms: round(performance.now() - started), error: describeStoreError(e) };
  } finally {
    clearTimeout(timer);
  }
}
