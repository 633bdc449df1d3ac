/** The persisted conversation log (see types.ts). */
export * from "./types.ts";
export * from "./env.ts";
export { EmbeddedConversationLog } from "./embedded.ts";
export { JetStreamConversationLog, conversationSubject } from "./jetstream.ts";
export { ResilientConversationLog } from "./resilient.ts";
export { openConversationLog, embeddedLogPath, type ConversationLogConfig } from "./open.ts";
