/**
 * Reachability of the LLM backends for health: `GET /models` on every replica of the primary and on Grok,
 * concurrently. A replicated primary is reported as a whole (`ok` while any replica is) and then replica by
 * replica (`vllm@10.0.0.7:8000`), so one replica down shows as `degraded`, all of them as `unhealthy`.
 */
import { LlmFailure } from "./failure.ts";
import type { Replica, ReplicaPool } from "./replicas.ts";

export type BackendStatus = {
  /** A backend (`vllm`, `grok`, `simulator`) or one replica of it (`vllm@10.0.0.7:8000`). */
  name: string;
  status: "ok" | "down" | "not_configured";
  latency_ms: number | null;
  error?: string;
  models?: string[];
};

async function probe(name: string, timeoutMs: number, replica?: Replica): Promise<BackendStatus> {
  if (!replica) return { name, status: "not_configured", latency_ms: null };
  const started = performance.now();
  try {
    const models = await replica.client.listModels(timeoutMs);
    return { name, status: "ok", latency_ms: Math.round(performance.now() - started), models };
  } catch (e) {
    const error = e instanceof LlmFailure ? e.message : "probe failed";
    return { name, status: "down", latency_ms: Math.round(performance.now() - started), error };
  }
}

export async function probeBackends(primary: ReplicaPool | undefined, grok: ReplicaPool | undefined, discovered: boolean, timeoutMs: number): Promise<BackendStatus[]> {
  const grokStatus = probe("grok", timeoutMs, grok?.replicas[0]);
  if (!primary || (primary.replicas.length <= 1 && !discovered)) {
    return Promise.all([probe(primary?.name ?? "vllm", timeoutMs, primary?.replicas[0]), grokStatus]);
  }
  const replicas = await Promise.all(primary.replicas.map((r) => probe(`${primary.name}@${r.id}`, timeoutMs, r)));
  const up = replicas.filter((r) => r.status === "ok");
  const whole: BackendStatus = up.length > 0
    ? { name: primary.name, status: "ok", latency_ms: Math.min(...up.map((r) => r.latency_ms ?? 0)), models: up[0]?.models }
    : { name: primary.name, status: "down", latency_ms: null, error: replicas.length ? "every replica is down" : "no replica discovered" };
  return [whole, await grokStatus, ...replicas];
}
