/**
 * OpenTelemetry setup of one process. Context propagation (W3C traceparent, AsyncLocalStorage)
 * is always on, so a caller's trace flows through the mesh; spans are recorded and exported over
 * OTLP/HTTP only when OTEL_EXPORTER_OTLP_ENDPOINT is set. Sampling is parent-based with a ratio for
 * new traces. Bun's HTTP server and fetch are not auto-instrumented: spans are created by hand.
 */
import { context, propagation, trace } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BasicTracerProvider, BatchSpanProcessor, ParentBasedSampler, TraceIdRatioBasedSampler } from "@opentelemetry/sdk-trace-base";

let contextReady = false;

export type Tracing = { enabled: boolean; shutdown(): Promise<void> };

export function setupTracing(opts: { serviceName: string; endpoint?: string; sampleRatio: number }): Tracing {
  if (!contextReady) {
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    contextReady = true;
  }
  if (!opts.endpoint) return { enabled: false, shutdown: async () => {} };
  const url = opts.endpoint.replace(/\/+$/, "") + (opts.endpoint.endsWith("/v1/traces") ? "" : "/v1/traces");
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ "service.name": opts.serviceName, "service.namespace": "sinhome" }),
    sampler: new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(opts.sampleRatio) }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url }))],
  });
  trace.setGlobalTracerProvider(provider);
  return { enabled: true, shutdown: () => provider.shutdown() };
}
