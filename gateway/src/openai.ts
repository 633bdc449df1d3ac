/**
 * The OpenAI-compatible API at the gateway: `GET /v1/models` and `POST /v1/chat/completions`
 * (whole, or `stream: true` as Server-Sent Events), answered by the chat service over the bus. A
 * stream is relayed chunk by chunk as chat publishes it; the HTTP client reading slowly holds back
 * the bus credit (and so the upstream read), and a client that disconnects cancels the stream, which
 * aborts the upstream LLM request. Keys and rate limits apply as on every route (in `app.ts`);
 * errors leave in OpenAI's shape (`http-errors.ts`), mid-stream ones as an SSE `data: {"error": …}`.
 */
import { Elysia } from "elysia";
import { context, propagation, SpanKind, SpanStatusCode, trace, type Span, type TextMapGetter } from "@opentelemetry/api";
import {
  ChatCompletion,
  ChatCompletionRequest,
  ModelList,
  MODULE_ROUTE_SCOPES,
  OpenAiErrorBody,
  openStream,
  Subject,
  toAppError,
  type Bus,
  type BusStream,
  type OpenAiChatBusRequest,
} from "@sinhome/proto";
import { JSON_HEADERS, openAiError } from "./http-errors.ts";
import { securityDoc } from "./keys/route-scopes.ts";

export const OPENAI_ROUTES: Record<string, string[]> = { "/v1/chat/completions": ["POST"], "/v1/models": ["GET"] };

export type OpenAiApiOptions = {
  bus: Bus;
  /** Bus timeout of a whole completion, and the longest a stream may last. */
  chatTimeoutMs: number;
  /** Bus timeout of the model list. */
  shortTimeoutMs: number;
  /** Longest silence of a running stream (chat pings every second while the model thinks). */
  streamIdleTimeoutMs: number;
  requestIdOf: (request: Request) => string;
  /** Who calls, as bus headers: the key's name (never the key) for accounting, and its tenant. */
  callerOf: (request: Request) => Record<string, string>;
};

/** Chunks the chat service may send ahead of what the HTTP client has read. */
const STREAM_WINDOW = 32;
/** Largest batch of already-arrived chunks written at once. */
const MAX_WRITE_CHARS = 64 * 1024;
const SSE_HEADERS = { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache", connection: "keep-alive" } as const;
const encoder = new TextEncoder();
const tracer = trace.getTracer("sinhome.gateway");
const HEADERS_GETTER: TextMapGetter<Headers> = {
  keys: (headers) => [...headers.keys()],
  get: (headers, key) => headers.get(key) ?? undefined,
};

const errorDoc = { description: "Error, in OpenAI's shape", content: { "application/json": { schema: OpenAiErrorBody } } };

export function openAiApi(opts: OpenAiApiOptions) {
  const { bus } = opts;

  /** The HTTP server span of one call; ended by the caller (a stream ends it when the stream ends). */
  const startSpan = (request: Request, route: string, requestId: string) => {
    const parent = propagation.extract(context.active(), request.headers, HEADERS_GETTER);
    const span = tracer.startSpan(`${request.method} ${route}`, {
      kind: SpanKind.SERVER,
      attributes: { "http.request.method": request.method, "http.route": route, "sinhome.request_id": requestId },
    }, parent);
    return { span, ctx: trace.setSpan(parent, span) };
  };
  const endSpan = (span: Span, status: number) => {
    span.setAttribute("http.response.status_code", status);
    if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  };

  const models = async ({ request }: { request: Request }) => {
    const requestId = opts.requestIdOf(request);
    const { span, ctx } = startSpan(request, "/v1/models", requestId);
    try {
      const reply = await context.with(ctx, () => bus.request(Subject.OpenAiModels, {}, { timeoutMs: opts.shortTimeoutMs, requestId, resend: true }));
      endSpan(span, 200);
      return new Response(reply, { headers: { ...JSON_HEADERS, "x-request-id": requestId } });
    } catch (e) {
      endSpan(span, toAppError(e).status);
      throw e;
    }
  };

  const completions = async ({ request, body }: { request: Request; body: ChatCompletionRequest }) => {
    const requestId = opts.requestIdOf(request);
    const { span, ctx } = startSpan(request, "/v1/chat/completions", requestId);
    const payload: OpenAiChatBusRequest = body;
    const headers = opts.callerOf(request);
    span.setAttribute("gen_ai.request.model", body.model);
    try {
      if (body.stream !== true) {
        const reply = await context.with(ctx, () => bus.request(Subject.OpenAiChat, payload, { timeoutMs: opts.chatTimeoutMs, requestId, headers, resend: true }));
        endSpan(span, 200);
        return new Response(reply, { headers: { ...JSON_HEADERS, "x-request-id": requestId } });
      }
      const stream = await context.with(ctx, () =>
        openStream(bus, Subject.OpenAiChatStream, payload, { timeoutMs: opts.chatTimeoutMs, requestId, headers, window: STREAM_WINDOW, idleTimeoutMs: opts.streamIdleTimeoutMs }),
      );
      return sseResponse(stream, request, requestId, (outcome) => {
        span.setAttribute("sinhome.stream.outcome", outcome);
        endSpan(span, 200);
      });
    } catch (e) {
      endSpan(span, toAppError(e).status);
      throw e;
    }
  };

  // OpenAPI documents the TypeBox schemas as they are; Elysia's detail typing wants plain OpenAPI objects.
  const modelsHook = {
    detail: { summary: "models served (OpenAI-compatible)", tags: ["openai"], ...securityDoc(MODULE_ROUTE_SCOPES["/v1/models"]!), responses: { 200: { description: "OK", content: { "application/json": { schema: ModelList } } }, default: errorDoc } },
  };
  const completionsHook = {
    body: ChatCompletionRequest,
    detail: {
      summary: "chat completion (OpenAI-compatible); `stream: true` answers Server-Sent Events",
      tags: ["openai"],
      ...securityDoc(MODULE_ROUTE_SCOPES["/v1/chat/completions"]!),
      responses: {
        200: { description: "a completion, or an SSE stream of chunks ending with `data: [DONE]`", content: { "application/json": { schema: ChatCompletion }, "text/event-stream": { schema: { type: "string" } } } },
        default: errorDoc,
      },
    },
  };
  return new Elysia({ name: "openai" })
    .get("/v1/models", models, modelsHook as never)
    .post("/v1/chat/completions", ({ request, body }) => completions({ request, body: body as ChatCompletionRequest }), completionsHook as never);
}

type StreamOutcome = "done" | "error" | "cancelled";

/** The bus stream as SSE: one `data:` event per chunk, `data: [DONE]` at the end, an error event on failure. */
function sseResponse(stream: BusStream, request: Request, requestId: string, onEnd: (outcome: StreamOutcome) => void): Response {
  let ended = false;
  const end = (outcome: StreamOutcome) => {
    if (ended) return;
    ended = true;
    onEnd(outcome);
  };
  const cancel = () => {
    stream.cancel();
    end("cancelled");
  };
  // The client may have left while the stream was opening: an already-aborted signal fires no event.
  if (request.signal.aborted) cancel();
  else request.signal.addEventListener("abort", cancel, { once: true });
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      // Chunks that arrived together leave in one write (a fast model sends several per network packet).
      let text = "";
      try {
        do {
          const next = await stream.next();
          if (ended) return;
          if (next.done) {
            controller.enqueue(encoder.encode(`${text}data: [DONE]\n\n`));
            controller.close();
            end("done");
            return;
          }
          // Each frame holds the chunks of one upstream read.
          for (const chunk of next.value as unknown[]) text += `data: ${JSON.stringify(chunk)}\n\n`;
        } while (stream.buffered() > 0 && text.length < MAX_WRITE_CHARS);
        controller.enqueue(encoder.encode(text));
      } catch (e) {
        if (ended) return;
        // Headers are sent: the error travels as an event, which OpenAI SDKs raise as an APIError.
        controller.enqueue(encoder.encode(`${text}data: ${JSON.stringify(openAiError(toAppError(e)).body)}\n\n`));
        controller.close();
        end("error");
      }
    },
    cancel,
  });
  return new Response(body, { headers: { ...SSE_HEADERS, "x-request-id": requestId } });
}
