/** Runs the outcomes service as its own process (its own pod). */
import { DirectoryLockedError, loadEnvOrExit, runServiceProcess } from "@sinhome/runtime";
import { parseOutcomesEnv } from "./env.ts";
import { createOutcomesService } from "./service.ts";

const env = loadEnvOrExit("outcomes", () => parseOutcomesEnv());
await runServiceProcess({
  name: "outcomes",
  env,
  create: async (deps) => {
    try {
      return await createOutcomesService(env, deps);
    } catch (e) {
      // A locked embedded database is an operator mistake, not a crash: say so plainly and stop.
      if (e instanceof DirectoryLockedError) {
        console.error(`[outcomes] ${e.message}`);
        process.exit(1);
      }
      throw e;
    }
  },
});
