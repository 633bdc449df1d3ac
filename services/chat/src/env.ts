/** Configuration of the chat service: parsed once at start; nothing else reads process.env. */
import { Type, type Static } from "@sinclair/typebox";
import { CommonEnv, ConfigError, ConversationLogEnv, parseEnv, UsageStoreEnv } from "@sinhome/runtime";
import { MODEL_ROUTES_PATTERN, parseModelRoutes } from "./routing/model-routes.ts";
import { presetReader } from "./routing/presets.ts";

export const ChatEnv = Type.Object({
  ...CommonEnv,
  ...ConversationLogEnv,
  ...UsageStoreEnv,
  /**
   * OpenAI-compatible base URL of vLLM, with the version prefix (http://vllm:8000/v1); a comma-separated
   * list = several replicas, routed by persona. Unset (and no VLLM_DISCOVERY) = simulator.
   */
  VLLM_BASE_URL: Type.Optional(Type.String({ pattern: "^\\s*https?://[^,\\s]+(\\s*,\\s*https?://[^,\\s]+)*\\s*$" })),
  /**
   * `dns:<host>:<port>`: the vLLM replicas are the addresses of <host> (a Kubernetes headless Service),
   * re-resolved every VLLM_DISCOVERY_INTERVAL_MS; each is `http://<address>:<port>/v1`. Wins over VLLM_BASE_URL.
   */
  VLLM_DISCOVERY: Type.Optional(Type.String({ pattern: "^dns:[A-Za-z0-9.-]+:\\d{1,5}$" })),
  /** How often VLLM_DISCOVERY re-resolves. */
  VLLM_DISCOVERY_INTERVAL_MS: Type.Integer({ minimum: 1000, maximum: 3_600_000, default: 10_000 }),
  /** `affinity` = a persona always goes to the same replica (its prefix cache); `random` = like a k8s Service. */
  VLLM_ROUTING: Type.Union([Type.Literal("affinity"), Type.Literal("random")], { default: "affinity" }),
  /** Bounded load: a replica over this × its fair share of in-flight calls passes new personas on to the next. */
  VLLM_LOAD_FACTOR: Type.Number({ minimum: 1, maximum: 10, default: 1.25 }),
  /**
   * LLM calls in flight at most per vLLM replica (match vLLM's `--max-num-seqs`, 256 by default; past it
   * vLLM queues unseen). Calls beyond it wait in chat, counted (`sinhome_llm_queued`); 0 = no limit.
   */
  VLLM_MAX_IN_FLIGHT: Type.Integer({ minimum: 0, maximum: 65_535, default: 256 }),
  /**
   * Calls waiting for a slot at most per replica; beyond it, and whenever the expected wait would pass the
   * call's deadline, the call is refused at once (next replica, Grok, else a fast 503 / v2 fallback).
   */
  LLM_QUEUE_MAX: Type.Integer({ minimum: 0, maximum: 100_000, default: 1024 }),
  /**
   * Read by Bun itself (not by us): `fetch` requests one process keeps in flight at most, 256 by default;
   * beyond it Bun queues them silently. Declared here so a start-up check can say when the replicas'
   * VLLM_MAX_IN_FLIGHT add up to more than it (deploy/Dockerfile and the manifests set 4096).
   */
  BUN_CONFIG_MAX_HTTP_REQUESTS: Type.Integer({ minimum: 1, maximum: 65_535, default: 256 }),
  /** Model name sent to vLLM (the models_env preset's served name). */
  VLLM_MODEL_NAME: Type.String({ default: "huihui-ai/Qwen2.5-72B-Instruct-abliterated" }),
  /** Bearer token for vLLM, if it needs one. */
  VLLM_API_KEY: Type.Optional(Type.String()),
  /** xAI API base URL. */
  GROK_BASE_URL: Type.String({ pattern: "^https?://", default: "https://api.x.ai/v1" }),
  /** xAI key; unset = Grok disabled. */
  GROK_API_KEY: Type.Optional(Type.String()),
  /** Grok chat model. */
  GROK_MODEL: Type.String({ default: "grok-4-fast-non-reasoning" }),
  /** `grok` = when vLLM fails after its retries, try Grok; `none` = no fallback. */
  LLM_FALLBACK: Type.Union([Type.Literal("grok"), Type.Literal("none")], { default: "grok" }),
  /** Timeout of one LLM call. */
  LLM_TIMEOUT_MS: Type.Integer({ minimum: 100, maximum: 600_000, default: 120_000 }),
  /** Transport retries (connection refused, 429, 5xx) per backend before falling back. */
  LLM_TRANSPORT_RETRIES: Type.Integer({ minimum: 0, maximum: 5, default: 2 }),
  /** Consecutive failures that open a backend's circuit breaker. */
  LLM_BREAKER_THRESHOLD: Type.Integer({ minimum: 1, maximum: 100, default: 5 }),
  /** How long an open breaker skips its backend. */
  LLM_BREAKER_COOLDOWN_MS: Type.Integer({ minimum: 100, maximum: 600_000, default: 30_000 }),
  /**
   * Share of the request deadline kept for the fallback: the primary (retries included) may use at
   * most (deadline − now) − min(this, half of it). The default (150 s − 120 s) lets the primary use a
   * full LLM_TIMEOUT_MS and still leaves Grok 30 s.
   */
  LLM_FALLBACK_RESERVE_MS: Type.Integer({ minimum: 0, maximum: 600_000, default: 30_000 }),
  /** First transport-retry backoff; doubles per retry, with jitter; a longer Retry-After wins. */
  LLM_RETRY_BASE_MS: Type.Integer({ minimum: 0, maximum: 60_000, default: 250 }),
  /** Content retries (refusal, CJK, duplicate) per request; the best clean candidate is used after. */
  LLM_CONTENT_RETRIES: Type.Integer({ minimum: 0, maximum: 5, default: 2 }),
  /** OpenAI-compatible /v1/embeddings server (vLLM pooling or TEI); unset = /encode answers 503. */
  EMBEDDINGS_BASE_URL: Type.Optional(Type.String({ pattern: "^https?://" })),
  /** Bearer token for the embeddings server, if it needs one. */
  EMBEDDINGS_API_KEY: Type.Optional(Type.String()),
  /** Alias=model id pairs sent to the embeddings server; unset aliases keep the built-in ids (bge-m3=BAAI/bge-m3, …). */
  EMBEDDINGS_MODELS: Type.Optional(Type.String({ pattern: "^[\\w.-]+=[^,=]+(,[\\w.-]+=[^,=]+)*$" })),
  /** Timeout of one embeddings call (a 256-text batch on a busy GPU can take seconds). */
  EMBEDDINGS_TIMEOUT_MS: Type.Integer({ minimum: 100, maximum: 600_000, default: 30_000 }),
  /** Guard model (Llama Guard 3) OpenAI-compatible base URL, with /v1; unset = layer 2 of the minors guard off. */
  GUARD_BASE_URL: Type.Optional(Type.String({ pattern: "^https?://" })),
  /** Model name sent to the guard server. */
  GUARD_MODEL: Type.String({ minLength: 1, default: "meta-llama/Llama-Guard-3-1B" }),
  /** Bearer token for the guard server, if it needs one. */
  GUARD_API_KEY: Type.Optional(Type.String()),
  /** Budget of one guard check; late = treated as unavailable (see GUARD_FAIL_MODE). */
  GUARD_TIMEOUT_MS: Type.Integer({ minimum: 50, maximum: 10_000, default: 400 }),
  /**
   * When the guard model is down or late: `suspect` (the default when GUARD_BASE_URL is set) = a message holding
   * an under-18 age or school fact is deflected (layer=lexicon_suspect), any other goes on; `open` = the lexicon's
   * verdict stands and the request goes on (counted); `closed` = refuse (503 / v2 fallback).
   */
  GUARD_FAIL_MODE: Type.Optional(Type.Union([Type.Literal("open"), Type.Literal("closed"), Type.Literal("suspect")])),
  /** `template` = send the turns as chat messages (Llama Guard's own chat template builds its prompt); `inline` = send Llama Guard 3's prompt written by us. */
  GUARD_PROMPT: Type.Union([Type.Literal("template"), Type.Literal("inline")], { default: "template" }),
  /** Recent turns (fan's message included) the guard model reads. */
  GUARD_CONTEXT_TURNS: Type.Integer({ minimum: 1, maximum: 20, default: 6 }),
  /**
   * History window once a conversation outgrows its budget: `stable` drops several old exchanges at once so
   * the next turns keep a byte-identical prefix (vLLM prefix cache); `sliding` drops one per turn.
   */
  HISTORY_WINDOW: Type.Union([Type.Literal("stable"), Type.Literal("sliding")], { default: "stable" }),
  /** Stable window, v2: a full window (10 exchanges) drops down to this many at once. */
  HISTORY_LOW_WATER_EXCHANGES: Type.Integer({ minimum: 0, maximum: 9, default: 4 }),
  /** Stable window, v1 and v2 token budgets: an over-budget window drops down to this share of the budget. */
  HISTORY_LOW_WATER_TOKENS_RATIO: Type.Number({ minimum: 0, maximum: 0.95, default: 0.5 }),
  /** Prices in USD per million tokens (cost_usd of /monitoring/usage); unset = 0. Cached input defaults to input. */
  GROK_PRICE_INPUT_PER_MTOK: Type.Optional(Type.Number({ minimum: 0 })),
  GROK_PRICE_CACHED_INPUT_PER_MTOK: Type.Optional(Type.Number({ minimum: 0 })),
  GROK_PRICE_OUTPUT_PER_MTOK: Type.Optional(Type.Number({ minimum: 0 })),
  /** Same for vLLM, as an estimate of the GPU cost per token. */
  VLLM_PRICE_INPUT_PER_MTOK: Type.Optional(Type.Number({ minimum: 0 })),
  VLLM_PRICE_CACHED_INPUT_PER_MTOK: Type.Optional(Type.Number({ minimum: 0 })),
  VLLM_PRICE_OUTPUT_PER_MTOK: Type.Optional(Type.Number({ minimum: 0 })),
  /** How long each chat instance keeps its per-minute usage buckets in memory (/monitoring/usage). */
  USAGE_RETENTION_HOURS: Type.Integer({ minimum: 1, maximum: 720, default: 48 }),
  /** `false` = log events carry no message texts (only metadata). */
  LOG_CONTENT: Type.Boolean({ default: true }),
  /**
   * A/B routing of the persona endpoints between model presets: `name[@base_url]=weight,...`, e.g.
   * `default=90,euryale@http://vllm-euryale:8000/v1=10` (see routing/model-routes.ts); unset = one model.
   */
  MODEL_ROUTES: Type.Optional(Type.String({ pattern: MODEL_ROUTES_PATTERN })),
  /** Where the model presets named in MODEL_ROUTES are read (`<name>.env`); default: the repository's models_env/. */
  MODELS_ENV_DIR: Type.Optional(Type.String({ minLength: 1 })),
  /** Optional notice prepended to the persona's first reply in a conversation (AI disclosure). */
  AI_DISCLOSURE_NOTICE: Type.Optional(Type.String({ maxLength: 500 })),
});
export type ChatEnv = Static<typeof ChatEnv>;

export const parseChatEnv = (source: Record<string, string | undefined> = process.env): ChatEnv => {
  // A seed-style preset may name only the model id (VLLM_MODEL_ID): vLLM then serves it under that name.
  const given = !source.VLLM_MODEL_NAME && source.VLLM_MODEL_ID ? { ...source, VLLM_MODEL_NAME: source.VLLM_MODEL_ID } : source;
  const env = parseEnv(ChatEnv, given);
  if (env.CHAT_DEADLINE_MS <= env.LLM_TIMEOUT_MS) {
    // The fallback must always get a usable share of the request deadline.
    throw new ConfigError([
      `CHAT_DEADLINE_MS (${env.CHAT_DEADLINE_MS}) must be greater than LLM_TIMEOUT_MS (${env.LLM_TIMEOUT_MS})`,
    ]);
  }
  if (env.MODEL_ROUTES) {
    const parsed = parseModelRoutes(env.MODEL_ROUTES, env.VLLM_MODEL_NAME, presetReader(env.MODELS_ENV_DIR));
    if (!parsed.ok) throw new ConfigError(parsed.problems);
  }
  return env;
};
