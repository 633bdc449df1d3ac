/** Configuration of the media service: parsed once at start; nothing else reads process.env. */
import { Type, type Static } from "@sinclair/typebox";
import { CommonEnv, parseEnv } from "@sinhome/runtime";

export const MediaEnv = Type.Object({
  ...CommonEnv,
  /** PostgreSQL for media tracking; unset = embedded PGlite under DATA_DIR. */
  DATABASE_URL: Type.Optional(Type.String({ pattern: "^postgres(ql)?://" })),
  /** Where the embedded database lives (PGlite files in `<DATA_DIR>/media`, lock in `<DATA_DIR>/media.lock`). */
  DATA_DIR: Type.String({ default: "./data" }),
  /** Connections in the PostgreSQL pool. */
  DATABASE_POOL_SIZE: Type.Integer({ minimum: 1, maximum: 100, default: 10 }),
  /** Longest a single media query may run on PostgreSQL before the server cancels it (the import is the slow one). */
  DATABASE_STATEMENT_TIMEOUT_MS: Type.Integer({ minimum: 100, maximum: 600_000, default: 15_000 }),
  /** Most items a history answer lists (newest first); `total` always counts them all. */
  MEDIA_HISTORY_LIMIT: Type.Integer({ minimum: 1, maximum: 100_000, default: 10_000 }),
  /** How long an `event_id` / Idempotency-Key is remembered; a retry later than this counts again. */
  MEDIA_EVENT_RETENTION_HOURS: Type.Integer({ minimum: 1, maximum: 8760, default: 168 }),
});
export type MediaEnv = Static<typeof MediaEnv>;

export const parseMediaEnv = (source?: Record<string, string | undefined>): MediaEnv => parseEnv(MediaEnv, source);
