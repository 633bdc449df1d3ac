/** @sinhome/proto — every contract that crosses a process boundary. */
export * from "./errors.ts";
export * from "./subjects.ts";
export * from "./routes.ts";
export * from "./schemas/common.ts";
export * from "./schemas/nullable.ts";
export * from "./schemas/chat.ts";
export * from "./schemas/scoring.ts";
export * from "./schemas/media.ts";
export * from "./schemas/ops.ts";
export * from "./schemas/logs.ts";
export * from "./schemas/embeddings.ts";
export * from "./schemas/openai.ts";
export * from "./schemas/text.ts";
export * from "./schemas/usage.ts";
export * from "./schemas/outcomes.ts";
export * from "./bus/types.ts";
export * from "./bus/index.ts";
