/**
 * Metrics of one process. Two views of the same events:
 * - Prometheus (`/metrics`) with stable names, for Grafana;
 * - a small counter snapshot per service instance, which the NATS `$SRV.STATS` answer carries
 *   so ops can sum `/monitoring/metrics` over every instance of every service.
 */
import { Gauge, Histogram, Registry, collectDefaultMetrics, type Counter as PromCounter, type LabelValues } from "prom-client";
// Every counter here is incremented on the request path: no label hashing per increment (fast-counter.ts).
import { FastCounter as Counter } from "./fast-counter.ts";
import { FastGauge } from "./fast-gauge.ts";
import type { MetricsSnapshot } from "@sinhome/proto";

export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: "sinhome_process_" });

const LATENCY_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120];

export const prom = {
  requests: new Counter({
    name: "sinhome_requests_total",
    help: "Requests handled, by service, endpoint and status code",
    labelNames: ["service", "endpoint", "status"] as const,
    registers: [registry],
  }),
  requestDuration: new Histogram({
    name: "sinhome_request_duration_seconds",
    help: "Time to handle a request, by service and endpoint",
    labelNames: ["service", "endpoint"] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  }),
  retries: new Counter({
    name: "sinhome_llm_retries_total",
    help: "LLM calls retried, by cause (refusal, cjk, duplicate, empty, safety, transport)",
    labelNames: ["cause"] as const,
    registers: [registry],
  }),
  llmRequests: new Counter({
    name: "sinhome_llm_requests_total",
    help: "LLM calls, by backend, model and outcome",
    labelNames: ["backend", "model", "outcome"] as const,
    registers: [registry],
  }),
  llmDuration: new Histogram({
    name: "sinhome_llm_request_duration_seconds",
    help: "Duration of one LLM call, by backend and model",
    labelNames: ["backend", "model"] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  }),
  llmTokens: new Counter({
    name: "sinhome_llm_tokens_total",
    help: "LLM tokens, by backend, model and type (input, output)",
    labelNames: ["backend", "model", "type"] as const,
    registers: [registry],
  }),
  fallbacks: new Counter({
    name: "sinhome_llm_fallbacks_total",
    help: "Requests answered by the fallback backend",
    labelNames: ["from", "to"] as const,
    registers: [registry],
  }),
  fallbackReplies: new Counter({
    name: "sinhome_fallback_replies_total",
    help: "v2 replies answered with the neutral fallback line (no backend could write one), by endpoint and cause",
    labelNames: ["endpoint", "cause"] as const,
    registers: [registry],
  }),
  circuitOpen: new Gauge({
    name: "sinhome_llm_circuit_open",
    help: "1 while the circuit breaker of a backend is open",
    labelNames: ["backend"] as const,
    registers: [registry],
  }),
  guard: new Counter({
    name: "sinhome_safety_deflections_total",
    help: "Fan messages answered by a safety rule instead of the LLM, by rule",
    labelNames: ["rule"] as const,
    registers: [registry],
  }),
  modelRoutes: new Counter({
    name: "sinhome_model_route_requests_total",
    help: "Persona requests per A/B arm of MODEL_ROUTES, by route and model",
    labelNames: ["route", "model"] as const,
    registers: [registry],
  }),
  scoringAi: new Counter({
    name: "sinhome_scoring_ai_total",
    help: "AI scoring calls (use_ai), by outcome (ok, ai_timeout, ai_unavailable, ai_parse_error)",
    labelNames: ["outcome"] as const,
    registers: [registry],
  }),
  replicaRequests: new Counter({
    name: "sinhome_llm_replica_requests_total",
    help: "LLM calls per replica of a backend (vLLM replicas by host:port), by outcome",
    labelNames: ["backend", "replica", "outcome"] as const,
    registers: [registry],
  }),
  replicaPromptTokens: new Counter({
    name: "sinhome_llm_replica_prompt_tokens_total",
    help: "Prompt tokens sent to each replica (with cached tokens: its prefix-cache hit ratio)",
    labelNames: ["backend", "replica"] as const,
    registers: [registry],
  }),
  replicaCachedTokens: new Counter({
    name: "sinhome_llm_replica_cached_tokens_total",
    help: "Prompt tokens each replica served from its prefix cache (usage.prompt_tokens_details.cached_tokens)",
    labelNames: ["backend", "replica"] as const,
    registers: [registry],
  }),
  replicaInFlight: new FastGauge({ // set twice per LLM call: no label hashing per set
    name: "sinhome_llm_replica_in_flight",
    help: "LLM calls in flight per replica (what bounded-load routing balances)",
    labelNames: ["backend", "replica"] as const,
    registers: [registry],
  }),
  usageTokens: new Counter({
    name: "sinhome_usage_tokens_total",
    help: "LLM tokens by API key name, endpoint, backend, model and type (prompt, cached, completion, retry)",
    labelNames: ["key", "endpoint", "backend", "model", "type"] as const,
    registers: [registry],
  }),
  usageCost: new Counter({
    name: "sinhome_usage_cost_usd_total",
    help: "Estimated LLM cost in USD (configured prices per million tokens), by API key name, endpoint, backend, model",
    labelNames: ["key", "endpoint", "backend", "model"] as const,
    registers: [registry],
  }),
  gatewayRequests: new Counter({
    name: "sinhome_gateway_requests_total",
    help: "HTTP requests at the gateway, by route and status",
    labelNames: ["method", "route", "status"] as const,
    registers: [registry],
  }),
  gatewayDuration: new Histogram({
    name: "sinhome_gateway_request_duration_seconds",
    help: "HTTP request duration at the gateway, by route",
    labelNames: ["method", "route"] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  }),
  gatewayResends: new Counter({
    name: "sinhome_gateway_resends_total",
    help: "Requests the gateway sent once more because the replica holding them stopped answering, by route",
    labelNames: ["method", "route"] as const,
    registers: [registry],
  }),
  auditEvents: new Counter({
    name: "sinhome_audit_events_total",
    help: "Audit events written (erasures, metrics resets, QA runs, key reloads), by action and outcome",
    labelNames: ["action", "outcome"] as const,
    registers: [registry],
  }),
  gatewayKeysReloads: new Counter({
    name: "sinhome_gateway_keys_reload_total",
    help: "Reads of a changed GATEWAY_KEYS_FILE, by outcome (ok = swapped in, rejected = previous keys kept)",
    labelNames: ["outcome"] as const,
    registers: [registry],
  }),
  gatewayKeysLoaded: new Gauge({
    name: "sinhome_gateway_keys_loaded",
    help: "API keys the gateway accepts right now",
    registers: [registry],
  }),
  rateLimitLocalChecks: new Counter({
    name: "sinhome_rate_limit_local_fallback_total",
    help: "Rate-limit checks decided by this gateway's local fallback because Redis was unreachable",
    registers: [registry],
  }),
};

export const RETRY_CAUSES = ["refusal", "cjk", "duplicate", "empty", "safety", "transport"] as const;
export type RetryCause = (typeof RETRY_CAUSES)[number];

/**
 * Exports a labelled counter at 0 for each of its known label sets, so that a panel (or an SLO ratio) shows 0
 * from the start instead of "No data" — which looks exactly like a misspelt metric — until the first event.
 */
export function zeroCounters<T extends string>(counter: PromCounter<T>, labelSets: readonly LabelValues<T>[]): void {
  for (const labels of labelSets) counter.inc(labels, 0);
}

/** The counters of one service instance, as reported in `$SRV.STATS` data. */
export class ServiceCounters {
  private snap: MetricsSnapshot = ServiceCounters.empty();
  private latencySumMs = 0;

  constructor(readonly service: string) {}

  static empty(): MetricsSnapshot {
    return {
      total_requests: 0,
      total_errors: 0,
      total_refusals_caught: 0,
      total_chinese_retries: 0,
      total_dup_retries: 0,
      total_guard_deflections: 0,
      total_fallbacks: 0,
      endpoint_counts: {},
      avg_latency_ms: 0,
      total_prompt_tokens: 0,
      total_completion_tokens: 0,
      model_route_counts: {},
    };
  }

  /** One handled request: counted here and in Prometheus. */
  request(endpoint: string, status: number, latencyMs: number): void {
    const s = this.snap;
    s.total_requests++;
    if (status >= 500) s.total_errors++;
    s.endpoint_counts[endpoint] = (s.endpoint_counts[endpoint] ?? 0) + 1;
    this.latencySumMs += latencyMs;
    prom.requests.inc({ service: this.service, endpoint, status: String(status) });
    prom.requestDuration.observe({ service: this.service, endpoint }, latencyMs / 1000);
  }

  retry(cause: RetryCause, n = 1): void {
    if (n <= 0) return;
    if (cause === "refusal") this.snap.total_refusals_caught += n;
    else if (cause === "cjk") this.snap.total_chinese_retries += n;
    else if (cause === "duplicate") this.snap.total_dup_retries += n;
    prom.retries.inc({ cause }, n);
  }

  /** A v2 reply that fell back to the neutral line; `cause` is the error code the reply carries. */
  fallback(endpoint: string, cause: string): void {
    this.snap.total_fallbacks++;
    prom.fallbackReplies.inc({ endpoint, cause });
  }

  guard(rule: string): void {
    this.snap.total_guard_deflections++;
    prom.guard.inc({ rule });
  }

  /** One persona request sent to an A/B arm. */
  modelRoute(route: string, model: string): void {
    const counts = (this.snap.model_route_counts ??= {});
    counts[route] = (counts[route] ?? 0) + 1;
    prom.modelRoutes.inc({ route, model });
  }

  tokens(backend: string, model: string, input: number, output: number): void {
    this.snap.total_prompt_tokens += input;
    this.snap.total_completion_tokens += output;
    prom.llmTokens.inc({ backend, model, type: "input" }, input);
    prom.llmTokens.inc({ backend, model, type: "output" }, output);
  }

  snapshot(): MetricsSnapshot {
    const s = this.snap;
    return { ...s, endpoint_counts: { ...s.endpoint_counts }, model_route_counts: { ...s.model_route_counts }, avg_latency_ms: s.total_requests ? this.latencySumMs / s.total_requests : 0 };
  }

  reset(): void {
    this.snap = ServiceCounters.empty();
    this.latencySumMs = 0;
  }
}

/** Sums the snapshots of many instances (avg latency weighted by request count). */
export function sumSnapshots(snaps: MetricsSnapshot[]): MetricsSnapshot {
  const out = ServiceCounters.empty();
  let latencySum = 0;
  for (const s of snaps) {
    out.total_requests += s.total_requests;
    out.total_errors += s.total_errors;
    out.total_refusals_caught += s.total_refusals_caught;
    out.total_chinese_retries += s.total_chinese_retries;
    out.total_dup_retries += s.total_dup_retries;
    out.total_guard_deflections += s.total_guard_deflections;
    out.total_fallbacks += s.total_fallbacks ?? 0;
    out.total_prompt_tokens += s.total_prompt_tokens;
    out.total_completion_tokens += s.total_completion_tokens;
    latencySum += s.avg_latency_ms * s.total_requests;
    for (const [k, v] of Object.entries(s.endpoint_counts)) out.endpoint_counts[k] = (out.endpoint_counts[k] ?? 0) + v;
    const routes = (out.model_route_counts ??= {});
    for (const [k, v] of Object.entries(s.model_route_counts ?? {})) routes[k] = (routes[k] ?? 0) + v;
  }
  out.avg_latency_ms = out.total_requests ? Math.round((latencySum / out.total_requests) * 100) / 100 : 0;
  out.instances = snaps.length;
  return out;
}
