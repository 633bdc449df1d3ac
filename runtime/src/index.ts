/** @sinhome/runtime — what every process shares: env parsing, logging, metrics, tracing, the service host. */
export * from "./env.ts";
export * from "./log.ts";
export * from "./audit.ts";
export * from "./metrics.ts";
export * from "./process.ts";
export * from "./service.ts";
export * from "./tracing.ts";
export * from "./conversation-log/index.ts";
export * from "./text-fold.ts";
export * from "./dir-lock.ts";
export * from "./usage-store/index.ts";
export { FastGauge } from "./fast-gauge.ts";
