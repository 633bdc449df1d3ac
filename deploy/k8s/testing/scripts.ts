/**
 * The image's mesh processes run the bundle of their script's entry file straight under Bun
 * (`bun gateway/dist/main.js`, built by deploy/Dockerfile), not through `bun run start:gateway`: the script
 * runner would be a second process in every container (≈ 10 MB, and the one that receives SIGTERM), and the
 * unbundled sources ≈ 12 MB more per process. The package.json scripts stay the single list of what can be
 * started; a manifest names the bundle of the file its script runs.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

const ROOT = join(import.meta.dir, "..", "..", "..");
const scripts = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;

/** The file `bun run <script>` runs (the script must be exactly `bun run <file>`). */
export function scriptEntry(script: string): string {
  const command = scripts[script];
  const file = command && /^bun run (\S+\.ts)$/.exec(command)?.[1];
  if (!file) throw new Error(`package.json script ${script} is not "bun run <file>.ts" (${command ?? "missing"})`);
  return file;
}

/** Every workspace bundle a package.json script's entry file makes. */
export function scriptBundles(): string[] {
  return Object.keys(scripts).flatMap((s) => (/^bun run \S+\/src\/main\.ts$/.test(scripts[s]!) ? [scriptBundle(s)] : []));
}

/** The image's bundle of a script's entry file: `<workspace>/src/main.ts` → `<workspace>/dist/main.js`. */
export function scriptBundle(script: string): string {
  const entry = scriptEntry(script);
  if (!/\/src\/main\.ts$/.test(entry)) throw new Error(`${script}: ${entry} is not a workspace's src/main.ts`);
  return entry.replace(/\/src\/main\.ts$/, "/dist/main.js");
}
