/** Configuration of the outcomes service: parsed once at start; nothing else reads process.env. */
import { Type, type Static } from "@sinclair/typebox";
import { CommonEnv, ConversationLogEnv, parseEnv } from "@sinhome/runtime";

export const OutcomesEnv = Type.Object({
  ...CommonEnv,
  /** The conversation log it follows (JetStream with NATS_URL); LOG_RETENTION_HOURS is also how long records are kept. */
  ...ConversationLogEnv,
  /** PostgreSQL for reply records and outcomes; unset = embedded PGlite in `<DATA_DIR>/outcomes` (lock `<DATA_DIR>/outcomes.lock`). */
  DATABASE_URL: Type.Optional(Type.String({ pattern: "^postgres(ql)?://" })),
  /** Connections in the PostgreSQL pool. */
  DATABASE_POOL_SIZE: Type.Integer({ minimum: 1, maximum: 100, default: 5 }),
  /** Longest one outcomes statement may run (the report and export pages are the slow ones). */
  DATABASE_STATEMENT_TIMEOUT_MS: Type.Integer({ minimum: 100, maximum: 600_000, default: 30_000 }),
  /** The same switch chat reads: `false` = no texts are kept, the dataset export answers 409. */
  LOG_CONTENT: Type.Boolean({ default: true }),
  /** The A/B arms chat uses (`name[@url]=weight,...`): the first is the control unless an arm is called `default`. */
  MODEL_ROUTES: Type.Optional(Type.String({ maxLength: 4000 })),
  /** Replies with feedback each arm needs before the report gives a verdict other than `inconclusive`. */
  OUTCOMES_MIN_SAMPLE: Type.Integer({ minimum: 1, maximum: 1_000_000, default: 100 }),
  /** How long feedback for a reply not yet seen in the log waits for it (the log is followed asynchronously). */
  OUTCOMES_FEEDBACK_WAIT_MS: Type.Integer({ minimum: 0, maximum: 30_000, default: 3000 }),
});
export type OutcomesEnv = Static<typeof OutcomesEnv>;

export const parseOutcomesEnv = (source?: Record<string, string | undefined>): OutcomesEnv => parseEnv(OutcomesEnv, source);

/** The control arm: `default` when MODEL_ROUTES has it (or is unset), else its first arm. */
export function controlArm(modelRoutes: string | undefined): string {
  const names = (modelRoutes ?? "").split(",").map((r) => /^\s*([a-z0-9][a-z0-9_-]*)/.exec(r)?.[1]).filter((n): n is string => !!n);
  return names.length === 0 || names.includes("default") ? "default" : names[0]!;
}
