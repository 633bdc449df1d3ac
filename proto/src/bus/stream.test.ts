/** One suite, two buses: streams behave the same over the in-process bus and the real NATS server. */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { AppError } from "../errors.ts";
import { MemoryBus, NatsBus } from "./index.ts";
import { openStream, StreamHeader } from "./stream.ts";
import { StreamServer, type StreamHandler } from "./stream-server.ts";
import type { Bus, ServiceRegistration } from "./types.ts";
import { testServerUrl } from "@sinhome/testing";

const NATS_URL = await testServerUrl("nats");

const makers: [string, () => Promise<Bus>][] = [
  ["memory", async () => new MemoryBus()],
  ["nats", () => NatsBus.connect({ servers: NATS_URL, name: "stream-test" })],
];

async function collect(stream: AsyncIterable<unknown>): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const chunk of stream) out.push(chunk);
  return out;
}

async function until(check: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("condition not met in time");
    await Bun.sleep(5);
  }
}

for (const [kind, make] of makers) {
  describe(`${kind} bus streams`, () => {
    let bus: Bus;
    let server: StreamServer;
    const run = crypto.randomUUID().slice(0, 8);
    const registrations: ServiceRegistration[] = [];
    const subj = (s: string) => `test.${run}.stream.${s}`;
    const opts = (extra: { window?: number; idleTimeoutMs?: number; timeoutMs?: number } = {}) => ({ timeoutMs: 5000, requestId: "req-s", ...extra });
    const serve = async (name: string, handler: StreamHandler) => {
      registrations.push(await bus.addService({
        name: `stream${run}${name}`, version: "1.0.0", description: "stream test",
        endpoints: { [name]: { subject: subj(name), handler: server.endpoint(handler) } },
      }));
    };

    beforeAll(async () => {
      bus = await make();
      server = new StreamServer(bus, { pingMs: 50, creditTimeoutMs: 500 });
    });
    afterAll(async () => {
      for (const r of registrations) await r.stop();
      await bus.close();
    });

    test("chunks arrive in order, then the end value", async () => {
      await serve("count", async (req, sink) => {
        const n = (req.body as { n: number }).n;
        for (let i = 0; i < n; i++) await sink.write({ i });
        return { total: n };
      });
      const stream = await openStream(bus, subj("count"), { n: 200 }, opts({ window: 8 }));
      const chunks: unknown[] = [];
      let result: IteratorResult<unknown, unknown>;
      while (!(result = await stream.next()).done) chunks.push(result.value);
      expect(chunks).toEqual(Array.from({ length: 200 }, (_, i) => ({ i })));
      expect(result.value).toEqual({ total: 200 });
    });

    test("chunks that already arrived are counted by buffered() (the gateway writes them in one go)", async () => {
      await serve("burst", async (_req, sink) => {
        for (let i = 0; i < 5; i++) await sink.write(i);
        return null;
      });
      const stream = await openStream(bus, subj("burst"), {}, opts());
      await until(() => stream.buffered() >= 6); // five chunks and the end
      expect(await stream.next()).toEqual({ done: false, value: 0 });
      expect(stream.buffered()).toBe(5);
    });

    test("frames of another writer (a replica that died after starting, then the request was re-sent) are ignored", async () => {
      await serve("ghost", async (req, sink) => {
        const inbox = req.headers[StreamHeader.Inbox]!;
        bus.publish(inbox, { k: "chunk", s: 0, w: "ghost123", d: "from the dead replica" });
        bus.publish(inbox, { k: "end", s: 1, w: "ghost123", d: null });
        await Bun.sleep(20);
        await sink.write("real");
        bus.publish(inbox, { k: "chunk", s: 1, w: "ghost123", d: "late ghost" });
        await sink.write("real too");
        return "done";
      });
      const stream = await openStream(bus, subj("ghost"), {}, opts());
      expect(await collect(stream)).toEqual(["real", "real too"]);
    });

    test("an error before the first chunk fails the opening request with the service's error", async () => {
      await serve("refuse", async () => {
        throw new AppError("model_not_found", "no such model");
      });
      const e = await openStream(bus, subj("refuse"), {}, opts()).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe("model_not_found");
    });

    test("an error after some chunks arrives as the stream's error", async () => {
      await serve("midway", async (_req, sink) => {
        await sink.write("a");
        await sink.write("b");
        throw new AppError("llm_unavailable", "upstream dropped");
      });
      const stream = await openStream(bus, subj("midway"), {}, opts());
      const got: unknown[] = [];
      const e = await (async () => {
        for await (const c of stream) got.push(c);
      })().catch((x: unknown) => x);
      expect(got).toEqual(["a", "b"]);
      expect((e as AppError).code).toBe("llm_unavailable");
    });

    test("nobody serving the subject fails at once", async () => {
      const started = performance.now();
      const e = await openStream(bus, subj("nobody"), {}, opts()).catch((x: unknown) => x);
      expect((e as AppError).code).toBe("service_unavailable");
      expect(performance.now() - started).toBeLessThan(1000);
    });

    test("backpressure: the writer waits once its window is used, and resumes as the reader consumes", async () => {
      let written = 0; // chunks handed to write(): the 10th write is the one left waiting
      await serve("flood", async (_req, sink) => {
        for (let i = 0; i < 100; i++) {
          written = i + 1;
          await sink.write(i);
        }
        return null;
      });
      const stream = await openStream(bus, subj("flood"), {}, opts({ window: 10 }));
      await until(() => written >= 10);
      await Bun.sleep(100);
      expect(written).toBe(10); // nothing read yet: the writer is held at its window
      for (let i = 0; i < 6; i++) await stream.next();
      await until(() => written > 10);
      expect(written).toBeLessThanOrEqual(6 + 10);
      expect((await collect(stream)).length).toBe(100 - 6);
      expect(written).toBe(100);
    });

    test("cancel aborts the handler's signal", async () => {
      let aborted = false;
      await serve("endless", async (_req, sink) => {
        sink.signal.addEventListener("abort", () => (aborted = true));
        for (let i = 0; ; i++) {
          await sink.write(i);
          await Bun.sleep(5);
        }
      });
      const stream = await openStream(bus, subj("endless"), {}, opts());
      await stream.next();
      await stream.next();
      stream.cancel();
      await until(() => aborted);
      expect(await stream.next()).toEqual({ done: true, value: undefined });
    });

    test("a reader that stops reading is given up after the credit timeout", async () => {
      let reason: unknown;
      await serve("abandoned", async (_req, sink) => {
        try {
          for (let i = 0; ; i++) await sink.write(i);
        } catch (e) {
          reason = e;
          throw e;
        }
      });
      await openStream(bus, subj("abandoned"), {}, opts({ window: 4 }));
      await until(() => reason !== undefined, 3000);
      expect((reason as AppError).code).toBe("timeout");
    });

    test("pings keep a slow stream alive; silence beyond the idle timeout fails it", async () => {
      await serve("slow", async (_req, sink) => {
        await sink.write("first");
        await Bun.sleep(400); // pings every 50 ms meanwhile
        await sink.write("late");
        return null;
      });
      const slow = await openStream(bus, subj("slow"), {}, opts({ idleTimeoutMs: 200 }));
      expect(await collect(slow)).toEqual(["first", "late"]);

      const silent = new StreamServer(bus, { pingMs: 10_000 });
      registrations.push(await bus.addService({
        name: `stream${run}silent`, version: "1.0.0", description: "stream test",
        endpoints: { silent: { subject: subj("silent"), handler: silent.endpoint(async (_req, sink) => {
          await sink.write("first");
          await Bun.sleep(1000);
          return null;
        }) } },
      }));
      const stream = await openStream(bus, subj("silent"), {}, opts({ idleTimeoutMs: 200 }));
      expect(await stream.next()).toEqual({ done: false, value: "first" });
      const e = await stream.next().catch((x: unknown) => x);
      expect((e as AppError).code).toBe("timeout");
    });

    test("many concurrent streams stay separate", async () => {
      await serve("tagged", async (req, sink) => {
        const tag = (req.body as { tag: number }).tag;
        for (let i = 0; i < 20; i++) await sink.write(`${tag}:${i}`);
        return tag;
      });
      const results = await Promise.all(Array.from({ length: 20 }, async (_, tag) => collect(await openStream(bus, subj("tagged"), { tag }, opts({ window: 4 })))));
      results.forEach((chunks, tag) => expect(chunks).toEqual(Array.from({ length: 20 }, (_, i) => `${tag}:${i}`)));
      await server.drain(1000);
      expect(server.active()).toBe(0);
    });
  });
}
