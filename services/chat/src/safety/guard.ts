/**
 * Layer 1 of the minors guard, run before any LLM call: when a minor is involved (SPEC §4), the request is
 * answered with a fixed deflection and never reaches the model. Everything it reads is plain data; it
 * returns plain data (the layer, the category and where it was found, for metrics and logs).
 */
import type { ChatMessage, Persona } from "@sinhome/proto";
import { MINOR_FAN_REPLY, MINOR_SEXUAL_CONTEXT_REPLY } from "./deflections.fr.ts";
import { assessMinorRisk, detectMinorInAdultContext, detectMinorRisk, type MinorCategory, type MinorFinding, type MinorRule } from "./minors.ts";
import type { GuardLayer } from "./metrics.ts";

export type GuardRule = MinorRule;
/** Where the rule was triggered, for logs and metrics (never shown to the fan). */
export type GuardSource = "message" | "history" | "script" | "persona" | "reply";
/** What blocked: a lexicon category, `s4` for the guard model's verdict, `suspect` for the outage threshold. */
export type GuardCategory = MinorCategory | "s4" | "suspect";

export type GuardBlock = { blocked: true; layer: GuardLayer; rule: GuardRule; category: GuardCategory; source: GuardSource; reply: string };
/** `suspect`: the new message holds an under-18 age or school fact (deflected only if the guard model cannot answer). */
export type GuardVerdict = { blocked: false; suspect: boolean } | GuardBlock;

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
  let suspect = false;
  if (input.message) {
    const assessed = assessMinorRisk(input.message, { previousAssistant: lastAssistantMessage(input.history) });
    if (assessed.finding) return block(assessed.finding, "message");
    suspect = assessed.suspect;
  }
  for (const turn of recentFanTurns(input.history)) {
    const found = detectMinorRisk(turn.text, { previousAssistant: turn.previousAssistant });
    if (found) return block(found, "history");
  }
  const script = input.script ? detectMinorInAdultContext(input.script) : null;
  if (script) return block(script, "script");
  const traits = input.persona?.traits ? detectMinorInAdultContext(input.persona.traits) : null;
  if (traits) return block(traits, "persona");
  return { blocked: false, suspect };
}

/** The fixed reply of a rule: the fan is a minor, or minors were brought into the content. */
export const deflectionFor = (rule: GuardRule): string => (rule === "minor_fan" ? MINOR_FAN_REPLY : MINOR_SEXUAL_CONTEXT_REPLY);

function block(found: MinorFinding, source: GuardSource): GuardBlock {
  return { blocked: true, layer: "lexicon", rule: found.rule, category: found.category, source, reply: deflectionFor(found.rule) };
}

type FanTurn = { text: string; previousAssistant?: string };

/** The last fan messages of the history (folded), each with the persona message just before it. */
function recentFanTurns(history: readonly ChatMessage[]): FanTurn[] {
  const turns: FanTurn[] = [];
  let previousAssistant: string | undefined;
  for (const item of history) {
    const text = item.content;
    if (item.role === "assistant") previousAssistant = text;
    else if (text) turns.push({ text, previousAssistant });
  }
  return turns.slice(-HISTORY_USER_MESSAGES_CHECKED);
}

/** The persona's message the fan is answering now: the last assistant message of the history. */
function lastAssistantMessage(history: readonly ChatMessage[]): string | undefined {
  for (let index = history.length - 1; index >= 0; index -= 1) {
    const item = history[index];
    if (item?.role === "assistant") return item.content;
  }
  return undefined;
}
