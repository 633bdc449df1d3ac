/**
 * What `bun run test` does before the first test: for each of NATS, Redis and PostgreSQL, use the
 * server configured (TEST_*_URL), else the one answering on the default port, else start a private one
 * — installing a missing binary where it can (root on Debian) and otherwise failing at once with one
 * message that names what is missing and the command that installs it.
 */
import { debianPackages, findBinary, missingBinaries, missingServersMessage, SERVER_BINARIES, type ServerKind } from "./binaries.ts";
import { DEFAULT_URLS, PROBES, redactUrl } from "./probes.ts";
import { START, type PrivateServer } from "./servers.ts";

export const KINDS: readonly ServerKind[] = ["nats", "redis", "postgres"];

/** A problem that stops the run before any test: its message is all the user needs to read. */
export class TestServersError extends Error {}

export type Choice = { kind: ServerKind; source: "configured" | "default" | "private"; url?: string; note?: string };

type Env = Record<string, string | undefined>;

/**
 * Decides where each server comes from (probing, never starting anything). `TEST_SERVERS=private`
 * ignores the default ports (a run isolated from the shared servers); a configured URL always wins,
 * and one that does not answer is an error, not a reason to start another server.
 */
export async function chooseServers(env: Env): Promise<Choice[]> {
  const onlyPrivate = env.TEST_SERVERS === "private";
  const choices = await Promise.all(KINDS.map(async (kind): Promise<Choice> => {
    const configured = env[SERVER_BINARIES[kind].urlVariable];
    if (configured) {
      const problem = await PROBES[kind](configured);
      return { kind, source: "configured", url: configured, note: problem };
    }
    if (onlyPrivate) return { kind, source: "private", note: "TEST_SERVERS=private" };
    const problem = await PROBES[kind](DEFAULT_URLS[kind], { createDatabase: true });
    return problem
      ? { kind, source: "private", note: `${redactUrl(DEFAULT_URLS[kind])}: ${problem}` }
      : { kind, source: "default", url: DEFAULT_URLS[kind] };
  }));
  const broken = choices.filter((c) => c.source === "configured" && c.note);
  if (broken.length > 0) {
    throw new TestServersError(broken.map((c) => `cannot run the tests: ${SERVER_BINARIES[c.kind].urlVariable}=${redactUrl(c.url!)} does not answer (${c.note}); unset it to let \`bun run test\` start a private ${SERVER_BINARIES[c.kind].label}`).join("\n"));
  }
  return choices;
}

/** apt-get install as root on Debian, as .ci/run does; answers why not when it cannot. */
async function install(packages: string[], say: (line: string) => void): Promise<string | undefined> {
  if (process.getuid?.() !== 0) return "not root, so they cannot be installed here";
  const aptGet = findBinary("apt-get", (process.env.PATH ?? "").split(":").filter(Boolean));
  if (!aptGet) return "no apt-get to install them with";
  say(`installing ${packages.join(" ")} (apt-get, as root)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  for (const args of [["update", "-qq"], ["install", "-y", "-qq", "-o", "DPkg::Lock::Timeout=120", ...packages]]) {
    const p = Bun.spawn([aptGet, ...args], { env, stdout: "pipe", stderr: "pipe" });
    const [code, out, err] = await Promise.all([p.exited, new Response(p.stdout).text(), new Response(p.stderr).text()]);
    if (code !== 0) return `apt-get ${args[0]} failed: ${(err || out).trim().split("\n").slice(-2).join(" ")}`;
  }
  return undefined;
}

export type TestServers = {
  /** TEST_NATS_URL, TEST_REDIS_URL, TEST_DATABASE_URL for the tests. */
  env: Record<string, string>;
  /** One line per server: where it comes from. */
  summary: string[];
  /** Stops and deletes the private servers (the others are left alone). */
  stop(): Promise<void>;
};

/**
 * Makes sure every server exists. `onStarted` hears each private server as soon as it runs, so a
 * caller interrupted during start-up (Ctrl-C during initdb) can still stop what was started.
 */
export async function ensureTestServers(env: Env, opts: { say?: (line: string) => void; onStarted?: (s: PrivateServer) => void } = {}): Promise<TestServers> {
  const say = opts.say ?? ((line: string) => console.error(line));
  const choices = await chooseServers(env);
  const needed = choices.filter((c) => c.source === "private").map((c) => c.kind);

  let missing = missingBinaries(needed);
  if (missing.length > 0) {
    const why = await install(debianPackages([...new Set(missing.map((m) => m.kind))]), say);
    missing = missingBinaries(needed);
    if (missing.length > 0) throw new TestServersError(missingServersMessage(missing, why ?? "still missing after apt-get install"));
  }

  const started: PrivateServer[] = [];
  const stop = async () => void (await Promise.all(started.splice(0).map((s) => s.destroy().catch(() => {}))));
  const results = await Promise.allSettled(needed.map(async (kind) => {
    const server = await START[kind]();
    started.push(server);
    opts.onStarted?.(server);
    return server;
  }));
  const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failed) {
    await stop();
    throw new TestServersError(`cannot run the tests: a private server did not start: ${(failed.reason as Error).message}`);
  }

  const urls = Object.fromEntries(choices.map((c) => [c.kind, c.url ?? started.find((s) => s.kind === c.kind)!.url])) as Record<ServerKind, string>;
  const summary = choices.map((c) => {
    const label = SERVER_BINARIES[c.kind].label.padEnd(10);
    if (c.source === "private") return `${label} private ${redactUrl(urls[c.kind])}  (${c.note})`;
    return `${label} ${c.source === "configured" ? `${SERVER_BINARIES[c.kind].urlVariable}` : "running"} ${redactUrl(urls[c.kind])}`;
  });
  return {
    env: Object.fromEntries(KINDS.map((k) => [SERVER_BINARIES[k].urlVariable, urls[k]])),
    summary,
    stop,
  };
}
