/**
 * Where the server binaries of the test tooling are found, and what to say (or install) when one is
 * missing. Plain data in, plain data out, except `findBinary`, which looks at the file system.
 */
import { accessSync, constants, existsSync, readdirSync } from "node:fs";
import { delimiter, join } from "node:path";

/** The three servers the tests need. */
export type ServerKind = "nats" | "redis" | "postgres";

/** Per server: the binaries started, the Debian package that provides them, a human name. */
export const SERVER_BINARIES = {
  nats: { label: "NATS", binaries: ["nats-server"], debian: "nats-server", urlVariable: "TEST_NATS_URL" },
  redis: { label: "Redis", binaries: ["redis-server"], debian: "redis-server", urlVariable: "TEST_REDIS_URL" },
  postgres: { label: "PostgreSQL", binaries: ["initdb", "postgres"], debian: "postgresql", urlVariable: "TEST_DATABASE_URL" },
} as const satisfies Record<ServerKind, { label: string; binaries: readonly string[]; debian: string; urlVariable: string }>;

/**
 * Directories searched for server binaries: `TEST_SERVER_PATH` when set (a PATH-style list), else PATH,
 * then the sbin directories (nats-server lives in /usr/sbin on Debian, which a non-root PATH lacks) and
 * Debian's versioned PostgreSQL directories, newest first (initdb and postgres are not on PATH there).
 */
export function serverSearchPath(env: Record<string, string | undefined> = process.env): string[] {
  if (env.TEST_SERVER_PATH !== undefined) return env.TEST_SERVER_PATH.split(delimiter).filter(Boolean);
  const postgresDirs = existsSync("/usr/lib/postgresql")
    ? readdirSync("/usr/lib/postgresql").sort((a, b) => Number(b) - Number(a)).map((v) => `/usr/lib/postgresql/${v}/bin`)
    : [];
  return [...(env.PATH ?? "").split(delimiter).filter(Boolean), "/usr/local/sbin", "/usr/sbin", ...postgresDirs];
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first executable `name` in `dirs`, or undefined. */
export function findBinary(name: string, dirs: string[] = serverSearchPath()): string | undefined {
  return dirs.map((d) => join(d, name)).find(isExecutable);
}

/** The binaries (of the servers asked for) that are nowhere to be found. */
export function missingBinaries(kinds: readonly ServerKind[], dirs: string[] = serverSearchPath()): { kind: ServerKind; binary: string }[] {
  return kinds.flatMap((kind) => SERVER_BINARIES[kind].binaries.filter((b) => !findBinary(b, dirs)).map((binary) => ({ kind, binary })));
}

/** The Debian packages that provide these servers, each once, in a stable order. */
export function debianPackages(kinds: readonly ServerKind[]): string[] {
  return [...new Set(kinds.map((k) => SERVER_BINARIES[k].debian))];
}

/**
 * The one message printed when servers cannot be started: what is missing, the command that
 * installs it, and the other way out (pointing the tests at running servers).
 */
export function missingServersMessage(missing: { kind: ServerKind; binary: string }[], why: string): string {
  const kinds = [...new Set(missing.map((m) => m.kind))];
  const packages = debianPackages(kinds);
  const variables = kinds.map((k) => SERVER_BINARIES[k].urlVariable);
  return [
    `cannot run the tests: ${missing.map((m) => m.binary).join(", ")} not found, needed to start a private ${kinds.map((k) => SERVER_BINARIES[k].label).join(", ")} (${why}).`,
    `Install with: sudo apt-get install -y ${packages.join(" ")}   (Debian/Ubuntu; other systems: the same packages from your package manager)`,
    `or point the tests at running servers: ${variables.map((v) => `${v}=...`).join(" ")} bun run test`,
  ].join("\n");
}
