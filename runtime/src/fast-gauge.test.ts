import { describe, expect, test } from "bun:test";
import { Gauge, Registry } from "prom-client";
import { FastGauge } from "./fast-gauge.ts";

/** The same changes on a FastGauge and a prom-client Gauge read the same. */
function pair() {
  const a = new Registry();
  const b = new Registry();
  const config = { name: "g", help: "h", labelNames: ["backend", "replica"] as const };
  return { fast: new FastGauge({ ...config, registers: [a] }), slow: new Gauge({ ...config, registers: [b] }), read: async () => [await a.metrics(), await b.metrics()] };
}

describe("FastGauge", () => {
  test("reads exactly as prom-client's Gauge after the same mix of changes", async () => {
    const { fast, slow, read } = pair();
    const steps: ((g: Gauge<"backend" | "replica">) => void)[] = [
      (g) => g.set({ backend: "vllm", replica: "a:1" }, 1),
      (g) => g.set({ backend: "vllm", replica: "a:1" }, 2),
      (g) => g.inc({ backend: "vllm", replica: "a:1" }, 3),
      (g) => g.set({ backend: "vllm", replica: "b:1" }, 7),
      (g) => g.labels("vllm", "b:1").set(4),
      (g) => g.dec({ backend: "vllm", replica: "b:1" }),
      (g) => g.set({ backend: "grok", replica: "c:1" }, 0),
      (g) => g.set({ backend: "vllm", replica: "a:1" }, 9),
      (g) => g.remove({ backend: "grok", replica: "c:1" }),
      (g) => g.set({ backend: "vllm", replica: "b:1" }, 5),
    ];
    for (const step of steps) {
      step(fast);
      step(slow);
      const [x, y] = await read();
      expect(x).toBe(y!);
    }
    fast.reset();
    slow.reset();
    fast.set({ backend: "vllm", replica: "a:1" }, 1);
    slow.set({ backend: "vllm", replica: "a:1" }, 1);
    const [x, y] = await read();
    expect(x).toBe(y!);
    expect(x).toContain('g{backend="vllm",replica="a:1"} 1');
  });

  test("an unknown label is refused by prom-client, as before", () => {
    const { fast } = pair();
    expect(() => fast.set({ backend: "x", nope: "y" } as never, 1)).toThrow();
  });
});
