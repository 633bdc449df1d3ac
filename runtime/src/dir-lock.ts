/**
 * Exclusive lock on the embedded database directory. Two processes opening one PGlite directory
 * silently lose committed writes, so the second opener must be refused, loudly.
 *
 * The lock is a file created exclusively (hard link, or O_EXCL) holding `pid`, host and a random token. A lock whose pid
 * is dead is stale (a crash) and is taken over. A lock holding our own pid that this process does
 * not hold itself was left by an earlier incarnation with the same pid (PID 1 in a restarted
 * container) and is stale too. The takeover renames the stale file away first and checks it
 * moved the file it judged, so two processes racing for one stale lock cannot both win.
 */
import { closeSync, linkSync, openSync, readFileSync, renameSync, unlinkSync, writeFileSync, writeSync } from "node:fs";
import { hostname } from "node:os";

/** The directory is in use by a live process: starting would corrupt it. */
export class DirectoryLockedError extends Error {
  constructor(readonly lockPath: string, readonly holder: string) {
    super(
      `the embedded database is already open by ${holder} (lock file ${lockPath}). ` +
        "Two processes must never share one PGlite directory: stop the other process, give this one its own DATA_DIR, " +
        "or set DATABASE_URL to share a PostgreSQL server.",
    );
    this.name = "DirectoryLockedError";
  }
}

export type DirLock = { readonly path: string; release(): void };

/** Lock files held by this process (a second opener inside one process is refused too). */
const heldHere = new Set<string>();

const readLock = (path: string): string | undefined => {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
};

const pidOf = (content: string): number => Number.parseInt(content.split("\n")[0] ?? "", 10);

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return false; // a live holder with our pid is this process: `heldHere` decides
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM"; // exists, owned by someone else
  }
}

/**
 * Creates the lock file with its content in one atomic step (write a private file, hard-link it
 * into place: the link fails when the lock exists), so no reader ever sees an empty lock and
 * mistakes it for a stale one. Filesystems without hard links fall back to O_EXCL.
 */
function tryCreate(path: string, content: string, token: string): boolean {
  const temp = `${path}.new-${token}`;
  writeFileSync(temp, content, { mode: 0o600 });
  try {
    linkSync(temp, path);
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EEXIST") return false;
    return createExclusive(path, content);
  } finally {
    unlinkSync(temp);
  }
}

function createExclusive(path: string, content: string): boolean {
  try {
    const fd = openSync(path, "wx", 0o600);
    try {
      writeSync(fd, content);
    } finally {
      closeSync(fd);
    }
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw e;
  }
}

/** Moves away a stale lock whose content is `judged`; false when someone else changed it meanwhile. */
function removeStale(path: string, judged: string, token: string): boolean {
  const aside = `${path}.stale-${token}`;
  try {
    renameSync(path, aside);
  } catch {
    return false; // already taken over by another process
  }
  if (readLock(aside) === judged) {
    unlinkSync(aside);
    return true;
  }
  // We moved a fresh lock another process had just created: put it back and let the loop re-judge.
  try {
    linkSync(aside, path);
    unlinkSync(aside);
  } catch {
    /* the path was re-created meanwhile; the moved file stays aside for inspection */
  }
  return false;
}

export function acquireDirLock(path: string): DirLock {
  if (heldHere.has(path)) throw new DirectoryLockedError(path, `this process (pid ${process.pid})`);
  const token = crypto.randomUUID();
  const content = `${process.pid}\n${hostname()}\n${token}\n${new Date().toISOString()}\n`;
  for (let attempt = 0; attempt < 5; attempt++) {
    if (tryCreate(path, content, token)) {
      heldHere.add(path);
      return {
        path,
        release() {
          if (!heldHere.delete(path)) return;
          if (readLock(path) === content) unlinkSync(path);
        },
      };
    }
    const existing = readLock(path);
    if (existing === undefined) continue; // released between our create and read: retry
    const pid = pidOf(existing);
    if (isAlive(pid)) throw new DirectoryLockedError(path, `process ${pid} on ${existing.split("\n")[1] || "this host"}`);
    removeStale(path, existing, token);
  }
  throw new DirectoryLockedError(path, "another process (the lock keeps changing)");
}
