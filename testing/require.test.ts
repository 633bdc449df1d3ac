/** A test file that needs a server it cannot get fails with the one message, not ECONNREFUSED stacks. */
import { expect, test } from "bun:test";
import { freePort } from "./servers.ts";
import { unavailableMessage } from "./require.ts";

const root = new URL("..", import.meta.url).pathname;

test("the message says what is unavailable, where, and what to run", () => {
  const message = unavailableMessage("redis", "redis://:secret@127.0.0.1:6390", "connection refused", true);
  expect(message).toStartWith("Redis is not available for this test at TEST_REDIS_URL=redis://:***@127.0.0.1:6390: connection refused.");
  expect(message).toContain("Run the tests with `bun run test [files]`: it starts a private Redis");
  expect(message).not.toContain("secret");
});

test("`bun test` alone with no NATS: the file fails with the message as its error line", async () => {
  const url = `nats://127.0.0.1:${freePort()}`;
  const p = Bun.spawn([process.execPath, "test", "./testing/fixtures/needs-nats.fixture.ts"], {
    cwd: root,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", TEST_NATS_URL: url },
    stdout: "pipe",
    stderr: "pipe",
  });
  const [code, stdout, stderr] = await Promise.all([p.exited, new Response(p.stdout).text(), new Response(p.stderr).text()]);
  expect(code).toBe(1);
  const errorLines = `${stdout}\n${stderr}`.split("\n").filter((l) => l.startsWith("error: "));
  expect(errorLines[0]).toBe(`error: NATS is not available for this test at TEST_NATS_URL=${url}: connection refused. Run the tests with \`bun run test [files]\`: it starts a private NATS when none is running.`);
  expect(`${stdout}${stderr}`).not.toContain("ECONNREFUSED");
}, 60_000);
