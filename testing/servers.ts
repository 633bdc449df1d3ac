/**
 * Private test servers — nats-server (JetStream), redis-server, PostgreSQL (initdb in a temporary
 * directory) — each on a free loopback port, each a child process of the caller that dies with it
 * (`setpriv --pdeathsig`, so not even a SIGKILLed test run leaves one behind). Used by `bun run test`
 * when no server is available, and by the tests that stop and restart a server of their own.
 */
import type { Subprocess } from "bun";
import { chownSync, closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { findBinary, missingBinaries, missingServersMessage, SERVER_BINARIES, type ServerKind } from "./binaries.ts";

export type PrivateServer = {
  kind: ServerKind;
  url: string;
  port: number;
  /** Stops the server, keeping its data; `crash` is SIGKILL (PostgreSQL: immediate shutdown, recovery at the next start). */
  stop(mode?: "graceful" | "crash"): Promise<void>;
  /** Starts it again on the same port, with the same data. */
  start(): Promise<void>;
  /** Stops it (if running) and deletes its directory. */
  destroy(): Promise<void>;
};

/** How long a server may take to answer after its start (generous: the machine may be loaded). */
const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 30_000;

/** A free loopback port (the kernel's choice; a clash with another process is retried at start). */
export function freePort(): number {
  const s = Bun.listen({ hostname: "127.0.0.1", port: 0, socket: { data() {} } });
  const port = s.port;
  s.stop(true);
  return port;
}

/** Resolves with the first bytes the server sends (after `send`), or undefined if it refuses or stays silent. */
export function tcpExchange(port: number, send?: string, timeoutMs = 1000): Promise<string | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), timeoutMs);
    const done = (value: string | undefined) => (clearTimeout(timer), resolve(value));
    Bun.connect({
      hostname: "127.0.0.1",
      port,
      socket: {
        open: (s) => void (send && s.write(send)),
        data: (s, chunk) => void (done(chunk.toString()), s.end()),
        error: () => done(undefined),
        close: () => done(undefined),
        connectError: () => done(undefined),
      },
    }).catch(() => done(undefined));
  });
}

type Account = { uid: number; gid: number };

/** PostgreSQL refuses to run as root: as root it runs as `postgres` (Debian's user) or else `nobody`. */
function serverAccount(kind: ServerKind): Account | undefined {
  if (kind !== "postgres" || process.getuid?.() !== 0) return undefined;
  const users = readFileSync("/etc/passwd", "utf8").split("\n").map((l) => l.split(":"));
  const user = users.find((u) => u[0] === "postgres") ?? users.find((u) => u[0] === "nobody");
  if (!user) throw new Error("running as root and no `postgres` or `nobody` user to run a private PostgreSQL as");
  return { uid: Number(user[2]), gid: Number(user[3]) };
}

/** The command wrapped so it dies with us and runs as `account` (setpriv execs: signals reach the server itself). */
export function wrap(command: string[], account?: Account): string[] {
  const setpriv = findBinary("setpriv", ["/usr/bin", "/bin", "/usr/sbin", "/sbin"]);
  if (setpriv) {
    const user = account ? ["--reuid", String(account.uid), "--regid", String(account.gid), "--clear-groups"] : [];
    return [setpriv, ...user, "--pdeathsig", "KILL", ...command];
  }
  if (account) throw new Error("running as root: setpriv (util-linux) is needed to run a private PostgreSQL as a non-root user");
  return command;
}

async function run(command: string[], account: Account | undefined): Promise<void> {
  const p = Bun.spawn(wrap(command, account), { stdout: "pipe", stderr: "pipe" });
  const [code, out, err] = await Promise.all([p.exited, new Response(p.stdout).text(), new Response(p.stderr).text()]);
  if (code !== 0) throw new Error(`${command[0]} failed (exit ${code}): ${(err || out).slice(-800)}`);
}

function binary(kind: ServerKind, name: string): string {
  const found = findBinary(name);
  if (!found) throw new Error(missingServersMessage(missingBinaries([kind]), "no such binary"));
  return found;
}

type Recipe = {
  kind: ServerKind;
  /** The server's command line for this port and directory (runs in the foreground). */
  command(port: number, dir: string): string[];
  /** True once the server answers on the port. */
  ready(port: number): Promise<boolean>;
  url(port: number): string;
  /** Signals: graceful stop, crash. */
  signals: { graceful: NodeJS.Signals; crash: NodeJS.Signals };
};

/**
 * Runs a recipe: picks a port (a fresh one again if another process took it meanwhile), starts the
 * server as a child, waits until it answers; `stop`/`start` reuse the same port and directory.
 */
async function launch(recipe: Recipe, dir: string, account: Account | undefined, fixedPort?: number): Promise<PrivateServer> {
  let port = fixedPort ?? freePort();
  let proc: Subprocess | undefined;
  const logPath = join(dir, "server.log");

  const startOnce = async (): Promise<"ready" | "exited"> => {
    const log = openSync(logPath, "a");
    // Its own process group: a Ctrl-C in the terminal reaches the tests, not the servers under them (we stop those after).
    const p = Bun.spawn(wrap(recipe.command(port, dir), account), { stdout: log, stderr: log, stdin: "ignore", detached: true });
    closeSync(log);
    proc = p;
    const until = Date.now() + READY_TIMEOUT_MS;
    while (Date.now() < until) {
      if (p.exitCode !== null || p.signalCode !== null) return "exited";
      if (await recipe.ready(port)) return "ready";
      await Bun.sleep(50);
    }
    p.kill("SIGKILL");
    throw new Error(`${SERVER_BINARIES[recipe.kind].label} did not answer on 127.0.0.1:${port} within ${READY_TIMEOUT_MS / 1000} s: ${logTail(logPath)}`);
  };
  const start = async () => {
    for (let attempt = 1; ; attempt++) {
      if ((await startOnce()) === "ready") return;
      // Exited at start: most often the port was taken between freePort() and the bind.
      if (fixedPort !== undefined || attempt === 3) {
        throw new Error(`${SERVER_BINARIES[recipe.kind].label} exited at start on port ${port}: ${logTail(logPath)}`);
      }
      port = freePort();
    }
  };
  const stop = async (mode: "graceful" | "crash" = "graceful") => {
    const p = proc;
    if (!p || p.exitCode !== null || p.signalCode !== null) return;
    p.kill(recipe.signals[mode]);
    const timer = setTimeout(() => p.kill("SIGKILL"), STOP_TIMEOUT_MS);
    await p.exited;
    clearTimeout(timer);
  };

  await start().catch((error: unknown) => {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  });
  const server: PrivateServer = {
    kind: recipe.kind,
    get url() {
      return recipe.url(port);
    },
    get port() {
      return port;
    },
    stop,
    start: async () => {
      fixedPort = port;
      await start();
    },
    destroy: async () => {
      await stop("crash");
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return server;
}

function logTail(path: string): string {
  try {
    return readFileSync(path, "utf8").trim().split("\n").slice(-5).join(" | ") || "(no output)";
  } catch {
    return "(no log)";
  }
}

function privateDir(kind: ServerKind, account: Account | undefined): string {
  const dir = mkdtempSync(join(tmpdir(), `sinhome-test-${kind}-`));
  if (account) chownSync(dir, account.uid, account.gid);
  return dir;
}

/**
 * A private nats-server (with JetStream unless `jetstream: false`); `port` to reuse a known one;
 * `config`: the text of a server configuration file (e.g. a `tls {}` block), the flags still win.
 */
export async function startNats(opts: { jetstream?: boolean; port?: number; config?: string } = {}): Promise<PrivateServer> {
  const nats = binary("nats", "nats-server");
  const dir = privateDir("nats", undefined);
  const config = opts.config === undefined ? [] : ["-c", join(dir, "nats.conf")];
  if (opts.config !== undefined) writeFileSync(join(dir, "nats.conf"), opts.config);
  return launch({
    kind: "nats",
    command: (port, d) => [nats, ...config, "-a", "127.0.0.1", "-p", String(port), ...(opts.jetstream === false ? [] : ["-js", "-sd", join(d, "jetstream")])],
    ready: async (port) => (await tcpExchange(port))?.startsWith("INFO") ?? false,
    url: (port) => `nats://127.0.0.1:${port}`,
    signals: { graceful: "SIGTERM", crash: "SIGKILL" },
  }, dir, undefined, opts.port);
}

/** A private redis-server, nothing persisted. */
export async function startRedis(): Promise<PrivateServer> {
  const redis = binary("redis", "redis-server");
  const dir = privateDir("redis", undefined);
  return launch({
    kind: "redis",
    command: (port, d) => [redis, "--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", d],
    ready: async (port) => (await tcpExchange(port, "PING\r\n"))?.startsWith("+PONG") ?? false,
    url: (port) => `redis://127.0.0.1:${port}`,
    signals: { graceful: "SIGTERM", crash: "SIGKILL" },
  }, dir, undefined);
}

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * A private PostgreSQL: initdb (trust auth, user `postgres`, no fsync) in a temporary directory, then
 * `postgres` in the foreground. `database` (default `postgres`) is created when it is another name.
 */
export async function startPostgres(opts: { database?: string } = {}): Promise<PrivateServer> {
  const initdb = binary("postgres", "initdb");
  const postgres = binary("postgres", "postgres");
  const account = serverAccount("postgres");
  const dir = privateDir("postgres", account);
  const data = join(dir, "data");
  await run([initdb, "-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "--no-locale", "-E", "UTF8"], account).catch((error: unknown) => {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  });
  const database = opts.database ?? "postgres";
  const server = await launch({
    kind: "postgres",
    command: (port, d) => [postgres, "-D", data, "-p", String(port), "-k", d, "-c", "listen_addresses=127.0.0.1",
      "-c", "fsync=off", "-c", "full_page_writes=off", "-c", "max_connections=200"],
    ready: (port) => answers(`postgres://postgres@127.0.0.1:${port}/postgres`),
    url: (port) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    // SIGINT is PostgreSQL's fast shutdown, SIGQUIT its immediate one (a crash, recovered at the next start).
    signals: { graceful: "SIGINT", crash: "SIGQUIT" },
  }, dir, account);
  if (database !== "postgres") {
    const client = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${server.port}/postgres` });
    await client.connect();
    await client.query(`CREATE DATABASE "${database.replaceAll('"', '""')}"`).finally(() => client.end());
  }
  return server;
}

/** One start function per kind (the runner starts what is missing). */
export const START: Record<ServerKind, () => Promise<PrivateServer>> = {
  nats: () => startNats(),
  redis: () => startRedis(),
  postgres: () => startPostgres({ database: "test" }),
};
