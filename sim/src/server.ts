/**
 * The project's OpenAI-compatible LLM simulator: what the all-in-one mode runs when no LLM is
 * configured, and what every LLM test talks to. It answers like vLLM (same paths, same shapes,
 * streaming included) and misbehaves on demand — per conversation through `[[sim:…]]` directives
 * or through a programmed FIFO of faults — so every retry and fallback path can be exercised.
 */
import {
  completionBody,
  completionChunks,
  errorBody,
  errorType,
  estimateTokens,
  parseChatRequest,
  promptTokens,
  type ChatRequest,
  type ErrorShape,
  type SimMessage,
} from "./openai.ts";
import { DirectiveCounters, applyFault, noMisbehaviour, type Fault, type Misbehaviour } from "./misbehaviour.ts";
import { cjkReply, longReply, normalReply, refusalReply, repeatReply, replyContext } from "./replies.ts";
import { badJsonReply, jsonReply, wantsJson } from "./json-reply.ts";
import { EMBEDDING_MODELS, dimensionOf, embed, parseEmbeddingInput } from "./embeddings.ts";
import { GUARD_HANG_MS, guardAnswerText, guardDirectives, isGuardRequest, type GuardScript } from "./guard.ts";
import { PrefixCache, simulatedLatency, type LatencyModel, type PrefixCacheOptions } from "./prefix-cache.ts";

export type { Fault } from "./misbehaviour.ts";
export type { LatencyModel, PrefixCacheOptions, PrefixCacheStats } from "./prefix-cache.ts";

/** KV capacity of the simulated prefix cache when none is given: about one 72B FP8 replica on 2 × 80 GB. */
export const DEFAULT_PREFIX_CACHE_TOKENS = 200_000;

export type SimulatorOptions = {
  port?: number;
  hostname?: string;
  /** Shown in `/health`, the `x-simulator` header and `system_fingerprint`: tells instances apart. */
  name?: string;
  /** Chat model ids listed by `/v1/models`; the first is used when a request names none. */
  modelIds?: string[];
  /** When set, `/v1/*` requires `Authorization: Bearer <apiKey>` (401 otherwise). */
  apiKey?: string;
  /** How many chat requests `requests` keeps (oldest dropped first). */
  maxRecorded?: number;
  /** Delay of every guard-model answer (see guard.ts), to simulate a real moderation model. */
  guardDelayMs?: number;
  /**
   * vLLM-like prefix cache (reported as `usage.prompt_tokens_details.cached_tokens`); `false` = off
   * (no `prompt_tokens_details`, like vLLM without `--enable-prompt-tokens-details`). On by default.
   */
  prefixCache?: PrefixCacheOptions | false;
  /**
   * Latency of its own, growing with uncached prompt tokens and completion tokens; off unless given.
   * The simulated time to first token is reported in the `x-sim-ttft-ms` header; the server really
   * waits `timeScale` × the simulated time (default 1; a benchmark shrinks it).
   */
  latency?: LatencyModel & { timeScale?: number };
  /** Called once per answered chat completion (benchmarks: the ceiling of the cache, simulated TTFT). */
  onCompletion?: (info: CompletionInfo) => void;
};

/** What `onCompletion` receives. */
export type CompletionInfo = { messages: readonly SimMessage[]; promptTokens: number; cachedTokens: number; ttftMs?: number };

/** One chat completion request as received, for tests to inspect. */
export type RecordedRequest = { path: string; headers: Record<string, string>; body: unknown; receivedAt: number };

export type Simulator = {
  /** Base URL including `/v1`, as every `*_BASE_URL` of the project. */
  url: string;
  port: number;
  name: string;
  requests: RecordedRequest[];
  /** The prefix cache model, when on (tests and benchmarks read its stats). */
  prefixCache?: PrefixCache;
  /** Chat requests whose handler has not finished (a stalled one whose client left must not stay here). */
  readonly pendingRequests: number;
  /** Streamed completions sent to their end (`data: [DONE]`). */
  readonly streamsCompleted: number;
  /** Streamed completions whose client went away before the end: what a cancelled upstream call looks like (not `cut` ones). */
  readonly streamsCancelled: number;
  /** Forgets recorded requests, programmed faults and directive counters. */
  reset(): void;
  /** Queues faults applied, in order, to the next chat requests whatever their content. */
  program(faults: Fault[]): void;
  /** Queues verdicts for the next guard-model requests only (see guard.ts). */
  programGuard(scripts: GuardScript[]): void;
  stop(): Promise<void>;
};

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  Response.json(body, { status, headers });

/** Waits `ms`, or less if the client went away; true when it did. */
function stall(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (aborted: boolean) => {
      clearTimeout(timer);
      signal.removeEventListener("abort", onAbort);
      resolve(aborted);
    };
    const onAbort = () => done(true);
    const timer = setTimeout(() => done(false), ms);
    signal.addEventListener("abort", onAbort);
  });
}

const HUMAN_CLAIM_REPLY = "Mais non voyons, je suis une vraie personne, promis 😘";
/** A reply that must never leave the chat service: the persona role-plays a minor. */
const MINOR_REPLY = "Mmh d'accord, ce soir j'ai 15 ans et je rentre du lycée 😏 tu veux voir ma jupe ?";

function replyText(req: ChatRequest, m: Misbehaviour): string {
  const ctx = replyContext(req.messages);
  const asJson = wantsJson(req, ctx);
  switch (m.content) {
    case "refuse":
      return refusalReply(ctx);
    case "cjk":
      return cjkReply(ctx);
    case "repeat":
      return repeatReply(ctx);
    case "long":
      return longReply(ctx);
    case "badjson":
      return badJsonReply(req, ctx);
    case "human":
      return HUMAN_CLAIM_REPLY;
    case "minor":
      return MINOR_REPLY;
    default:
      return asJson ? jsonReply(req, ctx) : normalReply(ctx);
  }
}

export function startSimulator(opts: SimulatorOptions = {}): Simulator {
  const name = opts.name ?? "sinhome-simulator";
  const modelIds = opts.modelIds?.length ? opts.modelIds : ["sinhome-simulator"];
  const defaultModel = modelIds[0] ?? "sinhome-simulator";
  const maxRecorded = opts.maxRecorded ?? 1000;
  const requests: RecordedRequest[] = [];
  const faults: Fault[] = [];
  const guardScripts: GuardScript[] = [];
  const counters = new DirectiveCounters();
  let sequence = 0;
  const prefixCache = opts.prefixCache === false ? undefined : new PrefixCache(opts.prefixCache ?? { capacityTokens: DEFAULT_PREFIX_CACHE_TOKENS });
  // Counted by us: Bun's own server.pendingRequests drops a request when its client leaves,
  // even if the handler is still waiting, which is exactly what we want to observe.
  let pending = 0;
  let streamsCompleted = 0;
  let streamsCancelled = 0;

  /**
   * The SSE frames, paced by `delayMs` each, stopped short after `cutAfter` frames when set;
   * counts streams that ended and those whose client left.
   */
  function sseBody(frames: string[], delayMs: number, cutAfter?: number): ReadableStream<Uint8Array> {
    const encoder = new TextEncoder();
    let next = 0;
    let cancelled = false;
    return new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (delayMs > 0) await Bun.sleep(delayMs);
        if (cancelled) return; // the client left during the pause: the stream is closed, nothing to write
        if (cutAfter !== undefined && next >= cutAfter) return controller.close(); // mid-answer: no finish, no [DONE]
        // Unpaced streams go out in one write, like a fast server's; paced ones frame by frame.
        const batch = delayMs > 0 ? frames.slice(next, next + 1) : frames.slice(next, cutAfter);
        next += batch.length;
        controller.enqueue(encoder.encode(batch.join("")));
        if (next >= frames.length) {
          streamsCompleted++;
          controller.close();
        }
      },
      cancel() {
        cancelled = true;
        if (next < frames.length) streamsCancelled++;
      },
    });
  }

  const fail = (shape: ErrorShape, status: number, message: string, headers: Record<string, string> = {}) =>
    json(errorBody(shape, status, message, errorType(status), status === 401 ? "invalid_api_key" : status), status, headers);

  async function chat(request: Request, server: Bun.Server<undefined>): Promise<Response> {
    const body: unknown = await request.json().catch(() => undefined);
    requests.push({
      path: new URL(request.url).pathname,
      headers: Object.fromEntries(request.headers),
      body,
      receivedAt: Date.now(),
    });
    if (requests.length > maxRecorded) requests.shift();
    const denied = authorize(request);
    if (denied) return denied;
    if (body === undefined) return fail("nested", 400, "request body is not valid JSON");
    const parsed = parseChatRequest(body, defaultModel);
    if (typeof parsed === "string") return fail("nested", 400, parsed);

    if (isGuardRequest(parsed)) return guardAnswer(request, parsed, server);

    const m = noMisbehaviour();
    const programmed = faults.shift();
    if (programmed) applyFault(m, programmed);
    counters.apply(parsed.messages, m);

    if (m.stallMs > 0) {
      server.timeout(request, 0); // Bun's idle timeout (10 s) would otherwise cut long stalls short
      if (await stall(m.stallMs, request.signal)) return new Response(null, { status: 499 });
    }
    if (m.status !== undefined) {
      const headers: Record<string, string> = m.retryAfter !== undefined ? { "retry-after": m.retryAfter } : {};
      return fail(m.errorShape, m.status, `simulated failure (status ${m.status})`, headers);
    }
    if (m.content === "malformed") {
      return new Response("<html><body>502 Bad Gateway</body></html>", { headers: { "content-type": "text/html" } });
    }

    let text = replyText(parsed, m);
    let finishReason: "stop" | "length" = "stop";
    if (parsed.maxTokens !== undefined && estimateTokens(text) > parsed.maxTokens) {
      text = text.slice(0, parsed.maxTokens * 4); // what a real server does at the token limit: cut, say "length"
      finishReason = "length";
    }
    const lookup = prefixCache?.admit(parsed.messages);
    const completion = {
      id: `chatcmpl-sim-${(++sequence).toString(36)}`,
      created: Math.floor(Date.now() / 1000),
      model: parsed.model,
      text,
      finishReason,
      prompt: promptTokens(parsed.messages),
      cached: lookup?.cachedTokens,
    };
    const headers: Record<string, string> = { "x-simulator": name };
    const timing = opts.latency && simulatedLatency(opts.latency, lookup ?? { promptTokens: completion.prompt, cachedTokens: 0 }, estimateTokens(text));
    opts.onCompletion?.({ messages: parsed.messages, promptTokens: completion.prompt, cachedTokens: lookup?.cachedTokens ?? 0, ttftMs: timing?.ttftMs });
    if (opts.latency && timing) {
      headers["x-sim-ttft-ms"] = timing.ttftMs.toFixed(3);
      const waitMs = timing.totalMs * (opts.latency.timeScale ?? 1);
      if (waitMs > 0 && (await stall(waitMs, request.signal))) return new Response(null, { status: 499 });
    }
    if (!parsed.stream) return json(completionBody(completion, name), 200, headers);
    const frames = completionChunks(completion, parsed.includeUsage);
    if (m.chunkDelayMs > 0) server.timeout(request, 0); // a slow stream must not be cut by Bun's idle timeout
    return new Response(sseBody(frames, m.chunkDelayMs, m.cutAfter), {
      headers: { "content-type": "text/event-stream", "cache-control": "no-cache", ...headers },
    });
  }

  /** Llama Guard's answer: `safe` / `unsafe\nS4`, or the scripted hang, failure or malformed text. */
  async function guardAnswer(request: Request, parsed: ChatRequest, server: Bun.Server<undefined>): Promise<Response> {
    const directives = guardDirectives(parsed.messages);
    const script = guardScripts.shift() ?? directives.script ?? "safe";
    const delayMs = directives.delayMs ?? opts.guardDelayMs ?? 0;
    if (script === "hang" || delayMs > 0) {
      server.timeout(request, 0);
      if (await stall(script === "hang" ? GUARD_HANG_MS : delayMs, request.signal)) return new Response(null, { status: 499 });
    }
    if (script === "fail") return fail("nested", 500, "simulated guard failure");
    const completion = {
      id: `chatcmpl-sim-${(++sequence).toString(36)}`,
      created: Math.floor(Date.now() / 1000),
      model: parsed.model,
      text: guardAnswerText(script),
      finishReason: "stop" as const,
      prompt: promptTokens(parsed.messages),
    };
    return json(completionBody(completion, name), 200, { "x-simulator": name });
  }

  function authorize(request: Request): Response | undefined {
    if (opts.apiKey === undefined) return undefined;
    if (request.headers.get("authorization") === `Bearer ${opts.apiKey}`) return undefined;
    return fail("nested", 401, "Incorrect API key provided.");
  }

  async function embeddings(request: Request): Promise<Response> {
    const denied = authorize(request);
    if (denied) return denied;
    const body: unknown = await request.json().catch(() => undefined);
    if (typeof body !== "object" || body === null) return fail("nested", 400, "request body is not valid JSON");
    const { input, model: rawModel } = body as { input?: unknown; model?: unknown };
    const texts = parseEmbeddingInput(input);
    if (typeof texts === "string") return fail("nested", 400, texts);
    const model = typeof rawModel === "string" && rawModel ? rawModel : (EMBEDDING_MODELS[0] ?? "BAAI/bge-m3");
    const tokens = texts.reduce((n, t) => n + estimateTokens(t), 0);
    return json({
      object: "list",
      data: texts.map((t, index) => ({ object: "embedding", index, embedding: embed(t, model) })),
      model,
      usage: { prompt_tokens: tokens, total_tokens: tokens },
    });
  }

  function models(request: Request): Response {
    const denied = authorize(request);
    if (denied) return denied;
    const created = Math.floor(Date.now() / 1000);
    return json({
      object: "list",
      data: [...modelIds, ...EMBEDDING_MODELS].map((id) => ({ id, object: "model", created, owned_by: name })),
    });
  }

  const server = Bun.serve({
    port: opts.port ?? 0,
    hostname: opts.hostname ?? "127.0.0.1",
    async fetch(request, srv) {
      const path = new URL(request.url).pathname.replace(/\/+$/, "");
      const route = `${request.method} ${path}`;
      switch (route) {
        case "POST /v1/chat/completions":
          pending++;
          try {
            return await chat(request, srv);
          } finally {
            pending--;
          }
        case "POST /v1/embeddings":
          return embeddings(request);
        case "GET /v1/models":
          return models(request);
        case "GET /health":
          return json({ status: "ok", name, ...(prefixCache ? { prefix_cache: prefixCache.stats() } : {}) });
      }
      const known = ["/v1/chat/completions", "/v1/embeddings", "/v1/models", "/health"].includes(path);
      return known ? fail("nested", 405, `method ${request.method} not allowed`) : fail("nested", 404, `no route ${path}`);
    },
    error: () => fail("nested", 500, "simulator internal error"),
  });

  const port = server.port ?? 0;
  const host = server.hostname ?? "127.0.0.1";
  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}/v1`,
    port,
    name,
    requests,
    prefixCache,
    get pendingRequests() {
      return pending;
    },
    get streamsCompleted() {
      return streamsCompleted;
    },
    get streamsCancelled() {
      return streamsCancelled;
    },
    reset() {
      requests.length = 0;
      streamsCompleted = 0;
      streamsCancelled = 0;
      faults.length = 0;
      guardScripts.length = 0;
      counters.reset();
      prefixCache?.clear();
    },
    program(list) {
      faults.push(...list);
    },
    programGuard(list) {
      guardScripts.push(...list);
    },
    stop: () => server.stop(true),
  };
}

/** Dimension of an embedding model as the simulator serves it (for tests of clients). */
export { dimensionOf };
