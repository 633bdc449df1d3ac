/**
 * The minors guard's layers as steps of a chat exchange (SPEC §4):
 * 1. the lexicon on the fan's message, recent fan turns, the script and the persona's traits (sync);
 * 2. the guard model, started right after and awaited just before the LLM call, so it runs while the
 *    prompt is built (`prepare`); only an S4 verdict blocks; down or late = fail-open unless GUARD_FAIL_MODE=closed;
 * 3. the reply check lives in generate.ts (the generated reply through the same lexicon).
 * A block is answered with a fixed deflection (`backend: "guard"`), counted by layer and category, and
 * logged without any text.
 */
import { AppError, type BusRequest } from "@sinhome/proto";
import type { Logger, ServiceCounters } from "@sinhome/runtime";
import { guardFanInput, minorsMetrics, type GuardBlock, type GuardInput, type GuardModelDecision, type GuardModelGate } from "../safety/index.ts";
import type { Generated } from "./generate.ts";
import { fixedReply } from "./respond.ts";

export type GuardDeps = { counters: ServiceCounters; log: Logger; guardModel?: GuardModelGate };

/** The fixed reply of a block, carrying which layer and category blocked (for the log stream). */
export function deflection(verdict: GuardBlock): Generated {
  return { ...fixedReply(verdict.reply, "guard"), guard: { layer: verdict.layer, category: verdict.category, source: verdict.source } };
}

/** Counts and logs a block: layer, category, source and rule, never the text. */
export function recordBlock(deps: GuardDeps, req: BusRequest, verdict: GuardBlock): void {
  deps.counters.guard(verdict.rule);
  minorsMetrics.block(verdict.layer, verdict.category, verdict.source);
  deps.log.info({ requestId: req.requestId, layer: verdict.layer, category: verdict.category, source: verdict.source, rule: verdict.rule }, "minors guard deflected");
}

export type FanGuard =
  | { blocked: Generated }
  | {
      blocked?: undefined;
      /**
       * Layer 2's answer: the deflection to send, or undefined to go on. Throws `guard_unavailable` when the
       * guard model failed and GUARD_FAIL_MODE=closed.
       */
      modelVerdict(): Promise<Generated | undefined>;
    };

/** Layer 1 now; layer 2 started, to be awaited (`modelVerdict`) once the prompt is built. */
export function startFanGuard(deps: GuardDeps, req: BusRequest, input: GuardInput): FanGuard {
  const lexicon = guardFanInput(input);
  if (lexicon.blocked) {
    recordBlock(deps, req, lexicon);
    return { blocked: deflection(lexicon) };
  }
  const pending = deps.guardModel?.check(input.message, input.history, lexicon.suspect);
  return { modelVerdict: () => (pending ? pending.then((decision) => settle(deps, req, decision)) : Promise.resolve(undefined)) };
}

function settle(deps: GuardDeps, req: BusRequest, decision: GuardModelDecision): Generated | undefined {
  if (decision.kind === "block") {
    recordBlock(deps, req, decision.verdict);
    return deflection(decision.verdict);
  }
  if (decision.kind === "unavailable") {
    const { result } = decision;
    deps.log.warn({ requestId: req.requestId, layer: "guard_model", outcome: result.outcome, error: result.error }, "guard model unavailable, request refused (GUARD_FAIL_MODE=closed)");
    throw new AppError("guard_unavailable", "the safety check could not run; retry later");
  }
  const { result } = decision;
  if (result && result.outcome !== "safe" && result.outcome !== "unsafe") {
    deps.log.warn({ requestId: req.requestId, layer: "guard_model", outcome: result.outcome, error: result.error }, "guard model unavailable, the lexicon's verdict stands (GUARD_FAIL_MODE open, or suspect and nothing suspect)");
  }
  return undefined;
}
