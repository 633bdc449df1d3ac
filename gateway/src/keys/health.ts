/**
 * The API keys in `/monitoring/health`: the gateway adds an `api_keys` component (how many keys, from
 * where; `down` with the reason while a rejected keys file keeps the previous set) to the answer ops
 * gives, and a rejected file turns `healthy` into `degraded`. Never a key, never a digest.
 */
import type { HealthResponse } from "@sinhome/proto";
import type { KeysStatus } from "./key-ring.ts";

const decoder = new TextDecoder();
const encoder = new TextEncoder();

export function keysComponent(status: KeysStatus) {
  const where = status.source === "file" ? `GATEWAY_KEYS_FILE ${status.path}` : status.source === "env" ? "GATEWAY_API_KEYS" : "none (open)";
  return {
    name: "api_keys",
    status: status.error ? ("down" as const) : status.source === "none" ? ("not_configured" as const) : ("ok" as const),
    latency_ms: null,
    instances: status.keys,
    source: where,
    loaded_at: status.loaded_at,
    ...(status.error ? { error: status.error } : {}),
  };
}

/** The health answer with the keys component added (and `degraded` when the keys file was rejected). */
export function withKeysHealth(reply: Uint8Array, status: KeysStatus): Uint8Array {
  let health: HealthResponse;
  try {
    health = JSON.parse(decoder.decode(reply)) as HealthResponse;
  } catch {
    return reply;
  }
  if (!Array.isArray(health.components)) return reply;
  health.components.push(keysComponent(status));
  if (status.error && health.status === "healthy") health.status = "degraded";
  return encoder.encode(JSON.stringify(health));
}
