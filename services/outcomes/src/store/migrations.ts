/**
 * Versioned schema of the outcomes service, applied at start under a transaction-scoped advisory
 * lock (replicas starting together apply each version once). Its own ledger table
 * (`outcomes_schema_migrations`): the mesh may share one database between media and outcomes.
 * Plain SQL that runs on PostgreSQL 15 and PGlite's 18. Never edit an applied migration: add one.
 */
import type { Sql } from "./sql.ts";

export const MIGRATIONS: readonly { version: number; name: string; statements: readonly string[] }[] = [
  {
    version: 1,
    name: "reply records, feedback events, merged outcomes, ingest cursor, erasure tombstones",
    statements: [
      // One row per chat reply, from the conversation log. Texts only with LOG_CONTENT.
      `CREATE TABLE outcome_records (
        request_id        text PRIMARY KEY,
        at                timestamptz NOT NULL,
        session_id        text,
        key_name          text,
        tenant            text,
        endpoint          text NOT NULL,
        backend           text NOT NULL,
        model             text NOT NULL,
        arm               text,
        persona           text,
        prompt_tokens     integer NOT NULL DEFAULT 0,
        completion_tokens integer NOT NULL DEFAULT 0,
        latency_ms        double precision NOT NULL DEFAULT 0,
        retries           jsonb NOT NULL DEFAULT '{}',
        fallback          boolean NOT NULL DEFAULT false,
        error             text,
        guard             jsonb,
        handoff           jsonb,
        messages          jsonb,
        reply             text
      )`,
      `CREATE INDEX outcome_records_at_idx ON outcome_records (at, request_id)`,
      `CREATE INDEX outcome_records_session_idx ON outcome_records (session_id)`,
      // One row per CRM event: the primary key is the idempotency (two gateways posting one event_id at once: one wins).
      `CREATE TABLE outcome_events (
        event_id    text PRIMARY KEY,
        request_id  text NOT NULL REFERENCES outcome_records (request_id) ON DELETE CASCADE,
        at          timestamptz NOT NULL,
        received_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        body        jsonb NOT NULL
      )`,
      `CREATE INDEX outcome_events_request_idx ON outcome_events (request_id, at)`,
      // The events of one reply merged (recomputed from every event at each new one).
      `CREATE TABLE reply_outcomes (
        request_id        text PRIMARY KEY REFERENCES outcome_records (request_id) ON DELETE CASCADE,
        outcome           text,
        final_text        text,
        fan_replied       boolean,
        fan_reply_after_s double precision,
        purchases         integer NOT NULL DEFAULT 0,
        revenue           double precision NOT NULL DEFAULT 0,
        currency          text,
        rating            integer,
        edit_ratio        double precision,
        events            integer NOT NULL,
        updated_at        timestamptz NOT NULL
      )`,
      // How far the conversation log has been read (shared by replicas: the furthest wins).
      `CREATE TABLE outcome_ingest (consumer text PRIMARY KEY, last_id bigint NOT NULL)`,
      // Erased conversations, by a hash of their session id: an event read before the erasure but stored after it is dropped.
      `CREATE TABLE outcome_erasures (session_hash text PRIMARY KEY, erased_at timestamptz NOT NULL)`,
    ],
  },
  {
    version: 2,
    name: "system prompts stored once",
    statements: [
      // The system prompt (static prefix + persona + script) is the same for many replies and most of their bytes:
      // stored once by hash, records keep the rest of the messages.
      `CREATE TABLE outcome_prompts (hash text PRIMARY KEY, content text NOT NULL, last_seen timestamptz NOT NULL DEFAULT now())`,
      `ALTER TABLE outcome_records ADD COLUMN system_hash text`,
    ],
  },
];

const LOCK_SQL = `SELECT pg_advisory_xact_lock(hashtext('sinhome.outcomes.migrations:' || current_schema()))`;
const LEDGER_SQL = `CREATE TABLE IF NOT EXISTS outcomes_schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`;

export async function runMigrations(sql: Sql): Promise<number[]> {
  const applied: number[] = [];
  for (const m of MIGRATIONS) {
    const done = await sql.transaction(async (tx) => {
      await tx.query(LOCK_SQL);
      await tx.query(LEDGER_SQL);
      if ((await tx.query(`SELECT 1 FROM outcomes_schema_migrations WHERE version = $1`, [m.version])).length > 0) return false;
      for (const statement of m.statements) await tx.query(statement);
      await tx.query(`INSERT INTO outcomes_schema_migrations (version, name) VALUES ($1, $2)`, [m.version, m.name]);
      return true;
    });
    if (done) applied.push(m.version);
  }
  return applied;
}
