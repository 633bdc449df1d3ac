/**
 * The embedded log's files on disk stay within LOG_MAX_BYTES plus the stated margin while running
 * (not only after a restart): several times the cap is written under steady load and the directory is
 * measured all along. Also: a queue that cannot keep up drops and counts, a clean close loses nothing.
 */
import { afterAll, describe, expect, test } from "bun:test";
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { registry } from "../metrics.ts";
import { walLimitBytes } from "./disk.ts";
import { EmbeddedConversationLog } from "./embedded.ts";
import { logEvent } from "./testing.ts";

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), "convlog-disk-"));
  dirs.push(d);
  return d;
};
const dirBytes = (dir: string) => readdirSync(dir).reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);
const droppedTotal = async () => Number(/^sinhome_conversation_log_dropped_total (\d+)/m.exec(await registry.metrics())?.[1] ?? 0);
const padded = (n: number) => ({ ...logEvent(`s-${n % 50}`, n), response: `réponse ${n} `.padEnd(600, "x") });

describe("embedded conversation log on disk", () => {
  test("writing 6× LOG_MAX_BYTES keeps the directory within the cap + the write-ahead log's limit, all along", async () => {
    const dir = tempDir();
    const maxBytes = 4 * 1024 * 1024;
    const log = new EmbeddedConversationLog(join(dir, "log.sqlite"), { retentionHours: 168, maxBytes });
    const margin = walLimitBytes(maxBytes) + maxBytes * 0.1;
    let written = 0;
    let peak = 0;
    let n = 0;
    while (written < 6 * maxBytes) {
      const pending: Promise<string>[] = [];
      for (let i = 0; i < 400; i++, n++) {
        const e = padded(n);
        written += JSON.stringify(e).length;
        pending.push(log.append(e));
      }
      await Promise.all(pending);
      peak = Math.max(peak, dirBytes(dir));
    }
    await log.prune();
    peak = Math.max(peak, dirBytes(dir));
    expect(peak).toBeLessThanOrEqual(maxBytes + margin);
    // The newest events are all there, ids increasing; the oldest were pruned.
    const stats = await log.stats();
    expect(stats.events).toBeGreaterThan(1000);
    expect(stats.events).toBeLessThan(n);
    const last = await log.history({ limit: 500, afterId: String(n - 10) });
    expect(last.events.map((e) => e.request_id)).toEqual(Array.from({ length: 10 }, (_, i) => `r-${n - 10 + i}`));
    await log.close();
    console.log(`wrote ${(written / 2 ** 20).toFixed(1)} MiB into a ${maxBytes / 2 ** 20} MiB cap: directory peak ${(peak / 2 ** 20).toFixed(2)} MiB, after close ${(dirBytes(dir) / 2 ** 20).toFixed(2)} MiB`);
    expect(dirBytes(dir)).toBeLessThanOrEqual(maxBytes);
  }, 120_000);

  test("a file written before the cap was lowered shrinks to the new cap when reopened", async () => {
    const dir = tempDir();
    const file = join(dir, "log.sqlite");
    const big = new EmbeddedConversationLog(file, { retentionHours: 168, maxBytes: 64 * 1024 * 1024 });
    await Promise.all(Array.from({ length: 12_000 }, (_, i) => big.append(padded(i))));
    await big.close();
    expect(dirBytes(dir)).toBeGreaterThan(6 * 1024 * 1024);
    const small = new EmbeddedConversationLog(file, { retentionHours: 168, maxBytes: 2 * 1024 * 1024 });
    expect(dirBytes(dir)).toBeLessThanOrEqual(2 * 1024 * 1024 + walLimitBytes(2 * 1024 * 1024));
    await small.close();
  }, 60_000);

  test("a queue that cannot keep up drops and counts; a clean close writes everything it accepted", async () => {
    const file = join(tempDir(), "log.sqlite");
    const log = new EmbeddedConversationLog(file, { retentionHours: 168, maxBytes: 1024 ** 3 }, { maxQueued: 100, maxBatch: 50, maxDelayMs: 1000 });
    const before = await droppedTotal();
    const results = await Promise.allSettled(Array.from({ length: 150 }, (_, i) => log.append(logEvent("q", i))));
    expect(results.filter((r) => r.status === "rejected")).toHaveLength(50);
    expect((await droppedTotal()) - before).toBe(50);
    // Accepted but not yet written (the delay is long): a clean close still stores them.
    for (let i = 0; i < 20; i++) void log.append(logEvent("late", i));
    await log.close();
    const again = new EmbeddedConversationLog(file, { retentionHours: 168, maxBytes: 1024 ** 3 });
    expect((await again.history({ sessionId: "late", limit: 100 })).events).toHaveLength(20);
    expect((await again.history({ sessionId: "q", limit: 500 })).events.map((e) => e.request_id)).toEqual(Array.from({ length: 100 }, (_, i) => `r-${i}`));
    await again.close();
  });
});
