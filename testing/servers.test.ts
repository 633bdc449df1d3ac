/**
 * The private servers: each answers once started, stops and starts again on the same port with its
 * data, and leaves neither a process nor a directory behind once destroyed.
 */
import { afterAll, expect, test } from "bun:test";
import pg from "pg";
import { probeNats, probePostgres, probeRedis } from "./probes.ts";
import { startNats, startPostgres, startRedis, tcpExchange, type PrivateServer } from "./servers.ts";

const started: PrivateServer[] = [];
afterAll(async () => void (await Promise.all(started.map((s) => s.destroy()))));

/** Processes whose command line mentions this port (`-p <port>`, `--port <port>`; redis-server retitles itself `…127.0.0.1:<port>`). */
async function processesOnPort(port: number): Promise<string[]> {
  const ps = Bun.spawnSync(["ps", "-eo", "args"]).stdout.toString().split("\n");
  return ps.filter((line) => new RegExp(`(-p |--port |127\\.0\\.0\\.1:)${port}( |$)`).test(line));
}

test("NATS with JetStream: answers, survives a restart on the same port, and is gone once destroyed", async () => {
  const nats = await startNats();
  started.push(nats);
  expect(nats.url).toBe(`nats://127.0.0.1:${nats.port}`);
  expect(await probeNats(nats.url)).toBeUndefined();
  await nats.stop("crash");
  expect(await probeNats(nats.url)).toBe("connection refused");
  await nats.start();
  expect(await probeNats(nats.url)).toBeUndefined();
  expect(await processesOnPort(nats.port)).toHaveLength(1);
  await nats.destroy();
  expect(await tcpExchange(nats.port)).toBeUndefined();
  expect(await processesOnPort(nats.port)).toEqual([]);
}, 60_000);

test("NATS without JetStream is told apart (the tests need JetStream)", async () => {
  const nats = await startNats({ jetstream: false });
  started.push(nats);
  expect(await probeNats(nats.url)).toContain("without JetStream");
  await nats.destroy();
}, 60_000);

test("Redis answers PING, and is gone once destroyed", async () => {
  const redis = await startRedis();
  started.push(redis);
  expect(await probeRedis(redis.url)).toBeUndefined();
  expect(await processesOnPort(redis.port)).toHaveLength(1);
  await redis.destroy();
  expect(await probeRedis(redis.url)).toBe("connection refused");
  expect(await processesOnPort(redis.port)).toEqual([]);
}, 60_000);

test("PostgreSQL: the database asked for exists, committed rows survive a crash and restart, nothing is left after destroy", async () => {
  const server = await startPostgres({ database: "scratch" });
  started.push(server);
  expect(server.url).toBe(`postgres://postgres@127.0.0.1:${server.port}/scratch`);
  const sql = async (text: string) => {
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    try {
      return (await client.query(text)).rows;
    } finally {
      await client.end();
    }
  };
  await sql("CREATE TABLE t (v int); INSERT INTO t VALUES (42)");
  await server.stop("crash");
  expect(await probePostgres(server.url)).toBe("connection refused");
  await server.start();
  expect(await sql("SELECT v FROM t")).toEqual([{ v: 42 }]);
  expect(await processesOnPort(server.port)).toHaveLength(1); // the postmaster (its children do not show the port)
  await server.destroy();
  expect(await probePostgres(server.url)).toBe("connection refused");
  expect(await processesOnPort(server.port)).toEqual([]);
}, 120_000);

test("a missing database is created by the probe only when asked to", async () => {
  const server = await startPostgres();
  started.push(server);
  const url = server.url.replace(/\/postgres$/, "/fresh");
  expect(await probePostgres(url)).toContain('database "fresh" does not exist');
  expect(await probePostgres(url, { createDatabase: true })).toBeUndefined();
  expect(await probePostgres(url)).toBeUndefined();
  await server.destroy();
}, 120_000);
