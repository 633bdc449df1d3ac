/**
 * Scores one fan: the deterministic steps (engagement from signals, purchases, recency), then the
 * optional AI call, then the blend, segment and action. It never throws — the contract is that no
 * fan can make the service answer 500:
 * - each step is guarded: a step that throws contributes 0 (never inflates a fan) and names itself in
 *   `error` (`engagement_failed`, `purchase_failed`, `recency_failed`); the other steps still count;
 * - when every step fails: score 10, segment cold, `error: "scoring_failed"`;
 * - an AI failure changes nothing but `error` (`ai_timeout`, `ai_unavailable`, `ai_parse_error`).
 * A step failure is reported before an AI failure when both happen (`scoring_method` and `ai_score`
 * already say the AI did not count).
 *
 * With the AI (`use_ai` and a usable answer): engagement = 0.5 × regex engagement + 0.5 × AI score,
 * `ai_score` is the AI's score, signals are the union of both (AI signals limited to the lexicon's
 * names), `scoring_method: "ai"`. Purchase and recency never involve the AI.
 */
import type { ChatMessage, FanScoreRequest, FanScoreResponse, Purchase } from "@sinhome/proto";
import { detectSignals, signalsOf } from "../signals/detect.ts";
import { SIGNAL_NAMES, type SignalName } from "../signals/lexicon.ts";
import { engagementScore } from "../score/engagement.ts";
import { purchaseScore } from "../score/purchase.ts";
import { recencyScore } from "../score/recency.ts";
import { globalScore, round1, segmentOf } from "../score/combine.ts";
import { recommendedAction } from "../score/action.ts";
import type { AiErrorCode, AiOutcome, AiScorer } from "../ai/client.ts";

/** Share of the AI score in the engagement when the AI answered. */
export const AI_ENGAGEMENT_SHARE = 0.5;
/** The score of a fan nothing could be computed for (the seed's value). */
export const FALLBACK_SCORE = 10;

export type ScoreSteps = {
  engagement(history: readonly ChatMessage[]): { score: number; signals: SignalName[] };
  purchase(purchases: readonly Purchase[]): number;
  recency(lastActivityIso: string | undefined, now: number): number;
};

export const DEFAULT_STEPS: ScoreSteps = {
  engagement: (history) => {
    const report = detectSignals(history);
    return { score: engagementScore(report), signals: signalsOf(report) };
  },
  purchase: purchaseScore,
  recency: recencyScore,
};

type StepName = keyof ScoreSteps;

export type ScoringHooks = {
  /** A step threw (a bug or an input nobody foresaw): log it, the score is still answered. */
  stepFailed?(step: StepName | "ai" | "finish", error: unknown): void;
  aiFailed?(error: AiErrorCode, requestId: string): void;
};

export type ScoreContext = {
  /** The instant recency is measured against (one per request, so a bulk shares it). */
  now: number;
  requestId: string;
  deadline: number;
  /** The AI call, when `use_ai` may be honoured. */
  ai?: AiScorer;
  steps?: ScoreSteps;
  hooks?: ScoringHooks;
};

/** What the deterministic steps produced; `undefined` = the step failed. */
export type DeterministicParts = {
  engagement?: number;
  purchase?: number;
  recency?: number;
  signals: SignalName[];
  failedStep?: StepName;
};

function guarded<T>(step: StepName, run: () => T, hooks: ScoringHooks | undefined): T | undefined {
  try {
    return run();
  } catch (e) {
    hooks?.stepFailed?.(step, e);
    return undefined;
  }
}

export function deterministicParts(fan: FanScoreRequest, now: number, steps: ScoreSteps = DEFAULT_STEPS, hooks?: ScoringHooks): DeterministicParts {
  const engagement = guarded("engagement", () => steps.engagement(fan.history ?? []), hooks);
  const purchase = guarded("purchase", () => steps.purchase(fan.purchases ?? []), hooks);
  const recency = guarded("recency", () => steps.recency(fan.last_activity_iso, now), hooks);
  const failedStep = engagement === undefined ? "engagement" : purchase === undefined ? "purchase" : recency === undefined ? "recency" : undefined;
  return { engagement: engagement?.score, purchase, recency, signals: engagement?.signals ?? [], failedStep };
}

/** The answer for a fan that could not be scored at all. */
export function fallbackFanScore(fanId: string, error: string): FanScoreResponse {
  return {
    fan_id: fanId,
    score: FALLBACK_SCORE,
    engagement_score: 0,
    purchase_score: 0,
    recency_score: 0,
    ai_score: null,
    segment: "cold",
    signals: [],
    recommended_action: recommendedAction("cold", []),
    scoring_method: "regex",
    error,
  };
}

export function finishFanScore(fanId: string, parts: DeterministicParts, ai?: AiOutcome): FanScoreResponse {
  const aiScore = ai?.ok ? ai.score : undefined;
  const engagement =
    parts.engagement !== undefined && aiScore !== undefined
      ? (1 - AI_ENGAGEMENT_SHARE) * parts.engagement + AI_ENGAGEMENT_SHARE * aiScore
      : (parts.engagement ?? aiScore);
  if (engagement === undefined && parts.purchase === undefined && parts.recency === undefined) {
    return fallbackFanScore(fanId, "scoring_failed");
  }
  const engagement_score = round1(engagement ?? 0);
  const purchase_score = round1(parts.purchase ?? 0);
  const recency_score = round1(parts.recency ?? 0);
  const score = globalScore({ engagement: engagement_score, purchase: purchase_score, recency: recency_score });
  const segment = segmentOf(score);
  const found = new Set<SignalName>([...parts.signals, ...(ai?.ok ? ai.signals : [])]);
  const signals = SIGNAL_NAMES.filter((name) => found.has(name));
  const stepError = parts.failedStep ? `${parts.failedStep}_failed` : null;
  return {
    fan_id: fanId,
    score,
    engagement_score,
    purchase_score,
    recency_score,
    ai_score: aiScore === undefined ? null : round1(aiScore),
    segment,
    signals,
    recommended_action: recommendedAction(segment, signals),
    scoring_method: aiScore === undefined ? "regex" : "ai",
    error: stepError ?? (ai && !ai.ok ? ai.error : null),
  };
}

/** Scores one valid fan; never throws. */
export async function scoreFan(fan: FanScoreRequest, ctx: ScoreContext): Promise<FanScoreResponse> {
  try {
    const parts = deterministicParts(fan, ctx.now, ctx.steps, ctx.hooks);
    const ai = fan.use_ai ? await callAi(fan, ctx) : undefined;
    return finishFanScore(fan.fan_id, parts, ai);
  } catch (e) {
    ctx.hooks?.stepFailed?.("finish", e);
    return fallbackFanScore(fan.fan_id, "scoring_failed");
  }
}

async function callAi(fan: FanScoreRequest, ctx: ScoreContext): Promise<AiOutcome> {
  let outcome: AiOutcome;
  try {
    outcome = ctx.ai ? await ctx.ai(fan.history ?? [], { requestId: ctx.requestId, deadline: ctx.deadline }) : { ok: false, error: "ai_unavailable" };
  } catch (e) {
    ctx.hooks?.stepFailed?.("ai", e);
    outcome = { ok: false, error: "ai_unavailable" };
  }
  if (!outcome.ok) ctx.hooks?.aiFailed?.(outcome.error, ctx.requestId);
  return outcome;
}
