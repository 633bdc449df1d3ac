/** Opens the conversation log the configuration asks for: JetStream when NATS_URL is set, else the embedded store. */
import { join } from "node:path";
import { EmbeddedConversationLog } from "./embedded.ts";
import { JetStreamConversationLog } from "./jetstream.ts";
import type { ConversationLog } from "./types.ts";

export type ConversationLogConfig = {
  NATS_URL?: string;
  DATA_DIR: string;
  LOG_RETENTION_HOURS: number;
  LOG_MAX_BYTES: number;
  LOG_STREAM_REPLICAS: number;
};

export const embeddedLogPath = (dataDir: string): string => join(dataDir, "conversation-log.sqlite");

export async function openConversationLog(env: ConversationLogConfig, opts: { name: string; manage: boolean }): Promise<ConversationLog> {
  const limits = { retentionHours: env.LOG_RETENTION_HOURS, maxBytes: env.LOG_MAX_BYTES };
  if (env.NATS_URL) return JetStreamConversationLog.open({ ...limits, replicas: env.LOG_STREAM_REPLICAS, servers: env.NATS_URL, name: `${opts.name}-log`, manage: opts.manage });
  return new EmbeddedConversationLog(embeddedLogPath(env.DATA_DIR), limits);
}
