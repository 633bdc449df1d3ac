/**
 * `bun run bench budget-slow` (on demand, ~1.5 min): the long-reply shape of SPEC §7 — an upstream that
 * answers in 2 s, 400 connections (wrk, from Debian), 15 s per path — reported, not gated. p50 should stay
 * within 50 ms of 2 s (no hidden queue: BUN_CONFIG_MAX_HTTP_REQUESTS is raised in every server here, as
 * in the image; a floor proxy on Bun's default of 256 is shown beside it), and CPU per request should not
 * grow with the reply's duration (compare with `bench budget`).
 */
import { post, startPaths, type Target } from "./paths.ts";
import { cpuSeconds, freePort, spawn, waitHttp } from "./procs.ts";

const CONNECTIONS = 400;
const SECONDS = Number(process.env.BENCH_SLOW_SECONDS ?? 15);

type Run = { rps: number; p50Ms: number; cpuUs: number; errors: number };

async function wrk(t: Target): Promise<Run> {
  const script = `${process.env.TMPDIR ?? "/tmp"}/bench-slow-${process.pid}.lua`;
  await Bun.write(script, `wrk.method = "POST"\nwrk.body = ${JSON.stringify(t.body)}\nwrk.headers["Content-Type"] = "application/json"\n`);
  const before = await cpuSeconds(t.pids);
  const child = Bun.spawn(["wrk", "-t2", `-c${CONNECTIONS}`, `-d${SECONDS}s`, "--timeout", "30s", "--latency", "-s", script, t.url], { stdout: "pipe", stderr: "pipe" });
  const out = await new Response(child.stdout).text();
  await child.exited;
  const after = await cpuSeconds(t.pids);
  const total = Number(/(\d+) requests in/.exec(out)?.[1] ?? 0);
  const p50 = /50%\s+([\d.]+)(us|ms|s)\b/.exec(out);
  const p50Ms = p50 ? Number(p50[1]) * (p50[2] === "s" ? 1000 : p50[2] === "us" ? 0.001 : 1) : NaN;
  const errors = Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0) + Number(/timeout (\d+)/.exec(out)?.[1] ?? 0);
  return { rps: total / SECONDS, p50Ms, cpuUs: total ? ((after - before) * 1e6) / total : NaN, errors };
}

export async function benchBudgetSlow(): Promise<string[]> {
  if (!Bun.which("wrk")) return ["SKIPPED: wrk is not installed (apt-get install wrk)"];
  // The bench upstream takes any number of calls at once (a vLLM would not: there VLLM_MAX_IN_FLIGHT = --max-num-seqs).
  const paths = await startPaths({ delayMs: 2000, env: { BUN_CONFIG_MAX_HTTP_REQUESTS: "4096", VLLM_MAX_IN_FLIGHT: "4096" } });
  const defaultPort = freePort();
  const upstreamBase = new URL(paths.upstream.url).origin;
  const defaultProxy = spawn("bench/proxy.ts", { PORT: String(defaultPort), TARGET_URL: upstreamBase });
  try {
    await waitHttp(`http://127.0.0.1:${defaultPort}/v1/models`);
    const floorDefault: Target = { ...paths.targets[0]!, name: "floor, Bun default 256", url: `http://127.0.0.1:${defaultPort}/v1/chat/completions`, pids: [defaultProxy.pid] };
    await post(paths.upstream);
    const lines = [`upstream answers in 2 s; wrk ${CONNECTIONS} connections, ${SECONDS} s per path; BUN_CONFIG_MAX_HTTP_REQUESTS=4096 (and VLLM_MAX_IN_FLIGHT=4096) unless said`];
    for (const t of [...paths.targets, floorDefault]) {
      const r = await wrk(t);
      lines.push(`  ${t.name.padEnd(24)} ${r.rps.toFixed(0).padStart(4)} req/s   p50 ${(r.p50Ms / 1000).toFixed(3)} s (${r.p50Ms - 2000 >= 0 ? "+" : ""}${(r.p50Ms - 2000).toFixed(0)} ms)   CPU ${r.cpuUs.toFixed(0)} µs/request${r.errors ? `   ${r.errors} errors/timeouts` : ""}`);
    }
    return lines;
  } finally {
    defaultProxy.kill("SIGTERM");
    await defaultProxy.exited;
    await paths.stop();
  }
}
