/**
 * One LLM call as the mesh observes it, for every caller of a backend (the persona pipeline's client and
 * the OpenAI-compatible pass-through): a CLIENT span `chat {model}` with the OpenTelemetry GenAI
 * attributes, one count (by outcome) and one duration in Prometheus, and every failure as an `LlmFailure`.
 */
import { SpanKind, SpanStatusCode, context, trace, type Attributes, type Span, type Tracer } from "@opentelemetry/api";
import { prom } from "@sinhome/runtime";
import { LlmFailure } from "./failure.ts";

/** `gen_ai.system` values: the simulator speaks vLLM's API but is named for what it is. */
const GEN_AI_SYSTEM: Readonly<Record<string, string>> = { vllm: "vllm", grok: "xai", simulator: "sinhome.simulator" };

export type ServerAddress = { address: string; port: number };

/** Host and port of a base URL, for `server.address` / `server.port` (computed once per backend, not per call). */
export function serverOf(baseUrl: string): ServerAddress {
  const url = new URL(baseUrl);
  return { address: url.hostname, port: Number(url.port) || (url.protocol === "https:" ? 443 : 80) };
}

/** Runs `run` inside its span (so outgoing requests carry its trace context) and ends span and metrics when it settles. */
export async function tracedLlmCall<T>(
  tracer: Tracer,
  backend: { name: string; model: string; server: ServerAddress },
  attributes: Attributes,
  run: (span: Span) => Promise<T>,
): Promise<T> {
  const { name, model, server } = backend;
  const span = tracer.startSpan(`chat ${model}`, {
    kind: SpanKind.CLIENT,
    attributes: {
      "gen_ai.system": GEN_AI_SYSTEM[name] ?? "openai",
      "gen_ai.operation.name": "chat",
      "gen_ai.request.model": model,
      "server.address": server.address,
      "server.port": server.port,
      ...attributes,
    },
  }, context.active());
  const started = performance.now();
  let outcome = "ok";
  try {
    return await context.with(trace.setSpan(context.active(), span), () => run(span));
  } catch (e) {
    const failure = e instanceof LlmFailure ? e : new LlmFailure("malformed", `${name}: unexpected client error`);
    outcome = failure.kind;
    span.setAttribute("error.type", failure.errorType);
    span.setStatus({ code: SpanStatusCode.ERROR, message: failure.message });
    throw failure;
  } finally {
    span.end();
    prom.llmRequests.inc({ backend: name, model, outcome });
    prom.llmDuration.observe({ backend: name, model }, (performance.now() - started) / 1000);
  }
}
