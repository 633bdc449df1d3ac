/**
 * The OpenAI-compatible API on the bus: `GET /v1/models`, and `POST /v1/chat/completions` whole or
 * streamed (a bus stream whose frames are arrays of chunks — those of one upstream read — relayed as
 * they arrive, with backpressure; a cancel
 * from the gateway aborts the upstream request). The minors guard's three layers apply (openai/safety.ts):
 * a blocked request is answered with the fixed deflection as the assistant's message and never reaches
 * the model; a reply failing the check is replaced (whole) or stopped (streamed). No content retries
 * here: the caller asked for this model's raw answer.
 */
import {
  dataTenantOf,
  AppError,
  type Bus,
  type BusRequest,
  type ChatCompletion,
  type ChatCompletionChunk,
  type ModelList,
  type OpenAiChatBusRequest,
  type OpenAiUsage,
  type StreamHandler,
} from "@sinhome/proto";
import type { ConversationLog, Logger, ServiceCounters } from "@sinhome/runtime";
import { publishExchange } from "../conversation-log.ts";
import { countHandoff, detectHandoff } from "../handoff/index.ts";
import type { ChatEnv } from "../env.ts";
import { LlmFailure } from "../llm/failure.ts";
import type { ModelCatalog } from "../openai/catalog.ts";
import { deflectionChunks, deflectionCompletion, guardInputOf, upstreamBody } from "../openai/request.ts";
import { replyMayLeave, StreamReplyGuard } from "../openai/safety.ts";
import { completeUpstream, streamUpstream, type CountedUsage, type UpstreamCall } from "../openai/upstream.ts";
import { emptyRetries } from "../pipeline/generate.ts";
import { startFanGuard } from "../pipeline/guarded.ts";
import { deadlineOf } from "../pipeline/reply.ts";
import { MINOR_REPLY_DEFLECTION, type GuardModelGate } from "../safety/index.ts";
import { usageCallerOf, type UsageLedger } from "../usage/ledger.ts";

export const OPENAI_CHAT_PATH = "/v1/chat/completions";

export type OpenAiDeps = {
  catalog: ModelCatalog;
  counters: ServiceCounters;
  env: ChatEnv;
  bus: Bus;
  log: Logger;
  guardModel?: GuardModelGate;
  conversations?: ConversationLog;
  /** Token and cost accounting per key name, endpoint, backend and model (`/monitoring/usage`). */
  usage?: UsageLedger;
};

/**
 * An upstream failure as the caller sees it: the backend rejecting the request itself (400, 413,
 * 422: context too long, bad option) is the caller's 400; the rest are ours (502/503/504). Upstream
 * texts stay in our logs: they may quote the prompt.
 */
export function upstreamError(e: unknown): AppError {
  if (!(e instanceof LlmFailure)) return e instanceof AppError ? e : new AppError("llm_error", "the LLM call failed");
  const status = e.status !== undefined ? ` (HTTP ${e.status})` : "";
  if (e.kind === "client" && (e.status === 400 || e.status === 413 || e.status === 422)) {
    return new AppError("bad_request", `the model server rejected the request${status}`, [], { cause: e });
  }
  const code = e.kind === "timeout" ? "llm_timeout" : e.kind === "client" || e.kind === "malformed" ? "llm_error" : "llm_unavailable";
  return new AppError(code, `the LLM call failed: ${e.kind.replaceAll("_", " ")}${status}`, [], { cause: e });
}

const NO_USAGE: CountedUsage = { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0, cached_tokens: 0 };

export function openAiHandlers(deps: OpenAiDeps) {
  const { catalog, counters, env, bus, log, conversations } = deps;
  const guardDeps = { counters, log, guardModel: deps.guardModel };

  const callOf = (req: BusRequest, body: OpenAiChatBusRequest, started: number, signal?: AbortSignal): UpstreamCall => ({
    body: upstreamBody(body),
    deadline: deadlineOf(req, env, started),
    timeoutMs: env.LLM_TIMEOUT_MS,
    retries: env.LLM_TRANSPORT_RETRIES,
    retryBaseMs: env.LLM_RETRY_BASE_MS,
    signal,
  });

  /** One exchange on the conversation log stream, like every chat endpoint's. */
  const logExchange = (req: BusRequest, body: OpenAiChatBusRequest, started: number, backend: string, model: string, usage: OpenAiUsage, message: string, response: string, error: string | null = null, handoff = handoffOf(message, backend, error)) =>
    publishExchange({ bus, conversations, log }, env.LOG_CONTENT, {
      endpoint: OPENAI_CHAT_PATH,
      request_id: req.requestId,
      session_id: body.session_id ?? null,
      tenant: dataTenantOf(req.headers),
      backend,
      model,
      latency_ms: Date.now() - started,
      retries: emptyRetries(),
      usage: { prompt_tokens: usage.prompt_tokens, completion_tokens: usage.completion_tokens },
      fallback: false,
      error,
      message,
      response,
      handoff,
      prompt_messages: body.messages.map((m) => ({ role: m.role, content: typeof m.content === "string" ? m.content : (m.content ?? []).map((p) => p.text).join("") })),
    }, req.headers);

  /** The hand-off signal of an OpenAI-compatible exchange (the completion carries it as an extra field), counted by reason. */
  const handoffOf = (message: string, backend: string, error: string | null) => {
    const handoff = detectHandoff({ message, guarded: backend === "guard", fallback: error !== null && error !== "content_filter", refusals: 0 });
    countHandoff(handoff);
    return handoff;
  };

  /** Tokens spent by one answered request: the service counters and the usage ledger (by the caller's key name). */
  const account = (req: BusRequest, backend: string, model: string, usage: CountedUsage) => {
    counters.tokens(backend, model, usage.prompt_tokens, usage.completion_tokens);
    const tokens = { prompt: usage.prompt_tokens, cached: usage.cached_tokens, completion: usage.completion_tokens };
    deps.usage?.record({ ...usageCallerOf(req.headers), endpoint: OPENAI_CHAT_PATH, backend, model }, tokens, false, { requestId: req.requestId, call: 0 });
  };

  const failed = (req: BusRequest, body: OpenAiChatBusRequest, started: number, backend: string, model: string, message: string, e: unknown): AppError => {
    const error = upstreamError(e);
    const cause = error.cause instanceof Error ? error.cause.message : undefined;
    if (error.code !== "bad_request") log.warn({ requestId: req.requestId, endpoint: OPENAI_CHAT_PATH, code: error.code, cause }, "chat request failed");
    logExchange(req, body, started, backend, model, NO_USAGE, message, "", error.code);
    return error;
  };

  /**
   * Resolves the model and runs the guard's first two layers: the deflection text when the request is
   * blocked. Throws `guard_unavailable` when the guard model failed and GUARD_FAIL_MODE=closed.
   */
  const prepare = async (req: BusRequest, body: OpenAiChatBusRequest) => {
    const entry = catalog.resolve(body.model);
    const input = guardInputOf(body.messages);
    const guard = startFanGuard(guardDeps, req, input);
    const blocked = guard.blocked ?? (await guard.modelVerdict());
    return { entry, message: input.message, deflection: blocked?.text };
  };

  const chat = async (req: BusRequest): Promise<ChatCompletion> => {
    const started = Date.now();
    const body = req.body as OpenAiChatBusRequest;
    const { entry, message, deflection } = await prepare(req, body);
    if (deflection !== undefined) {
      const handoff = handoffOf(message, "guard", null);
      logExchange(req, body, started, "guard", entry.id, NO_USAGE, message, deflection, null, handoff);
      return { ...deflectionCompletion(deflection, entry.id, req.requestId), handoff };
    }
    const { name } = entry.target.config;
    let result: Awaited<ReturnType<typeof completeUpstream>>;
    try {
      result = await completeUpstream(entry.target, callOf(req, body, started));
    } catch (e) {
      throw failed(req, body, started, name, entry.target.config.model, message, e);
    }
    account(req, name, result.model, result.usage);
    const choice = (result.data.choices as { message: { content?: unknown }; finish_reason?: unknown }[])[0]!;
    const text = typeof choice.message.content === "string" ? choice.message.content : "";
    if (!replyMayLeave(guardDeps, req, text)) {
      const handoff = handoffOf(message, "guard", null);
      logExchange(req, body, started, "guard", result.model, result.usage, message, MINOR_REPLY_DEFLECTION, null, handoff);
      const replaced = { ...choice, message: { ...choice.message, content: MINOR_REPLY_DEFLECTION }, finish_reason: "content_filter" };
      return { ...(result.data as ChatCompletion), choices: [replaced] as ChatCompletion["choices"], backend: "guard", handoff };
    }
    const handoff = handoffOf(message, name, null);
    logExchange(req, body, started, name, result.model, result.usage, message, text, null, handoff);
    return { ...(result.data as ChatCompletion), backend: name, handoff };
  };

  const chatStream: StreamHandler = async (req, sink) => {
    const started = Date.now();
    const body = req.body as OpenAiChatBusRequest;
    const includeUsage = body.stream_options?.include_usage === true;
    const { entry, message, deflection } = await prepare(req, body);
    if (deflection !== undefined) {
      await sink.write(deflectionChunks(deflection, entry.id, req.requestId, includeUsage));
      logExchange(req, body, started, "guard", entry.id, NO_USAGE, message, deflection);
      return { backend: "guard" };
    }
    const { name, model } = entry.target.config;
    const replyGuard = new StreamReplyGuard(guardDeps, req);
    let text = "";
    let servedModel = model;
    try {
      const upstream = await streamUpstream(entry.target, callOf(req, body, started, sink.signal));
      // One bus frame per upstream read: chunks that arrived together travel together.
      for await (const batch of upstream.batches) {
        const out: ChatCompletionChunk[] = [];
        for (const chunk of batch) {
          servedModel = chunk.model ?? servedModel;
          const delta = chunk.choices[0]?.delta?.content ?? "";
          if (!replyGuard.accept(delta)) {
            // Leaving the loop cancels the upstream request; the client learns why from the finish reason.
            out.push({ ...chunk, choices: [{ index: 0, delta: {}, finish_reason: "content_filter" }], usage: undefined });
            await sink.write(out);
            logExchange(req, body, started, "guard", servedModel, NO_USAGE, message, text, "content_filter");
            return { backend: "guard" };
          }
          text += delta;
          if (!includeUsage) {
            if (chunk.choices.length === 0) continue; // the usage-only chunk we asked for, for accounting
            delete chunk.usage;
          }
          out.push(chunk);
        }
        if (out.length > 0) await sink.write(out);
      }
      const usage = upstream.usage() ?? NO_USAGE;
      account(req, name, servedModel, usage);
      logExchange(req, body, started, name, servedModel, usage, message, text);
      return { backend: name };
    } catch (e) {
      if (sink.signal.aborted) {
        logExchange(req, body, started, name, servedModel, NO_USAGE, message, text, "cancelled");
        throw sink.signal.reason;
      }
      throw failed(req, body, started, name, model, message, e);
    }
  };

  return {
    models: (): ModelList => catalog.list(),
    chat,
    chatStream,
  };
}
