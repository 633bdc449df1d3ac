/**
 * What end-to-end tests of the mesh as processes share: free loopback ports, mesh processes started from the
 * repository root (stopped together), and waiting for a condition with a deadline. Older tests in aio/ still
 * carry their own copies; new ones use this.
 */
import type { Subprocess } from "bun";
import { wrap } from "@sinhome/testing";

export const ROOT = new URL("..", import.meta.url).pathname;

/** A loopback port free right now (the OS picks it; nothing holds it afterwards). */
export function freePort(): number {
  const s = Bun.serve({ port: 0, hostname: "127.0.0.1", fetch: () => new Response() });
  const port = s.port!;
  s.stop(true);
  return port;
}

/** Mesh processes (`bun <entry>` with a clean environment plus `env`), all stopped by `stopAll`. */
export class MeshProcesses {
  readonly list: Subprocess[] = [];
  constructor(private readonly common: Record<string, string>) {}

  spawn(entry: string, env: Record<string, string> = {}): Subprocess {
    // Dies with the test process (pdeathsig), so a killed test run leaves no mesh process behind.
    const p = Bun.spawn(wrap(["bun", entry]), {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", ...this.common, ...env },
      stdout: "ignore",
      stderr: "inherit",
    });
    this.list.push(p);
    return p;
  }

  /** SIGTERM to every process still running; their exit codes, in start order. */
  async stopAll(): Promise<(number | null)[]> {
    for (const p of this.list) if (p.exitCode === null && p.signalCode === null) p.kill("SIGTERM");
    return await Promise.all(this.list.map((p) => p.exited));
  }
}

/** Polls `check` until it holds (errors count as "not yet"); throws naming `what` after `ms`. */
export async function waitFor(what: string, check: () => Promise<boolean>, ms: number): Promise<void> {
  const until = Date.now() + ms;
  let last = "the check never answered true";
  while (Date.now() < until) {
    // One check is bounded by the time left: a request that hangs fails here with a message, not as a hook timeout.
    let timer: Timer | undefined;
    const late = new Promise<boolean>((resolve) => { timer = setTimeout(() => { last = "the last check hung"; resolve(false); }, Math.max(until - Date.now(), 1)); });
    const ok = await Promise.race([check().catch((e: unknown) => { last = e instanceof Error ? e.message : String(e); return false; }), late]);
    clearTimeout(timer);
    if (ok) return;
    await Bun.sleep(100);
  }
  throw new Error(`${what}: not in ${ms} ms (${last})`);
}

/** How many instances of a service the gateway's health reports (0 when absent). */
export async function instances(base: string, service: string, headers: Record<string, string> = {}): Promise<number> {
  const body = (await (await fetch(`${base}/monitoring/health`, { headers })).json()) as { components: { name: string; instances?: number }[] };
  return body.components.find((c) => c.name === service)?.instances ?? 0;
}
