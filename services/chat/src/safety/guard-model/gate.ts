/**
 * The guard model as a step of the chat pipeline: started as soon as the lexicon has passed the message,
 * awaited just before the LLM call (the prompt is built meanwhile), so it adds only what it takes beyond
 * the prompt building. Its answer becomes a decision:
 * - `block`: an S4 verdict, answered with the fixed deflection (layer `guard_model`);
 * - `pass`: safe, another category (adult sexual content S12 is the product), or the model could not
 *   answer and GUARD_FAIL_MODE=open (the default: the lexicon's verdict stands, counted, visible in health);
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

export type GuardModelSettings = GuardModelConfig & { failMode: "open" | "closed" };

export class GuardModelGate {
  readonly client: GuardModelClient;

  constructor(readonly settings: GuardModelSettings, now?: () => number) {
    this.client = new GuardModelClient(settings, now);
    guardModelMetrics.configured(settings.failMode);
  }

  /** Starts the check of the fan's new `message` (a followup without one has nothing new to check). */
  async check(message: string, history: readonly ChatMessage[]): Promise<GuardModelDecision> {
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
    guardModelMetrics.unavailable(this.settings.failMode);
    return this.settings.failMode === "closed" ? { kind: "unavailable", result } : { kind: "pass", result };
  }
}

/** The gate from the chat env, or undefined when GUARD_BASE_URL is unset (layer 2 off). */
export function createGuardModelGate(env: {
  GUARD_BASE_URL?: string;
  GUARD_MODEL: string;
  GUARD_API_KEY?: string;
  GUARD_TIMEOUT_MS: number;
  GUARD_FAIL_MODE: "open" | "closed";
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
    failMode: env.GUARD_FAIL_MODE,
    breakerThreshold: 5,
    breakerCooldownMs: 10_000,
  });
}
