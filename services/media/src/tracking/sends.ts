/**
 * Recording sends: `POST /media/sent` (atomic upsert, idempotent per event_id) and
 * `POST /media/import` (a CRM export, idempotent: existing (fan, media) rows are skipped).
 * A fan is `(tenant, fan_id)`: every statement is confined to the caller's tenant (`""` = the default one).
 */
import { AppError, type MediaImportRequest, type MediaImportResponse, type MediaSentRequest, type MediaSentResponse } from "@sinhome/proto";
import type { Queryable, Store } from "../store/types.ts";
import { parseOptionalDate } from "./dates.ts";

/**
 * One statement: remember the media's content hash (first report wins), then insert the send or
 * count one more. Concurrent identical sends serialise on the row lock, so no count is lost.
 * `times_sent > 1` after the upsert means the row existed; `same_content` means another media
 * with this content hash was already sent to the fan (a re-upload).
 */
const UPSERT_SEND = `
WITH catalogued AS (
  INSERT INTO media_contents (tenant, media_id, content_hash)
  SELECT $8::text, $2::text, $4::text WHERE $4::text IS NOT NULL
  ON CONFLICT (tenant, media_id) DO NOTHING
), prior AS (
  SELECT EXISTS (
    SELECT 1 FROM media_sends WHERE tenant = $8 AND fan_id = $1 AND content_hash = $4::text AND media_id <> $2
  ) AS same_content
)
INSERT INTO media_sends AS s (tenant, fan_id, media_id, media_type, media_tags, content_hash, price, times_sent, first_sent_at, last_sent_at)
VALUES ($8, $1, $2, $3, $5::text[], $4, $6::numeric, 1, COALESCE($7::timestamptz, now()), COALESCE($7::timestamptz, now()))
ON CONFLICT (tenant, fan_id, media_id) DO UPDATE SET
  times_sent    = s.times_sent + 1,
  first_sent_at = LEAST(s.first_sent_at, EXCLUDED.first_sent_at),
  last_sent_at  = GREATEST(s.last_sent_at, EXCLUDED.last_sent_at),
  media_type    = COALESCE(EXCLUDED.media_type, s.media_type),
  media_tags    = CASE WHEN cardinality(EXCLUDED.media_tags) > 0 THEN EXCLUDED.media_tags ELSE s.media_tags END,
  content_hash  = COALESCE(EXCLUDED.content_hash, s.content_hash),
  price         = COALESCE(EXCLUDED.price, s.price)
RETURNING s.times_sent, (SELECT same_content FROM prior) AS same_content`;

/** Claims an event id; a concurrent claimer of the same id waits here until the first commits. */
const CLAIM_EVENT = `
INSERT INTO media_send_events (event_id, fan_id, media_id, tenant) VALUES ($1, $2, $3, $4)
ON CONFLICT (tenant, event_id) DO NOTHING RETURNING event_id`;
const SAVE_EVENT = `UPDATE media_send_events SET already_sent_before = $2, times_sent = $3 WHERE event_id = $1 AND tenant = $4`;
const READ_EVENT = `SELECT fan_id, media_id, already_sent_before, times_sent FROM media_send_events WHERE event_id = $1 AND tenant = $2`;

type EventRow = { fan_id: string; media_id: string; already_sent_before: boolean | null; times_sent: number | null };

async function upsertSend(db: Queryable, req: MediaSentRequest, sentAt: string | null, tenant: string): Promise<MediaSentResponse> {
  const [row] = await db.query<{ times_sent: number; same_content: boolean }>(UPSERT_SEND, [
    req.fan_id,
    req.media_id,
    req.media_type ?? null,
    req.content_hash ?? null,
    req.media_tags ?? [],
    req.price ?? null,
    sentAt,
    tenant,
  ]);
  if (!row) throw new AppError("internal_error", "the send was not recorded");
  return { recorded: true, already_sent_before: row.times_sent > 1 || row.same_content, times_sent: row.times_sent };
}

async function replayEvent(db: Queryable, req: MediaSentRequest & { event_id: string }, tenant: string): Promise<MediaSentResponse> {
  const [row] = await db.query<EventRow>(READ_EVENT, [req.event_id, tenant]);
  if (!row || row.fan_id !== req.fan_id || row.media_id !== req.media_id) {
    throw new AppError("validation_failed", "event_id was already used for another send", [
      { field: "event_id", reason: "already used with a different fan_id or media_id" },
    ]);
  }
  return { recorded: true, already_sent_before: row.already_sent_before ?? true, times_sent: row.times_sent ?? 1 };
}

/**
 * Records that `media_id` was sent to `fan_id`. With an `event_id` (or the gateway's
 * Idempotency-Key) the claim, the upsert and the saved answer share one transaction, so a retry
 * — even a concurrent one — gets the first answer back and is counted once.
 */
export async function recordSend(store: Store, req: MediaSentRequest, tenant = ""): Promise<MediaSentResponse> {
  const sentAt = parseOptionalDate(req.sent_at, "sent_at");
  const eventId = req.event_id;
  if (eventId === undefined) return upsertSend(store, req, sentAt, tenant);
  return store.transaction(async (tx) => {
    const claimed = await tx.query(CLAIM_EVENT, [eventId, req.fan_id, req.media_id, tenant]);
    if (claimed.length === 0) return replayEvent(tx, { ...req, event_id: eventId }, tenant);
    const reply = await upsertSend(tx, req, sentAt, tenant);
    await tx.query(SAVE_EVENT, [eventId, reply.already_sent_before, reply.times_sent, tenant]);
    return reply;
  });
}

/** Rows per INSERT: keeps one statement's JSON parameter around a few hundred kB. */
export const IMPORT_BATCH = 500;

const IMPORT_ROWS = `
WITH input AS (
  SELECT r.fan_id, r.media_id, r.media_type,
         ARRAY(SELECT jsonb_array_elements_text(COALESCE(r.media_tags, '[]'::jsonb))) AS media_tags,
         COALESCE(r.sent_at, now()) AS sent_at, COALESCE(r.times_sent, 1) AS times_sent
  FROM jsonb_to_recordset($1::jsonb)
       AS r(fan_id text, media_id text, media_type text, media_tags jsonb, sent_at timestamptz, times_sent integer)
), inserted AS (
  INSERT INTO media_sends (tenant, fan_id, media_id, media_type, media_tags, times_sent, first_sent_at, last_sent_at)
  SELECT $2::text, fan_id, media_id, media_type, media_tags, times_sent, sent_at, sent_at FROM input
  ON CONFLICT (tenant, fan_id, media_id) DO NOTHING
  RETURNING 1
)
SELECT count(*)::int AS imported FROM inserted`;

/**
 * Imports a CRM export in one transaction (all or nothing), in batches of IMPORT_BATCH rows.
 * A (fan, media) already known — from an earlier import or a live send — is skipped, never
 * summed, so the same export imported twice changes nothing. Dates are checked before anything
 * is written; a bad one fails the whole import with the record's index in the error.
 */
export async function importRecords(store: Store, req: MediaImportRequest, tenant = ""): Promise<MediaImportResponse> {
  const rows = req.records.map((r, i) => ({
    fan_id: r.fan_id,
    media_id: r.media_id,
    media_type: r.media_type ?? null,
    media_tags: r.media_tags ?? [],
    sent_at: parseOptionalDate(r.sent_at, `records[${i}].sent_at`),
    times_sent: r.times_sent ?? 1,
  }));
  // One lock order for every importer: overlapping imports cannot deadlock each other.
  rows.sort((a, b) => (a.fan_id === b.fan_id ? cmp(a.media_id, b.media_id) : cmp(a.fan_id, b.fan_id)));
  if (rows.length === 0) return { imported: 0, skipped: 0 };
  const imported = await store.transaction(async (tx) => {
    let count = 0;
    for (let i = 0; i < rows.length; i += IMPORT_BATCH) {
      const [row] = await tx.query<{ imported: number }>(IMPORT_ROWS, [JSON.stringify(rows.slice(i, i + IMPORT_BATCH)), tenant]);
      count += row?.imported ?? 0;
    }
    return count;
  });
  return { imported, skipped: rows.length - imported };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
