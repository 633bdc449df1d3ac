/** Metrics of the conversation log's write path (registered on the process registry, so /metrics shows them). */
import { Counter } from "prom-client";
import { registry } from "../metrics.ts";

/** Events not stored because the write queue was full (the store could not keep up); replies never wait for it. */
export const conversationLogDropped = new Counter({
  name: "sinhome_conversation_log_dropped_total",
  help: "Conversation log events dropped because the write queue was full (the store could not keep up)",
  registers: [registry],
});
