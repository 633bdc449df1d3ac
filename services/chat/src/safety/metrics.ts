/**
 * Prometheus metrics of the minors guard, by layer and category (never the text). Registered on the
 * process registry of @sinhome/runtime, so they appear in every chat instance's `/metrics`:
 * - `sinhome_minors_blocks_total{layer, category, source}`: requests answered by a deflection;
 *   layer = lexicon | lexicon_suspect | guard_model | reply, source = message | history | script | persona | reply;
 * - `sinhome_guard_model_checks_total{outcome}`: guard-model calls (safe, unsafe, timeout, error,
 *   malformed, skipped while its breaker is open); `..._unavailable_total{mode}` when it could not answer
 *   and the request went on (open) or was refused (closed);
 * - `sinhome_guard_model_duration_seconds`: what the guard model took;
 * - `sinhome_minors_reply_checks_total{outcome, category}`: generated replies caught (retried, deflected).
 */
import { Counter, Histogram } from "prom-client";
import { registry, zeroCounters } from "@sinhome/runtime";
import type { GuardModelOutcome } from "./guard-model/client.ts";

const GUARD_MODEL_OUTCOMES = ["safe", "unsafe", "timeout", "error", "malformed", "skipped"] as const satisfies readonly GuardModelOutcome[];

/** `lexicon_suspect`: the guard model could not answer and the lexicon's suspect threshold deflected (GUARD_FAIL_MODE=suspect). */
export type GuardLayer = "lexicon" | "guard_model" | "reply" | "lexicon_suspect";

const blocks = new Counter({
  name: "sinhome_minors_blocks_total",
  help: "Requests answered by a minors deflection, by layer, category and source",
  labelNames: ["layer", "category", "source"] as const,
  registers: [registry],
});
const checks = new Counter({
  name: "sinhome_guard_model_checks_total",
  help: "Guard model (Llama Guard) checks, by outcome",
  labelNames: ["outcome"] as const,
  registers: [registry],
});
const unavailable = new Counter({
  name: "sinhome_guard_model_unavailable_total",
  help: "Requests the guard model could not check, by fail mode (open: went on with the lexicon; closed: refused; suspect: deflected when suspect)",
  labelNames: ["mode"] as const,
  registers: [registry],
});
const duration = new Histogram({
  name: "sinhome_guard_model_duration_seconds",
  help: "Duration of one guard model check",
  buckets: [0.01, 0.025, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.6, 1, 2],
  registers: [registry],
});
const replyChecks = new Counter({
  name: "sinhome_minors_reply_checks_total",
  help: "Generated replies caught by the minors reply check, by outcome (retried, deflected) and category",
  labelNames: ["outcome", "category"] as const,
  registers: [registry],
});

export const guardModelMetrics = {
  /** A guard model is configured: its outcomes and its fail mode are exported at 0 (the guard SLO and panels read them). */
  configured(mode: "open" | "closed" | "suspect"): void {
    zeroCounters(checks, GUARD_MODEL_OUTCOMES.map((outcome) => ({ outcome })));
    zeroCounters(unavailable, [{ mode }]);
  },
  observe(result: { outcome: GuardModelOutcome; latencyMs: number }): void {
    checks.inc({ outcome: result.outcome });
    if (result.outcome !== "skipped") duration.observe(result.latencyMs / 1000);
  },
  unavailable(mode: "open" | "closed" | "suspect"): void {
    unavailable.inc({ mode });
  },
};

export const minorsMetrics = {
  block(layer: GuardLayer, category: string, source: string): void {
    blocks.inc({ layer, category, source });
  },
  reply(outcome: "retried" | "deflected", category: string): void {
    replyChecks.inc({ outcome, category });
  },
};
