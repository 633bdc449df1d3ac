/**
 * The OpenAI-compatible API's call to its backend: the caller's request passed through (all its
 * sampling options, not only the few the persona pipeline uses), streamed or not. Transport failures
 * (connection refused, 429, 5xx) are retried before the first byte only — once a stream has started,
 * its bytes are the client's. No fallback to another model: the caller named the model it wants.
 *
 * Each call is one CLIENT span `chat {model}` with the GenAI attributes (ended when the stream ends,
 * usage included), one count and one duration in Prometheus, and goes through the backend's breaker.
 */
import { context, propagation, trace, type Span } from "@opentelemetry/api";
import { type ChatCompletionChunk, type OpenAiUsage } from "@sinhome/proto";
import { prom } from "@sinhome/runtime";
import { attemptTimeout, backoffDelay } from "../llm/budget.ts";
import type { CircuitBreaker } from "../llm/breaker.ts";
import type { BackendConfig } from "../llm/client.ts";
import { LlmFailure, errorBodyMessage, failureFromThrown, kindOfStatus, parseRetryAfter, redact } from "../llm/failure.ts";
import { sseBatches } from "../llm/sse.ts";
import { serverOf, tracedLlmCall } from "../llm/traced-call.ts";

const tracer = trace.getTracer("@sinhome/chat");

/** Where a model is served. */
export type UpstreamTarget = { config: BackendConfig<string>; breaker?: CircuitBreaker };

export type UpstreamCall = {
  /** The request body without `model` and `stream` (set here). */
  body: Record<string, unknown>;
  deadline: number;
  timeoutMs: number;
  retries: number;
  retryBaseMs: number;
  signal?: AbortSignal;
};

export type UpstreamCompletion = { data: Record<string, unknown>; usage: CountedUsage; model: string };
export type UpstreamStream = {
  /** The chunks, batched as they arrived: one array per network read (a relay forwards each in one message). */
  batches: AsyncGenerator<ChatCompletionChunk[], void, undefined>;
  /** Usage reported by the server's last chunk (known once `batches` is exhausted). */
  usage(): CountedUsage | undefined;
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const count = (v: unknown): number => (typeof v === "number" && Number.isFinite(v) ? v : 0);

/** Usage as counted (accounting): OpenAI's three counts plus the prompt tokens served from the prefix cache. */
export type CountedUsage = OpenAiUsage & { cached_tokens: number };

export function usageOf(v: unknown): CountedUsage | undefined {
  if (!isRecord(v)) return undefined;
  const prompt = count(v.prompt_tokens);
  const completion = count(v.completion_tokens);
  const cached = isRecord(v.prompt_tokens_details) ? Math.min(prompt, count(v.prompt_tokens_details.cached_tokens)) : 0;
  return { prompt_tokens: prompt, completion_tokens: completion, total_tokens: count(v.total_tokens) || prompt + completion, cached_tokens: cached };
}

/** One traced, counted call; `run` gets the span and returns when the call's work is over. */
function traced<T>(target: UpstreamTarget, call: UpstreamCall, streaming: boolean, run: (span: Span) => Promise<T>): Promise<T> {
  const { name, model, baseUrl } = target.config;
  return tracedLlmCall(tracer, { name, model, server: serverOf(baseUrl) }, {
    "sinhome.stream": streaming,
    ...(typeof call.body.max_tokens === "number" ? { "gen_ai.request.max_tokens": call.body.max_tokens } : {}),
    ...(typeof call.body.temperature === "number" ? { "gen_ai.request.temperature": call.body.temperature } : {}),
    ...(typeof call.body.top_p === "number" ? { "gen_ai.request.top_p": call.body.top_p } : {}),
  }, run);
}

function recordUsage(span: Span, usage: CountedUsage | undefined, responseModel: string | undefined, finish: string | undefined): void {
  if (usage) {
    span.setAttributes({
      "gen_ai.usage.input_tokens": usage.prompt_tokens,
      "gen_ai.usage.output_tokens": usage.completion_tokens,
      "gen_ai.usage.cache_read.input_tokens": usage.cached_tokens,
    });
  }
  if (responseModel) span.setAttribute("gen_ai.response.model", responseModel);
  if (finish) span.setAttribute("gen_ai.response.finish_reasons", [finish]);
}

/**
 * POSTs until a 2xx arrives (retrying transport failures within the deadline) and returns that
 * response, body unread. The timeout signal keeps running while the caller reads the body.
 */
async function post(target: UpstreamTarget, call: UpstreamCall, body: unknown): Promise<Response> {
  const { name, apiKey } = target.config;
  let last: LlmFailure | undefined;
  for (let retry = 0; ; retry++) {
    const timeoutMs = attemptTimeout(Date.now(), call.deadline, call.timeoutMs);
    if (timeoutMs < 50) throw last ?? new LlmFailure("timeout", `${name}: no time left before the deadline`);
    if (target.breaker && !target.breaker.tryAcquire()) throw last ?? new LlmFailure("circuit_open", `${name}: circuit breaker open`);
    const headers: Record<string, string> = { "content-type": "application/json", accept: "application/json, text/event-stream" };
    if (apiKey) headers.authorization = `Bearer ${apiKey}`;
    propagation.inject(context.active(), headers);
    const timeout = AbortSignal.timeout(Math.floor(timeoutMs));
    try {
      let res: Response;
      try {
        res = await fetch(`${target.config.baseUrl.replace(/\/+$/, "")}/chat/completions`, {
          method: "POST",
          headers,
          body: JSON.stringify(body),
          signal: call.signal ? AbortSignal.any([call.signal, timeout]) : timeout,
        });
      } catch (e) {
        throw failureFromThrown(e, name, call.signal?.aborted === true, timeoutMs);
      }
      if (res.ok) {
        target.breaker?.success();
        return res;
      }
      const raw = await res.text().catch(() => "");
      throw new LlmFailure(kindOfStatus(res.status), redact(`${name} answered HTTP ${res.status}: ${errorBodyMessage(raw)}`, apiKey), res.status, parseRetryAfter(res.headers));
    } catch (e) {
      const failure = e as LlmFailure;
      if (failure.kind === "client" || failure.kind === "aborted") target.breaker?.release();
      else target.breaker?.failure();
      last = failure;
      if (!failure.retryable || retry >= call.retries) throw failure;
      const delay = backoffDelay(retry, call.retryBaseMs, Math.random, failure.retryAfterMs);
      if (Date.now() + delay + 50 > call.deadline) throw failure;
      await Bun.sleep(delay);
      if (call.signal?.aborted) throw new LlmFailure("aborted", `${name}: call aborted by the caller`);
    }
  }
}

/** A whole completion (non-streaming). The upstream JSON is returned as it came, checked for its shape. */
export function completeUpstream(target: UpstreamTarget, call: UpstreamCall): Promise<UpstreamCompletion> {
  return traced(target, call, false, async (span) => {
    const res = await post(target, call, { ...call.body, model: target.config.model, stream: false });
    let data: unknown;
    try {
      data = await res.json();
    } catch (e) {
      if (call.signal?.aborted || (e as Error).name === "TimeoutError") throw failureFromThrown(e, target.config.name, call.signal?.aborted === true, call.timeoutMs);
      throw new LlmFailure("malformed", `${target.config.name}: answer is not JSON`);
    }
    const choice = isRecord(data) && Array.isArray(data.choices) ? data.choices[0] : undefined;
    if (!isRecord(data) || !isRecord(choice) || !isRecord(choice.message)) throw new LlmFailure("malformed", `${target.config.name}: answer has no choices[0].message`);
    const usage = usageOf(data.usage) ?? { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0, cached_tokens: 0 };
    const model = typeof data.model === "string" ? data.model : target.config.model;
    recordUsage(span, usage, model, typeof choice.finish_reason === "string" ? choice.finish_reason : undefined);
    return { data, usage, model };
  });
}

/**
 * A streamed completion: resolves once the server accepted the request (HTTP 2xx), with the chunks
 * as they arrive. Usage is always asked of the server (accounting); the caller decides whether its
 * client sees it. Breaking out of `batches` cancels the upstream request.
 */
export async function streamUpstream(target: UpstreamTarget, call: UpstreamCall): Promise<UpstreamStream> {
  let usage: CountedUsage | undefined;
  const opened = Promise.withResolvers<AsyncGenerator<ChatCompletionChunk[], void, undefined>>();
  // The span lives as long as the stream: `traced` resolves when the last chunk was read.
  void traced(target, call, true, async (span) => {
    let res: Response;
    try {
      res = await post(target, call, { ...call.body, model: target.config.model, stream: true, stream_options: { include_usage: true } });
    } catch (e) {
      opened.reject(e);
      throw e;
    }
    const finished = Promise.withResolvers<void>();
    const started = performance.now();
    let model: string | undefined;
    let finish: string | undefined;
    let settled = false;
    /** One upstream event: the chunk to relay, or undefined for [DONE] / a non-object. */
    const parse = (data: string): ChatCompletionChunk | undefined => {
      let chunk: unknown;
      try {
        chunk = JSON.parse(data);
      } catch {
        throw new LlmFailure("malformed", `${target.config.name}: a stream chunk is not JSON`);
      }
      if (!isRecord(chunk)) return undefined;
      if (isRecord(chunk.error)) throw new LlmFailure("server", redact(`${target.config.name} failed mid-stream: ${errorBodyMessage(data)}`, target.config.apiKey));
      if (model === undefined) span.setAttribute("sinhome.time_to_first_chunk_ms", Math.round(performance.now() - started));
      model ??= typeof chunk.model === "string" ? chunk.model : undefined;
      usage = usageOf(chunk.usage) ?? usage;
      const choice = Array.isArray(chunk.choices) && isRecord(chunk.choices[0]) ? chunk.choices[0] : undefined;
      if (typeof choice?.finish_reason === "string") finish = choice.finish_reason;
      return chunk as ChatCompletionChunk;
    };
    async function* batches(): AsyncGenerator<ChatCompletionChunk[], void, undefined> {
      try {
        let complete = false;
        for await (const events of sseBatches(res.body ?? new ReadableStream())) {
          const batch: ChatCompletionChunk[] = [];
          for (const data of events) {
            if (data === "[DONE]") {
              complete = true;
              break;
            }
            const chunk = parse(data);
            if (chunk) batch.push(chunk);
          }
          if (batch.length > 0) yield batch;
          if (complete) break;
        }
        // A stream that stops with neither a finish reason nor [DONE] is a server that died mid-answer.
        if (!complete && finish === undefined) throw new LlmFailure("server", `${target.config.name}: the stream ended before the answer finished`);
        recordUsage(span, usage, model, finish);
        settled = true;
        finished.resolve();
      } catch (e) {
        const failure = e instanceof LlmFailure ? e : failureFromThrown(e, target.config.name, call.signal?.aborted === true, call.timeoutMs);
        settled = true;
        finished.reject(failure);
        throw failure;
      } finally {
        // The consumer stopped early (its client left): the upstream request is cancelled, the span ends now.
        if (!settled) finished.reject(new LlmFailure("aborted", `${target.config.name}: stream abandoned by the caller`));
      }
    }
    opened.resolve(batches());
    await finished.promise;
  }).catch(() => {}); // failures reach the caller through `opened` or the chunks iterator
  return { batches: await opened.promise, usage: () => usage };
}
