/**
 * The content-retry loop: ask the LLM, check the reply (refusal, CJK, duplicate, empty, and a claim
 * to be human when the fan sincerely asked), retry a bounded number of times with a slightly higher
 * temperature, then send the best candidate (CJK stripped). Never loops: at most 1 + retries calls,
 * all within the request's deadline. Transport retries and the fallback happen inside the router.
 */
import { AppError, type ChatBackend, type ChatMessage, type RetryCounters, type Usage } from "@sinhome/proto";
import type { ServiceCounters } from "@sinhome/runtime";
import { checkReply, pickBestCandidate, type ReplyProblem } from "../checks/index.ts";
import type { BackendName, LlmMessage } from "../llm/client.ts";
import type { LlmRouter } from "../llm/router.ts";
import { checkReplyForMinors, detectHumanClaim, MINOR_REPLY_DEFLECTION, minorsMetrics } from "../safety/index.ts";
import type { Meter } from "../usage/ledger.ts";

/** Said when every candidate denied being an AI after a sincere question: the rule wins over the model. */
export const HONEST_AI_REPLY = "Je préfère être honnête avec toi : c'est une IA qui t'écrit ici 😊 Mais je suis bien là pour discuter avec toi, alors raconte-moi…";

export type GenerateInput = {
  messages: LlmMessage[];
  /** The persona's previous messages are compared against this (duplicates). */
  history: readonly ChatMessage[];
  maxTokens: number;
  temperature: number;
  backend: "auto" | "vllm" | "grok";
  deadline: number;
  contentRetries: number;
  /** The fan sincerely asked whether he talks to an AI: a reply claiming to be human is rejected. */
  aiQuestion: boolean;
  /** Which checks apply: persona replies get all of them, direct (no persona) chat only CJK/empty. */
  checks: "persona" | "direct";
  /** Accounting of every call (usage/ledger.ts); attempts after the first are content retries. */
  meter?: Meter;
};

export type Generated = {
  text: string;
  backend: ChatBackend;
  model: string;
  usage: Usage;
  retries: RetryCounters;
  /** Set when a minors guard layer wrote the reply (see pipeline/guarded.ts). */
  guard?: { layer: string; category: string; source: string };
};

type Problem = ReplyProblem | "safety";
type Verdict = { ok: true } | { ok: false; cause: Problem };

export const emptyRetries = (): RetryCounters => ({ refusal: 0, cjk: 0, duplicate: 0, empty: 0, safety: 0, transport: 0, fallback: 0 });

function verdictOf(text: string, input: GenerateInput): Verdict {
  if (input.checks === "direct") {
    const v = checkReply(text, []);
    return v.ok || v.cause === "cjk" || v.cause === "empty" ? v : { ok: true };
  }
  const v = checkReply(text, input.history);
  if (v.ok && input.aiQuestion && detectHumanClaim(text)) return { ok: false, cause: "safety" };
  return v;
}

export async function generate(input: GenerateInput, router: LlmRouter, counters: ServiceCounters): Promise<Generated> {
  const retries = emptyRetries();
  const usage: Usage = { prompt_tokens: 0, completion_tokens: 0, cached_tokens: 0 };
  const candidates: string[] = [];
  let answeredBy: { backend: BackendName; model: string } | undefined;
  let chosen: string | undefined;
  // Layer 3: a reply caught by the minors check is never a candidate; it gets one retry of its own.
  let minorCaught: string | undefined;
  let attempts = input.contentRetries;

  for (let attempt = 0; attempt <= attempts; attempt++) {
    let result;
    try {
      result = await router.complete({
        messages: input.messages,
        maxTokens: input.maxTokens,
        // A little more randomness on each retry, so a sampler that refused once is likely to answer.
        temperature: Math.min(1.2, input.temperature + 0.1 * attempt),
        backend: input.backend,
        deadline: input.deadline,
      });
    } catch (e) {
      if (candidates.length === 0 && minorCaught === undefined) throw e;
      break; // the deadline or the backends ran out during a content retry: use what we have
    }
    usage.prompt_tokens += result.usage.prompt_tokens;
    usage.completion_tokens += result.usage.completion_tokens;
    usage.cached_tokens = (usage.cached_tokens ?? 0) + result.usage.cached_tokens;
    retries.transport += result.transportRetries;
    if (result.fallbackUsed) retries.fallback = 1;
    answeredBy = { backend: result.backend, model: result.model };
    counters.tokens(result.backend, result.model, result.usage.prompt_tokens, result.usage.completion_tokens);
    const tokens = { prompt: result.usage.prompt_tokens, cached: result.usage.cached_tokens, completion: result.usage.completion_tokens };
    input.meter?.(result.backend, result.model, tokens, attempt > 0);

    const minor = checkReplyForMinors(result.text);
    if (minor) {
      const retry = minorCaught === undefined;
      minorCaught = minor;
      if (!retry) break;
      minorsMetrics.reply("retried", minor);
      attempts = Math.max(attempts, attempt + 1);
      retries.safety++;
      counters.retry("safety");
      continue;
    }
    const verdict = verdictOf(result.text, input);
    if (verdict.ok) {
      chosen = result.text.trim();
      break;
    }
    candidates.push(result.text);
    if (attempt < input.contentRetries) {
      retries[verdict.cause]++;
      counters.retry(verdict.cause);
    }
  }
  counters.retry("transport", retries.transport);

  if (chosen === undefined) chosen = bestOf(candidates, input);
  if (!chosen && minorCaught !== undefined) {
    minorsMetrics.reply("deflected", minorCaught);
    counters.guard("minor_reply");
    minorsMetrics.block("reply", minorCaught, "reply");
    return { text: MINOR_REPLY_DEFLECTION, backend: "guard", model: "none", usage, retries, guard: { layer: "reply", category: minorCaught, source: "reply" } };
  }
  if (!chosen) throw new AppError("llm_error", "the LLM returned only empty replies");
  return { text: chosen, backend: answeredBy!.backend, model: answeredBy!.model, usage, retries };
}

/** After the retries: the best clean candidate, CJK stripped; a human claim is replaced by the honest line. */
function bestOf(candidates: string[], input: GenerateInput): string {
  const pool = input.aiQuestion ? candidates.filter((c) => !detectHumanClaim(c)) : candidates;
  const best = pickBestCandidate(pool, input.checks === "persona" ? input.history : []);
  if (best) return best.text;
  if (input.aiQuestion && candidates.length > 0) return HONEST_AI_REPLY;
  return "";
}
