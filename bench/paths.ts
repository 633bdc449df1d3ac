/**
 * The three paths the budget bench compares, each in its own processes, against one upstream
 * (bench/upstream.ts, answering at once or after `delayMs`): the floor proxy, the all-in-one and the
 * mesh (gateway + chat + its own nats-server, so its CPU is counted and no one else's traffic is).
 * Tracing on at the production sampling ratio (1), exported to a local OTLP sink.
 */
import type { Subprocess } from "bun";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startOtlpSink } from "./otlp-sink.ts";
import { freePort, spawn, waitHttp } from "./procs.ts";

export type Target = { name: string; url: string; body: string; pids: number[] };
export type Paths = { upstream: Target; targets: Target[]; spans: () => number; stop(): Promise<void> };

const json = { "content-type": "application/json" };
const chatBody = JSON.stringify({ message: "Salut toi, ça va ? Tu fais quoi ce soir ?", session_id: "bench-1" });
const llmBody = JSON.stringify({ model: "qwen-bench", messages: [{ role: "user", content: "Salut toi" }], max_tokens: 200 });

/** `env` is added to every server process (e.g. BUN_CONFIG_MAX_HTTP_REQUESTS). */
export async function startPaths(opts: { delayMs?: number; env?: Record<string, string> } = {}): Promise<Paths> {
  const children: Subprocess[] = [];
  const sink = startOtlpSink();
  const dataDir = mkdtempSync(join(tmpdir(), "bench-budget-"));
  const stop = async () => {
    for (const c of children) c.kill("SIGTERM");
    await Promise.all(children.map((c) => c.exited));
    sink.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    // NATS_TRANSPORT of the bench's own environment reaches the servers: `NATS_TRANSPORT=node bun run bench budget` measures the other socket layer.
    const transport: Record<string, string> = process.env.NATS_TRANSPORT ? { NATS_TRANSPORT: process.env.NATS_TRANSPORT } : {};
    const env = { ...opts.env, ...transport, OTEL_EXPORTER_OTLP_ENDPOINT: sink.url, OTEL_TRACES_SAMPLER_ARG: "1" };
    const upPort = freePort();
    children.push(spawn("bench/upstream.ts", { PORT: String(upPort), DELAY_MS: String(opts.delayMs ?? 0) }));
    const upstream = `http://127.0.0.1:${upPort}`;
    await waitHttp(`${upstream}/v1/models`);

    const proxyPort = freePort();
    const proxy = spawn("bench/proxy.ts", { ...opts.env, PORT: String(proxyPort), TARGET_URL: upstream });
    const llm = { VLLM_BASE_URL: `${upstream}/v1`, VLLM_MODEL_NAME: "qwen-bench", RATE_LIMIT_PER_MINUTE: "0" };
    const aioPort = freePort();
    const aio = spawn("all-in-one.ts", { ...env, ...llm, PORT: String(aioPort), HOST: "127.0.0.1", DATA_DIR: join(dataDir, "aio") });
    const natsPort = freePort();
    const nats = Bun.spawn([Bun.which("nats-server") ?? "/usr/sbin/nats-server", "-a", "127.0.0.1", "-p", String(natsPort)], { stdout: "ignore", stderr: "ignore" });
    children.push(proxy, aio, nats);
    const natsUrl = `nats://127.0.0.1:${natsPort}`;
    await Bun.sleep(300);
    const gwPort = freePort();
    const gateway = spawn("gateway/src/main.ts", { ...env, NATS_URL: natsUrl, PORT: String(gwPort), HOST: "127.0.0.1", RATE_LIMIT_PER_MINUTE: "0" });
    const chat = spawn("services/chat/src/main.ts", { ...env, ...llm, NATS_URL: natsUrl, HEALTH_PORT: "0" });
    children.push(gateway, chat);

    const targets: Target[] = [
      { name: "floor", url: `http://127.0.0.1:${proxyPort}/v1/chat/completions`, body: llmBody, pids: [proxy.pid] },
      { name: "all-in-one", url: `http://127.0.0.1:${aioPort}/v2/personality_chat`, body: chatBody, pids: [aio.pid] },
      { name: "mesh", url: `http://127.0.0.1:${gwPort}/v2/personality_chat`, body: chatBody, pids: [gateway.pid, chat.pid, nats.pid] },
    ];
    for (const t of targets) await readyThrough(t);
    return { upstream: { name: "upstream", url: `${upstream}/v1/chat/completions`, body: llmBody, pids: [] }, targets, spans: sink.spansBatches, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}

export async function post(t: Target): Promise<string> {
  const res = await fetch(t.url, { method: "POST", headers: json, body: t.body });
  if (!res.ok) throw new Error(`${t.name} answered ${res.status}`);
  return res.text();
}

/** Ready when one request goes through end to end (the mesh needs chat registered on NATS). */
async function readyThrough(t: Target, ms = 30_000): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    // A v2 fallback is a 200 too, but not the path being measured.
    const ok = await post(t).then((body) => !body.includes('"fallback":true'), () => false);
    if (ok) return;
    if (Date.now() > until) throw new Error(`${t.name} did not come up`);
    await Bun.sleep(100);
  }
}
