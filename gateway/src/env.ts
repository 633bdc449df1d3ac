/** Configuration of the gateway: parsed once at start; nothing else reads process.env. */
import { Type, type Static } from "@sinclair/typebox";
import { CommonEnv, parseEnv } from "@sinhome/runtime";

export const GatewayEnv = Type.Object({
  ...CommonEnv,
  /** HTTP port of the gateway. */
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 8001 }),
  /** Interface to listen on. */
  HOST: Type.String({ default: "0.0.0.0" }),
  /** Comma-separated API keys; unset = open (development), with a warning at start. */
  GATEWAY_API_KEYS: Type.Optional(Type.String()),
  /** Redis for rate limits and idempotency keys; unset = in memory (one gateway replica only). */
  REDIS_URL: Type.Optional(Type.String({ pattern: "^rediss?://" })),
  /** Largest accepted request body, in bytes (SPEC: 1 MiB). */
  MAX_BODY_BYTES: Type.Integer({ minimum: 1024, maximum: 16 * 1024 * 1024, default: 1024 * 1024 }),
  /** Requests per minute per API key (or per client address when open); 0 = no limit. */
  RATE_LIMIT_PER_MINUTE: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 600 }),
  /** Bus timeout of short requests (media, ops reads). */
  SHORT_TIMEOUT_MS: Type.Integer({ minimum: 100, maximum: 120_000, default: 5_000 }),
  /** Bus timeout of scoring and embeddings (the AI scoring call alone may take SCORING_AI_TIMEOUT_MS). */
  SCORING_TIMEOUT_MS: Type.Integer({ minimum: 100, maximum: 300_000, default: 15_000 }),
  /** Bus timeout of QA runs and bulk scoring. */
  QA_TIMEOUT_MS: Type.Integer({ minimum: 1000, maximum: 900_000, default: 300_000 }),
  /** Longest silence of a running /v1/chat/completions stream before it is failed (chat pings every 5 s). */
  STREAM_IDLE_TIMEOUT_MS: Type.Integer({ minimum: 1000, maximum: 600_000, default: 30_000 }),
  /** Most concurrent /logs/stream clients. */
  MAX_LOG_STREAMS: Type.Integer({ minimum: 0, maximum: 10_000, default: 50 }),
});
export type GatewayEnv = Static<typeof GatewayEnv>;

export const parseGatewayEnv = (source?: Record<string, string | undefined>): GatewayEnv => parseEnv(GatewayEnv, source);
