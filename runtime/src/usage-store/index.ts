export * from "./types.ts";
export { PostgresUsageStore } from "./postgres.ts";
export { EmbeddedUsageStore, embeddedUsagePath } from "./embedded.ts";
export { UsageJournal } from "./journal.ts";
export { UsageStoreEnv } from "./env.ts";
