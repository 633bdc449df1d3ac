/**
 * Mesh overhead and CPU cost of a chat request (SPEC §7), tracing on (every span exported to a local
 * OTLP sink). Three paths to the same simulated LLM, each in its own process:
 *   direct: client → simulator
 *   proxy:  client → minimal Bun reverse proxy → simulator      (the floor for any gateway)
 *   mesh:   client → gateway → NATS → chat → simulator          (/direct_chat: the thinnest chat path)
 * Latency: p50 one request at a time, p99 with 64 in flight. CPU: user+system seconds of the gateway,
 * chat and nats-server processes (mesh) or of the proxy, divided by the requests sent.
 */
import type { Subprocess } from "bun";
import { startOtlpSink } from "./otlp-sink.ts";
import { cpuSeconds, freePort, pidsOf, spawn, waitHttp } from "./procs.ts";
import { concurrent, fmt, sequential, type Latency } from "./stats.ts";

const SEQ = 2000;
const CONC = 10_000;

const message = "Salut toi, ça va ? Tu fais quoi ce soir ?";
const systemPrompt = "Tu es Seline, tu réponds en une phrase courte.";
const llmBody = JSON.stringify({
  model: "qwen-bench",
  messages: [{ role: "system", content: systemPrompt }, { role: "user", content: message }],
  max_tokens: 512,
  temperature: 0.7,
});
const chatBody = JSON.stringify({ message, system_prompt: systemPrompt });
const json = { "content-type": "application/json" };

type Measured = { seq: Latency; c64: Latency; cpuMsPerRequest: number; perPid: number[] };

async function measure(url: string, body: string, pids: number[]): Promise<Measured> {
  const call = async () => {
    const res = await fetch(url, { method: "POST", headers: json, body });
    if (!res.ok) throw new Error(`${url} answered ${res.status}`);
    await res.arrayBuffer();
  };
  const seq = await sequential(SEQ, call);
  const before = await Promise.all(pids.map((p) => cpuSeconds([p])));
  const c64 = await concurrent(CONC, 64, call);
  const after = await Promise.all(pids.map((p) => cpuSeconds([p])));
  const perPid = after.map((a, i) => ((a - before[i]!) * 1000) / (CONC + 200));
  return { seq, c64, cpuMsPerRequest: perPid.reduce((x, y) => x + y, 0), perPid };
}

export async function benchMesh(natsUrl: string): Promise<string[]> {
  const children: Subprocess[] = [];
  const sink = startOtlpSink();
  try {
    const simPort = freePort();
    children.push(spawn("sim/src/main.ts", { PORT: String(simPort) }));
    const simUrl = `http://127.0.0.1:${simPort}/v1`;
    await waitHttp(`http://127.0.0.1:${simPort}/health`);

    const proxyPort = freePort();
    const proxy = spawn("bench/proxy.ts", { PORT: String(proxyPort), TARGET_URL: `http://127.0.0.1:${simPort}` });
    children.push(proxy);

    const otel: Record<string, string> = process.env.BENCH_TRACING === "off" ? {} : { OTEL_EXPORTER_OTLP_ENDPOINT: sink.url, OTEL_TRACES_SAMPLER_ARG: "1" };
    const gatewayPort = freePort();
    const gateway = spawn("gateway/src/main.ts", { ...otel, NATS_URL: natsUrl, PORT: String(gatewayPort), HOST: "127.0.0.1", RATE_LIMIT_PER_MINUTE: "0" });
    const chat = spawn("services/chat/src/main.ts", { ...otel, NATS_URL: natsUrl, HEALTH_PORT: "0", VLLM_BASE_URL: simUrl, VLLM_MODEL_NAME: "qwen-bench" });
    children.push(gateway, chat);
    await waitHttp(`http://127.0.0.1:${gatewayPort}/healthz`);
    // Ready when a chat request goes through end to end.
    for (let i = 0; i < 100; i++) {
      const r = await fetch(`http://127.0.0.1:${gatewayPort}/direct_chat`, { method: "POST", headers: json, body: chatBody });
      if (r.ok) break;
      await Bun.sleep(100);
    }

    const natsPids = await pidsOf("nats-server");
    const direct = await measure(`${simUrl}/chat/completions`, llmBody, []);
    const floor = await measure(`http://127.0.0.1:${proxyPort}/v1/chat/completions`, llmBody, [proxy.pid]);
    const mesh = await measure(`http://127.0.0.1:${gatewayPort}/direct_chat`, chatBody, [gateway.pid, chat.pid, ...natsPids]);

    const row = (name: string, m: { seq: Latency; c64: Latency }) =>
      `  ${name.padEnd(7)} p50 ${fmt(m.seq.p50).padStart(9)} (1 at a time)   p99 ${fmt(m.c64.p99).padStart(9)} (64 in flight)`;
    return [
      row("direct", direct),
      row("proxy", floor),
      row("mesh", mesh),
      `mesh overhead over direct: p50 +${fmt(mesh.seq.p50 - direct.seq.p50)} (budget 0.3 ms), p99 +${fmt(mesh.c64.p99 - direct.c64.p99)} (budget 3 ms)`,
      `CPU per request: mesh ${fmt(mesh.cpuMsPerRequest)} (gateway ${fmt(mesh.perPid[0]!)}, chat ${fmt(mesh.perPid[1]!)}, nats-server ${fmt(mesh.perPid.slice(2).reduce((x, y) => x + y, 0))}), minimal proxy ${fmt(floor.cpuMsPerRequest)}; ratio ${(mesh.cpuMsPerRequest / floor.cpuMsPerRequest).toFixed(2)}× (budget 2×)`,
      `spans exported: ${sink.spansBatches()} OTLP batches`,
    ];
  } finally {
    for (const c of children) c.kill("SIGTERM");
    await Promise.all(children.map((c) => c.exited));
    sink.stop();
  }
}
