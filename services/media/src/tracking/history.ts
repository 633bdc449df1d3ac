/**
 * A fan's media history: `GET /media/history/{fan_id}`, `DELETE /media/history/{fan_id}`
 * (alias `POST /media/delete`), and the pruning of remembered idempotency keys.
 */
import type { MediaDeleteResponse, MediaHistoryResponse } from "@sinhome/proto";
import type { Queryable, Store } from "../store/types.ts";
import { toIso } from "./dates.ts";

/**
 * Newest first (ties by media id, so pages are stable). No (fan_id, last_sent_at) index on
 * purpose: it would turn every repeat send into a non-HOT update, while sorting one fan's rows
 * (thousands at most) is cheap. The window count runs before LIMIT, so `total` counts them all.
 */
const HISTORY = `
SELECT media_id, media_type, media_tags, times_sent, first_sent_at, last_sent_at, count(*) OVER ()::int AS total
FROM media_sends WHERE tenant = $3 AND fan_id = $1
ORDER BY last_sent_at DESC, media_id
LIMIT $2`;

type HistoryRow = {
  media_id: string;
  media_type: string | null;
  media_tags: string[] | null;
  times_sent: number;
  first_sent_at: Date;
  last_sent_at: Date;
  total: number;
};

/** One fan of one tenant (`""` = the default tenant). */
export async function fanHistory(db: Queryable, fanId: string, limit: number, tenant = ""): Promise<MediaHistoryResponse> {
  const rows = await db.query<HistoryRow>(HISTORY, [fanId, limit, tenant]);
  return {
    fan_id: fanId,
    total: rows[0]?.total ?? 0,
    items: rows.map((r) => ({
      media_id: r.media_id,
      media_type: r.media_type,
      media_tags: r.media_tags ?? [],
      times_sent: r.times_sent,
      first_sent_at: toIso(r.first_sent_at),
      last_sent_at: toIso(r.last_sent_at),
    })),
  };
}

/**
 * Forgets everything recorded for a fan: sends and remembered event ids (a later retry of an old
 * event then counts again, which is what "reset the history" means). The content catalogue is
 * about media, not fans, and stays.
 */
export async function deleteHistory(store: Store, fanId: string, tenant = ""): Promise<MediaDeleteResponse> {
  return store.transaction(async (tx) => {
    const [row] = await tx.query<{ deleted: number }>(
      `WITH gone AS (DELETE FROM media_sends WHERE tenant = $2 AND fan_id = $1 RETURNING 1) SELECT count(*)::int AS deleted FROM gone`,
      [fanId, tenant],
    );
    await tx.query(`DELETE FROM media_send_events WHERE tenant = $2 AND fan_id = $1`, [fanId, tenant]);
    return { fan_id: fanId, deleted: row?.deleted ?? 0 };
  });
}

/** Drops idempotency keys older than `hours`; returns how many. */
export async function pruneEvents(db: Queryable, hours: number): Promise<number> {
  const [row] = await db.query<{ pruned: number }>(
    `WITH gone AS (DELETE FROM media_send_events WHERE created_at < now() - $1::int * interval '1 hour' RETURNING 1)
     SELECT count(*)::int AS pruned FROM gone`,
    [hours],
  );
  return row?.pruned ?? 0;
}
