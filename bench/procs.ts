/** Child processes for the benchmark, and the CPU time they use (from /proc, Linux). */
import type { Subprocess } from "bun";

const root = new URL("..", import.meta.url).pathname;
const TICKS_PER_SECOND = 100; // USER_HZ on Linux

export function freePort(): number {
  const s = Bun.serve({ port: 0, hostname: "127.0.0.1", fetch: () => new Response() });
  const port = s.port!;
  s.stop(true);
  return port;
}

export function spawn(entry: string, env: Record<string, string>): Subprocess {
  return Bun.spawn(["bun", entry], {
    cwd: root,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", LOG_LEVEL: "warn", ...env },
    stdout: "ignore",
    stderr: "inherit",
  });
}

export async function waitHttp(url: string, ms = 15_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await fetch(url).then((r) => r.ok, () => false)) return;
    await Bun.sleep(50);
  }
  throw new Error(`${url} did not come up`);
}

/** CPU seconds (user + system) used so far by the given pids. */
export async function cpuSeconds(pids: number[]): Promise<number> {
  let ticks = 0;
  for (const pid of pids) {
    const stat = await Bun.file(`/proc/${pid}/stat`).text().catch(() => "");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    ticks += Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
  }
  return ticks / TICKS_PER_SECOND;
}

/** Pids of running processes with this exact command name (e.g. the local nats-server). */
export async function pidsOf(name: string): Promise<number[]> {
  const out = await new Response(Bun.spawn(["pgrep", "-x", name], { stdout: "pipe" }).stdout).text();
  return out.split("\n").filter(Boolean).map(Number);
}
