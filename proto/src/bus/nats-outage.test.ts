/**
 * NATS going away and coming back. The test runs its own nats-server on a free loopback port (it
 * never touches the shared one): while the server is down, requests fail at once with
 * service_unavailable and readiness is false; after the restart the bus reconnects on its own.
 */
import { afterAll, expect, test } from "bun:test";
import { startNats, type PrivateServer } from "@sinhome/testing";
import { NatsBus } from "./nats.ts";

// Every server a test started, so none outlives the run.
const servers: PrivateServer[] = [];
afterAll(async () => void (await Promise.all(servers.map((s) => s.destroy()))));

async function startServer(): Promise<PrivateServer> {
  const server = await startNats({ jetstream: false });
  servers.push(server);
  return server;
}

test("requests fail within the reconnect wait (2 s) while NATS is down, and work again once it is back", async () => {
  const server = await startServer();
  const bus = await NatsBus.connect({ servers: server.url, name: "outage-test" });
  await bus.addService({ name: "echo", version: "1.0.0", description: "echo", endpoints: { e: { subject: "outage.echo", handler: (r) => r.body } } });
  expect(await bus.requestJson("outage.echo", { a: 1 }, { timeoutMs: 2000, requestId: "r1" })).toEqual({ a: 1 });

  await server.stop();
  for (let i = 0; i < 100 && bus.isConnected(); i++) await Bun.sleep(20);
  expect(bus.isConnected()).toBe(false);
  const started = performance.now();
  const err = await bus.request("outage.echo", {}, { timeoutMs: 30_000, requestId: "r2" }).catch((e) => e);
  expect(err.code).toBe("service_unavailable");
  expect(performance.now() - started).toBeLessThan(3500); // not the request's 30 s timeout

  // A request made while the server is away, which comes back within the wait, is answered (a NATS node lost).
  const during = bus.requestJson("outage.echo", { c: 3 }, { timeoutMs: 10_000, requestId: "r2b" });
  await server.start(); // same port: the bus reconnects to the address it knows
  expect(await during).toEqual({ c: 3 });
  for (let i = 0; i < 200 && !bus.isConnected(); i++) await Bun.sleep(25);
  expect(bus.isConnected()).toBe(true);
  // The service re-subscribes on reconnect: the same endpoint answers again.
  let answer: unknown;
  for (let i = 0; i < 50 && answer === undefined; i++) {
    answer = await bus.requestJson("outage.echo", { b: 2 }, { timeoutMs: 500, requestId: "r3" }).catch(() => undefined);
    if (answer === undefined) await Bun.sleep(50);
  }
  expect(answer).toEqual({ b: 2 });
  await bus.close();
}, 30_000);

test("closing the bus while the server is gone ends cleanly (a SIGTERM during a NATS outage)", async () => {
  const server = await startServer();
  const bus = await NatsBus.connect({ servers: server.url, name: "outage-close-test" });
  await server.stop("crash");
  for (let i = 0; i < 100 && bus.isConnected(); i++) await Bun.sleep(20);
  await bus.close(); // rejected before: drain waits for a flush the dead server never answers
  expect(bus.isConnected()).toBe(false);
}, 15_000);
