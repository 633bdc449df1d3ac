/**
 * The guard model as a step of the chat pipeline: started as soon as the lexicon has passed the message,
 * awaited just before the LLM call (the prompt is built meanwhile), so it adds only what it takes beyond
 * the prompt building. Its answer becomes a decision:
 * - `block`: an S4 verdict, answered with the fixed deflection (layer `guard_model`);
 * - `pass`: safe, another category (adult sexual content S12 is the product), or the model could not
 *   answer and GUARD_FAIL_MODE=open (the lexicon's verdict stands, counted, visible in health), or
 *   GUARD_FAIL_MODE=suspect (the default with a guard model) and the lexicon found no under-18 age or school fact;
 * - `block` too when the model could not answer, GUARD_FAIL_MODE=suspect and the message is suspect (layer
 *   `lexicon_suspect`: the lexicon's second threshold stands in for the missing model);
 * - `unavailable`: the model could not answer and GUARD_FAIL_MODE=closed: the request is refused.
 */
import type { ChatMessage } from "@sinhome/proto";
import { MINOR_SEXUAL_CONTEXT_REPLY } from "../deflections.fr.ts";
import type { GuardBlock } from "../guard.ts";
import { guardModelMetrics } from "../metrics.ts";
import { GuardModelClient, type GuardModelConfig, type GuardModelResult } from "./client.ts";

export type GuardModelDecision =
  | { kind: "pass"; result?: GuardModelResult }
  | { kind: "block"; verdict: GuardBlock; result: GuardModelResult }
  | { kind: "unavailable"; result: GuardModelResult };

export type GuardFailMode = "open" | "closed" | "suspect";
export type GuardModelSettings = GuardModelConfig & { failMode: GuardFailMode };

export class GuardModelGate {
  readonly client: GuardModelClient;

  constructor(readonly settings: GuardModelSettings, now?: () => number) {
    this.client = new GuardModelClient(settings, now);
    guardModelMetrics.configured(settings.failMode);
  }

  /**
   * Starts the check of the fan's new `message` (a followup without one has nothing new to check).
   * `suspect`: the lexicon's second threshold on that message, used only if the model cannot answer.
   */
  async check(message: string, history: readonly ChatMessage[], suspect = false): Promise<GuardModelDecision> {
    if (!message.trim()) return { kind: "pass" };
    const result = await this.client.check(history, message);
    if (result.outcome === "safe" || result.outcome === "unsafe") {
      if (!result.blocks) return { kind: "pass", result };
      const verdict: GuardBlock = {
        blocked: true,
        layer: "guard_model",
        rule: "minor_sexual_context",
        category: "s4",
        source: "message",
        reply: MINOR_SEXUAL_CONTEXT_REPLY,
      };
      return { kind: "block", verdict, result };
    }
    const mode = this.settings.failMode;
    guardModelMetrics.unavailable(mode);
    if (mode === "closed") return { kind: "unavailable", result };
    if (mode === "suspect" && suspect) {
      const verdict: GuardBlock = { blocked: true, layer: "lexicon_suspect", rule: "minor_sexual_context", category: "suspect", source: "message", reply: MINOR_SEXUAL_CONTEXT_REPLY };
      return { kind: "block", verdict, result };
    }
    return { kind: "pass", result };
  }
}

/** The gate from the chat env, or undefined when GUARD_BASE_URL is unset (layer 2 off). */
export function createGuardModelGate(env: {
  GUARD_BASE_URL?: string;
  GUARD_MODEL: string;
  GUARD_API_KEY?: string;
  GUARD_TIMEOUT_MS: number;
  GUARD_FAIL_MODE?: GuardFailMode;
  GUARD_PROMPT: "template" | "inline";
  GUARD_CONTEXT_TURNS: number;
}): GuardModelGate | undefined {
  if (!env.GUARD_BASE_URL) return undefined;
  return new GuardModelGate({
    baseUrl: env.GUARD_BASE_URL,
    model: env.GUARD_MODEL,
    apiKey: env.GUARD_API_KEY,
    timeoutMs: env.GUARD_TIMEOUT_MS,
    prompt: env.GUARD_PROMPT,
    maxTurns: env.GUARD_CONTEXT_TURNS,
    failMode: env.GUARD_FAIL_MODE ?? "suspect",
    breakerThreshold: 5,
    breakerCooldownMs: 10_000,
  });
}
