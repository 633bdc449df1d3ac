/** The model presets of `models_env/` as the A/B routes read them: a preset name → its served model name. */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { presetModelName } from "./model-routes.ts";

/** The repository's `models_env/` (present in the image too: the Dockerfile copies the whole tree). */
export const DEFAULT_MODELS_ENV_DIR = new URL("../../../../models_env/", import.meta.url).pathname;

/** Reads `<dir>/<name>.env`; undefined when the preset does not exist or names no model. */
export function presetReader(dir: string = DEFAULT_MODELS_ENV_DIR): (name: string) => string | undefined {
  return (name) => {
    const file = join(dir, `${name}.env`);
    return existsSync(file) ? presetModelName(readFileSync(file, "utf8")) : undefined;
  };
}
