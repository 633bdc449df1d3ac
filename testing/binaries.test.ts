import { afterAll, expect, test } from "bun:test";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { debianPackages, findBinary, missingBinaries, missingServersMessage, serverSearchPath } from "./binaries.ts";

const dir = mkdtempSync(join(tmpdir(), "sinhome-binaries-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("a binary is found only where it is executable", () => {
  writeFileSync(join(dir, "redis-server"), "#!/bin/sh\n");
  expect(findBinary("redis-server", [dir])).toBeUndefined();
  chmodSync(join(dir, "redis-server"), 0o755);
  expect(findBinary("redis-server", ["/nonexistent", dir])).toBe(join(dir, "redis-server"));
});

test("TEST_SERVER_PATH replaces the search path; otherwise PATH comes first, then sbin and Debian's PostgreSQL directories", () => {
  expect(serverSearchPath({ TEST_SERVER_PATH: `/a:${dir}`, PATH: "/usr/bin" })).toEqual(["/a", dir]);
  const path = serverSearchPath({ PATH: "/x/bin:/y/bin" });
  expect(path.slice(0, 4)).toEqual(["/x/bin", "/y/bin", "/usr/local/sbin", "/usr/sbin"]);
  expect(path.slice(4).every((d) => /^\/usr\/lib\/postgresql\/[^/]+\/bin$/.test(d))).toBe(true);
});

test("missing binaries are named per server, PostgreSQL needing both initdb and postgres", () => {
  expect(missingBinaries(["nats", "postgres"], [dir])).toEqual([
    { kind: "nats", binary: "nats-server" },
    { kind: "postgres", binary: "initdb" },
    { kind: "postgres", binary: "postgres" },
  ]);
  expect(missingBinaries(["redis"], [dir])).toEqual([]);
  expect(debianPackages(["postgres", "nats", "postgres"])).toEqual(["postgresql", "nats-server"]);
});

test("the message names what is missing, the install command and the other way out", () => {
  const message = missingServersMessage([{ kind: "nats", binary: "nats-server" }, { kind: "postgres", binary: "initdb" }], "not root");
  const [first, install, other] = message.split("\n");
  expect(first).toBe("cannot run the tests: nats-server, initdb not found, needed to start a private NATS, PostgreSQL (not root).");
  expect(install).toContain("sudo apt-get install -y nats-server postgresql");
  expect(other).toContain("TEST_NATS_URL=... TEST_DATABASE_URL=... bun run test");
});
