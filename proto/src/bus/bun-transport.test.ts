/**
 * The Bun-socket NATS transport against real nats-servers of its own (free loopback ports): the
 * traffic the mesh makes, payloads up to the server's limit with back-pressure, a restarted and a
 * killed server, and TLS (upgrade after INFO, handshake first, a certificate from the wrong CA).
 */
import { afterAll, describe, expect, test } from "bun:test";
import { rmSync } from "node:fs";
import { errors, type NatsConnection } from "@nats-io/nats-core";
import { selfSignedCertificate, startNats, type PrivateServer, type TestCertificate } from "@sinhome/testing";
import { connectNats } from "./nats-connect.ts";
import { NatsBus } from "./nats.ts";
import { startTlsFirstFront } from "./tls-first-front.harness.ts";

const servers: PrivateServer[] = [];
const connections: NatsConnection[] = [];
const certificates: TestCertificate[] = [];
afterAll(async () => {
  await Promise.all(connections.map((nc) => nc.close().catch(() => {})));
  await Promise.all(servers.map((s) => s.destroy()));
  for (const c of certificates) rmSync(c.dir, { recursive: true, force: true });
});

/** max_payload raised to 8 MiB so "several MiB" is a legal message. */
const MAX_PAYLOAD = 8 * 1024 * 1024;

async function server(config = ""): Promise<PrivateServer> {
  const s = await startNats({ jetstream: false, config: `max_payload: ${MAX_PAYLOAD}\n${config}` });
  servers.push(s);
  return s;
}

async function connect(url: string, opts: Parameters<typeof connectNats>[0] = {}): Promise<NatsConnection> {
  const nc = await connectNats({ servers: url, reconnectTimeWait: 100, maxReconnectAttempts: -1, timeout: 5000, ...opts }, "bun");
  connections.push(nc);
  return nc;
}

/** A payload whose every byte depends on its position: a reordered or lost chunk changes it. */
function patterned(size: number, seed: number): Uint8Array {
  const out = new Uint8Array(size);
  for (let i = 0; i < size; i++) out[i] = (i * 31 + seed) % 251;
  return out;
}

/**
 * Retries `attempt` until it succeeds or `ms` have passed. After a restart the requester may be back
 * before the responder has resubscribed: "no responders" answers at once, so bound by time, not count.
 */
async function eventually<T>(attempt: () => Promise<T>, ms = 10_000): Promise<T | undefined> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const result = await attempt().catch(() => undefined);
    if (result !== undefined) return result;
    await Bun.sleep(50);
  }
  return undefined;
}

function echo(nc: NatsConnection, subject: string): void {
  nc.subscribe(subject, { callback: (_err, msg) => void msg.respond(msg.data) });
}

describe("Bun transport, plain TCP", () => {
  test("request/reply, payloads from 64 KiB to several MiB intact, many requests in flight", async () => {
    const s = await server();
    const responder = await connect(s.url);
    echo(responder, "t.echo");
    await responder.flush();
    const nc = await connect(s.url);
    expect((await nc.request("t.echo", "hello", { timeout: 2000 })).string()).toBe("hello");
    for (const size of [64 * 1024 + 1, 1024 * 1024, 7 * 1024 * 1024]) {
      const payload = patterned(size, size % 97);
      const reply = await nc.request("t.echo", payload, { timeout: 10_000 });
      expect(reply.data.byteLength).toBe(size);
      expect(Bun.hash(reply.data)).toBe(Bun.hash(payload));
    }
    const replies = await Promise.all(Array.from({ length: 2000 }, (_, i) => nc.request("t.echo", `n${i}`, { timeout: 10_000 })));
    expect(replies.map((m) => m.string())).toEqual(Array.from({ length: 2000 }, (_, i) => `n${i}`));
  }, 60_000);

  test("a burst larger than the socket takes (back-pressure) arrives whole and in order", async () => {
    const s = await server();
    const sub = await connect(s.url);
    const received: Uint8Array[] = [];
    const count = 48;
    const all = new Promise<void>((resolve) => {
      sub.subscribe("t.burst", { callback: (_err, msg) => void (received.push(msg.data), received.length === count && resolve()) });
    });
    await sub.flush();
    const pub = await connect(s.url);
    const payloads = Array.from({ length: count }, (_, i) => patterned(1024 * 1024 + i, i));
    // 48 MiB queued at once: far more than the kernel's socket buffer, so writes are partial and wait for `drain`.
    for (const p of payloads) pub.publish("t.burst", p);
    await pub.flush();
    await all;
    expect(received.map((d) => d.byteLength)).toEqual(payloads.map((p) => p.byteLength));
    expect(received.map((d) => Bun.hash(d))).toEqual(payloads.map((p) => Bun.hash(p)));
  }, 60_000);

  test("a restarted server: the client reconnects, resubscribes, and requests succeed again", async () => {
    const s = await server();
    const responder = await connect(s.url);
    echo(responder, "t.restart");
    const nc = await connect(s.url);
    expect((await nc.request("t.restart", "before", { timeout: 2000 })).string()).toBe("before");
    const statuses: string[] = [];
    void (async () => {
      for await (const st of nc.status()) statuses.push(st.type);
    })();
    await s.stop();
    await s.start();
    expect(await eventually(async () => (await nc.request("t.restart", "after", { timeout: 500 })).string())).toBe("after");
    expect(statuses).toContain("disconnect");
    expect(statuses).toContain("reconnect");
  }, 30_000);

  test("a killed server gives errors, not hangs: refused dial, failed requests, a closed connection", async () => {
    const s = await server();
    const silent = await connect(s.url, { maxReconnectAttempts: 0 });
    silent.subscribe("t.silent", { callback: () => {} }); // receives, never answers
    await silent.flush();
    const nc = await connect(s.url, { maxReconnectAttempts: 1, reconnectTimeWait: 50 });
    const pending = nc.request("t.silent", "x", { timeout: 30_000 }).then(() => "answered", (e: Error) => e);
    await Bun.sleep(50);
    await s.stop("crash");
    const started = performance.now();
    // The request fails when the connection closes for good (after its one reconnect attempt), not at its 30 s timeout.
    const failure = await pending;
    expect(failure).toBeInstanceOf(errors.RequestError);
    expect((failure as Error).message).toBe("connection closed");
    const closedWith = await nc.closed();
    expect(performance.now() - started).toBeLessThan(5000);
    expect(closedWith).toBeInstanceOf(Error);
    expect(nc.isClosed()).toBe(true);
    const refused = await connectNats({ servers: s.url, timeout: 2000 }, "bun").then(() => undefined, (e: unknown) => e);
    expect(refused).toBeInstanceOf(errors.ConnectionError);
    expect((refused as Error).message).toBe("connection refused");
  }, 30_000);

  test("the bus on this transport: services answer, and a NATS outage is a fast service_unavailable", async () => {
    const s = await server();
    const bus = await NatsBus.connect({ servers: s.url, name: "bun-transport-test", transport: "bun" });
    await bus.addService({ name: "echo", version: "1.0.0", description: "echo", endpoints: { e: { subject: "bt.echo", handler: (r) => r.body } } });
    expect(await bus.requestJson("bt.echo", { a: 1 }, { timeoutMs: 2000, requestId: "r1" })).toEqual({ a: 1 });
    await s.stop("crash");
    // The socket's close is the news: the bus marks itself disconnected within moments, not at a ping timeout.
    for (let i = 0; i < 100 && bus.isConnected(); i++) await Bun.sleep(20);
    expect(bus.isConnected()).toBe(false);
    const err = await bus.request("bt.echo", {}, { timeoutMs: 30_000, requestId: "r2" }).catch((e) => e);
    expect(err.code).toBe("service_unavailable");
    await s.start();
    expect(await eventually(() => bus.requestJson("bt.echo", { b: 2 }, { timeoutMs: 1000, requestId: "r3" }))).toEqual({ b: 2 });
    await bus.close();
  }, 30_000);
});

test("a websocket URL is refused with a clear error (this is a TCP transport)", async () => {
  const ws = await connectNats({ servers: "ws://127.0.0.1:1" }, "bun").then(() => undefined, (e: unknown) => e);
  expect(ws).toBeInstanceOf(errors.InvalidArgumentError);
});

describe("Bun transport, TLS", () => {
  const tlsServer = async (altNames?: string) => {
    const cert = await selfSignedCertificate("nats-test", altNames);
    certificates.push(cert);
    const s = await server(`tls {\n  cert_file: "${cert.certFile}"\n  key_file: "${cert.keyFile}"\n}`);
    return { s, cert };
  };

  test("INFO then upgrade: the server requires TLS, the client trusts its CA, and reconnects over TLS", async () => {
    const { s, cert } = await tlsServer();
    const responder = await connect(s.url, { tls: { caFile: cert.certFile } });
    echo(responder, "t.tls");
    const nc = await connect(s.url, { tls: { caFile: cert.certFile } });
    expect(nc.info?.tls_required).toBe(true);
    // By host name: resolved to its addresses (tried in turn), the certificate checked against the name.
    const byName = await connect(`nats://localhost:${s.port}`, { tls: { caFile: cert.certFile } });
    expect((await byName.request("t.tls", "by name", { timeout: 2000 })).string()).toBe("by name");
    const big = patterned(2 * 1024 * 1024, 5);
    expect(Bun.hash((await nc.request("t.tls", big, { timeout: 10_000 })).data)).toBe(Bun.hash(big));
    await s.stop();
    await s.start();
    expect(await eventually(async () => (await nc.request("t.tls", "again", { timeout: 500 })).string())).toBe("again");
  }, 30_000);

  test("a certificate from another CA (or none trusted) is refused", async () => {
    const { s } = await tlsServer();
    const stranger = await selfSignedCertificate("stranger");
    certificates.push(stranger);
    for (const tls of [{ caFile: stranger.certFile }, {}]) {
      const err = await connectNats({ servers: s.url, tls, timeout: 3000 }, "bun").then(() => undefined, (e: unknown) => e);
      expect(err).toBeInstanceOf(Error);
      expect(String((err as Error).message)).toMatch(/certificate|self.signed|verify/i);
    }
  }, 30_000);

  test("a CA file that does not exist is a clear error", async () => {
    const { s } = await tlsServer();
    const missing = await connectNats({ servers: s.url, tls: { caFile: "/nonexistent/ca.pem" }, timeout: 2000 }, "bun").then(() => undefined, (e: unknown) => e);
    expect(String((missing as Error | undefined)?.message)).toContain("/nonexistent/ca.pem doesn't exist");
  });

  test("a trusted certificate for another name is refused", async () => {
    const { s, cert } = await tlsServer("DNS:nats.elsewhere.example");
    const err = await connectNats({ servers: s.url, tls: { caFile: cert.certFile }, timeout: 3000 }, "bun").then(() => undefined, (e: unknown) => e);
    expect(String((err as Error | undefined)?.message)).toMatch(/does not match certificate's altnames/);
  }, 30_000);

  test("handshake first: TLS from the first byte, INFO inside the session", async () => {
    const { s, cert } = await tlsServer();
    const responder = await connect(s.url, { tls: { caFile: cert.certFile } });
    echo(responder, "t.first");
    await responder.flush();
    const front = await startTlsFirstFront({ target: s.port, cert });
    try {
      const nc = await connect(front.url, { tls: { caFile: cert.certFile, handshakeFirst: true } });
      expect((await nc.request("t.first", "first", { timeout: 2000 })).string()).toBe("first");
      expect(front.tlsFirstSessions()).toBeGreaterThan(0);
      await nc.close();
    } finally {
      front.stop();
    }
  }, 30_000);
});
