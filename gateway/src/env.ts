/** Configuration of the gateway: parsed once at start; nothing else reads process.env. */
import { Type, type Static } from "@sinclair/typebox";
import { CommonEnv, ConfigError, ConversationLogEnv, parseEnv } from "@sinhome/runtime";
import { readFileSync } from "node:fs";
import { parseApiKeys } from "./auth.ts";
import { parseKeysFile } from "./keys/file.ts";
import { parseTrustedProxies } from "./client-address.ts";

export const GatewayEnv = Type.Object({
  ...CommonEnv,
  ...ConversationLogEnv,
  /** HTTP port of the gateway. */
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 8001 }),
  /** Interface to listen on. */
  HOST: Type.String({ default: "0.0.0.0" }),
  /**
   * Comma-separated API keys, each `key`, `name:key` or `name:key:limit` (requests per minute for
   * that key, 0 = unlimited); unset = open (development), with a warning at start. See auth.ts.
   */
  GATEWAY_API_KEYS: Type.Optional(Type.String()),
  /**
   * A YAML or JSON file of API keys with scopes, tenants, limits and expiry (a mounted Kubernetes Secret),
   * re-read when it changes; see gateway/src/keys/file.ts. Exclusive with GATEWAY_API_KEYS.
   */
  GATEWAY_KEYS_FILE: Type.Optional(Type.String({ minLength: 1 })),
  /** How often GATEWAY_KEYS_FILE is checked for a change (a Secret update is picked up within this). */
  GATEWAY_KEYS_POLL_MS: Type.Integer({ minimum: 50, maximum: 10_000, default: 2_000 }),
  /**
   * CIDRs (or addresses) of our own reverse proxies / ingress, comma-separated. Only a peer in these
   * ranges may name the client with X-Forwarded-For; unset = trust nobody, the socket address is the client.
   */
  TRUSTED_PROXIES: Type.Optional(Type.String()),
  /** Redis for rate limits and idempotency keys; unset = in memory (one gateway replica only). */
  REDIS_URL: Type.Optional(Type.String({ pattern: "^rediss?://" })),
  /** Largest accepted request body, in bytes (SPEC: 1 MiB). */
  MAX_BODY_BYTES: Type.Integer({ minimum: 1024, maximum: 16 * 1024 * 1024, default: 1024 * 1024 }),
  /**
   * Requests per minute per API key without its own limit (or per client address when open); 0 = no
   * limit. 6000 (100/s) is over three times the peak of one busy CRM (10–30 messages/s across its
   * creators): a CRM never meets it in normal work, a runaway loop or a flood still does.
   */
  RATE_LIMIT_PER_MINUTE: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 6000 }),
  /** Bus timeout of short requests (media, ops reads). */
  SHORT_TIMEOUT_MS: Type.Integer({ minimum: 100, maximum: 120_000, default: 5_000 }),
  /** Bus timeout of scoring and embeddings (the AI scoring call alone may take SCORING_AI_TIMEOUT_MS). */
  SCORING_TIMEOUT_MS: Type.Integer({ minimum: 100, maximum: 300_000, default: 15_000 }),
  /**
   * The embeddings call's own timeout (the same variable chat reads): the gateway waits this plus a
   * margin on /encode and /encode_batch, so it never gives up before chat does.
   */
  EMBEDDINGS_TIMEOUT_MS: Type.Integer({ minimum: 100, maximum: 600_000, default: 30_000 }),
  /** Bus timeout of QA runs and bulk scoring. */
  QA_TIMEOUT_MS: Type.Integer({ minimum: 1000, maximum: 900_000, default: 300_000 }),
  /** Longest silence of a running /v1/chat/completions stream before it is failed (chat pings every second; a dead replica is noticed this fast). */
  STREAM_IDLE_TIMEOUT_MS: Type.Integer({ minimum: 3000, maximum: 600_000, default: 10_000 }),
  /** Most concurrent /logs/stream clients. */
  MAX_LOG_STREAMS: Type.Integer({ minimum: 0, maximum: 10_000, default: 50 }),
});
export type GatewayEnv = Static<typeof GatewayEnv>;

export function parseGatewayEnv(source?: Record<string, string | undefined>): GatewayEnv {
  const env = parseEnv(GatewayEnv, source);
  const problems = [...parseApiKeys(env.GATEWAY_API_KEYS).problems, ...keysFileProblems(env), ...parseTrustedProxies(env.TRUSTED_PROXIES).problems];
  if (problems.length) throw new ConfigError(problems);
  return env;
}

/** A keys file must be readable and valid at start (there is no previous set to fall back on). */
function keysFileProblems(env: GatewayEnv): string[] {
  if (!env.GATEWAY_KEYS_FILE) return [];
  if (env.GATEWAY_API_KEYS) return ["set GATEWAY_KEYS_FILE or GATEWAY_API_KEYS, not both"];
  let text: string;
  try {
    text = readFileSync(env.GATEWAY_KEYS_FILE, "utf8");
  } catch (e) {
    return [`GATEWAY_KEYS_FILE ${env.GATEWAY_KEYS_FILE}: cannot read it (${(e as { code?: string }).code ?? "error"})`];
  }
  return parseKeysFile(text).problems.map((p) => `GATEWAY_KEYS_FILE ${env.GATEWAY_KEYS_FILE}: ${p}`);
}
