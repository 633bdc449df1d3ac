/**
 * `bun run bench openai`: what the mesh adds to a streamed completion's time to first byte (TTFB:
 * request sent → first content chunk received) and to its whole duration. Three paths to the same
 * simulator, each in its own process, tracing on (spans exported to a local OTLP sink; `BENCH_TRACING=off`
 * shows tracing's share):
 *   direct: client → simulator /v1/chat/completions (stream)
 *   aio:    client → all-in-one (gateway + chat on the in-process bus) → simulator
 *   mesh:   client → gateway → NATS → chat → simulator (a bus stream: inbox, chunks, credit)
 * Sequential (one stream at a time) and with 16 streams in flight. The simulator paces nothing here:
 * the whole answer is ready at once, so the figures are the relay's own cost, not the model's.
 */
import type { Subprocess } from "bun";
import { startOtlpSink } from "./otlp-sink.ts";
import { freePort, spawn, waitHttp } from "./procs.ts";
import { fmt, percentile } from "./stats.ts";

const SEQ = 400;
const CONC_TOTAL = 1600;
const CONC = 16;
const MODEL = "qwen-bench";
const body = JSON.stringify({
  model: MODEL,
  stream: true,
  messages: [{ role: "system", content: "Tu es Seline, tu réponds en une phrase courte." }, { role: "user", content: "Salut toi, ça va ? Tu fais quoi ce soir ?" }],
});
const headers = { "content-type": "application/json", authorization: "Bearer bench-key" };

type Sample = { ttfb: number; total: number };

/** One streamed completion: time to the first chunk carrying content, and to the end of the stream. */
async function streamOnce(url: string): Promise<Sample> {
  const started = performance.now();
  const res = await fetch(url, { method: "POST", headers, body });
  if (!res.ok || !res.body) throw new Error(`${url} answered ${res.status}`);
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  let ttfb = NaN;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
    if (Number.isNaN(ttfb) && text.includes('"content":"') && /"content":"[^"]/.test(text)) ttfb = performance.now() - started;
  }
  if (!text.includes("data: [DONE]")) throw new Error(`${url}: stream did not end with [DONE]`);
  return { ttfb, total: performance.now() - started };
}

type Figures = { seqTtfb: number; seqTotal: number; concTtfb: number; concTtfb99: number };

async function measure(url: string): Promise<Figures> {
  for (let i = 0; i < 100; i++) await streamOnce(url); // warm-up: JIT, keep-alive connections
  const seq: Sample[] = [];
  for (let i = 0; i < SEQ; i++) seq.push(await streamOnce(url));
  const conc: Sample[] = [];
  let started = 0;
  await Promise.all(Array.from({ length: CONC }, async () => {
    while (started++ < CONC_TOTAL) conc.push(await streamOnce(url));
  }));
  const sorted = (xs: Sample[], k: keyof Sample) => xs.map((x) => x[k]).sort((a, b) => a - b);
  return {
    seqTtfb: percentile(sorted(seq, "ttfb"), 50),
    seqTotal: percentile(sorted(seq, "total"), 50),
    concTtfb: percentile(sorted(conc, "ttfb"), 50),
    concTtfb99: percentile(sorted(conc, "ttfb"), 99),
  };
}

export async function benchOpenAi(natsUrl: string): Promise<string[]> {
  const children: Subprocess[] = [];
  const sink = startOtlpSink();
  try {
    const simPort = freePort();
    children.push(spawn("sim/src/main.ts", { PORT: String(simPort), SIM_MODELS: MODEL }));
    const simUrl = `http://127.0.0.1:${simPort}/v1`;
    await waitHttp(`http://127.0.0.1:${simPort}/health`);

    const otel: Record<string, string> = process.env.BENCH_TRACING === "off" ? {} : { OTEL_EXPORTER_OTLP_ENDPOINT: sink.url, OTEL_TRACES_SAMPLER_ARG: "1" };
    const common = {
      ...otel,
      VLLM_BASE_URL: simUrl, VLLM_MODEL_NAME: MODEL, GATEWAY_API_KEYS: "bench-key", RATE_LIMIT_PER_MINUTE: "0", HOST: "127.0.0.1",
    };
    const aioPort = freePort();
    const aio = spawn("all-in-one.ts", { ...common, PORT: String(aioPort), DATA_DIR: `/tmp/sinhome-bench-openai-${process.pid}` });
    const gatewayPort = freePort();
    const gateway = spawn("gateway/src/main.ts", { ...common, NATS_URL: natsUrl, PORT: String(gatewayPort) });
    const chat = spawn("services/chat/src/main.ts", { ...common, NATS_URL: natsUrl, HEALTH_PORT: "0" });
    children.push(aio, gateway, chat);
    for (const port of [aioPort, gatewayPort]) {
      await waitHttp(`http://127.0.0.1:${port}/healthz`);
      // Ready when a stream goes through end to end.
      for (let i = 0; i < 100; i++) {
        if (await streamOnce(`http://127.0.0.1:${port}/v1/chat/completions`).then(() => true, () => false)) break;
        await Bun.sleep(100);
      }
    }

    const direct = await measure(`${simUrl}/chat/completions`);
    const inProcess = await measure(`http://127.0.0.1:${aioPort}/v1/chat/completions`);
    const mesh = await measure(`http://127.0.0.1:${gatewayPort}/v1/chat/completions`);
    const row = (name: string, f: Figures) =>
      `  ${name.padEnd(7)} TTFB p50 ${fmt(f.seqTtfb).padStart(9)}  whole stream p50 ${fmt(f.seqTotal).padStart(9)}  (1 at a time)   TTFB p50 ${fmt(f.concTtfb).padStart(9)} p99 ${fmt(f.concTtfb99).padStart(9)} (${CONC} in flight)`;
    const added = (name: string, f: Figures) =>
      `${name} adds to TTFB: +${fmt(f.seqTtfb - direct.seqTtfb)} p50 one at a time (×${(f.seqTtfb / direct.seqTtfb).toFixed(1)}), +${fmt(f.concTtfb - direct.concTtfb)} p50 with ${CONC} in flight`;
    return [
      row("direct", direct),
      row("aio", inProcess),
      row("mesh", mesh),
      added("all-in-one", inProcess),
      added("mesh", mesh),
      `spans exported: ${sink.spansBatches()} OTLP batches`,
    ];
  } finally {
    for (const c of children) c.kill("SIGTERM");
    await Promise.all(children.map((c) => c.exited));
    sink.stop();
  }
}
