/**
 * Prints, one per line, the devDependencies of the root package and of every workspace that no
 * package lists as a (production) dependency: none of them may be installed in the image.
 * Used by deploy/image/smoke.sh; run from the repository root.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

type Manifest = { workspaces?: string[]; dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
const read = (dir: string): Manifest => JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as Manifest;

const root = read(".");
const dirs = ["."];
for (const pattern of root.workspaces ?? []) {
  for (const match of new Bun.Glob(`${pattern}/package.json`).scanSync({ onlyFiles: true })) dirs.push(match.slice(0, -"/package.json".length));
}
const manifests = dirs.filter((d) => existsSync(join(d, "package.json"))).map(read);
const production = new Set(manifests.flatMap((m) => Object.keys(m.dependencies ?? {})));
const devOnly = new Set(manifests.flatMap((m) => Object.keys(m.devDependencies ?? {})).filter((d) => !production.has(d)));
console.log([...devOnly].sort().join("\n"));
