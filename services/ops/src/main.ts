/** Runs the ops service as its own process (its own pod). */
import { loadEnvOrExit, runServiceProcess } from "@sinhome/runtime";
import { parseOpsEnv } from "./env.ts";
import { createOpsService } from "./service.ts";

const env = loadEnvOrExit("ops", () => parseOpsEnv());
await runServiceProcess({ name: "ops", env, create: (deps) => createOpsService(env, deps) });
