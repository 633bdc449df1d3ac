/**
 * Layer 2 of the minors guard: a moderation model (Llama Guard 3) behind an OpenAI-compatible API,
 * asked about the fan's message with the recent turns. Only an S4 ("child exploitation") verdict blocks.
 *
 * It never throws: every failure (timeout, connection, HTTP error, an answer not in the format) is an
 * outcome the caller turns into fail-open (the lexicon's verdict stands, the request goes on) or
 * fail-closed, per GUARD_FAIL_MODE. A small breaker skips the model for a while after repeated failures,
 * so a dead guard costs nothing instead of GUARD_TIMEOUT_MS on every request.
 */
import { guardModelMetrics } from "../metrics.ts";
import { BLOCKING_CATEGORY, guardTurns, llamaGuardPrompt, parseGuardAnswer, type GuardTurn } from "./prompt.ts";

export type GuardModelConfig = {
  baseUrl: string;
  model: string;
  apiKey?: string;
  timeoutMs: number;
  prompt: "template" | "inline";
  /** Recent turns sent with the fan's message (the message included). */
  maxTurns: number;
  breakerThreshold: number;
  breakerCooldownMs: number;
};

export type GuardModelOutcome = "safe" | "unsafe" | "timeout" | "error" | "malformed" | "skipped";

export type GuardModelResult = {
  outcome: GuardModelOutcome;
  /** True only for an `unsafe` answer that lists S4. */
  blocks: boolean;
  /** Categories of an `unsafe` answer. */
  categories: string[];
  latencyMs: number;
  /** Short cause of a failure (never the text checked). */
  error?: string;
};

type Status = { status: "ok" | "down"; latency_ms: number | null; error?: string };

export class GuardModelClient {
  private consecutiveFailures = 0;
  private openUntil = 0;
  private lastFailure?: string;

  constructor(
    readonly config: GuardModelConfig,
    private readonly now: () => number = Date.now,
  ) {}

  /** Checks the fan's `message` in its context. Resolves within about `timeoutMs`; never rejects. */
  async check(history: readonly GuardTurn[], message: string): Promise<GuardModelResult> {
    const started = performance.now();
    const done = (outcome: GuardModelOutcome, extra: Partial<GuardModelResult> = {}): GuardModelResult => {
      const result = { outcome, blocks: false, categories: [], latencyMs: Math.round((performance.now() - started) * 10) / 10, ...extra };
      this.record(result);
      return result;
    };
    if (this.now() < this.openUntil) return done("skipped", { error: "breaker_open" });

    const turns = guardTurns(history, message, this.config.maxTurns);
    const messages = this.config.prompt === "inline" ? [{ role: "user", content: llamaGuardPrompt(turns) }] : turns;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.config.timeoutMs);
    try {
      const res = await fetch(`${this.config.baseUrl.replace(/\/+$/, "")}/chat/completions`, {
        method: "POST",
        headers: { "content-type": "application/json", ...(this.config.apiKey ? { authorization: `Bearer ${this.config.apiKey}` } : {}) },
        body: JSON.stringify({ model: this.config.model, messages, max_tokens: 12, temperature: 0, stream: false }),
        signal: controller.signal,
      });
      if (!res.ok) return done("error", { error: `http_${res.status}` });
      const body = (await res.json().catch(() => undefined)) as { choices?: { message?: { content?: unknown } }[] } | undefined;
      const content = body?.choices?.[0]?.message?.content;
      if (typeof content !== "string") return done("malformed", { error: "no_content" });
      const parsed = parseGuardAnswer(content);
      if (parsed.verdict === "malformed") return done("malformed", { error: "not_llama_guard_format" });
      if (parsed.verdict === "safe") return done("safe");
      return done("unsafe", { categories: parsed.categories, blocks: parsed.categories.includes(BLOCKING_CATEGORY) });
    } catch (e) {
      const aborted = controller.signal.aborted;
      return done(aborted ? "timeout" : "error", { error: aborted ? "timeout" : e instanceof Error ? e.name : "error" });
    } finally {
      clearTimeout(timer);
    }
  }

  /** For health: is the guard model served (GET /models within `budgetMs`)? */
  async status(budgetMs: number): Promise<Status> {
    const started = performance.now();
    try {
      const res = await fetch(`${this.config.baseUrl.replace(/\/+$/, "")}/models`, {
        headers: this.config.apiKey ? { authorization: `Bearer ${this.config.apiKey}` } : {},
        signal: AbortSignal.timeout(budgetMs),
      });
      const latency = Math.round((performance.now() - started) * 10) / 10;
      if (!res.ok) return { status: "down", latency_ms: latency, error: `http_${res.status}` };
      if (this.now() < this.openUntil) return { status: "down", latency_ms: latency, error: `breaker_open: ${this.lastFailure ?? "failures"}` };
      return { status: "ok", latency_ms: latency };
    } catch (e) {
      const latency = Math.round((performance.now() - started) * 10) / 10;
      return { status: "down", latency_ms: latency, error: e instanceof Error && e.name === "TimeoutError" ? "timeout" : "unreachable" };
    }
  }

  private record(result: GuardModelResult): void {
    guardModelMetrics.observe(result);
    if (result.outcome === "skipped") return;
    if (result.outcome === "safe" || result.outcome === "unsafe") {
      this.consecutiveFailures = 0;
      return;
    }
    this.lastFailure = result.error ?? result.outcome;
    this.consecutiveFailures++;
    if (this.consecutiveFailures >= this.config.breakerThreshold) {
      this.openUntil = this.now() + this.config.breakerCooldownMs;
      this.consecutiveFailures = 0;
    }
  }
}
