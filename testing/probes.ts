/**
 * Is a server usable by the tests? One probe per kind, each answering `undefined` (usable) or a short
 * reason ("connection refused", "no JetStream"), quickly: a refused loopback port answers at once and
 * a silent one is given up after PROBE_TIMEOUT_MS.
 */
import { connect } from "@nats-io/transport-node";
import Redis from "ioredis";
import pg from "pg";
import type { ServerKind } from "./binaries.ts";

const PROBE_TIMEOUT_MS = 3000;

/** The servers the tests use when nothing is configured (the project's machines run them there). */
export const DEFAULT_URLS: Record<ServerKind, string> = {
  nats: "nats://127.0.0.1:4222",
  redis: "redis://127.0.0.1:6379",
  postgres: "postgres://postgres@127.0.0.1:5432/test",
};

/** Hides a password before a URL is printed. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(unparseable url)";
  }
}

function reason(error: unknown): string {
  const e = error as { code?: string; message?: string };
  if (e?.code === "ECONNREFUSED" || /ECONNREFUSED|refused/i.test(e?.message ?? "")) return "connection refused";
  return (e?.message ?? String(error)).split("\n")[0]!.slice(0, 200);
}

/** NATS answers and has JetStream (the conversation log and its tests need it). */
export async function probeNats(url: string): Promise<string | undefined> {
  try {
    const nc = await connect({ servers: url.split(",").map((s) => s.trim()), timeout: PROBE_TIMEOUT_MS, reconnect: false, maxReconnectAttempts: 0 });
    const jetstream = nc.info?.jetstream === true;
    await nc.close();
    return jetstream ? undefined : "answers, but without JetStream (start nats-server with -js)";
  } catch (error) {
    return reason(error);
  }
}

/** Redis answers PING. */
export async function probeRedis(url: string): Promise<string | undefined> {
  const redis = new Redis(url, { lazyConnect: true, connectTimeout: PROBE_TIMEOUT_MS, maxRetriesPerRequest: 0, enableOfflineQueue: false, retryStrategy: () => null });
  let cause: unknown; // ioredis rejects with "Connection is closed."; the socket's error says why
  redis.on("error", (error) => void (cause ??= error));
  try {
    await redis.connect();
    return (await redis.ping()) === "PONG" ? undefined : "does not answer PING";
  } catch (error) {
    return reason(cause ?? error);
  } finally {
    redis.disconnect();
  }
}

async function query(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: PROBE_TIMEOUT_MS });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query(sql);
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * PostgreSQL answers on this database. With `createDatabase`, a missing database is created first
 * (a server with only `postgres`, as a fresh Debian install has, is fine).
 */
export async function probePostgres(url: string, opts: { createDatabase?: boolean } = {}): Promise<string | undefined> {
  try {
    await query(url, "SELECT 1");
    return undefined;
  } catch (error) {
    const missingDatabase = (error as { code?: string }).code === "3D000";
    if (!missingDatabase || !opts.createDatabase) return reason(error);
  }
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  target.pathname = "/postgres";
  try {
    await query(target.toString(), `CREATE DATABASE "${name.replaceAll('"', '""')}"`);
    return undefined;
  } catch (error) {
    if ((error as { code?: string }).code === "42P04") return undefined; // another run created it meanwhile
    return `database ${name} is missing and could not be created: ${reason(error)}`;
  }
}

export const PROBES: Record<ServerKind, (url: string, opts?: { createDatabase?: boolean }) => Promise<string | undefined>> = {
  nats: probeNats,
  redis: probeRedis,
  postgres: probePostgres,
};
