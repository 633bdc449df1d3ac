/**
 * The input guard run before any LLM call: when a minor is involved (SPEC §4), the request is answered with a
 * fixed deflection and never reaches the model. Everything it reads is plain data; it returns plain data.
 */
import type { ChatMessage, Persona } from "@sinhome/proto";
import { foldForMatching } from "../checks/normalize.ts";
import { MINOR_FAN_REPLY, MINOR_SEXUAL_CONTEXT_REPLY } from "./deflections.fr.ts";
import { bringsMinorsIntoSexualContext, claimsToBeMinor, describesMinorInAdultContext } from "./minors.ts";

export type GuardRule = "minor_fan" | "minor_sexual_context";
/** Where the rule was triggered, for logs and metrics (never shown to the fan). */
export type GuardSource = "message" | "history" | "script" | "persona";

export type GuardVerdict =
  | { blocked: false }
  | { blocked: true; rule: GuardRule; source: GuardSource; reply: string };

export type GuardInput = {
  /** The fan's new message (may be empty for followups). */
  message: string;
  history: readonly ChatMessage[];
  script?: string;
  /** The persona; its free `traits` are checked like a script. Absent for Chloe and direct chat. */
  persona?: Pick<Persona, "traits">;
};

// Earlier fan messages are read too, so a minor who said his age three messages ago is not served now.
// Bounded: the CRM may send 200 messages, and an old line should not need a regex pass per request forever.
const HISTORY_USER_MESSAGES_CHECKED = 20;

/**
 * `{ blocked: true, rule, reply }` when the fan says he is under 18 (now, or in a recent message), or when the
 * message, a recent fan message, the script or the persona's traits bring minors into a sexual context.
 */
export function guardFanInput(input: GuardInput): GuardVerdict {
  const message = foldForMatching(input.message);
  if (message && claimsToBeMinor(message, lastAssistantMessage(input.history))) return block("minor_fan", "message");
  if (message && bringsMinorsIntoSexualContext(message)) return block("minor_sexual_context", "message");

  for (const turn of recentFanTurns(input.history)) {
    if (claimsToBeMinor(turn.text, turn.previousAssistant)) return block("minor_fan", "history");
    if (bringsMinorsIntoSexualContext(turn.text)) return block("minor_sexual_context", "history");
  }
  if (input.script && describesMinorInAdultContext(foldForMatching(input.script)))
    return block("minor_sexual_context", "script");
  if (input.persona?.traits && describesMinorInAdultContext(foldForMatching(input.persona.traits)))
    return block("minor_sexual_context", "persona");
  return { blocked: false };
}

function block(rule: GuardRule, source: GuardSource): GuardVerdict {
  const reply = rule === "minor_fan" ? MINOR_FAN_REPLY : MINOR_SEXUAL_CONTEXT_REPLY;
  return { blocked: true, rule, source, reply };
}

type FanTurn = { text: string; previousAssistant?: string };

/** The last fan messages of the history (folded), each with the persona message just before it. */
function recentFanTurns(history: readonly ChatMessage[]): FanTurn[] {
  const turns: FanTurn[] = [];
  let previousAssistant: string | undefined;
  for (const item of history) {
    const text = foldForMatching(item.content);
    if (item.role === "assistant") previousAssistant = text;
    else if (text) turns.push({ text, previousAssistant });
  }
  return turns.slice(-HISTORY_USER_MESSAGES_CHECKED);
}

/** The persona's message the fan is answering now: the last assistant message of the history, folded. */
function lastAssistantMessage(history: readonly ChatMessage[]): string | undefined {
  for (let index = history.length - 1; index >= 0; index -= 1) {
    const item = history[index];
    if (item?.role === "assistant") return foldForMatching(item.content);
  }
  return undefined;
}
