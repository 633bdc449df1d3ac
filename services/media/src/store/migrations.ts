/**
 * Versioned schema of the media service, applied at start. Each migration runs in its own
 * transaction that first takes a transaction-scoped advisory lock (keyed by the current schema),
 * so replicas starting together apply each version exactly once: the second waits, then sees the
 * version recorded in `schema_migrations` and skips it. The SQL is plain PostgreSQL that runs on
 * both PostgreSQL 15 and PGlite's 18. Never edit an applied migration: add a new one.
 */
import type { Queryable, Store } from "./types.ts";

export type Migration = { version: number; name: string; statements: readonly string[] };

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "media sends, content catalogue, send events",
    statements: [
      // One row per (fan, media): the hot duplicate check is a primary-key probe per id.
      `CREATE TABLE media_sends (
        fan_id        text        NOT NULL,
        media_id      text        NOT NULL,
        media_type    text,
        media_tags    text[]      NOT NULL DEFAULT '{}',
        content_hash  text,
        price         numeric,
        times_sent    integer     NOT NULL DEFAULT 1 CHECK (times_sent >= 1),
        first_sent_at timestamptz NOT NULL,
        last_sent_at  timestamptz NOT NULL,
        PRIMARY KEY (fan_id, media_id)
      )`,
      // "Did this fan already get this content under another id?" (re-uploads).
      `CREATE INDEX media_sends_fan_hash_idx ON media_sends (fan_id, content_hash) WHERE content_hash IS NOT NULL`,
      // media_id → content_hash as first reported by a send: lets an id-only duplicate check
      // recognise a re-upload of content the fan already has.
      `CREATE TABLE media_contents (
        media_id     text        PRIMARY KEY,
        content_hash text        NOT NULL,
        recorded_at  timestamptz NOT NULL DEFAULT now()
      )`,
      // One row per event_id / Idempotency-Key with the answer given, so a retry gets it back.
      `CREATE TABLE media_send_events (
        event_id            text        PRIMARY KEY,
        fan_id              text        NOT NULL,
        media_id            text        NOT NULL,
        already_sent_before boolean,
        times_sent          integer,
        created_at          timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE INDEX media_send_events_fan_idx ON media_send_events (fan_id)`,
      `CREATE INDEX media_send_events_created_idx ON media_send_events (created_at)`,
    ],
  },
  {
    version: 2,
    name: "tenants: a fan is (tenant, fan_id); existing rows move to the default tenant ''",
    statements: [
      // Existing rows get the default tenant; the default is dropped after, so no write can forget the tenant.
      ...["media_sends", "media_contents", "media_send_events"].flatMap((table) => [
        `ALTER TABLE ${table} ADD COLUMN tenant text NOT NULL DEFAULT ''`,
        `ALTER TABLE ${table} ALTER COLUMN tenant DROP DEFAULT`,
        `ALTER TABLE ${table} DROP CONSTRAINT ${table}_pkey`,
      ]),
      `ALTER TABLE media_sends ADD PRIMARY KEY (tenant, fan_id, media_id)`,
      `DROP INDEX media_sends_fan_hash_idx`,
      `CREATE INDEX media_sends_fan_hash_idx ON media_sends (tenant, fan_id, content_hash) WHERE content_hash IS NOT NULL`,
      // Media ids are the CRM's: two tenants' "m1" are two contents.
      `ALTER TABLE media_contents ADD PRIMARY KEY (tenant, media_id)`,
      `ALTER TABLE media_send_events ADD PRIMARY KEY (tenant, event_id)`,
      `DROP INDEX media_send_events_fan_idx`,
      `CREATE INDEX media_send_events_fan_idx ON media_send_events (tenant, fan_id)`,
    ],
  },
];

const LOCK_SQL = `SELECT pg_advisory_xact_lock(hashtext('sinhome.media.migrations:' || current_schema()))`;
const LEDGER_SQL = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version    integer     PRIMARY KEY,
  name       text        NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
)`;

async function isApplied(tx: Queryable, version: number): Promise<boolean> {
  const rows = await tx.query(`SELECT 1 FROM schema_migrations WHERE version = $1`, [version]);
  return rows.length > 0;
}

/** Applies every pending migration in order; returns the versions this call applied. */
export async function runMigrations(store: Store, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  const applied: number[] = [];
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    const done = await store.transaction(async (tx) => {
      await tx.query(LOCK_SQL);
      // Under the lock, so two replicas never race on creating the ledger itself.
      await tx.query(LEDGER_SQL);
      if (await isApplied(tx, m.version)) return false;
      for (const statement of m.statements) await tx.query(statement);
      await tx.query(`INSERT INTO schema_migrations (version, name) VALUES ($1, $2)`, [m.version, m.name]);
      return true;
    });
    if (done) applied.push(m.version);
  }
  return applied;
}
