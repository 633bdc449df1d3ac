/** The model presets of `models_env/` as the A/B routes read them: a preset name → its served model name. */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { presetModelName } from "./model-routes.ts";

/**
 * The repository's `models_env/` (present in the image too: the Dockerfile copies the whole tree): the
 * nearest one above this module, which also finds it from the image's bundles (/app/dist/...).
 */
export const DEFAULT_MODELS_ENV_DIR = nearestModelsEnv(import.meta.dir);

function nearestModelsEnv(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "models_env"))) return join(dir, "models_env") + "/";
    if (dirname(dir) === dir) return join(process.cwd(), "models_env") + "/";
  }
}

/** Reads `<dir>/<name>.env`; undefined when the preset does not exist or names no model. */
export function presetReader(dir: string = DEFAULT_MODELS_ENV_DIR): (name: string) => string | undefined {
  return (name) => {
    const file = join(dir, `${name}.env`);
    return existsSync(file) ? presetModelName(readFileSync(file, "utf8")) : undefined;
  };
}
