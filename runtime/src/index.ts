/** @sinhome/runtime — what every process shares: env parsing, logging, metrics, tracing, the service host. */
export * from "./env.ts";
export * from "./metrics.ts";
