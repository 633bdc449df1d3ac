/**
 * Test and benchmark fixtures: an isolated PostgreSQL schema per run (so parallel runs never
 * collide) and a PGlite store in a temporary directory. Not used by the service itself.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Socket } from "bun";
import pg from "pg";
import { testServerUrl } from "@sinhome/testing";
import { openPgliteStore } from "./pglite.ts";
import { createPostgresStore } from "./postgres.ts";
import type { Store } from "./types.ts";

/** The PostgreSQL the tests use (a real server: it runs on every project machine and in CI). */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

export type ScratchSchema = { schema: string; options: string; drop(): Promise<void> };

async function admin<T>(url: string, work: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates `<prefix>_<random>`; `options` pins a pool's search_path to it. */
export async function createScratchSchema(prefix = "media_test", url = TEST_DATABASE_URL): Promise<ScratchSchema> {
  // A missing server fails the test here with one message saying what to do, not with ECONNREFUSED.
  if (url === TEST_DATABASE_URL) await testServerUrl("postgres");
  const schema = `${prefix}_${crypto.randomUUID().replaceAll("-", "").slice(0, 12)}`;
  await admin(url, (c) => c.query(`CREATE SCHEMA ${schema}`));
  return {
    schema,
    options: `-c search_path=${schema}`,
    drop: () => admin(url, (c) => c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)).then(() => undefined),
  };
}

export type TestStore = { store: Store; cleanup(): Promise<void> };

export async function openScratchPostgres(url = TEST_DATABASE_URL): Promise<TestStore & { scratch: ScratchSchema }> {
  const scratch = await createScratchSchema("media_test", url);
  const store = createPostgresStore({ connectionString: url, poolSize: 25, options: scratch.options });
  return {
    store,
    scratch,
    cleanup: async () => {
      await store.close();
      await scratch.drop();
    },
  };
}

export const makeTempDir = (): string => mkdtempSync(join(tmpdir(), "media-pglite-"));

export async function openTempPglite(dir = makeTempDir()): Promise<TestStore & { dir: string }> {
  const store = await openPgliteStore({ dataDir: dir });
  return {
    store,
    dir,
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Unique ids per test, so tests sharing one database never see each other's rows. */
export const uid = (label: string): string => `${label}-${crypto.randomUUID().slice(0, 8)}`;

/** A TCP relay to the real PostgreSQL on a port of our choosing: "the database comes back". */
export function relayToPostgres(port: number, url = TEST_DATABASE_URL) {
  const target = new URL(url);
  type Link = { upstream?: Socket<undefined>; pending: Uint8Array[] };
  return Bun.listen<Link>({
    hostname: "127.0.0.1",
    port,
    socket: {
      open(client) {
        client.data = { pending: [] };
        void Bun.connect({
          hostname: target.hostname,
          port: Number(target.port || 5432),
          socket: { data: (_u, chunk) => void client.write(chunk), close: () => void client.end() },
        }).then((upstream) => {
          client.data.upstream = upstream;
          for (const chunk of client.data.pending.splice(0)) upstream.write(chunk);
        });
      },
      data(client, chunk) {
        if (client.data.upstream) client.data.upstream.write(chunk);
        else client.data.pending.push(new Uint8Array(chunk));
      },
      close: (client) => void client.data.upstream?.end(),
    },
  });
}
