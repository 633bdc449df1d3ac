/**
 * `bun run bench liveness`: CPU per chat request of the mesh when the LLM takes 2 s and 400 CRM
 * connections are open (issue #16 item 5) — the shape where a per-request liveness cost grows with the
 * reply's duration. wrk drives, in one run: the floor (a minimal Bun reverse proxy) and the mesh
 * (gateway + chat + a nats-server of its own), each in front of a simulator answering in 2 s. CPU is
 * the processes' user+system time over the wrk run divided by the requests completed.
 * `BENCH_ROOT=<another checkout>` runs the mesh of that tree instead (before/after comparisons).
 */
import type { Subprocess } from "bun";
import { cpuSeconds, freePort, waitHttp } from "./procs.ts";

const here = new URL("..", import.meta.url).pathname;
const UPSTREAM_MS = 2000;
const CONNECTIONS = 400;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);

function spawnIn(root: string, entry: string, env: Record<string, string>): Subprocess {
  return Bun.spawn(["bun", entry], {
    cwd: root,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", LOG_LEVEL: "warn", ...env },
    stdout: "ignore",
    stderr: "inherit",
  });
}

type Run = { requests: number; p50: string; cpuUsPerRequest: number; perPid: number[]; errors?: string };

async function wrk(url: string, body: string, pids: number[]): Promise<Run> {
  const script = `/tmp/sinhome-liveness-${process.pid}.lua`;
  await Bun.write(script, `wrk.method = "POST"\nwrk.body = ${JSON.stringify(body)}\nwrk.headers["Content-Type"] = "application/json"\n`);
  const before = await Promise.all(pids.map((p) => cpuSeconds([p])));
  const child = Bun.spawn(["wrk", "-t2", `-c${CONNECTIONS}`, `-d${SECONDS}s`, "--timeout", "10s", "--latency", "-s", script, url], { stdout: "pipe", stderr: "inherit" });
  const out = await new Response(child.stdout).text();
  await child.exited;
  const after = await Promise.all(pids.map((p) => cpuSeconds([p])));
  if (process.env.BENCH_VERBOSE) console.error(out);
  const requests = Number(/(\d+) requests in/.exec(out)?.[1] ?? 0);
  const errors = /Socket errors: (.*)/.exec(out)?.[1];
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0);
  if (non2xx > 0) throw new Error(`${url}: ${non2xx} non-2xx answers`);
  const perPid = after.map((a, i) => ((a - before[i]!) * 1e6) / Math.max(1, requests));
  return { requests, errors, p50: /^\s+50%\s+(\S+)/m.exec(out)?.[1] ?? "?", cpuUsPerRequest: perPid.reduce((x, y) => x + y, 0), perPid };
}

export async function benchLiveness(): Promise<string[]> {
  const meshRoot = process.env.BENCH_ROOT ?? here;
  const children: Subprocess[] = [];
  try {
    const simPort = freePort();
    children.push(spawnIn(here, "sim/src/main.ts", { PORT: String(simPort), SIM_LATENCY_BASE_MS: String(UPSTREAM_MS), SIM_PREFILL_MS_PER_TOKEN: "0", SIM_PREFIX_CACHE_TOKENS: "0" }));
    await waitHttp(`http://127.0.0.1:${simPort}/health`);

    const proxyPort = freePort();
    const proxy = spawnIn(here, "bench/proxy.ts", { PORT: String(proxyPort), TARGET_URL: `http://127.0.0.1:${simPort}`, BUN_CONFIG_MAX_HTTP_REQUESTS: "1024" });
    children.push(proxy);

    const natsPort = freePort();
    const monitorPort = freePort();
    const nats = Bun.spawn(["nats-server", "-a", "127.0.0.1", "-p", String(natsPort), "-m", String(monitorPort)], { stdout: "ignore", stderr: "ignore" });
    const natsMessages = async () => ((await (await fetch(`http://127.0.0.1:${monitorPort}/varz`)).json()) as { in_msgs: number }).in_msgs;
    children.push(nats);
    const natsUrl = `nats://127.0.0.1:${natsPort}`;
    const gatewayPort = freePort();
    const gateway = spawnIn(meshRoot, "gateway/src/main.ts", { NATS_URL: natsUrl, PORT: String(gatewayPort), HOST: "127.0.0.1", RATE_LIMIT_PER_MINUTE: "0" });
    const chat = spawnIn(meshRoot, "services/chat/src/main.ts", { NATS_URL: natsUrl, HEALTH_PORT: "0", VLLM_BASE_URL: `http://127.0.0.1:${simPort}/v1`, LLM_FALLBACK: "none", BUN_CONFIG_MAX_HTTP_REQUESTS: "1024" });
    children.push(gateway, chat);
    await waitHttp(`http://127.0.0.1:${proxyPort}/v1/models`).catch(() => {});
    const chatBody = JSON.stringify({ message: "Salut toi, ça va ?", system_prompt: "Tu es Seline." });
    const llmBody = JSON.stringify({ model: "qwen-bench", messages: [{ role: "user", content: "Salut toi, ça va ?" }], max_tokens: 64 });
    const meshUrl = `http://127.0.0.1:${gatewayPort}/direct_chat`;
    const until = Date.now() + 20_000;
    while (Date.now() < until && !(await fetch(meshUrl, { method: "POST", headers: { "content-type": "application/json" }, body: chatBody }).then((r) => r.ok, () => false))) await Bun.sleep(200);

    const floor = await wrk(`http://127.0.0.1:${proxyPort}/v1/chat/completions`, llmBody, [proxy.pid]);
    const messagesBefore = await natsMessages();
    const mesh = await wrk(meshUrl, chatBody, [gateway.pid, chat.pid, nats.pid]);
    const messages = (await natsMessages()) - messagesBefore;
    const line = (name: string, r: Run) =>
      `${name.padEnd(34)} ${String(r.requests).padStart(6)} req  p50 ${r.p50.padStart(7)}  CPU ${r.cpuUsPerRequest.toFixed(0).padStart(5)} µs/request  (${(r.cpuUsPerRequest / floor.cpuUsPerRequest).toFixed(1)}× floor)${r.perPid.length > 1 ? ` [${r.perPid.map((c) => c.toFixed(0)).join(" + ")}]` : ""}${r.errors ? `  socket errors: ${r.errors}` : ""}`;
    return [
      `upstream ${UPSTREAM_MS} ms, ${CONNECTIONS} connections, ${SECONDS} s each, mesh from ${meshRoot === here ? "this tree" : meshRoot}`,
      line("floor (minimal Bun proxy)", floor),
      line("mesh (gateway + chat + nats-server)", mesh),
      `NATS messages published per mesh request: ${(messages / Math.max(1, mesh.requests)).toFixed(2)} (${messages} in all, CPU split gateway + chat + nats-server in brackets)`,
    ];
  } finally {
    for (const c of children) c.kill("SIGTERM");
    await Promise.all(children.map((c) => c.exited));
  }
}
