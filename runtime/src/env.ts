/**
 * Environment parsing shared by every process: a TypeBox schema per process, defaults applied,
 * strings converted, then checked. Bad config is reported variable by variable.
 */
import { Type, type Static, type TObject, type TProperties } from "@sinclair/typebox";
import { Value } from "@sinclair/typebox/value";
import { DEFAULT_NATS_TRANSPORT, NatsTransports } from "@sinhome/proto";

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Parses `source` (default `process.env`) against `schema`; throws ConfigError listing each bad variable. */
export function parseEnv<T extends TObject>(schema: T, source: Record<string, string | undefined> = process.env): Static<T> {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(schema.properties)) {
    const v = source[key];
    if (v !== undefined && v !== "") raw[key] = v;
  }
  const value = Value.Default(schema, Value.Convert(schema, raw));
  const problems = [...Value.Errors(schema, value)].map((e) => `${e.path.slice(1) || "(root)"}: ${e.message}`);
  if (problems.length) throw new ConfigError(problems);
  return value as Static<T>;
}

/** Runs `parse`, and on a ConfigError prints it and exits 1: the contract for bad config at start. */
export function loadEnvOrExit<T>(processName: string, parse: () => T): T {
  try {
    return parse();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(`[${processName}] ${e.message}`);
      process.exit(1);
    }
    throw e;
  }
}

/** Variables every process reads. */
export const CommonEnv = {
  /** NATS server(s), comma-separated; unset = in-process bus (all-in-one only). */
  NATS_URL: Type.Optional(Type.String({ pattern: "^(nats|tls|ws|wss)://" })),
  /** The NATS client's socket layer: `bun` (Bun's native sockets) or `node` (node:net, nats.js's own). */
  NATS_TRANSPORT: Type.Union(NatsTransports.map((t) => Type.Literal(t)), { default: DEFAULT_NATS_TRANSPORT }),
  /** debug | info | warn | error */
  LOG_LEVEL: Type.Union([Type.Literal("debug"), Type.Literal("info"), Type.Literal("warn"), Type.Literal("error")], {
    default: "info",
  }),
  /** Port of the small probe/metrics HTTP server of a service process (0 = pick a free one). */
  HEALTH_PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 9090 }),
  /** OTLP/HTTP endpoint for traces (standard OTel variable); unset = no export. */
  OTEL_EXPORTER_OTLP_ENDPOINT: Type.Optional(Type.String()),
  /** Fraction of new traces sampled (parent-based: a sampled caller is always followed). */
  OTEL_TRACES_SAMPLER_ARG: Type.Number({ minimum: 0, maximum: 1, default: 1 }),
  /** How long SIGTERM waits for in-flight requests before exiting. */
  SHUTDOWN_GRACE_MS: Type.Integer({ minimum: 0, maximum: 600_000, default: 30_000 }),
  /** The whole chat request deadline: LLM calls, retries and fallback share it. Must exceed LLM_TIMEOUT_MS. */
  CHAT_DEADLINE_MS: Type.Integer({ minimum: 1000, maximum: 900_000, default: 150_000 }),
} satisfies TProperties;
