/** The PostgreSQL adapter's failure behaviour and concurrent start-up, against the real server. */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import type { Socket, TCPSocketListener } from "bun";
import { AppError } from "@sinhome/proto";
import { probeDatabase } from "./health.ts";
import { runMigrations } from "./migrations.ts";
import { createPostgresStore } from "./postgres.ts";
import { createScratchSchema, TEST_DATABASE_URL, type ScratchSchema } from "./testing.ts";

/** A port nothing listens on: take a free one from the OS, then close it. */
async function closedPort(): Promise<number> {
  const server = Bun.listen({ hostname: "127.0.0.1", port: 0, socket: { data() {} } });
  const port = server.port;
  server.stop(true);
  return port;
}

describe("PostgreSQL store when the database is unreachable", () => {
  let url: string;
  beforeAll(async () => {
    url = `postgres://media_user:s3cret-pw@127.0.0.1:${await closedPort()}/test`;
  });

  test("a query is a 503 whose message carries no connection string", async () => {
    const store = createPostgresStore({ connectionString: url, connectTimeoutMs: 1000 });
    try {
      const error = await store.query("SELECT 1").then(() => undefined, (e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      const body = JSON.stringify((error as AppError).toBody());
      expect((error as AppError).status).toBe(503);
      for (const secret of ["s3cret-pw", "media_user", "127.0.0.1", "postgres://"]) expect(body).not.toContain(secret);
      await expect(store.transaction(async (tx) => tx.query("SELECT 1"))).rejects.toMatchObject({ code: "service_unavailable" });
    } finally {
      await store.close();
    }
  });

  test("the status probe reports down without throwing", async () => {
    const store = createPostgresStore({ connectionString: url, connectTimeoutMs: 1000 });
    try {
      const component = await probeDatabase(store, { migrated: true });
      expect(component).toMatchObject({ name: "database", status: "down", error: "ECONNREFUSED" });
      expect(component.latency_ms).toBeNumber();
    } finally {
      await store.close();
    }
  });

  test("a server that accepts but never answers is down within the probe budget", async () => {
    const silent: TCPSocketListener<undefined> = Bun.listen({ hostname: "127.0.0.1", port: 0, socket: { data(_s: Socket<undefined>) {} } });
    const store = createPostgresStore({ connectionString: `postgres://postgres@127.0.0.1:${silent.port}/test`, connectTimeoutMs: 5000 });
    try {
      const started = performance.now();
      const component = await probeDatabase(store, { migrated: true, timeoutMs: 300 });
      expect(component).toMatchObject({ status: "down", error: "timeout" });
      expect(performance.now() - started).toBeLessThan(1500);
    } finally {
      silent.stop(true);
      await store.close();
    }
  });
});

describe("PostgreSQL store on the real server", () => {
  let scratch: ScratchSchema;
  beforeAll(async () => {
    scratch = await createScratchSchema();
  });
  afterAll(() => scratch?.drop());

  test("two replicas migrating at once apply each version exactly once", async () => {
    const a = createPostgresStore({ connectionString: TEST_DATABASE_URL, options: scratch.options });
    const b = createPostgresStore({ connectionString: TEST_DATABASE_URL, options: scratch.options });
    try {
      const [appliedA, appliedB] = await Promise.all([runMigrations(a), runMigrations(b)]);
      expect([...appliedA, ...appliedB].sort()).toEqual([1, 2]);
      const ledger = await a.query<{ version: number }>("SELECT version FROM schema_migrations");
      expect(ledger.map((r) => r.version).sort()).toEqual([1, 2]);
      const tables = await a.query<{ table_name: string }>(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name",
        [scratch.schema],
      );
      expect(tables.map((t) => t.table_name)).toEqual(["media_contents", "media_send_events", "media_sends", "schema_migrations"]);
      expect(await probeDatabase(a, { migrated: true })).toMatchObject({ name: "database", status: "ok" });
      expect(await probeDatabase(a, { migrated: false })).toMatchObject({ status: "down", error: "schema_not_migrated" });
    } finally {
      await a.close();
      await b.close();
    }
  });

  test("a SQL error stays an internal error (500), not a 503", async () => {
    const store = createPostgresStore({ connectionString: TEST_DATABASE_URL, options: scratch.options });
    try {
      const error = await store.query("SELECT * FROM no_such_table").then(() => undefined, (e: unknown) => e);
      expect(error).not.toBeInstanceOf(AppError);
      expect((error as { code?: string }).code).toBe("42P01");
    } finally {
      await store.close();
    }
  });
});
