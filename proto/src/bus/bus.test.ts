/** One suite, two buses: the in-process bus must behave like NATS (run against the real server). */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { context, propagation, trace, TraceFlags } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { AppError } from "../errors.ts";
import { BusHeader } from "../subjects.ts";
import { MemoryBus, NatsBus } from "./index.ts";
import { STALL_MS } from "./liveness.ts";
import type { Bus, BusRequest } from "./types.ts";
import { testServerUrl } from "@sinhome/testing";

propagation.setGlobalPropagator(new W3CTraceContextPropagator());
context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());

const NATS_URL = await testServerUrl("nats");

const makers: [string, () => Promise<Bus>][] = [
  ["memory", async () => new MemoryBus()],
  ["nats", () => NatsBus.connect({ servers: NATS_URL, name: "bus-test" })],
];

for (const [kind, make] of makers) {
  describe(`${kind} bus`, () => {
    let bus: Bus;
    const run = crypto.randomUUID().slice(0, 8);
    const subj = (s: string) => `test.${run}.${s}`;
    const opts = (timeoutMs = 1000) => ({ timeoutMs, requestId: "req-1" });

    beforeAll(async () => {
      bus = await make();
    });
    afterAll(async () => {
      await bus.close();
    });

    test("request/reply carries JSON both ways", async () => {
      const reg = await bus.addService({
        name: `echo${run}`, version: "1.0.0", description: "echo",
        endpoints: { echo: { subject: subj("echo"), handler: (r) => ({ got: r.body }) } },
      });
      expect(await bus.requestJson(subj("echo"), { a: [1, "é"] }, opts())).toEqual({ got: { a: [1, "é"] } });
      await reg.stop();
    });

    test("two replicas share the requests (queue group)", async () => {
      const seen = new Map<string, number>();
      const mk = (id: string) => bus.addService({
        name: `rep${run}`, version: "1.0.0", description: "replica",
        endpoints: { who: { subject: subj("who"), handler: () => { seen.set(id, (seen.get(id) ?? 0) + 1); return id; } } },
      });
      const [a, b] = await Promise.all([mk("a"), mk("b")]);
      for (let i = 0; i < 40; i++) await bus.request(subj("who"), {}, opts());
      expect(seen.get("a")! + seen.get("b")!).toBe(40);
      expect(seen.get("a")!).toBeGreaterThan(0);
      expect(seen.get("b")!).toBeGreaterThan(0);
      const instances = await bus.ping(`rep${run}`);
      expect(instances.length).toBe(2);
      await Promise.all([a.stop(), b.stop()]);
    });

    test("no responder fails at once with service_unavailable", async () => {
      const started = performance.now();
      const err = await bus.request(subj("nobody"), {}, opts(5000)).catch((e) => e);
      expect(err).toBeInstanceOf(AppError);
      expect(err.code).toBe("service_unavailable");
      expect(performance.now() - started).toBeLessThan(1000);
    });

    test("a slow handler times out with code timeout", async () => {
      const reg = await bus.addService({
        name: `slow${run}`, version: "1.0.0", description: "slow",
        endpoints: { slow: { subject: subj("slow"), handler: async () => { await Bun.sleep(300); return 1; } } },
      });
      const err = await bus.request(subj("slow"), {}, opts(50)).catch((e) => e);
      expect(err.code).toBe("timeout");
      await reg.stop();
    });

    test("request id, deadline and trace context arrive in the handler", async () => {
      let seen: BusRequest | undefined;
      const reg = await bus.addService({
        name: `ctx${run}`, version: "1.0.0", description: "ctx",
        endpoints: { ctx: { subject: subj("ctx"), handler: (r) => { seen = r; return trace.getSpanContext(context.active())?.traceId ?? null; } } },
      });
      const traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
      const parent = trace.setSpanContext(context.active(), { traceId, spanId: "00f067aa0ba902b7", traceFlags: TraceFlags.SAMPLED, isRemote: true });
      const before = Date.now();
      const got = await context.with(parent, () => bus.requestJson<string | null>(subj("ctx"), {}, { timeoutMs: 2000, requestId: "rid-42" }));
      expect(seen?.requestId).toBe("rid-42");
      expect(seen?.headers[BusHeader.TraceParent]).toContain(traceId);
      expect(got).toBe(traceId);
      expect(seen!.deadline).toBeGreaterThanOrEqual(before + 2000);
      expect(seen!.deadline).toBeLessThan(before + 3000);
      await reg.stop();
    });

    test("service errors keep their code, status, message and details", async () => {
      const reg = await bus.addService({
        name: `err${run}`, version: "1.0.0", description: "err",
        endpoints: {
          bad: { subject: subj("bad"), handler: () => { throw new AppError("validation_failed", "nope", [{ field: "x", reason: "too big" }]); } },
          boom: { subject: subj("boom"), handler: () => { throw new Error("secret internals"); } },
        },
      });
      const err = await bus.request(subj("bad"), {}, opts()).catch((e) => e);
      expect(err).toBeInstanceOf(AppError);
      expect([err.code, err.status, err.message]).toEqual(["validation_failed", 422, "nope"]);
      expect(err.details).toEqual([{ field: "x", reason: "too big" }]);
      const boom = await bus.request(subj("boom"), {}, opts()).catch((e) => e);
      expect([boom.code, boom.status]).toEqual(["internal_error", 500]);
      expect(boom.message).not.toContain("secret");
      await reg.stop();
    });

    test("stats carry each instance's data; broadcast reaches every subscriber", async () => {
      const reg = await bus.addService({
        name: `st${run}`, version: "2.1.0", description: "stats",
        endpoints: { x: { subject: subj("x"), handler: () => 1 } }, statsData: () => ({ total_requests: 7 }),
      });
      await bus.request(subj("x"), {}, opts());
      const [s] = await bus.stats(`st${run}`);
      expect(s?.version).toBe("2.1.0");
      expect(s?.data).toEqual({ total_requests: 7 });
      expect(s?.requests).toBe(1);
      const got: unknown[] = [];
      const u1 = bus.subscribe(subj("bc"), (b) => got.push(b));
      const u2 = bus.subscribe(subj("bc"), (b) => got.push(b));
      if (kind === "nats") await bus.rtt(); // make sure the subscriptions reached the server
      bus.publish(subj("bc"), { n: 1 });
      for (let i = 0; i < 50 && got.length < 2; i++) await Bun.sleep(10);
      expect(got).toEqual([{ n: 1 }, { n: 1 }]);
      u1(); u2();
      await reg.stop();
    });

    test("a counting subscriber (decode: false) is told of each broadcast without its body; the others get their own copy", async () => {
      const counted: unknown[] = [];
      const read: { n: number }[] = [];
      const stopCount = bus.subscribe(subj("cnt"), (b) => counted.push(b), { decode: false });
      const stopRead = bus.subscribe(subj("cnt"), (b) => read.push(b as { n: number }));
      if (kind === "nats") await bus.rtt();
      const sent = { n: 1 };
      bus.publish(subj("cnt"), sent);
      bus.publish(subj("cnt"), { n: 2 });
      for (let i = 0; i < 50 && (counted.length < 2 || read.length < 2); i++) await Bun.sleep(10);
      expect(counted).toEqual([undefined, undefined]);
      expect(read).toEqual([{ n: 1 }, { n: 2 }]);
      expect(read[0]).not.toBe(sent); // a copy, never the publisher's object
      stopRead();
      bus.publish(subj("cnt"), { n: 3 }); // only the counting listener is left: still told
      for (let i = 0; i < 50 && counted.length < 3; i++) await Bun.sleep(10);
      expect(counted).toHaveLength(3);
      stopCount();
    });

    test("stop waits for in-flight requests, then nobody answers", async () => {
      const reg = await bus.addService({
        name: `drain${run}`, version: "1.0.0", description: "drain",
        endpoints: { d: { subject: subj("d"), handler: async () => { await Bun.sleep(150); return "done"; } } },
      });
      const pending = bus.requestJson(subj("d"), {}, opts(2000));
      await Bun.sleep(30);
      expect(reg.inFlight()).toBe(1);
      await reg.stop();
      expect(await pending).toBe("done");
      const err = await bus.request(subj("d"), {}, opts()).catch((e) => e);
      expect(err.code).toBe("service_unavailable");
    });

    test("a handler working longer than the stall window keeps its request alive (progress)", async () => {
      let calls = 0;
      const reg = await bus.addService({
        name: `long${run}`, version: "1.0.0", description: "long",
        endpoints: { l: { subject: subj("long"), handler: async () => { calls++; await Bun.sleep(STALL_MS + 1000); return "late but fine"; } } },
      });
      let resends = 0;
      const got = await bus.requestJson(subj("long"), {}, { ...opts(10_000), resend: true, onResend: () => resends++ });
      expect(got).toBe("late but fine");
      expect([calls, resends]).toEqual([1, 0]);
      await reg.stop();
    }, 10_000);

    /** Two replicas; the first request blocks in whichever replica received it, and the test knows which. */
    const replicasHoldingOne = async (name: string) => {
      const calls: string[] = [];
      let release = () => {};
      const gate = new Promise<void>((r) => (release = r));
      const mk = (id: string) => bus.addService({
        name, version: "1.0.0", description: "replica",
        endpoints: { h: { subject: subj(name), handler: async () => { calls.push(id); if (calls.length === 1) await gate; return id; } } },
      });
      const regs = { a: await mk("a"), b: await mk("b") };
      if (kind === "nats") await bus.rtt();
      const holder = async () => {
        for (let i = 0; i < 100 && calls.length === 0; i++) await Bun.sleep(10);
        return calls[0] as "a" | "b";
      };
      return { calls, regs, holder, release };
    };

    test("the replica holding a request dies: the request is re-sent once, to the other replica", async () => {
      const { calls, regs, holder, release } = await replicasHoldingOne(`die${run}`);
      let resends = 0;
      const pending = bus.requestJson<string>(subj(`die${run}`), {}, { ...opts(20_000), resend: true, onResend: () => resends++ });
      const held = await holder();
      const other = held === "a" ? "b" : "a";
      const killedAt = performance.now();
      await regs[held].abandon();
      expect(await pending).toBe(other);
      expect(performance.now() - killedAt).toBeLessThan(STALL_MS + 1500);
      expect([calls, resends]).toEqual([[held, other], 1]);
      release();
      await regs[other].stop();
    }, 10_000);

    test("without resend, a request whose replica died fails at once with service_unavailable", async () => {
      const { regs, holder, release } = await replicasHoldingOne(`once${run}`);
      const started = performance.now();
      const pending = bus.request(subj(`once${run}`), {}, opts(20_000)).catch((e) => e);
      await regs[await holder()].abandon();
      const err = await pending;
      expect(err).toBeInstanceOf(AppError);
      expect(err.code).toBe("service_unavailable");
      expect(performance.now() - started).toBeLessThan(STALL_MS + 1500);
      release();
      await Promise.all([regs.a.stop(), regs.b.stop()]);
    }, 10_000);

    test("no replica left to take the re-sent request: service_unavailable at once", async () => {
      const { regs, holder, release } = await replicasHoldingOne(`last${run}`);
      const started = performance.now();
      const pending = bus.request(subj(`last${run}`), {}, { ...opts(20_000), resend: true }).catch((e) => e);
      const held = await holder();
      await regs[held === "a" ? "b" : "a"].stop();
      await regs[held].abandon();
      const err = await pending;
      expect(err.code).toBe("service_unavailable");
      expect(performance.now() - started).toBeLessThan(STALL_MS + 1500);
      release();
    }, 10_000);
  });
}
