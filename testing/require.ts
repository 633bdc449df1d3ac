/**
 * For the tests themselves: the URL of a server they need — TEST_*_URL, else the default port — after
 * checking that it answers. When it does not, the test file fails with one message that says what is
 * missing and what to do, instead of a stack of ECONNREFUSED.
 */
import { missingBinaries, SERVER_BINARIES, type ServerKind } from "./binaries.ts";
import { DEFAULT_URLS, PROBES, redactUrl } from "./probes.ts";

const checked = new Map<ServerKind, Promise<string>>();

/** The message a test fails with when its server is unavailable (exported for its own test). */
export function unavailableMessage(kind: ServerKind, url: string, problem: string, configured: boolean): string {
  const { label, urlVariable } = SERVER_BINARIES[kind];
  const missing = missingBinaries([kind]);
  const where = configured ? `${urlVariable}=${redactUrl(url)}` : `${redactUrl(url)} (${urlVariable} unset)`;
  return [
    `${label} is not available for this test at ${where}: ${problem}.`,
    `Run the tests with \`bun run test [files]\`: it starts a private ${label} when none is running.`,
    ...(missing.length > 0 ? [`${missing.map((m) => m.binary).join(", ")} not installed: sudo apt-get install -y ${SERVER_BINARIES[kind].debian}`] : []),
  ].join(" ");
}

/** Resolves the server's URL, or rejects with `unavailableMessage` (checked once per test process). */
export function testServerUrl(kind: ServerKind): Promise<string> {
  let result = checked.get(kind);
  if (!result) {
    const configured = process.env[SERVER_BINARIES[kind].urlVariable];
    const url = configured || DEFAULT_URLS[kind];
    result = PROBES[kind](url).then((problem) => {
      if (problem) throw new Error(unavailableMessage(kind, url, problem, Boolean(configured)));
      return url;
    });
    checked.set(kind, result);
  }
  return result;
}
