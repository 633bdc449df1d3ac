/** Configuration of the ops service: parsed once at start; nothing else reads process.env. */
import { Type, type Static } from "@sinclair/typebox";
import { CommonEnv, ConversationLogEnv, parseEnv, UsageStoreEnv } from "@sinhome/runtime";

export const OpsEnv = Type.Object({
  ...CommonEnv,
  ...ConversationLogEnv,
  ...UsageStoreEnv,
  /** Redis used by the gateway, checked by health; unset = reported `not_configured` (in-memory). */
  REDIS_URL: Type.Optional(Type.String({ pattern: "^rediss?://" })),
  /** Budget of the LLM backend checks (vLLM and Grok `GET /models`). */
  HEALTH_LLM_TIMEOUT_MS: Type.Integer({ minimum: 100, maximum: 60_000, default: 10_000 }),
  /** Budget of the database check. */
  HEALTH_DB_TIMEOUT_MS: Type.Integer({ minimum: 100, maximum: 60_000, default: 3_000 }),
});
export type OpsEnv = Static<typeof OpsEnv>;

export const parseOpsEnv = (source?: Record<string, string | undefined>): OpsEnv => parseEnv(OpsEnv, source);
