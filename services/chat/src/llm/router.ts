/**
 * Which backend answers an LLM call, within one deadline: the primary (vLLM — one or several replicas,
 * routed by persona, see replicas.ts — or the simulator in all-in-one mode) with bounded transport
 * retries (a retry goes to another replica when there is one), then Grok as fallback, each replica
 * behind its circuit breaker. Time rules are in `budget.ts`: every attempt's timeout is min(LLM_TIMEOUT_MS, time left),
 * and the primary always leaves the fallback its reserve. Content problems (refusal, CJK, duplicates)
 * are not handled here: the caller inspects the text and calls again if it wants another candidate.
 */
import { AppError } from "@sinhome/proto";
import { prom, zeroCounters, type Logger } from "@sinhome/runtime";
import type { ChatEnv } from "../env.ts";
import { MIN_FIRST_ATTEMPT_MS, attemptTimeout, backoffDelay, minUsefulAttempt, primaryEnd } from "./budget.ts";
import type { CircuitBreaker } from "./breaker.ts";
import type { BackendName, ChatResult, LlmMessage, ResponseFormat, Usage } from "./client.ts";
import { Embedder, type EmbedResult } from "./embedder.ts";
import { LlmFailure } from "./failure.ts";
import { llmSlotRefusals } from "./metrics.ts";
import { ReplicaPool } from "./replicas.ts";
import { SlotUnavailable } from "./slots.ts";
import { DnsDiscovery, type Resolver } from "./discovery.ts";
import { probeBackends, type BackendStatus } from "./probe.ts";

export type { BackendStatus } from "./probe.ts";

export type CompletionCall = {
  messages: LlmMessage[];
  maxTokens?: number;
  temperature?: number;
  responseFormat?: ResponseFormat;
  /** `auto` = primary then fallback; `vllm` = the primary only; `grok` = Grok only (/grok_chat). */
  backend?: "auto" | "vllm" | "grok";
  /** Epoch ms: the whole request's deadline, shared by attempts, retries and fallback. */
  deadline: number;
  /** Exactly one HTTP call: no retry, no fallback (the scoring AI call). */
  noRetry?: boolean;
  /** Overrides LLM_TIMEOUT_MS for this call's attempts. */
  timeoutMs?: number;
  /** Aborts the call (client gone, shutdown); no retry or fallback follows. */
  signal?: AbortSignal;
  /** Replica affinity (calls with one key share a replica's prefix cache); default: the system prompt. */
  affinityKey?: string;
};

export type CompletionResult = {
  text: string;
  backend: BackendName;
  model: string;
  usage: Usage;
  finishReason: string;
  /** Attempts re-sent after a transport failure, all backends together. */
  transportRetries: number;
  fallbackUsed: boolean;
  latencyMs: number;
  /** `host:port` of the replica that answered. */
  replica: string;
};


export type RouterEnv = Pick<
  ChatEnv,
  | "VLLM_BASE_URL" | "VLLM_MODEL_NAME" | "VLLM_API_KEY" | "GROK_BASE_URL" | "GROK_API_KEY" | "GROK_MODEL" | "LLM_FALLBACK"
  | "LLM_TIMEOUT_MS" | "LLM_TRANSPORT_RETRIES" | "LLM_BREAKER_THRESHOLD" | "LLM_BREAKER_COOLDOWN_MS"
  | "LLM_FALLBACK_RESERVE_MS" | "LLM_RETRY_BASE_MS" | "VLLM_DISCOVERY" | "VLLM_DISCOVERY_INTERVAL_MS" | "VLLM_ROUTING" | "VLLM_LOAD_FACTOR"
  | "VLLM_MAX_IN_FLIGHT" | "LLM_QUEUE_MAX"
  | "EMBEDDINGS_BASE_URL" | "EMBEDDINGS_API_KEY" | "EMBEDDINGS_MODELS" | "EMBEDDINGS_TIMEOUT_MS"
>;

export type RouterOptions = {
  /** Base URL (with /v1) of the simulator to use when VLLM_BASE_URL is unset (all-in-one mode). */
  simulatorUrl?: string;
  /** Model name sent to the simulator. */
  simulatorModel?: string;
  now?: () => number;
  random?: () => number;
  /** DNS resolver for VLLM_DISCOVERY (tests inject one). */
  resolver?: Resolver;
  log?: Logger;
};

type Attempted = { ok: true; result: ChatResult; retries: number; replica: string } | { ok: false; failure: LlmFailure; retries: number };

/** The comma-separated `VLLM_BASE_URL` as a list. */
export const baseUrls = (value: string | undefined): string[] => (value ?? "").split(",").map((u) => u.trim()).filter(Boolean);

/** The replica for a call: by its affinity key, else by the system prompt (static prefix + persona). */
const affinityOf = (call: CompletionCall): string | undefined =>
  call.affinityKey ?? (call.messages[0]?.role === "system" ? call.messages[0].content : undefined);

export class LlmRouter {
  readonly primary?: ReplicaPool;
  readonly grok?: ReplicaPool;
  /** Re-resolves the vLLM replicas when VLLM_DISCOVERY is set. */
  readonly discovery?: DnsDiscovery;
  private readonly embedder: Embedder;
  private readonly now: () => number;
  private readonly random: () => number;

  constructor(
    private readonly env: RouterEnv,
    options: RouterOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
    const pool = (name: BackendName, model: string, apiKey: string | undefined, urls: string[], replicated = urls.length > 1) =>
      new ReplicaPool({
        name, model, apiKey,
        breaker: { threshold: env.LLM_BREAKER_THRESHOLD, cooldownMs: env.LLM_BREAKER_COOLDOWN_MS, now: this.now },
        loadFactor: env.VLLM_LOAD_FACTOR ?? 1.25,
        routing: env.VLLM_ROUTING ?? "affinity",
        random: this.random,
        // Grok is a shared cloud API with its own limits (429 + Retry-After): no local slot limit there.
        maxInFlight: name === "grok" ? 0 : env.VLLM_MAX_IN_FLIGHT ?? 0,
        maxQueued: env.LLM_QUEUE_MAX ?? 1024,
      }, urls, replicated);
    if (env.VLLM_DISCOVERY) {
      // Members come from DNS (discovery.ts); empty until the first resolution.
      this.primary = pool("vllm", env.VLLM_MODEL_NAME, env.VLLM_API_KEY, [], true);
      this.discovery = new DnsDiscovery(env.VLLM_DISCOVERY, this.primary, {
        intervalMs: env.VLLM_DISCOVERY_INTERVAL_MS ?? 10_000, resolver: options.resolver, log: options.log,
      });
    } else if (env.VLLM_BASE_URL) {
      this.primary = pool("vllm", env.VLLM_MODEL_NAME, env.VLLM_API_KEY, baseUrls(env.VLLM_BASE_URL));
    } else if (options.simulatorUrl) {
      this.primary = pool("simulator", options.simulatorModel ?? "sinhome-simulator", undefined, [options.simulatorUrl]);
    }
    if (env.GROK_API_KEY) this.grok = pool("grok", env.GROK_MODEL, env.GROK_API_KEY, [env.GROK_BASE_URL]);
    const fallback = this.fallback();
    if (this.primary && fallback) zeroCounters(prom.fallbacks, [{ from: this.primary.name, to: fallback.name }]);
    this.embedder = new Embedder(env);
  }

  /** Resolves the replicas once (VLLM_DISCOVERY) and keeps re-resolving them. */
  async start(): Promise<void> {
    await this.discovery?.start();
  }

  close(): void {
    this.discovery?.stop();
  }

  /** What answers by default, for /monitoring/health. */
  describe(): { llmBackend: BackendName | "none"; modelName: string } {
    const main = this.primary ?? this.fallback();
    return { llmBackend: main?.name ?? "none", modelName: main?.model ?? "" };
  }

  /** The breaker of a backend's first replica (single-URL backends have exactly one). */
  breaker(name: BackendName): CircuitBreaker | undefined {
    return [this.primary, this.grok].find((p) => p?.name === name)?.replicas[0]?.breaker;
  }

  async complete(call: CompletionCall): Promise<CompletionResult> {
    const started = this.now();
    const plan = this.plan(call.backend ?? "auto").slice(0, call.noRetry ? 1 : undefined);
    const maxRetries = call.noRetry ? 0 : this.env.LLM_TRANSPORT_RETRIES;
    let retries = 0;
    let last: LlmFailure | undefined;
    for (const [i, client] of plan.entries()) {
      const next = plan[i + 1];
      const fallbackWaiting = next !== undefined && next.replicas.some((r) => r.breaker.available);
      const end = primaryEnd(this.now(), call.deadline, this.env.LLM_FALLBACK_RESERVE_MS, fallbackWaiting);
      const attempted = await this.attempt(client, call, end, maxRetries);
      retries += attempted.retries;
      if (attempted.ok) {
        const fallbackUsed = i > 0;
        if (fallbackUsed) prom.fallbacks.inc({ from: plan[0]?.name ?? "none", to: client.name });
        const { text, model, usage, finishReason } = attempted.result;
        return {
          text, backend: client.name, model, usage, finishReason, transportRetries: retries, fallbackUsed,
          latencyMs: this.now() - started, replica: attempted.replica,
        };
      }
      last = attempted.failure;
      if (last.kind === "aborted") break;
    }
    throw finalError(last);
  }

  /**
   * Probes every replica of the primary (or says it is not configured) and Grok, concurrently: `GET /models`
   * each. A replicated primary is listed as a whole (`ok` when any replica is) and then replica by replica.
   */
  async status(timeoutMs = 10_000): Promise<BackendStatus[]> {
    return probeBackends(this.primary, this.grok, this.discovery !== undefined, timeoutMs);
  }

  embed(texts: string[], alias: string, signal?: AbortSignal): Promise<EmbedResult> {
    return this.embedder.embed(texts, alias, signal);
  }

  private fallback(): ReplicaPool | undefined {
    return this.env.LLM_FALLBACK === "grok" ? this.grok : undefined;
  }

  private plan(backend: "auto" | "vllm" | "grok"): ReplicaPool[] {
    if (backend === "grok") {
      if (!this.grok) throw new AppError("llm_unavailable", "Grok is not configured");
      return [this.grok];
    }
    if (backend === "vllm") {
      if (!this.primary) throw new AppError("llm_unavailable", "vLLM is not configured");
      return [this.primary];
    }
    const plan = [this.primary, this.fallback()].filter((c): c is ReplicaPool => c !== undefined);
    if (plan.length === 0) throw new AppError("llm_unavailable", "no LLM backend is configured");
    return plan;
  }

  /**
   * One backend: attempts until success, a non-retryable failure, the retry limit, or `end`. Each attempt
   * picks a replica (by affinity, bounded load, breakers); a replica that failed this call is not picked
   * again while another one is usable, and a retry on another replica does not wait a backoff.
   */
  private async attempt(pool: ReplicaPool, call: CompletionCall, end: number, maxRetries: number): Promise<Attempted> {
    const timeoutMs = call.timeoutMs ?? this.env.LLM_TIMEOUT_MS;
    const affinity = affinityOf(call);
    const tried = new Set<string>();
    let last: LlmFailure | undefined;
    for (let retry = 0; ; retry++) {
      const timeout = attemptTimeout(this.now(), end, timeoutMs);
      if (timeout < (retry === 0 ? MIN_FIRST_ATTEMPT_MS : minUsefulAttempt(timeoutMs))) {
        return { ok: false, failure: last ?? new LlmFailure("timeout", `${pool.name}: no time left before the deadline`), retries: retry };
      }
      const replica = pool.pick(affinity, tried);
      if (!replica || !replica.breaker.tryAcquire()) {
        return { ok: false, failure: last ?? new LlmFailure("circuit_open", `${pool.name}: circuit breaker open`), retries: retry };
      }
      let release: () => void;
      try {
        // The call must start while a useful attempt still fits before `end`; a wait past that is refused now.
        release = await replica.slots.acquire(end - minUsefulAttempt(timeoutMs), call.signal);
      } catch (e) {
        replica.breaker.release();
        const reason = e instanceof SlotUnavailable ? e.reason : "aborted";
        llmSlotRefusals.inc({ backend: pool.name, replica: replica.id, reason });
        if (reason === "aborted") return { ok: false, failure: new LlmFailure("aborted", `${pool.name}: call aborted by the caller`), retries: retry };
        last = new LlmFailure("overloaded", `${pool.name}: no free slot on ${replica.id} (${reason.replaceAll("_", " ")})`);
        tried.add(replica.id);
        if (!pool.replicas.some((r) => !tried.has(r.id) && r.breaker.available)) return { ok: false, failure: last, retries: retry };
        retry--; // another replica with room: not a transport retry
        continue;
      }
      replica.inFlight++;
      prom.replicaInFlight.set({ backend: pool.name, replica: replica.id }, replica.inFlight);
      try {
        const { messages, maxTokens, temperature, responseFormat, signal } = call;
        const result = await replica.client.chat({ messages, maxTokens, temperature, responseFormat, signal, timeoutMs: timeout });
        replica.breaker.success();
        recordReplica(pool.name, replica.id, "ok", result.usage);
        return { ok: true, result, retries: retry, replica: replica.id };
      } catch (e) {
        const failure = e instanceof LlmFailure ? e : new LlmFailure("malformed", `${pool.name}: unexpected failure`);
        recordReplica(pool.name, replica.id, failure.kind);
        if (failure.kind === "client" || failure.kind === "aborted") replica.breaker.release();
        // A refused connection is a dead pod: when another replica can take its personas, move them now.
        else if (failure.kind === "connection" && pool.othersAvailable(replica.id) > 0) replica.breaker.trip();
        else replica.breaker.failure();
        tried.add(replica.id);
        last = failure;
        if (!failure.retryable || retry >= maxRetries) return { ok: false, failure, retries: retry };
        const elsewhere = pool.replicas.some((r) => !tried.has(r.id) && r.breaker.available);
        const delay = elsewhere ? 0 : backoffDelay(retry, this.env.LLM_RETRY_BASE_MS, this.random, failure.retryAfterMs);
        // A wait that would not leave a useful attempt (e.g. a long Retry-After) is not waited: fall back now.
        if (this.now() + delay + minUsefulAttempt(timeoutMs) > end) return { ok: false, failure, retries: retry };
        if (delay > 0 && (await sleep(delay, call.signal))) {
          return { ok: false, failure: new LlmFailure("aborted", `${pool.name}: call aborted by the caller`), retries: retry };
        }
      } finally {
        release();
        replica.inFlight--;
        prom.replicaInFlight.set({ backend: pool.name, replica: replica.id }, replica.inFlight);
      }
    }
  }
}

/** Per-replica counters: calls by outcome, and prompt / cached tokens (the prefix-cache hit ratio). */
function recordReplica(backend: string, replica: string, outcome: string, usage?: Usage): void {
  prom.replicaRequests.inc({ backend, replica, outcome });
  if (!usage) return;
  prom.replicaPromptTokens.inc({ backend, replica }, usage.prompt_tokens);
  prom.replicaCachedTokens.inc({ backend, replica }, usage.cached_tokens);
}

/** Waits `ms`; resolves true early if `signal` aborts. */
function sleep(ms: number, signal?: AbortSignal): Promise<boolean> {
  if (signal?.aborted) return Promise.resolve(true);
  return new Promise((resolve) => {
    const onAbort = () => {
      clearTimeout(timer);
      resolve(true);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve(false);
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * The error the caller sees once every backend failed: `llm_timeout` when the last failure was a
 * timeout (or no time was left), `llm_error` when a backend answered but unusably (4xx, malformed
 * body), `llm_unavailable` otherwise (unreachable, 5xx, 429, breaker open, aborted).
 */
function finalError(last: LlmFailure | undefined): AppError {
  if (!last) return new AppError("llm_unavailable", "no LLM backend could be tried");
  const code = last.kind === "timeout" ? "llm_timeout" : last.kind === "client" || last.kind === "malformed" ? "llm_error" : "llm_unavailable";
  // The caller sees the kind and status only: an upstream error body may quote the prompt (fan texts).
  // The full message stays on the cause, for the service's own logs.
  const status = last.status !== undefined ? ` (HTTP ${last.status})` : "";
  return new AppError(code, `the LLM call failed: ${last.kind.replaceAll("_", " ")}${status}`, [], { cause: last });
}
