/** Runs the media service as its own process (its own pod). */
import { loadEnvOrExit, runServiceProcess } from "@sinhome/runtime";
import { parseMediaEnv } from "./env.ts";
import { createMediaService } from "./service.ts";

const env = loadEnvOrExit("media", () => parseMediaEnv());
await runServiceProcess({ name: "media", env, create: (deps) => createMediaService(env, deps) });
