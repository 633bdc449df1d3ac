/**
 * The simulator as a guard model: a request whose model name contains "guard" (`Llama-Guard-3-1B`), or
 * whose first user message is Llama Guard 3's task prompt, is answered in Llama Guard's format —
 * `safe`, or `unsafe` with a category line (`unsafe\nS4`). By default everything is safe; tests script it
 * per conversation with a directive, or with `programGuard()` (FIFO, guard requests only):
 *   `[[sim:guard=unsafe]]` (= s4), `[[sim:guard=s12]]` (unsafe, another category), `[[sim:guard=safe]]`,
 *   `[[sim:guard=hang]]` (never answers until the client leaves), `[[sim:guard=fail]]` (HTTP 500),
 *   `[[sim:guard=malformed]]` (200 with a text that is not the format), `[[sim:guard_delay=120]]` (ms).
 * The simulator's `guardDelayMs` option adds a realistic delay to every guard answer.
 */
import type { ChatRequest, SimMessage } from "./openai.ts";
import { DIRECTIVE } from "./misbehaviour.ts";

export type GuardScript = "safe" | "unsafe" | "hang" | "fail" | "malformed" | `s${number}`;

/** Llama Guard 3's task prompt starts this way (the `inline` prompt mode of the chat service). */
const TASK_PREFIX = "Task: Check if there is unsafe content in";
/** How long `hang` holds a request at most when its client never leaves. */
export const GUARD_HANG_MS = 120_000;

export function isGuardRequest(req: ChatRequest): boolean {
  if (/guard/i.test(req.model)) return true;
  return req.messages.some((m) => m.role === "user" && m.content.trimStart().startsWith(TASK_PREFIX));
}

/** The guard directives found in the conversation (the last one wins). */
export function guardDirectives(messages: SimMessage[]): { script?: GuardScript; delayMs?: number } {
  let script: GuardScript | undefined;
  let delayMs: number | undefined;
  for (const m of messages) {
    for (const match of m.content.matchAll(DIRECTIVE)) {
      for (const part of (match[1] ?? "").split(",")) {
        const [key, value = ""] = part.split("=", 2).map((x) => x.trim().toLowerCase());
        if (key === "guard" && isGuardScript(value)) script = value;
        if (key === "guard_delay" && Number.isFinite(Number(value))) delayMs = Math.max(0, Number(value));
      }
    }
  }
  return { script, delayMs };
}

export function isGuardScript(value: string): value is GuardScript {
  return ["safe", "unsafe", "hang", "fail", "malformed"].includes(value) || /^s\d{1,2}$/.test(value);
}

/** The answer text of a verdict script (`hang` and `fail` are handled by the server). */
export function guardAnswerText(script: GuardScript): string {
  if (script === "safe") return "safe";
  if (script === "unsafe") return "unsafe\nS4";
  if (script === "malformed") return "I think this message is probably fine, but I am not sure.";
  return `unsafe\n${script.toUpperCase()}`;
}
