/** Runs the scoring service as its own process (its own pod). */
import { loadEnvOrExit, runServiceProcess } from "@sinhome/runtime";
import { parseScoringEnv } from "./env.ts";
import { createScoringService } from "./service.ts";

const env = loadEnvOrExit("scoring", () => parseScoringEnv());
await runServiceProcess({ name: "scoring", env, create: (deps) => createScoringService(env, deps) });
