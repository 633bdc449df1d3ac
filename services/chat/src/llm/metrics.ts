/** Metrics of the LLM slots (slots.ts), on the process registry: what waits for an LLM, and what was refused. */
import { Counter } from "prom-client";
import { FastGauge, registry } from "@sinhome/runtime";

/** Calls waiting for a free slot of a replica (its VLLM_MAX_IN_FLIGHT reached). In flight: sinhome_llm_replica_in_flight. */
export const llmQueued = new FastGauge({
  name: "sinhome_llm_queued",
  help: "LLM calls waiting for a free slot, per backend and replica (VLLM_MAX_IN_FLIGHT reached)",
  labelNames: ["backend", "replica"] as const,
  registers: [registry],
});

/** Calls refused without waiting in vain: queue full, expected wait past the deadline, deadline reached in the queue. */
export const llmSlotRefusals = new Counter({
  name: "sinhome_llm_slot_refusals_total",
  help: "LLM calls refused for want of a free slot, per backend, replica and reason",
  labelNames: ["backend", "replica", "reason"] as const,
  registers: [registry],
});
