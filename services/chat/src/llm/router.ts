/**
 * Which backend answers an LLM call, within one deadline: the primary (vLLM, or the simulator in
 * all-in-one mode) with bounded transport retries, then Grok as fallback, each behind its circuit
 * breaker. Time rules are in `budget.ts`: every attempt's timeout is min(LLM_TIMEOUT_MS, time left),
 * and the primary always leaves the fallback its reserve. Content problems (refusal, CJK, duplicates)
 * are not handled here: the caller inspects the text and calls again if it wants another candidate.
 */
import { AppError } from "@sinhome/proto";
import { prom } from "@sinhome/runtime";
import type { ChatEnv } from "../env.ts";
import { MIN_FIRST_ATTEMPT_MS, attemptTimeout, backoffDelay, minUsefulAttempt, primaryEnd } from "./budget.ts";
import { CircuitBreaker } from "./breaker.ts";
import { OpenAiClient, type BackendName, type ChatResult, type LlmMessage, type ResponseFormat, type Usage } from "./client.ts";
import { Embedder, type EmbedResult } from "./embedder.ts";
import { LlmFailure } from "./failure.ts";

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
};

export type BackendStatus = {
  name: BackendName;
  status: "ok" | "down" | "not_configured";
  latency_ms: number | null;
  error?: string;
  models?: string[];
};

export type RouterEnv = Pick<
  ChatEnv,
  | "VLLM_BASE_URL" | "VLLM_MODEL_NAME" | "VLLM_API_KEY" | "GROK_BASE_URL" | "GROK_API_KEY" | "GROK_MODEL" | "LLM_FALLBACK"
  | "LLM_TIMEOUT_MS" | "LLM_TRANSPORT_RETRIES" | "LLM_BREAKER_THRESHOLD" | "LLM_BREAKER_COOLDOWN_MS"
  | "LLM_FALLBACK_RESERVE_MS" | "LLM_RETRY_BASE_MS"
  | "EMBEDDINGS_BASE_URL" | "EMBEDDINGS_API_KEY" | "EMBEDDINGS_MODELS" | "EMBEDDINGS_TIMEOUT_MS"
>;

export type RouterOptions = {
  /** Base URL (with /v1) of the simulator to use when VLLM_BASE_URL is unset (all-in-one mode). */
  simulatorUrl?: string;
  /** Model name sent to the simulator. */
  simulatorModel?: string;
  now?: () => number;
  random?: () => number;
};

type Attempted = { ok: true; result: ChatResult; retries: number } | { ok: false; failure: LlmFailure; retries: number };

export class LlmRouter {
  readonly primary?: OpenAiClient;
  readonly grok?: OpenAiClient;
  private readonly breakers = new Map<BackendName, CircuitBreaker>();
  private readonly embedder: Embedder;
  private readonly now: () => number;
  private readonly random: () => number;

  constructor(
    private readonly env: RouterEnv,
    options: RouterOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
    if (env.VLLM_BASE_URL) {
      this.primary = new OpenAiClient({ name: "vllm", baseUrl: env.VLLM_BASE_URL, apiKey: env.VLLM_API_KEY, model: env.VLLM_MODEL_NAME });
    } else if (options.simulatorUrl) {
      this.primary = new OpenAiClient({ name: "simulator", baseUrl: options.simulatorUrl, model: options.simulatorModel ?? "sinhome-simulator" });
    }
    if (env.GROK_API_KEY) {
      this.grok = new OpenAiClient({ name: "grok", baseUrl: env.GROK_BASE_URL, apiKey: env.GROK_API_KEY, model: env.GROK_MODEL });
    }
    for (const client of [this.primary, this.grok]) {
      if (!client) continue;
      const opts = { threshold: env.LLM_BREAKER_THRESHOLD, cooldownMs: env.LLM_BREAKER_COOLDOWN_MS, now: this.now };
      this.breakers.set(client.name, new CircuitBreaker(client.name, opts));
    }
    this.embedder = new Embedder(env);
  }

  /** What answers by default, for /monitoring/health. */
  describe(): { llmBackend: BackendName | "none"; modelName: string } {
    const main = this.primary ?? this.fallback();
    return { llmBackend: main?.name ?? "none", modelName: main?.model ?? "" };
  }

  breaker(name: BackendName): CircuitBreaker | undefined {
    return this.breakers.get(name);
  }

  async complete(call: CompletionCall): Promise<CompletionResult> {
    const started = this.now();
    const plan = this.plan(call.backend ?? "auto").slice(0, call.noRetry ? 1 : undefined);
    const maxRetries = call.noRetry ? 0 : this.env.LLM_TRANSPORT_RETRIES;
    let retries = 0;
    let last: LlmFailure | undefined;
    for (const [i, client] of plan.entries()) {
      const next = plan[i + 1];
      const fallbackWaiting = next !== undefined && this.breakers.get(next.name)?.available === true;
      const end = primaryEnd(this.now(), call.deadline, this.env.LLM_FALLBACK_RESERVE_MS, fallbackWaiting);
      const attempted = await this.attempt(client, call, end, maxRetries);
      retries += attempted.retries;
      if (attempted.ok) {
        const fallbackUsed = i > 0;
        if (fallbackUsed) prom.fallbacks.inc({ from: plan[0]?.name ?? "none", to: client.name });
        const { text, model, usage, finishReason } = attempted.result;
        return { text, backend: client.name, model, usage, finishReason, transportRetries: retries, fallbackUsed, latencyMs: this.now() - started };
      }
      last = attempted.failure;
      if (last.kind === "aborted") break;
    }
    throw finalError(last);
  }

  /** Probes the primary (or says it is not configured) and Grok, concurrently: `GET /models` each. */
  async status(timeoutMs = 10_000): Promise<BackendStatus[]> {
    const probe = async (name: BackendName, client?: OpenAiClient): Promise<BackendStatus> => {
      if (!client) return { name, status: "not_configured", latency_ms: null };
      const started = performance.now();
      try {
        const models = await client.listModels(timeoutMs);
        return { name, status: "ok", latency_ms: Math.round(performance.now() - started), models };
      } catch (e) {
        const error = e instanceof LlmFailure ? e.message : "probe failed";
        return { name, status: "down", latency_ms: Math.round(performance.now() - started), error };
      }
    };
    return Promise.all([probe(this.primary?.name ?? "vllm", this.primary), probe("grok", this.grok)]);
  }

  embed(texts: string[], alias: string, signal?: AbortSignal): Promise<EmbedResult> {
    return this.embedder.embed(texts, alias, signal);
  }

  private fallback(): OpenAiClient | undefined {
    return this.env.LLM_FALLBACK === "grok" ? this.grok : undefined;
  }

  private plan(backend: "auto" | "vllm" | "grok"): OpenAiClient[] {
    if (backend === "grok") {
      if (!this.grok) throw new AppError("llm_unavailable", "Grok is not configured");
      return [this.grok];
    }
    if (backend === "vllm") {
      if (!this.primary) throw new AppError("llm_unavailable", "vLLM is not configured");
      return [this.primary];
    }
    const plan = [this.primary, this.fallback()].filter((c): c is OpenAiClient => c !== undefined);
    if (plan.length === 0) throw new AppError("llm_unavailable", "no LLM backend is configured");
    return plan;
  }

  /** One backend: attempts until success, a non-retryable failure, the retry limit, or `end`. */
  private async attempt(client: OpenAiClient, call: CompletionCall, end: number, maxRetries: number): Promise<Attempted> {
    const breaker = this.breakers.get(client.name);
    const timeoutMs = call.timeoutMs ?? this.env.LLM_TIMEOUT_MS;
    let last: LlmFailure | undefined;
    for (let retry = 0; ; retry++) {
      const timeout = attemptTimeout(this.now(), end, timeoutMs);
      if (timeout < (retry === 0 ? MIN_FIRST_ATTEMPT_MS : minUsefulAttempt(timeoutMs))) {
        return { ok: false, failure: last ?? new LlmFailure("timeout", `${client.name}: no time left before the deadline`), retries: retry };
      }
      if (breaker && !breaker.tryAcquire()) {
        return { ok: false, failure: last ?? new LlmFailure("circuit_open", `${client.name}: circuit breaker open`), retries: retry };
      }
      try {
        const { messages, maxTokens, temperature, responseFormat, signal } = call;
        const result = await client.chat({ messages, maxTokens, temperature, responseFormat, signal, timeoutMs: timeout });
        breaker?.success();
        return { ok: true, result, retries: retry };
      } catch (e) {
        const failure = e instanceof LlmFailure ? e : new LlmFailure("malformed", `${client.name}: unexpected failure`);
        if (failure.kind === "client" || failure.kind === "aborted") breaker?.release();
        else breaker?.failure();
        last = failure;
        if (!failure.retryable || retry >= maxRetries) return { ok: false, failure, retries: retry };
        const delay = backoffDelay(retry, this.env.LLM_RETRY_BASE_MS, this.random, failure.retryAfterMs);
        // A wait that would not leave a useful attempt (e.g. a long Retry-After) is not waited: fall back now.
        if (this.now() + delay + minUsefulAttempt(timeoutMs) > end) return { ok: false, failure, retries: retry };
        if (await sleep(delay, call.signal)) {
          return { ok: false, failure: new LlmFailure("aborted", `${client.name}: call aborted by the caller`), retries: retry };
        }
      }
    }
  }
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
