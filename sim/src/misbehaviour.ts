/**
 * How the simulator decides to misbehave on one request, from two sources:
 * - directives written in the conversation itself (`[[sim:refuse=2]]`), so tests running in
 *   parallel against one simulator never interfere: each conversation carries its own faults;
 * - a FIFO queue of programmed faults, for tests whose request content cannot carry a directive.
 *
 * A directive with a count (`refuse=2`, or `times=N` for valued ones like `status=500,times=1`)
 * misbehaves on the first N requests carrying that directive in that same conversation, then
 * behaves; without a count it always misbehaves. The counter is keyed by the directive and the
 * non-system messages, so a retried identical request counts up even if the system prompt changed.
 */
import type { ErrorShape, SimMessage } from "./openai.ts";
import { fnv1a } from "./seed.ts";

/** What a test can queue with `program()`. */
export type Fault =
  | { kind: "status"; status: number; retryAfter?: number | string; errorShape?: ErrorShape }
  | { kind: "refuse" }
  | { kind: "cjk" }
  | { kind: "repeat" }
  | { kind: "long" }
  | { kind: "stall"; ms: number }
  /** Streams: wait this long before each chunk (a model generating at a visible pace). */
  | { kind: "chunk_delay"; ms: number }
  | { kind: "badjson" }
  /** Claims to be a human (the answer the chat service must never send to a sincere "are you an AI?"). */
  | { kind: "human" }
  /** HTTP 200 with a body that is not JSON (a proxy's HTML page, a truncated answer). */
  | { kind: "malformed" }
  /** A reply in which the persona plays a minor (what the chat service's reply check must catch). */
  | { kind: "minor" };

export type ContentFault = "refuse" | "cjk" | "repeat" | "long" | "badjson" | "malformed" | "human" | "minor";
const CONTENT_FAULTS = new Set<string>(["refuse", "cjk", "repeat", "long", "badjson", "malformed", "human", "minor"]);

/** The merged decision for one request. */
export type Misbehaviour = {
  stallMs: number;
  /** Streams only: pause before each chunk. */
  chunkDelayMs: number;
  /** Streams only: end the stream after this many frames, without a finish or `[DONE]` (a server dying mid-answer). */
  cutAfter?: number;
  status?: number;
  retryAfter?: string;
  errorShape: ErrorShape;
  content?: ContentFault;
};

export const DIRECTIVE = /\[\[sim:([^\]]*)\]\]/g;

/** Removes directives so the normal reply generator never sees (or echoes) them. */
export const stripDirectives = (text: string): string => text.replace(DIRECTIVE, "").replace(/\s{2,}/g, " ").trim();

type Directive = { token: string; params: Map<string, string> };

function parseDirectives(messages: SimMessage[]): Directive[] {
  // Keyed by token text: a directive repeated in several messages is still one directive.
  const found = new Map<string, Directive>();
  for (const m of messages) {
    for (const match of m.content.matchAll(DIRECTIVE)) {
      if (found.has(match[0])) continue;
      const params = new Map<string, string>();
      for (const part of (match[1] ?? "").split(",")) {
        const [k, v] = part.split("=", 2).map((s) => s.trim());
        if (k) params.set(k.toLowerCase(), v ?? "");
      }
      found.set(match[0], { token: match[0], params });
    }
  }
  return [...found.values()];
}

/** How many requests a directive applies to (Infinity = always). */
function directiveCount(params: Map<string, string>): number {
  const times = Number(params.get("times"));
  if (params.has("times") && Number.isFinite(times)) return times;
  for (const [k, v] of params) {
    if (CONTENT_FAULTS.has(k) && v !== "" && Number.isFinite(Number(v))) return Number(v);
  }
  return Number.POSITIVE_INFINITY;
}

function applyParams(into: Misbehaviour, params: Map<string, string>): void {
  for (const [k, v] of params) {
    if (CONTENT_FAULTS.has(k)) into.content = k as ContentFault;
    else if (k === "stall") into.stallMs = Math.max(into.stallMs, Number(v) || 0);
    else if (k === "chunk_ms") into.chunkDelayMs = Math.max(into.chunkDelayMs, Number(v) || 0);
    else if (k === "cut" && Number(v) >= 0) into.cutAfter = Number(v);
    else if (k === "status" && Number(v) >= 100 && Number(v) <= 599) into.status = Number(v);
    else if (k === "retry_after") into.retryAfter = v;
    else if (k === "error_shape") into.errorShape = v === "flat" ? "flat" : "nested";
  }
}

export function applyFault(into: Misbehaviour, fault: Fault): void {
  if (fault.kind === "status") {
    into.status = fault.status;
    if (fault.retryAfter !== undefined) into.retryAfter = String(fault.retryAfter);
    if (fault.errorShape) into.errorShape = fault.errorShape;
  } else if (fault.kind === "stall") into.stallMs = Math.max(into.stallMs, fault.ms);
  else if (fault.kind === "chunk_delay") into.chunkDelayMs = Math.max(into.chunkDelayMs, fault.ms);
  else into.content = fault.kind;
}

/** Remembers how often each directive fired per conversation; bounded so a long-running simulator stays small. */
export class DirectiveCounters {
  private readonly seen = new Map<number, number>();
  constructor(private readonly maxEntries = 10_000) {}

  reset(): void {
    this.seen.clear();
  }

  /** Merges every directive still active for this request into `into`, counting the ones used. */
  apply(messages: SimMessage[], into: Misbehaviour): void {
    const directives = parseDirectives(messages);
    if (directives.length === 0) return;
    const conversation = JSON.stringify(messages.filter((m) => m.role !== "system"));
    for (const d of directives) {
      const count = directiveCount(d.params);
      if (count === Number.POSITIVE_INFINITY) {
        applyParams(into, d.params);
        continue;
      }
      const key = fnv1a(`${d.token}\u0000${conversation}`);
      const used = this.seen.get(key) ?? 0;
      if (used >= count) continue;
      this.seen.delete(key); // re-insert: Map order then doubles as least-recently-used order
      this.seen.set(key, used + 1);
      if (this.seen.size > this.maxEntries) this.seen.delete(this.seen.keys().next().value ?? key);
      applyParams(into, d.params);
    }
  }
}

export const noMisbehaviour = (): Misbehaviour => ({ stallMs: 0, chunkDelayMs: 0, errorShape: "nested" });
