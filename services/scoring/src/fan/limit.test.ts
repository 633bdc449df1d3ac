import { expect, test } from "bun:test";
import { createLimiter } from "./limit.ts";

test("never runs more than `concurrency` works at once, and runs them all", async () => {
  const limit = createLimiter(3);
  let running = 0;
  let peak = 0;
  const results = await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      limit(async () => {
        running++;
        peak = Math.max(peak, running);
        await Bun.sleep(2);
        running--;
        return i;
      }),
    ),
  );
  expect(peak).toBe(3);
  expect(results).toEqual(Array.from({ length: 20 }, (_, i) => i));
});

test("a failing work frees its slot", async () => {
  const limit = createLimiter(1);
  await expect(limit(() => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
  expect(await limit(async () => "next")).toBe("next");
});
