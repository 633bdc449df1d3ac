/**
 * End-to-end harness for the mesh tests in aio/: the project's own processes (gateway, services) as
 * children on the test's NATS, tracked so none outlives the test file (and killed with it, like the
 * private servers), and the readiness waits every such test needs.
 */
import type { Subprocess } from "bun";
import { freePort, wrap } from "./servers.ts";

const root = new URL("..", import.meta.url).pathname;

/** Polls `check` until it is true (a throw counts as false); fails naming `what` after `ms`. */
export async function waitFor(check: () => Promise<boolean> | boolean, ms: number, what = "condition"): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await Promise.resolve().then(check).catch(() => false)) return;
    await Bun.sleep(50);
  }
  throw new Error(`${what} not met within ${ms} ms`);
}

/** How many instances of a service the gateway's health reports (0 when absent). */
export async function instances(base: string, service: string, headers: Record<string, string> = {}): Promise<number> {
  const body = (await (await fetch(`${base}/monitoring/health`, { headers })).json()) as { components: { name: string; instances?: number }[] };
  return body.components.find((c) => c.name === service)?.instances ?? 0;
}

export type Mesh = {
  /** `bun <entry>` from the repository root with NATS_URL, LOG_LEVEL=warn, HEALTH_PORT=0, then `env`. */
  spawn(entry: string, env?: Record<string, string>): Subprocess;
  /** A gateway on a free loopback port (rate limits off unless `env` says otherwise); not yet ready. */
  gateway(env?: Record<string, string>): { base: string; proc: Subprocess };
  /** Sends `signal` (default SIGTERM) and resolves the exit code once the process is gone. */
  stop(proc: Subprocess, signal?: NodeJS.Signals): Promise<number>;
  /** Stops (SIGTERM) every process still running and waits for each. */
  stopAll(): Promise<void>;
};

export function startMesh(natsUrl: string): Mesh {
  const procs = new Set<Subprocess>();
  const spawn = (entry: string, env: Record<string, string> = {}) => {
    const p = Bun.spawn(wrap(["bun", entry]), {
      cwd: root,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", NATS_URL: natsUrl, LOG_LEVEL: "warn", HEALTH_PORT: "0", ...env },
      stdout: "ignore",
      stderr: "inherit",
    });
    procs.add(p);
    return p;
  };
  const stop = async (proc: Subprocess, signal: NodeJS.Signals = "SIGTERM") => {
    proc.kill(signal);
    const code = await proc.exited;
    procs.delete(proc);
    return code;
  };
  return {
    spawn,
    gateway: (env = {}) => {
      const port = freePort();
      const proc = spawn("gateway/src/main.ts", { PORT: String(port), HOST: "127.0.0.1", RATE_LIMIT_PER_MINUTE: "0", ...env });
      return { base: `http://127.0.0.1:${port}`, proc };
    },
    stop,
    stopAll: async () => void (await Promise.all([...procs].map((p) => stop(p)))),
  };
}
