/**
 * `bun run test [bun test arguments]`: makes sure NATS, Redis and PostgreSQL exist (ensure.ts), runs
 * `bun test` against them, and stops the private ones at the end — on success, on failure, on Ctrl-C
 * and on SIGTERM. Exit code: bun test's, 1 when the servers cannot be had, 128+n on a signal.
 * `bun testing/run.ts --exec <command…>` runs another command the same way (CI's image smoke test).
 */
import type { Subprocess } from "bun";
import { ensureTestServers, TestServersError } from "./ensure.ts";
import { wrap, type PrivateServer } from "./servers.ts";

const SIGNALS = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 } as const;
/** After a signal, bun test gets this long to finish before it is killed. */
const CHILD_GRACE_MS = 10_000;

const started: PrivateServer[] = [];
let child: Subprocess | undefined;
let signalled: keyof typeof SIGNALS | undefined;

async function stopServers(): Promise<void> {
  await Promise.all(started.splice(0).map((s) => s.destroy().catch(() => {})));
}

for (const name of Object.keys(SIGNALS) as (keyof typeof SIGNALS)[]) {
  process.on(name, () => {
    if (signalled) return;
    signalled = name;
    if (child) {
      // A Ctrl-C reached bun test too (same process group); a SIGTERM sent to us alone is passed on.
      child.kill(name);
      setTimeout(() => child?.kill("SIGKILL"), CHILD_GRACE_MS).unref();
    } else {
      void stopServers().then(() => process.exit(128 + SIGNALS[name]));
    }
  });
}

const began = performance.now();
let servers;
try {
  servers = await ensureTestServers(process.env, { onStarted: (s) => void started.push(s) });
} catch (error) {
  await stopServers();
  if (error instanceof TestServersError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
if (signalled) {
  await stopServers();
  process.exit(128 + SIGNALS[signalled]);
}
console.error(`test servers ready in ${((performance.now() - began) / 1000).toFixed(1)} s:\n  ${servers.summary.join("\n  ")}`);

let code = 1;
try {
  const args = process.argv.slice(2);
  const command = args[0] === "--exec" ? args.slice(1) : [process.execPath, "test", ...args];
  // Dies with us too (pdeathsig): a SIGKILLed runner leaves neither the tests nor, through them, a server.
  child = Bun.spawn(wrap(command), {
    env: { ...process.env, ...servers.env },
    stdio: ["inherit", "inherit", "inherit"],
  });
  code = await child.exited;
} finally {
  await stopServers();
}
process.exit(signalled ? 128 + SIGNALS[signalled] : code);
