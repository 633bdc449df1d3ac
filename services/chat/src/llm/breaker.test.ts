import { describe, expect, test } from "bun:test";
import { prom } from "@sinhome/runtime";
import { CircuitBreaker } from "./breaker.ts";

function setup(threshold = 3, cooldownMs = 1000) {
  const clock = { t: 0 };
  const breaker = new CircuitBreaker(`test-${crypto.randomUUID()}`, { threshold, cooldownMs, now: () => clock.t });
  return { clock, breaker };
}

async function gauge(backend: string): Promise<number | undefined> {
  return (await prom.circuitOpen.get()).values.find((v) => v.labels.backend === backend)?.value;
}

describe("CircuitBreaker", () => {
  test("opens after `threshold` consecutive failures and refuses calls", async () => {
    const { breaker } = setup(3);
    breaker.failure();
    breaker.failure();
    expect(breaker.tryAcquire()).toBe(true);
    breaker.failure();
    expect(breaker.state).toBe("open");
    expect(breaker.tryAcquire()).toBe(false);
    expect(breaker.available).toBe(false);
    expect(await gauge(breaker.backend)).toBe(1);
  });

  test("a success in between resets the count", () => {
    const { breaker } = setup(2);
    breaker.failure();
    breaker.success();
    breaker.failure();
    expect(breaker.state).toBe("closed");
  });

  test("after the cooldown exactly one probe goes through; its success closes the breaker", async () => {
    const { clock, breaker } = setup(1, 1000);
    breaker.failure();
    clock.t = 999;
    expect(breaker.tryAcquire()).toBe(false);
    clock.t = 1000;
    expect(breaker.available).toBe(true);
    expect(breaker.tryAcquire()).toBe(true);
    expect(breaker.state).toBe("half_open");
    expect(breaker.tryAcquire()).toBe(false); // a second caller while the probe is out
    breaker.success();
    expect(breaker.state).toBe("closed");
    expect(breaker.tryAcquire()).toBe(true);
    expect(await gauge(breaker.backend)).toBe(0);
  });

  test("a failed probe re-opens for a new cooldown", () => {
    const { clock, breaker } = setup(1, 1000);
    breaker.failure();
    clock.t = 1000;
    expect(breaker.tryAcquire()).toBe(true);
    breaker.failure();
    expect(breaker.state).toBe("open");
    clock.t = 1999;
    expect(breaker.tryAcquire()).toBe(false);
    clock.t = 2000;
    expect(breaker.tryAcquire()).toBe(true);
  });

  test("release frees the probe slot without a verdict", () => {
    const { clock, breaker } = setup(1, 10);
    breaker.failure();
    clock.t = 10;
    expect(breaker.tryAcquire()).toBe(true);
    breaker.release();
    expect(breaker.state).toBe("half_open");
    expect(breaker.tryAcquire()).toBe(true);
  });
});
