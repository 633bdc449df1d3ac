/**
 * Test fixture: a PostgreSQL server of the test's own (initdb + pg_ctl in a temporary directory, on
 * a free loopback port), so a test can stop and restart it — never the shared server. As root the
 * server runs as the `postgres` user (PostgreSQL refuses to run as root). Binaries are looked up in
 * /usr/local/bin, then /usr/lib/postgresql/<version>/bin.
 */
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

function binary(name: string): string {
  const local = `/usr/local/bin/${name}`;
  if (existsSync(local)) return local;
  const versions = existsSync("/usr/lib/postgresql") ? readdirSync("/usr/lib/postgresql").sort().reverse() : [];
  for (const v of versions) {
    const path = `/usr/lib/postgresql/${v}/bin/${name}`;
    if (existsSync(path)) return path;
  }
  return name;
}

function freePort(): number {
  const s = Bun.serve({ port: 0, hostname: "127.0.0.1", fetch: () => new Response() });
  const port = s.port!;
  s.stop(true);
  return port;
}

const asRoot = process.getuid?.() === 0;

async function run(args: string[]): Promise<void> {
  const cmd = asRoot ? ["runuser", "-u", "postgres", "--", ...args] : args;
  const p = Bun.spawn(cmd, { stdout: "pipe", stderr: "pipe" });
  const [code, err] = await Promise.all([p.exited, new Response(p.stderr).text()]);
  if (code !== 0) throw new Error(`${args[0]} failed (${code}): ${err.slice(-500)}`);
}

export type PrivatePostgres = {
  url: string;
  port: number;
  /** Stops the server; `immediate` is a crash (no checkpoint, recovery at the next start). */
  stop(mode?: "fast" | "immediate"): Promise<void>;
  start(): Promise<void>;
  /** Stops the server and deletes its directory. */
  destroy(): Promise<void>;
};

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const dir = mkdtempSync(join(tmpdir(), "sinhome-pg-"));
  if (asRoot) {
    const { uid, gid } = await postgresUser();
    chownSync(dir, uid, gid);
  }
  const data = join(dir, "data");
  const port = freePort();
  await run([binary("initdb"), "-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"]);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`;
  let running = false;
  const start = async () => {
    await run([binary("pg_ctl"), "-D", data, "-o", options, "-l", join(dir, "log"), "-w", "-t", "30", "start"]);
    running = true;
  };
  const stop = async (mode: "fast" | "immediate" = "fast") => {
    await run([binary("pg_ctl"), "-D", data, "-m", mode, "-w", "-t", "30", "stop"]);
    running = false;
  };
  await start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    stop,
    start,
    destroy: async () => {
      if (running) await stop("immediate").catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function postgresUser(): Promise<{ uid: number; gid: number }> {
  const passwd = await Bun.file("/etc/passwd").text();
  const line = passwd.split("\n").find((l) => l.startsWith("postgres:"));
  if (!line) throw new Error("no postgres user to run a private PostgreSQL as (running as root)");
  const [, , uid, gid] = line.split(":");
  return { uid: Number(uid), gid: Number(gid) };
}
