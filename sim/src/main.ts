/**
 * `bun run sim`: the LLM simulator as its own process, for running the mesh against it or poking
 * it with curl. Standalone on purpose (TypeBox only, no @sinhome/runtime) so it starts instantly.
 */
import { Type, type Static } from "@sinclair/typebox";
import { Value } from "@sinclair/typebox/value";
import { DEFAULT_PREFIX_CACHE_TOKENS, startSimulator } from "./server.ts";

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
  /** KV capacity of the simulated prefix cache in tokens; 0 = no cache (no prompt_tokens_details). */
  SIM_PREFIX_CACHE_TOKENS: Type.Integer({ minimum: 0, default: DEFAULT_PREFIX_CACHE_TOKENS }),
  /** Latency model, off unless SIM_PREFILL_MS_PER_TOKEN or SIM_DECODE_MS_PER_TOKEN is set. */
  SIM_LATENCY_BASE_MS: Type.Number({ minimum: 0, default: 0 }),
  SIM_PREFILL_MS_PER_TOKEN: Type.Optional(Type.Number({ minimum: 0 })),
  SIM_DECODE_MS_PER_TOKEN: Type.Optional(Type.Number({ minimum: 0 })),
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
  prefixCache: env.SIM_PREFIX_CACHE_TOKENS > 0 ? { capacityTokens: env.SIM_PREFIX_CACHE_TOKENS } : false,
  latency:
    env.SIM_PREFILL_MS_PER_TOKEN !== undefined || env.SIM_DECODE_MS_PER_TOKEN !== undefined
      ? { baseMs: env.SIM_LATENCY_BASE_MS, prefillMsPerToken: env.SIM_PREFILL_MS_PER_TOKEN ?? 0, decodeMsPerToken: env.SIM_DECODE_MS_PER_TOKEN ?? 0 }
      : undefined,
});
console.log(`[sim] OpenAI-compatible LLM simulator listening on ${sim.url}`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void sim.stop().then(() => process.exit(0));
  });
}
