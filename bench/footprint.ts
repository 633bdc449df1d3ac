/**
 * Start time and idle memory of each process (SPEC §7: ≤ 80 MB resident when idle, ready ≤ 1 s).
 * Ready = the probe port answers /readyz 200 (gateway: /readyz on its HTTP port). Idle RSS is read
 * from /proc after 2 s without traffic. Baseline: an empty Bun process.
 */
import { freePort, spawn } from "./procs.ts";

async function rssMb(pid: number): Promise<number> {
  const status = await Bun.file(`/proc/${pid}/status`).text();
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

async function readyAfter(url: string, started: number, ms = 10_000): Promise<number> {
  while (performance.now() - started < ms) {
    if (await fetch(url).then((r) => r.status === 200, () => false)) return performance.now() - started;
    await Bun.sleep(10);
  }
  return NaN;
}

export async function benchFootprint(natsUrl: string, databaseUrl: string): Promise<string[]> {
  const lines: string[] = [];
  const baseline = Bun.spawn(["bun", "-e", "setTimeout(() => {}, 60000)"], { stdout: "ignore" });
  await Bun.sleep(1000);
  lines.push(`empty bun process: ${(await rssMb(baseline.pid)).toFixed(0)} MB`);
  baseline.kill();
  const targets: [string, string, (port: number) => Record<string, string>, string][] = [
    ["gateway", "gateway/src/main.ts", (p) => ({ PORT: String(p), HOST: "127.0.0.1" }), "/readyz"],
    ["chat", "services/chat/src/main.ts", (p) => ({ HEALTH_PORT: String(p) }), "/readyz"],
    ["scoring", "services/scoring/src/main.ts", (p) => ({ HEALTH_PORT: String(p) }), "/readyz"],
    ["media", "services/media/src/main.ts", (p) => ({ HEALTH_PORT: String(p), DATABASE_URL: databaseUrl }), "/readyz"],
    ["ops", "services/ops/src/main.ts", (p) => ({ HEALTH_PORT: String(p) }), "/readyz"],
    ["outcomes", "services/outcomes/src/main.ts", (p) => ({ HEALTH_PORT: String(p), DATABASE_URL: databaseUrl }), "/readyz"],
  ];
  for (const [name, entry, env, path] of targets) {
    const port = freePort();
    const started = performance.now();
    const child = spawn(entry, { NATS_URL: natsUrl, ...env(port) });
    const ready = await readyAfter(`http://127.0.0.1:${port}${path}`, started);
    await Bun.sleep(2000);
    const rss = await rssMb(child.pid);
    child.kill("SIGTERM");
    await child.exited;
    lines.push(`${name.padEnd(8)} ready in ${ready.toFixed(0).padStart(4)} ms (budget 1000), idle RSS ${rss.toFixed(0)} MB (budget 80)`);
  }
  return lines;
}
