/**
 * Reads the model's answer into `{score, signals, reason}` whatever it looks like: JSON in a Markdown
 * fence, prose around it, trailing commas, single quotes, a broken `\u` escape, a cut-off end —
 * `jsonrepair` fixes those. When no JSON object comes out, a last regex looks for `"score": 72`.
 * The score is clamped to 0–100; signals outside the lexicon's names are dropped.
 */
import { jsonrepair } from "jsonrepair";
import { SIGNAL_NAMES, type SignalName } from "../signals/lexicon.ts";

export type AiScore = { score: number; signals: SignalName[]; reason: string };

// A `\u` escape without its four hex digits makes JSON unreadable; it becomes U+FFFD.
const BROKEN_UNICODE_ESCAPE = /\\u(?![0-9a-fA-F]{4})[0-9a-fA-F]{0,3}/g;
const SCORE_FALLBACK = /["']?score["']?\s*[:=]\s*["']?(-?\d+(?:[.,]\d+)?)/i;
const KNOWN_SIGNALS = new Set<string>(SIGNAL_NAMES);

const clampScore = (n: number): number => Math.max(0, Math.min(100, n));

function toNumber(value: unknown): number | undefined {
  const n = typeof value === "number" ? value : typeof value === "string" ? Number(value.replace(",", ".").trim()) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

/** The JSON object part: from the first `{` to the last `}` (or the end, for a cut-off answer). */
function objectPart(text: string): string | undefined {
  const start = text.indexOf("{");
  if (start < 0) return undefined;
  const end = text.lastIndexOf("}");
  return end > start ? text.slice(start, end + 1) : text.slice(start);
}

function parseObject(text: string): Record<string, unknown> | undefined {
  const candidate = objectPart(text);
  if (!candidate) return undefined;
  try {
    const value: unknown = JSON.parse(jsonrepair(candidate.replace(BROKEN_UNICODE_ESCAPE, "\uFFFD")));
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The AI score in `text`, or undefined when there is none to be found. */
export function parseAiScore(text: string): AiScore | undefined {
  const object = parseObject(text);
  const score = toNumber(object?.score);
  if (object && score !== undefined) {
    const signals = Array.isArray(object.signals) ? object.signals.filter((s): s is SignalName => typeof s === "string" && KNOWN_SIGNALS.has(s)) : [];
    const reason = typeof object.reason === "string" ? object.reason : "";
    return { score: clampScore(score), signals: [...new Set(signals)], reason };
  }
  const match = SCORE_FALLBACK.exec(text);
  const fallback = toNumber(match?.[1]);
  return fallback === undefined ? undefined : { score: clampScore(fallback), signals: [], reason: "" };
}
