/** The directory lock that keeps a second process off an open PGlite directory. */
import { afterEach, describe, expect, test } from "bun:test";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { acquireDirLock, DirectoryLockedError } from "./dir-lock.ts";

const dirs: string[] = [];
const lockPath = () => {
  const dir = mkdtempSync(join(tmpdir(), "media-lock-"));
  dirs.push(dir);
  return join(dir, "media.lock");
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A pid that certainly belongs to no live process: one that has already exited. */
async function deadPid(): Promise<number> {
  const p = Bun.spawn(["true"]);
  await p.exited;
  return p.pid;
}

describe("acquireDirLock", () => {
  test("holds the lock with our pid, refuses a second opener in the same process, frees on release", () => {
    const path = lockPath();
    const lock = acquireDirLock(path);
    expect(readFileSync(path, "utf8").split("\n")[0]).toBe(String(process.pid));
    expect(() => acquireDirLock(path)).toThrow(DirectoryLockedError);
    lock.release();
    expect(existsSync(path)).toBe(false);
    acquireDirLock(path).release();
  });

  test("refuses while another live process holds it, with a message saying what to do", () => {
    const path = lockPath();
    const other = Bun.spawn(["sleep", "30"]);
    try {
      writeFileSync(path, `${other.pid}\nsomehost\ntoken\n`);
      let error: unknown;
      try {
        acquireDirLock(path);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DirectoryLockedError);
      const message = (error as Error).message;
      expect(message).toContain(`process ${other.pid}`);
      expect(message).toContain(path);
      expect(message).toContain("DATABASE_URL");
      expect(readFileSync(path, "utf8")).toStartWith(`${other.pid}\n`);
    } finally {
      other.kill();
    }
  });

  test("takes over a stale lock left by a dead process, a recycled pid of ours, or garbage", async () => {
    for (const stale of [`${await deadPid()}\nhost\nt\n`, `${process.pid}\nhost\nold-incarnation\n`, "garbage"]) {
      const path = lockPath();
      writeFileSync(path, stale);
      const lock = acquireDirLock(path);
      expect(readFileSync(path, "utf8").split("\n")[0]).toBe(String(process.pid));
      lock.release();
      expect(readdirSync(join(path, ".."))).toEqual([]);
    }
  });

  test("release never deletes a lock that is no longer ours", () => {
    const path = lockPath();
    const lock = acquireDirLock(path);
    writeFileSync(path, "999999\nelsewhere\nnot-ours\n");
    lock.release();
    expect(readFileSync(path, "utf8")).toContain("not-ours");
  });
});
