/**
 * `bun run test` itself (testing/run.ts as a subprocess, TEST_SERVERS=private so the shared servers
 * are never used): private servers for the tests, stopped at the end and on SIGTERM; a missing binary
 * or a configured server that does not answer stops the run at once with one message.
 */
import { afterAll, expect, test } from "bun:test";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { probeNats, probePostgres, probeRedis } from "./probes.ts";
import { freePort } from "./servers.ts";

const root = new URL("..", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "sinhome-run-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The runner with a clean environment: only what the case sets, no TEST_*_URL from this run. */
function runner(args: string[], env: Record<string, string>) {
  return Bun.spawn([process.execPath, "testing/run.ts", ...args], {
    cwd: root,
    detached: true, // a process group of its own, as in a terminal: Ctrl-C is SIGINT to the whole group
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", TEST_SERVERS: "private", ...env },
    stdout: "pipe",
    stderr: "pipe",
  });
}

const FIXTURE = "./testing/fixtures/uses-servers.fixture.ts";

async function expectAllGone(urls: { nats: string; redis: string; postgres: string }) {
  expect(await probeNats(urls.nats)).toBe("connection refused");
  expect(await probeRedis(urls.redis)).toBe("connection refused");
  expect(await probePostgres(urls.postgres)).toBe("connection refused");
  const ps = Bun.spawnSync(["ps", "-eo", "args"]).stdout.toString();
  // nats-server and postgres show `-p <port>`; redis-server retitles itself `redis-server 127.0.0.1:<port>`.
  for (const url of Object.values(urls)) expect(ps).not.toMatch(new RegExp(`(-p |--port |127\\.0\\.0\\.1:)${new URL(url).port}( |$)`, "m"));
}

test("private servers are started for the tests, given to them, and stopped afterwards", async () => {
  const out = join(dir, "urls.json");
  const p = runner([FIXTURE], { FIXTURE_OUT: out });
  const [code, stderr] = await Promise.all([p.exited, new Response(p.stderr).text()]);
  expect(stderr).toMatch(/test servers ready in [\d.]+ s:\n {2}NATS {7}private nats:\/\/127\.0\.0\.1:\d+/);
  expect(code).toBe(0);
  const urls = await Bun.file(out).json();
  expect(urls.postgres).toMatch(/^postgres:\/\/postgres@127\.0\.0\.1:\d+\/test$/);
  await expectAllGone(urls);
}, 180_000);

/** A run whose test holds on after using its servers: resolves once the servers are in use. */
async function heldRun(name: string) {
  const out = join(dir, `${name}.json`);
  const p = runner([FIXTURE], { FIXTURE_OUT: out, FIXTURE_HOLD_MS: "120000" });
  for (let i = 0; i < 1200 && !(await Bun.file(out).exists()); i++) await Bun.sleep(100);
  return { p, urls: await Bun.file(out).json() };
}

test("SIGTERM while tests run: bun test is stopped, then the servers, and the exit code says so", async () => {
  const { p, urls } = await heldRun("terminated");
  p.kill("SIGTERM");
  expect(await p.exited).toBe(143);
  await expectAllGone(urls);
}, 180_000);

test("Ctrl-C (SIGINT to the whole process group) while tests run: everything stops, exit code 130", async () => {
  const { p, urls } = await heldRun("interrupted");
  process.kill(-p.pid, "SIGINT");
  expect(await p.exited).toBe(130);
  await expectAllGone(urls);
}, 180_000);

test("SIGKILL of the runner itself: the tests and the servers die with it (pdeathsig)", async () => {
  const { p, urls } = await heldRun("killed");
  p.kill("SIGKILL");
  await p.exited;
  // The kernel delivers the parent-death signals; on a loaded machine the processes may take a moment to go.
  const gone = async () => (await Promise.all([probeNats(urls.nats), probeRedis(urls.redis), probePostgres(urls.postgres)])).every((r) => r === "connection refused")
    && !Bun.spawnSync(["ps", "-eo", "args"]).stdout.toString().includes(FIXTURE.slice(2)); // bun test, running the held fixture
  for (let i = 0; i < 300 && !(await gone()); i++) await Bun.sleep(100);
  await expectAllGone(urls);
  expect(Bun.spawnSync(["ps", "-eo", "args"]).stdout.toString()).not.toContain(FIXTURE.slice(2));
  // What a SIGKILL cannot clean: the servers' temporary directories. This run's are those whose log names its ports.
  const ours = new RegExp(`(port[= ]|127\\.0\\.0\\.1:)(${Object.values(urls).map((u) => new URL(u as string).port).join("|")})\\b`);
  for (const d of readdirSync(tmpdir()).filter((d) => d.startsWith("sinhome-test-"))) {
    const log = join(tmpdir(), d, "server.log");
    if (existsSync(log) && ours.test(readFileSync(log, "utf8"))) rmSync(join(tmpdir(), d), { recursive: true, force: true });
  }
}, 180_000);

test("--exec runs another command with the servers (CI's image smoke test), passing its exit code on", async () => {
  const p = runner(["--exec", "sh", "-c", 'echo "$TEST_NATS_URL $TEST_REDIS_URL $TEST_DATABASE_URL"; exit 7'], {});
  const [code, stdout] = await Promise.all([p.exited, new Response(p.stdout).text()]);
  expect(code).toBe(7);
  const [nats, redis, postgres] = stdout.trim().split(" ");
  expect([nats, redis, postgres]).toEqual([expect.stringMatching(/^nats:\/\/127\.0\.0\.1:\d+$/), expect.stringMatching(/^redis:\/\//), expect.stringMatching(/\/test$/)]);
  await expectAllGone({ nats: nats!, redis: redis!, postgres: postgres! });
}, 180_000);

test("a missing server binary that cannot be installed stops the run at once, with the install command", async () => {
  // No server binaries anywhere, and no apt-get on PATH (only bun's directory): nothing can be installed.
  const p = runner([FIXTURE], { TEST_SERVER_PATH: join(dir, "empty"), PATH: dirname(process.execPath) });
  const [code, stderr] = await Promise.all([p.exited, new Response(p.stderr).text()]);
  expect(code).toBe(1);
  const lines = stderr.trim().split("\n").filter((l) => !l.startsWith("$ "));
  expect(lines[0]).toStartWith("cannot run the tests: nats-server, redis-server, initdb, postgres not found");
  expect(stderr).toContain("sudo apt-get install -y nats-server redis-server postgresql");
  expect(stderr).not.toContain("ECONNREFUSED");
  expect(stderr).not.toContain("bun test v"); // no test ran
}, 60_000);

test("a configured server that does not answer is an error naming the variable, not a reason to start another", async () => {
  const closed = `nats://127.0.0.1:${freePort()}`;
  const p = runner([FIXTURE], { TEST_NATS_URL: closed });
  const [code, stderr] = await Promise.all([p.exited, new Response(p.stderr).text()]);
  expect(code).toBe(1);
  expect(stderr).toContain(`cannot run the tests: TEST_NATS_URL=${closed} does not answer (connection refused)`);
  expect(stderr).not.toContain("test servers ready");
}, 60_000);
