/**
 * Read side of duplicate detection: `POST /media/check_duplicates` and `POST /media/recommend`.
 *
 * A media is a duplicate for a fan when its id was sent to that fan, or when its content hash
 * matches content the fan already received (the same file re-uploaded under a new id). The hash
 * of a media is the one given in the request (recommend) or, failing that, the one the content
 * catalogue learnt from the first send that reported it (any fan). `check_duplicates` carries ids
 * only, so it relies on the catalogue: a re-upload is recognised once any send reported its hash.
 */
import type { AvailableMedia, MediaCheckRequest, MediaCheckResponse, MediaRecommendRequest, MediaRecommendResponse } from "@sinhome/proto";
import type { Queryable } from "../store/types.ts";

/** What the database knows about one fan and a set of candidate media. */
export type SentState = {
  /** Candidate ids already sent to the fan. */
  sentIds: ReadonlySet<string>;
  /** Content hashes (of candidates) the fan already received under any id. */
  sentHashes: ReadonlySet<string>;
  /** Catalogue hash of each candidate id that has one. */
  catalog: ReadonlyMap<string, string>;
};

/**
 * One round trip: primary-key probes for the ids, catalogue probes for their hashes, and one
 * (fan_id, content_hash) index probe per distinct hash.
 */
export const SENT_STATE_SQL = `
WITH catalog AS (
  SELECT media_id, content_hash FROM media_contents WHERE tenant = $4 AND media_id = ANY($2::text[])
), hashes AS (
  SELECT content_hash FROM catalog UNION SELECT unnest($3::text[])
)
SELECT 'id' AS kind, s.media_id, NULL::text AS content_hash
  FROM media_sends s WHERE s.tenant = $4 AND s.fan_id = $1 AND s.media_id = ANY($2::text[])
UNION ALL
SELECT 'catalog', c.media_id, c.content_hash FROM catalog c
UNION ALL
SELECT 'hash', NULL, h.content_hash FROM hashes h
 WHERE EXISTS (SELECT 1 FROM media_sends s WHERE s.tenant = $4 AND s.fan_id = $1 AND s.content_hash = h.content_hash)`;

type StateRow = { kind: "id" | "catalog" | "hash"; media_id: string | null; content_hash: string | null };

/** What one fan of one tenant (`""` = the default tenant) already has. */
export async function loadSentState(db: Queryable, fanId: string, ids: readonly string[], hashes: readonly string[] = [], tenant = ""): Promise<SentState> {
  const sentIds = new Set<string>();
  const sentHashes = new Set<string>();
  const catalog = new Map<string, string>();
  if (ids.length === 0) return { sentIds, sentHashes, catalog };
  const rows = await db.query<StateRow>(SENT_STATE_SQL, [fanId, [...new Set(ids)], [...new Set(hashes)], tenant]);
  for (const r of rows) {
    if (r.kind === "id" && r.media_id !== null) sentIds.add(r.media_id);
    else if (r.kind === "catalog" && r.media_id !== null && r.content_hash !== null) catalog.set(r.media_id, r.content_hash);
    else if (r.kind === "hash" && r.content_hash !== null) sentHashes.add(r.content_hash);
  }
  return { sentIds, sentHashes, catalog };
}

/** The hash a candidate is judged by: the caller's, else the catalogue's. */
const hashOf = (state: SentState, id: string, given?: string): string | undefined => given ?? state.catalog.get(id);

export function isDuplicate(state: SentState, id: string, givenHash?: string): boolean {
  if (state.sentIds.has(id)) return true;
  const hash = hashOf(state, id, givenHash);
  return hash !== undefined && state.sentHashes.has(hash);
}

/** Splits `media_ids` into duplicates and safe ones, each list in input order. */
export async function checkDuplicates(db: Queryable, req: MediaCheckRequest, tenant = ""): Promise<MediaCheckResponse> {
  const state = await loadSentState(db, req.fan_id, req.media_ids, [], tenant);
  const duplicates: string[] = [];
  const safe: string[] = [];
  for (const id of req.media_ids) (isDuplicate(state, id) ? duplicates : safe).push(id);
  return { duplicates, safe_to_send: safe };
}

export const DEFAULT_MAX_RESULTS = 3;

/**
 * Pure ranking. Candidates already sent (by id or content) are excluded; the rest are sorted by
 * `priority` (missing = 0) highest first, ties keeping input order. A candidate repeating the id
 * or the content of a better-ranked one is excluded too, so the CRM is never told to send the
 * same content twice in one batch. `excluded_count` counts every exclusion; candidates merely
 * cut by `max_results` are not excluded.
 */
export function rankRecommendations(available: readonly AvailableMedia[], state: SentState, maxResults = DEFAULT_MAX_RESULTS): MediaRecommendResponse {
  const fresh = available
    .map((media, index) => ({ media, index }))
    .filter(({ media }) => !isDuplicate(state, media.media_id, media.content_hash))
    .sort((a, b) => (b.media.priority ?? 0) - (a.media.priority ?? 0) || a.index - b.index);
  const seenIds = new Set<string>();
  const seenHashes = new Set<string>();
  const unique: AvailableMedia[] = [];
  for (const { media } of fresh) {
    const hash = hashOf(state, media.media_id, media.content_hash);
    if (seenIds.has(media.media_id) || (hash !== undefined && seenHashes.has(hash))) continue;
    seenIds.add(media.media_id);
    if (hash !== undefined) seenHashes.add(hash);
    unique.push(media);
  }
  return { recommended: unique.slice(0, maxResults), excluded_count: available.length - unique.length };
}

export async function recommend(db: Queryable, req: MediaRecommendRequest, tenant = ""): Promise<MediaRecommendResponse> {
  const ids = req.available_media.map((m) => m.media_id);
  const hashes = req.available_media.flatMap((m) => (m.content_hash === undefined ? [] : [m.content_hash]));
  const state = await loadSentState(db, req.fan_id, ids, hashes, tenant);
  return rankRecommendations(req.available_media, state, req.max_results ?? DEFAULT_MAX_RESULTS);
}
