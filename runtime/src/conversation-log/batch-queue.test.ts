import { describe, expect, test } from "bun:test";
import { BatchQueue, QueueFullError } from "./batch-queue.ts";

const recorder = (opts: { maxBatch?: number; maxDelayMs?: number; maxQueued?: number; fail?: boolean } = {}) => {
  const batches: number[][] = [];
  let dropped = 0;
  let next = 0;
  const q = new BatchQueue<number, number>({
    maxBatch: opts.maxBatch ?? 4,
    maxDelayMs: opts.maxDelayMs ?? 5,
    maxQueued: opts.maxQueued ?? 100,
    write: (items) => {
      if (opts.fail) throw new Error("disk full");
      batches.push(items);
      return items.map(() => ++next);
    },
    onDrop: () => dropped++,
  });
  return { q, batches, dropped: () => dropped };
};

describe("BatchQueue", () => {
  test("adding never writes on the caller's turn; items go in batches of at most maxBatch, in order", async () => {
    const { q, batches } = recorder({ maxBatch: 4 });
    const results = Array.from({ length: 10 }, (_, i) => q.add(i));
    expect(batches).toEqual([]); // nothing written synchronously
    expect(await Promise.all(results)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(batches).toEqual([[0, 1, 2, 3], [4, 5, 6, 7], [8, 9]]);
  });

  test("a lone item is written after the delay, without waiting for a full batch", async () => {
    const { q, batches } = recorder({ maxBatch: 100, maxDelayMs: 5 });
    expect(await q.add(7)).toBe(1);
    expect(batches).toEqual([[7]]);
  });

  test("past maxQueued, new items are dropped and counted, the queued ones still written", async () => {
    const { q, batches, dropped } = recorder({ maxBatch: 1000, maxDelayMs: 1000, maxQueued: 3 });
    const kept = [q.add(1), q.add(2), q.add(3)];
    const lost = q.add(4);
    expect(lost).rejects.toBeInstanceOf(QueueFullError);
    expect(dropped()).toBe(1);
    await q.flush();
    expect(await Promise.all(kept)).toEqual([1, 2, 3]);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  test("flush writes everything queued now; close flushes, then refuses", async () => {
    const { q, batches, dropped } = recorder({ maxBatch: 2, maxDelayMs: 10_000 });
    for (let i = 0; i < 5; i++) void q.add(i);
    await q.close();
    expect(batches.flat()).toEqual([0, 1, 2, 3, 4]);
    expect(q.add(9)).rejects.toBeInstanceOf(QueueFullError);
    expect(dropped()).toBe(1);
  });

  test("a failing write rejects that batch's items and the queue keeps working", async () => {
    const batches: number[][] = [];
    let fail = true;
    let errors = 0;
    const q = new BatchQueue<number, number>({
      maxBatch: 10, maxDelayMs: 1, maxQueued: 10,
      write: (items) => {
        if (fail) throw new Error("busy");
        batches.push(items);
        return items;
      },
      onError: () => errors++,
    });
    expect(q.add(1)).rejects.toThrow("busy");
    await q.flush();
    fail = false;
    expect(await q.add(2)).toBe(2);
    expect(errors).toBe(1);
    expect(batches).toEqual([[2]]);
  });
});
