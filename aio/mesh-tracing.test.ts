/**
 * One CRM request is one trace across processes: the gateway and chat run as separate processes over the
 * real NATS server and export their spans over OTLP/HTTP to a collector stand-in that keeps them. The
 * gateway's server span is the child of the caller's traceparent, the chat handler's span is its child
 * across the NATS hop, the LLM call's span is the handler's child, and the LLM server receives that
 * LLM span as its parent.
 */
import { afterAll, beforeAll, expect, test } from "bun:test";
import { startSimulator, type Simulator } from "@sinhome/llm-sim";
import { testServerUrl } from "@sinhome/testing";
import { freePort, MeshProcesses, waitFor } from "./harness.ts";

const NATS_URL = await testServerUrl("nats");

type Span = { traceId: string; spanId: string; parentSpanId?: string; name: string; service: string };
type OtlpExport = {
  resourceSpans?: { resource?: { attributes?: { key: string; value: { stringValue?: string } }[] }; scopeSpans?: { spans?: Omit<Span, "service">[] }[] }[];
};

/** An OTLP/HTTP (JSON) collector stand-in that keeps every span with its process's service.name. */
function startCollector() {
  const spans: Span[] = [];
  const server = Bun.serve({
    port: 0,
    hostname: "127.0.0.1",
    fetch: async (req) => {
      const body = (await req.json()) as OtlpExport;
      for (const rs of body.resourceSpans ?? []) {
        const service = rs.resource?.attributes?.find((a) => a.key === "service.name")?.value.stringValue ?? "?";
        for (const ss of rs.scopeSpans ?? []) for (const s of ss.spans ?? []) spans.push({ ...s, service });
      }
      return Response.json({});
    },
  });
  return { url: `http://127.0.0.1:${server.port}`, spans, stop: () => server.stop(true) };
}

const collector = startCollector();
let sim: Simulator;
const procs = new MeshProcesses({ NATS_URL, LOG_LEVEL: "error", HEALTH_PORT: "0", OTEL_EXPORTER_OTLP_ENDPOINT: collector.url, OTEL_TRACES_SAMPLER_ARG: "1" });
let base = "";

beforeAll(async () => {
  sim = startSimulator({ port: 0, hostname: "127.0.0.1", name: "trace-llm" });
  const [port, chatPort] = [freePort(), freePort()];
  base = `http://127.0.0.1:${port}`;
  procs.spawn("gateway/src/main.ts", { PORT: String(port), HOST: "127.0.0.1", RATE_LIMIT_PER_MINUTE: "0" });
  procs.spawn("services/chat/src/main.ts", { VLLM_BASE_URL: sim.url, LLM_FALLBACK: "none", HEALTH_PORT: String(chatPort) });
  // Both ready: chat subscribed on NATS, the gateway listening and connected.
  await waitFor("gateway and chat ready", async () => (await Promise.all([`http://127.0.0.1:${chatPort}/readyz`, `${base}/readyz`].map((u) => fetch(u).then((r) => r.ok)))).every(Boolean), 30_000);
}, 40_000);

afterAll(async () => {
  await procs.stopAll();
  await sim?.stop();
  collector.stop();
});

test("a CRM request's spans share one trace id and parent each other: gateway → NATS → chat → LLM", async () => {
  const traceId = "5b8efff798038103d269b633813fc60c";
  const callerSpan = "eee19b7ec3c1b174";
  const res = await fetch(`${base}/v2/personality_chat`, {
    method: "POST",
    headers: { "content-type": "application/json", traceparent: `00-${traceId}-${callerSpan}-01` },
    body: JSON.stringify({ message: "Salut, tu fais quoi ?" }),
  });
  expect(res.status).toBe(200);
  // SIGTERM flushes each process's last batch of spans (provider.shutdown), then they exit.
  expect(await procs.stopAll()).toEqual([0, 0]);

  const spans = collector.spans.filter((s) => s.traceId === traceId);
  const byId = new Map(spans.map((s) => [s.spanId, s]));
  /** The span and its ancestors in this trace, nearest first. */
  const ancestry = (s: Span | undefined): Span[] => (s ? [s, ...ancestry(s.parentSpanId ? byId.get(s.parentSpanId) : undefined)] : []);

  const server = spans.find((s) => s.service === "gateway" && s.name === "POST /v2/personality_chat");
  const handler = spans.find((s) => s.service === "chat" && s.name === "sinhome.chat.v2_personality_chat process");
  const llm = spans.find((s) => s.service === "chat" && s.name.startsWith("chat "));
  expect(server?.parentSpanId).toBe(callerSpan);
  // Every span of the trace hangs on the tree rooted at the caller: no orphan, no second root.
  expect(spans.filter((s) => s.parentSpanId !== callerSpan && !byId.has(s.parentSpanId ?? "")).map((s) => `${s.service}:${s.name}`)).toEqual([]);
  // The chat handler (the NATS message's consumer span, in the chat process) is the child of the gateway's
  // server span — the context crossed NATS in the message headers —, and the LLM call is the handler's child.
  expect({ handler: handler?.parentSpanId, llm: llm?.parentSpanId }).toEqual({ handler: server!.spanId, llm: handler!.spanId });
  expect(ancestry(llm).map((s) => `${s.service}:${s.name}`)).toEqual([`chat:${llm!.name}`, "chat:sinhome.chat.v2_personality_chat process", "gateway:POST /v2/personality_chat"]);
  // The LLM server was called with the LLM span as parent.
  const sent = String(sim.requests.at(-1)?.headers.traceparent ?? "");
  expect(sent).toBe(`00-${traceId}-${llm!.spanId}-01`);
}, 30_000);
