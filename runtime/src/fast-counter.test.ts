import { expect, test } from "bun:test";
import { Counter, Registry } from "prom-client";
import { FastCounter } from "./fast-counter.ts";

const pair = () => {
  const fastRegistry = new Registry();
  const slowRegistry = new Registry();
  const config = { name: "x_total", help: "x", labelNames: ["service", "status"] as const };
  return {
    fast: new FastCounter({ ...config, registers: [fastRegistry] }),
    slow: new Counter({ ...config, registers: [slowRegistry] }),
    text: async () => [await fastRegistry.metrics(), await slowRegistry.metrics()],
  };
};

test("scrapes exactly what prom-client's Counter would, through inc, zero, remove and reset", async () => {
  const { fast, slow, text } = pair();
  for (const c of [fast, slow]) {
    c.inc({ service: "chat", status: "200" });
    c.inc({ service: "chat", status: "200" }, 2.5);
    c.inc({ status: "500", service: "gateway" }); // key order does not matter
    c.inc({ service: "ops", status: "200" }, 0); // a series at zero
  }
  let [a, b] = await text();
  expect(a).toBe(b);
  expect(a).toContain('x_total{service="chat",status="200"} 3.5');
  expect(a).toContain('x_total{service="ops",status="200"} 0');
  for (const c of [fast, slow]) {
    c.inc({ service: "chat", status: "200" });
    c.remove({ service: "gateway", status: "500" });
  }
  [a, b] = await text();
  expect(a).toBe(b);
  expect(a).toContain('x_total{service="chat",status="200"} 4.5');
  expect(a).not.toContain("gateway");
  for (const c of [fast, slow]) {
    c.reset();
    c.inc({ service: "media", status: "200" });
  }
  [a, b] = await text();
  expect(a).toBe(b);
  expect(a).not.toContain("chat");
  expect((await fast.get()).values).toEqual([{ value: 1, labels: { service: "media", status: "200" } }]);
});

test("bad input fails as prom-client's does: a negative increment, an unknown label", () => {
  const { fast } = pair();
  expect(() => fast.inc({ service: "chat", status: "200" }, -1)).toThrow("It is not possible to decrease a counter");
  expect(() => fast.inc({ service: "chat", nope: "x" } as never)).toThrow();
});
