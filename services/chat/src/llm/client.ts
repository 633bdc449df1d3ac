/**
 * One OpenAI-compatible backend (vLLM, xAI's Grok, or the project's simulator) over plain `fetch`.
 *
 * Why not the `openai` SDK: it is a large dependency for three endpoints, and it hides exactly what
 * this service must control itself — its own retry loop (we retry in the router, against one request
 * deadline shared with the fallback), its timeout semantics, abort propagation, and error parsing
 * of servers that are not OpenAI (vLLM's flat error shape, xAI's string errors). Bun's `fetch` keeps
 * connections alive, so a lean client costs nothing in latency. One dependency less to audit.
 *
 * Each chat call is one CLIENT span `chat {model}` with the OpenTelemetry GenAI attributes, and one
 * count + duration in Prometheus. Failures are `LlmFailure` values; API keys never appear in them.
 */
import { context, propagation, trace, type Attributes, type Tracer } from "@opentelemetry/api";
import { completionBodyJson } from "./body.ts";
import { LlmFailure, errorBodyMessage, failureFromThrown, kindOfStatus, parseRetryAfter, redact } from "./failure.ts";
import { serverOf, tracedLlmCall, type ServerAddress } from "./traced-call.ts";

export type BackendName = "vllm" | "grok" | "simulator";
/** `name` labels metrics, spans and error messages (the embeddings server is named `embeddings`). */
export type BackendConfig<N extends string = BackendName> = { name: N; baseUrl: string; apiKey?: string; model: string };

export type LlmMessage = { role: "system" | "user" | "assistant"; content: string };
export type ResponseFormat =
  | { type: "json_schema"; json_schema: { name: string; schema: object; strict?: boolean } }
  | { type: "json_object" };

export type ChatCall = {
  messages: LlmMessage[];
  maxTokens?: number;
  temperature?: number;
  responseFormat?: ResponseFormat;
  timeoutMs: number;
  signal?: AbortSignal;
};
/** `cached_tokens`: prompt tokens served from the server's prefix cache (`prompt_tokens_details`), 0 when not reported. */
export type Usage = { prompt_tokens: number; completion_tokens: number; cached_tokens: number };
export type ChatResult = { text: string; model: string; usage: Usage; finishReason: string };
export type EmbeddingsResult = { vectors: number[][]; model: string; usage: { prompt_tokens: number } };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const count = (v: unknown): number => (typeof v === "number" && Number.isFinite(v) ? v : 0);

export class OpenAiClient<N extends string = BackendName> {
  private readonly baseUrl: string;
  private readonly server: ServerAddress;

  constructor(
    readonly config: BackendConfig<N>,
    /** Injectable so tests can read spans without installing a global provider. */
    private readonly tracer: Tracer = trace.getTracer("@sinhome/chat"),
  ) {
    this.baseUrl = config.baseUrl.replace(/\/+$/, "");
    this.server = serverOf(this.baseUrl);
  }

  get name(): N {
    return this.config.name;
  }

  get model(): string {
    return this.config.model;
  }

  async chat(call: ChatCall): Promise<ChatResult> {
    const { name, model } = this.config;
    const attributes: Attributes = {};
    if (call.maxTokens !== undefined) attributes["gen_ai.request.max_tokens"] = call.maxTokens;
    if (call.temperature !== undefined) attributes["gen_ai.request.temperature"] = call.temperature;
    return tracedLlmCall(this.tracer, { name, model, server: this.server }, attributes, async (span) => {
      const body = {
        model,
        messages: call.messages,
        max_tokens: call.maxTokens,
        temperature: call.temperature,
        response_format: call.responseFormat,
        stream: false,
      };
      const data = await this.request("POST", "/chat/completions", completionBodyJson(body), call.timeoutMs, call.signal);
      const result = parseCompletion(data, model, name);
      span.setAttributes({
        "gen_ai.response.model": result.model,
        "gen_ai.response.finish_reasons": [result.finishReason],
        "gen_ai.usage.input_tokens": result.usage.prompt_tokens,
        "gen_ai.usage.output_tokens": result.usage.completion_tokens,
        "gen_ai.usage.cache_read.input_tokens": result.usage.cached_tokens,
      });
      if (isRecord(data) && typeof data.id === "string") span.setAttribute("gen_ai.response.id", data.id);
      return result;
    });
  }

  /** Model ids served (`GET /models`): the health probe of a backend. */
  async listModels(timeoutMs: number): Promise<string[]> {
    const data = await this.request("GET", "/models", undefined, timeoutMs);
    if (!isRecord(data) || !Array.isArray(data.data)) throw new LlmFailure("malformed", `${this.name}: /models answer is not a model list`);
    return data.data.flatMap((m) => (isRecord(m) && typeof m.id === "string" ? [m.id] : []));
  }

  async embeddings(input: string[], model: string, timeoutMs: number, signal?: AbortSignal): Promise<EmbeddingsResult> {
    const data = await this.request("POST", "/embeddings", JSON.stringify({ input, model, encoding_format: "float" }), timeoutMs, signal);
    const rows = isRecord(data) && Array.isArray(data.data) ? data.data.filter(isRecord) : [];
    const ordered = rows.toSorted((a, b) => count(a.index) - count(b.index));
    const vectors = ordered.map((r) => r.embedding);
    const valid = vectors.length === input.length && vectors.every((v) => Array.isArray(v) && v.every((x) => typeof x === "number"));
    if (!valid) throw new LlmFailure("malformed", `${this.name}: /embeddings answer is not ${input.length} float vectors`);
    const usage = isRecord(data) && isRecord(data.usage) ? count(data.usage.prompt_tokens) : 0;
    const served = isRecord(data) && typeof data.model === "string" ? data.model : model;
    return { vectors: vectors as number[][], model: served, usage: { prompt_tokens: usage } };
  }

  /** One HTTP exchange (`body` already JSON text): the parsed JSON of a 2xx, or an `LlmFailure` saying why not. */
  private async request(
    method: "GET" | "POST",
    path: string,
    body: string | undefined,
    timeoutMs: number,
    signal?: AbortSignal,
    ctx = context.active(),
  ): Promise<unknown> {
    const headers: Record<string, string> = { accept: "application/json" };
    if (body !== undefined) headers["content-type"] = "application/json";
    if (this.config.apiKey) headers.authorization = `Bearer ${this.config.apiKey}`;
    propagation.inject(ctx, headers); // vLLM joins the trace when started with --otlp-traces-endpoint
    const timeout = AbortSignal.timeout(Math.max(1, Math.floor(timeoutMs)));
    let raw: string;
    let res: Response;
    try {
      res = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers,
        body,
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
      raw = await res.text(); // inside the try: a body that stalls mid-way is a timeout too
    } catch (e) {
      throw failureFromThrown(e, this.name, signal?.aborted === true, timeoutMs);
    }
    if (!res.ok) {
      const message = redact(`${this.name} answered HTTP ${res.status}: ${errorBodyMessage(raw)}`, this.config.apiKey);
      throw new LlmFailure(kindOfStatus(res.status), message, res.status, parseRetryAfter(res.headers));
    }
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      throw new LlmFailure("malformed", `${this.name}: answer to ${path} is not JSON (HTTP ${res.status})`, res.status);
    }
  }
}

function parseCompletion(data: unknown, requestedModel: string, backend: string): ChatResult {
  const choice = isRecord(data) && Array.isArray(data.choices) && isRecord(data.choices[0]) ? data.choices[0] : undefined;
  const message = choice && isRecord(choice.message) ? choice.message : undefined;
  if (!isRecord(data) || !message || typeof message.content !== "string") {
    throw new LlmFailure("malformed", `${backend}: answer has no choices[0].message.content`);
  }
  const usage = isRecord(data.usage) ? data.usage : {};
  const details = isRecord(usage.prompt_tokens_details) ? usage.prompt_tokens_details : {};
  const prompt = count(usage.prompt_tokens);
  return {
    text: message.content,
    model: typeof data.model === "string" ? data.model : requestedModel,
    usage: { prompt_tokens: prompt, completion_tokens: count(usage.completion_tokens), cached_tokens: Math.min(prompt, count(details.cached_tokens)) },
    finishReason: typeof choice?.finish_reason === "string" ? choice.finish_reason : "unknown",
  };
}
