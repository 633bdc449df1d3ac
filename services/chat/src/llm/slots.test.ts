import { describe, expect, test } from "bun:test";
import { InFlightSlots, SlotUnavailable } from "./slots.ts";

const far = () => Date.now() + 60_000;

describe("InFlightSlots", () => {
  test("up to the limit at once; the next ones wait in order and start as slots free up", async () => {
    const changes: [number, number][] = [];
    const slots = new InFlightSlots(2, 10, Date.now, (f, q) => changes.push([f, q]));
    const a = await slots.acquire(far());
    const b = await slots.acquire(far());
    const order: string[] = [];
    const c = slots.acquire(far()).then((r) => (order.push("c"), r));
    const d = slots.acquire(far()).then((r) => (order.push("d"), r));
    expect([slots.inFlight, slots.queued]).toEqual([2, 2]);
    a();
    a(); // a second release is a no-op
    const releaseC = await c;
    expect(order).toEqual(["c"]);
    expect([slots.inFlight, slots.queued]).toEqual([2, 1]);
    b();
    (await d)();
    releaseC();
    expect([slots.inFlight, slots.queued]).toEqual([0, 0]);
    expect(changes.at(-1)).toEqual([0, 0]);
  });

  test("a handed-over slot cannot be taken by a newcomer in between", async () => {
    const slots = new InFlightSlots(1, 10);
    const first = await slots.acquire(far());
    const waiting = slots.acquire(far());
    first();
    const newcomer = slots.acquire(far()); // arrives before the waiter resumes: it must queue
    await waiting;
    expect(slots.inFlight).toBe(1);
    expect(slots.queued).toBe(1);
    void newcomer;
  });

  test("a full queue refuses at once", async () => {
    const slots = new InFlightSlots(1, 1);
    await slots.acquire(far());
    void slots.acquire(far());
    await expect(slots.acquire(far())).rejects.toEqual(new SlotUnavailable("queue_full"));
  });

  test("a wait expected past the deadline (from recent call durations) is refused at once", async () => {
    let t = 1_000;
    const slots = new InFlightSlots(1, 100, () => t);
    const r = await slots.acquire(t + 60_000);
    t += 2_000; // calls take 2 s here
    r();
    await slots.acquire(t + 60_000);
    expect(slots.expectedWaitMs()).toBe(2_000);
    await expect(slots.acquire(t + 1_000)).rejects.toEqual(new SlotUnavailable("would_miss_deadline"));
    expect(slots.queued).toBe(0);
  });

  test("a call whose deadline comes while it waits is refused then, and leaves the queue", async () => {
    const slots = new InFlightSlots(1, 10);
    await slots.acquire(far());
    await expect(slots.acquire(Date.now() + 30)).rejects.toEqual(new SlotUnavailable("deadline_while_queued"));
    expect(slots.queued).toBe(0);
  });

  test("limit 0 means no limit", async () => {
    const slots = new InFlightSlots(0, 0);
    for (let i = 0; i < 1000; i++) await slots.acquire(far());
    expect(slots.inFlight).toBe(1000);
  });
});
