/** Runs the media service as its own process (its own pod). */
import { loadEnvOrExit, runServiceProcess } from "@sinhome/runtime";
import { parseMediaEnv } from "./env.ts";
import { createMediaService } from "./service.ts";
import { DirectoryLockedError } from "./store/dir-lock.ts";

const env = loadEnvOrExit("media", () => parseMediaEnv());
await runServiceProcess({
  name: "media",
  env,
  create: async (deps) => {
    try {
      return await createMediaService(env, deps);
    } catch (e) {
      // A locked embedded database is an operator mistake, not a crash: say so plainly and stop.
      if (e instanceof DirectoryLockedError) {
        console.error(`[media] ${e.message}`);
        process.exit(1);
      }
      throw e;
    }
  },
});
