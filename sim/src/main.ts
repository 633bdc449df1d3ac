/**
 * `bun run sim`: the LLM simulator as its own process, for running the mesh against it or poking
 * it with curl. Standalone on purpose (TypeBox only, no @sinhome/runtime) so it starts instantly.
 */
import { Type, type Static } from "@sinclair/typebox";
import { Value } from "@sinclair/typebox/value";
import { startSimulator } from "./server.ts";

const SimEnv = Type.Object({
  /** Port to listen on (vLLM's usual port, so `VLLM_BASE_URL=http://127.0.0.1:8000/v1` just works). */
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 8000 }),
  /** Interface to bind; 0.0.0.0 when it runs in a container next to the services. */
  SIM_HOSTNAME: Type.String({ default: "127.0.0.1" }),
  /** Bearer token required on /v1/* when set (to test clients' auth). */
  SIM_API_KEY: Type.Optional(Type.String({ minLength: 1 })),
  /** Comma-separated chat model ids listed by /v1/models. */
  SIM_MODELS: Type.String({ default: "sinhome-simulator" }),
  /** Delay (ms) of every guard-model answer (requests whose model name contains "guard"), like a real Llama Guard. */
  SIM_GUARD_DELAY_MS: Type.Integer({ minimum: 0, maximum: 60_000, default: 0 }),
});
type SimEnv = Static<typeof SimEnv>;

function parseSimEnv(source: Record<string, string | undefined>): SimEnv {
  const raw = Object.fromEntries(Object.keys(SimEnv.properties).flatMap((k) => (source[k] ? [[k, source[k]]] : [])));
  const value = Value.Default(SimEnv, Value.Convert(SimEnv, raw));
  const problems = [...Value.Errors(SimEnv, value)].map((e) => `${e.path.slice(1)}: ${e.message}`);
  if (problems.length > 0) {
    console.error(`[sim] invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    process.exit(1);
  }
  return value as SimEnv;
}

const env = parseSimEnv(process.env);
const sim = startSimulator({
  port: env.PORT,
  hostname: env.SIM_HOSTNAME,
  apiKey: env.SIM_API_KEY,
  modelIds: env.SIM_MODELS.split(",").map((s) => s.trim()).filter(Boolean),
  guardDelayMs: env.SIM_GUARD_DELAY_MS,
});
console.log(`[sim] OpenAI-compatible LLM simulator listening on ${sim.url}`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void sim.stop().then(() => process.exit(0));
  });
}
