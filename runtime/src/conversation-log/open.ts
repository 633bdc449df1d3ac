/**
 * Opens the conversation log the configuration asks for: JetStream when NATS_URL is set, else the
 * embedded store — behind ResilientConversationLog, so a store that cannot open yet never stops the
 * process from starting (it is retried in the background, loudly).
 */
import { join } from "node:path";
import type { NatsTransport } from "@sinhome/proto";
import { EmbeddedConversationLog } from "./embedded.ts";
import { JetStreamConversationLog } from "./jetstream.ts";
import type { Logger } from "../log.ts";
import { ResilientConversationLog } from "./resilient.ts";
import type { ConversationLog } from "./types.ts";

export type ConversationLogConfig = {
  NATS_URL?: string;
  NATS_TRANSPORT?: NatsTransport;
  DATA_DIR: string;
  LOG_RETENTION_HOURS: number;
  LOG_MAX_BYTES: number;
  LOG_STREAM_REPLICAS: number;
};

export const embeddedLogPath = (dataDir: string): string => join(dataDir, "conversation-log.sqlite");

export async function openConversationLog(env: ConversationLogConfig, opts: { name: string; manage: boolean; log: Logger }): Promise<ConversationLog> {
  const limits = { retentionHours: env.LOG_RETENTION_HOURS, maxBytes: env.LOG_MAX_BYTES };
  const natsUrl = env.NATS_URL;
  if (natsUrl) {
    const open = () => JetStreamConversationLog.open({ ...limits, replicas: env.LOG_STREAM_REPLICAS, servers: natsUrl, transport: env.NATS_TRANSPORT, name: `${opts.name}-log`, manage: opts.manage });
    return new ResilientConversationLog("jetstream", open, opts.log).start();
  }
  return new ResilientConversationLog("embedded", async () => new EmbeddedConversationLog(embeddedLogPath(env.DATA_DIR), limits), opts.log).start();
}
