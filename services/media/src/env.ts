/** Configuration of the media service: parsed once at start; nothing else reads process.env. */
import { Type, type Static } from "@sinclair/typebox";
import { CommonEnv, parseEnv } from "@sinhome/runtime";

export const MediaEnv = Type.Object({
  ...CommonEnv,
  /** PostgreSQL for media tracking; unset = embedded PGlite under DATA_DIR. */
  DATABASE_URL: Type.Optional(Type.String({ pattern: "^postgres(ql)?://" })),
  /** Where the embedded database lives. */
  DATA_DIR: Type.String({ default: "./data" }),
  /** Connections in the PostgreSQL pool. */
  DATABASE_POOL_SIZE: Type.Integer({ minimum: 1, maximum: 100, default: 10 }),
});
export type MediaEnv = Static<typeof MediaEnv>;

export const parseMediaEnv = (source?: Record<string, string | undefined>): MediaEnv => parseEnv(MediaEnv, source);
