/** Configuration of the conversation log, shared by every process that opens it (chat, ops, gateway). */
import { Type, type TProperties } from "@sinclair/typebox";

export const ConversationLogEnv = {
  /** How long the conversation log keeps an exchange (JetStream max age / embedded store pruning). */
  LOG_RETENTION_HOURS: Type.Integer({ minimum: 1, maximum: 24 * 366, default: 168 }),
  /** Most bytes the conversation log may hold; the oldest events go first past it. */
  LOG_MAX_BYTES: Type.Integer({ minimum: 1024 * 1024, maximum: 1024 ** 4, default: 1024 ** 3 }),
  /** Copies of the JetStream stream kept by the NATS cluster (3 in the clustered mesh; 1 on a single server). */
  LOG_STREAM_REPLICAS: Type.Integer({ minimum: 1, maximum: 5, default: 1 }),
  /** Where the embedded store lives when NATS_URL is unset (the all-in-one): `<DATA_DIR>/conversation-log.sqlite`. */
  DATA_DIR: Type.String({ default: "./data" }),
} satisfies TProperties;
