/** Runs the chat service as its own process (its own pod). */
import { loadEnvOrExit, runServiceProcess } from "@sinhome/runtime";
import { parseChatEnv } from "./env.ts";
import { createChatService } from "./service.ts";

const env = loadEnvOrExit("chat", () => parseChatEnv());
await runServiceProcess({ name: "chat", env, create: (deps) => createChatService(env, deps) });
