import { describe, expect, test } from "bun:test";
import { AppError } from "@sinhome/proto";
import { answered } from "./checks/index.ts";
import { customCase, type QaCase } from "./cases.ts";
import { mapBounded, runCase, summarize } from "./run.ts";

const qaCase: QaCase = { name: "c", messages: [{ role: "user", content: "Salut" }], checks: [answered], maxTokens: 512 };

describe("runner", () => {
  test("mapBounded keeps input order and handles an empty list", async () => {
    expect(await mapBounded([], 4, async (x: number) => x)).toEqual([]);
    expect(await mapBounded([30, 10, 20], 2, async (ms) => { await Bun.sleep(ms); return ms; })).toEqual([30, 10, 20]);
  });

  test("summarize rounds the success rate to one decimal", () => {
    const r = (passed: boolean) => ({ name: "x", passed, response: "", latency_ms: 0, checks: {} });
    expect(summarize([r(true), r(false), r(false)]).success_rate).toBe(33.3);
    expect(summarize([r(true), r(true), r(false)]).success_rate).toBe(66.7);
    expect(summarize([]).success_rate).toBe(0);
  });

  test("an expected failure becomes a failed case; a bug is not hidden as one", async () => {
    const failed = await runCase(qaCase, async () => { throw new AppError("service_unavailable", "no chat"); });
    expect(failed).toMatchObject({ passed: false, response: "", error: "service_unavailable", checks: { answered: false } });
    await expect(runCase(qaCase, async () => { throw new TypeError("boom"); })).rejects.toThrow("boom");
  });
});

describe("customCase", () => {
  test("asks for enough tokens to see a reply longer than max_length", () => {
    expect(customCase({ name: "a", messages: [{ role: "user", content: "x" }] }).maxTokens).toBe(512);
    expect(customCase({ name: "a", messages: [{ role: "user", content: "x" }], max_length: 300 }).maxTokens).toBe(512);
    expect(customCase({ name: "a", messages: [{ role: "user", content: "x" }], max_length: 6000 }).maxTokens).toBe(3000);
    expect(customCase({ name: "a", messages: [{ role: "user", content: "x" }], max_length: 100000 }).maxTokens).toBe(4096);
  });
});
