/** Routing decisions from heartbeats, on plain data (the clock is passed in). */
import { describe, expect, test } from "bun:test";
import { FORGET_MS, InstanceTable, SUSPECT_MS } from "./instances.ts";
import { STALL_MS } from "./liveness.ts";

const S = "sinhome.chat.v2";
const table = () => {
  const t = new InstanceTable(() => 0.99); // "random" = the last live candidate
  t.heard({ id: "a", subjects: [S] }, 0);
  t.heard({ id: "b", subjects: [S, "other"] }, 0);
  return t;
};

describe("InstanceTable", () => {
  test("every instance beating: the queue group decides (undefined)", () => {
    const t = table();
    expect(t.choose(S, new Set(), 100)).toBeUndefined();
  });

  test("an instance gone quiet: new work goes straight to a live one", () => {
    const t = table();
    t.heard({ id: "a", subjects: [S] }, SUSPECT_MS);
    expect(t.quiet(S, SUSPECT_MS + 10)).toEqual(["b"]);
    expect(t.choose(S, new Set(), SUSPECT_MS + 10)).toBe("a");
    // It beats again (SIGCONT): back to the queue group.
    t.heard({ id: "b", subjects: [S] }, SUSPECT_MS + 20);
    expect(t.choose(S, new Set(), SUSPECT_MS + 30)).toBeUndefined();
  });

  test("a re-send never goes back to an excluded instance; none left = the queue group", () => {
    const t = table();
    expect(t.choose(S, new Set(["a"]), 10)).toBe("b");
    expect(t.choose(S, new Set(["b"]), 10)).toBe("a");
    expect(t.choose(S, new Set(["a", "b"]), 10)).toBeUndefined();
  });

  test("stalled after STALL_MS of silence; forgotten after FORGET_MS; leaving forgets at once", () => {
    const t = table();
    expect(t.isStalled("a", STALL_MS - 1)).toBe(false);
    expect(t.isStalled("a", STALL_MS)).toBe(true);
    expect(t.isStalled("unknown", STALL_MS * 10)).toBe(false);
    t.heard({ id: "b", subjects: [S] }, FORGET_MS);
    expect(t.quiet(S, FORGET_MS + 1)).toEqual([]); // "a" is forgotten, "b" beats
    expect(t.lastBeat("a")).toBeUndefined();
    t.heard({ id: "b", subjects: [S], leaving: true });
    expect(t.lastBeat("b")).toBeUndefined();
    expect(t.choose(S, new Set(), FORGET_MS + 2)).toBeUndefined();
  });
});
