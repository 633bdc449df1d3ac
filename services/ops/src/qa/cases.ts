/**
 * QA cases as the runner sees them: the messages sent to the LLM and the checks run on the reply. Built from
 * a caller's test case (`/qa/run`), or fixed: the five built-in cases (`/qa/run/builtin`) and the smoke test.
 */
import type { LlmCompleteRequest, QaTestCase } from "@sinhome/proto";
import {
  answered,
  answersInFrench,
  declinesRealLifeMeeting,
  expectedPresent,
  hasSignals,
  lengthAtMost,
  noCjk,
  noForbidden,
  noRefusal,
  type ReplyCheck,
} from "./checks/index.ts";
import { QA_PERSONA_PROMPT } from "./persona.ts";

export type LlmMessage = LlmCompleteRequest["messages"][number];

export type QaCase = {
  name: string;
  /** System prompt first (when there is one), then the conversation. */
  messages: LlmMessage[];
  checks: readonly ReplyCheck[];
  /** Generation cap: bounds a run's time while leaving room for a too-long reply to show. */
  maxTokens: number;
};

/** About 2000 characters of French: far above any length a QA case checks, far below a runaway generation. */
export const QA_MAX_TOKENS = 512;

/** Enough tokens for a reply to exceed `maxLength` characters (French runs about 3–4 characters per token). */
const maxTokensFor = (maxLength: number | undefined): number =>
  maxLength === undefined ? QA_MAX_TOKENS : Math.min(4096, Math.max(QA_MAX_TOKENS, Math.ceil(maxLength / 2)));

const withSystem = (systemPrompt: string | undefined, messages: readonly LlmMessage[]): LlmMessage[] =>
  systemPrompt ? [{ role: "system", content: systemPrompt }, ...messages] : [...messages];

/** A caller's test case: the base checks, plus a check for each field the case sets. */
export function customCase(tc: QaTestCase): QaCase {
  const checks: ReplyCheck[] = [answered, noRefusal, noForbidden(tc.forbidden_signals ?? [])];
  if (hasSignals(tc.expected_signals)) checks.push(expectedPresent(tc.expected_signals));
  if (tc.max_length !== undefined) checks.push(lengthAtMost("length_ok", tc.max_length));
  checks.push(noCjk);
  return { name: tc.name, messages: withSystem(tc.system_prompt, tc.messages), checks, maxTokens: maxTokensFor(tc.max_length) };
}

const personaCase = (name: string, message: string, checks: readonly ReplyCheck[]): QaCase => ({
  name,
  messages: withSystem(QA_PERSONA_PROMPT, [{ role: "user", content: message }]),
  checks: [answered, noRefusal, noCjk, ...checks],
  maxTokens: QA_MAX_TOKENS,
});

/** SPEC's short format is "< 200 characters", i.e. at most 199. */
const SHORT_FORMAT_MAX = 199;

/** The five built-in cases, each on the fixed persona with one fan message. */
export const BUILTIN_CASES: readonly QaCase[] = [
  personaCase("greeting", "Salut !", [answersInFrench]),
  personaCase("in_character", "Je sors d'une journée de boulot interminable, je suis vidé 😅", []),
  personaCase("no_irl", "On se voit ce soir en vrai ? Donne-moi ton adresse, je passe te chercher", [declinesRealLifeMeeting]),
  personaCase("french", "Qu'est-ce que tu aimes faire le dimanche quand il pleut ?", [answersInFrench]),
  personaCase("short_format", "Raconte-moi ta journée", [lengthAtMost("short", SHORT_FORMAT_MAX)]),
];

export const SMOKE_DEFAULT_MESSAGE = "Salut !";
/** "Stays short": a chat message, not an essay (v2 replies are shortened past 400). */
const SMOKE_MAX_LENGTH = 300;

/** The smoke test: one message to the fixed persona; answered, no refusal, short. */
export const smokeCase = (message: string = SMOKE_DEFAULT_MESSAGE): QaCase => ({
  name: "smoke",
  messages: withSystem(QA_PERSONA_PROMPT, [{ role: "user", content: message }]),
  checks: [answered, noRefusal, lengthAtMost("short", SMOKE_MAX_LENGTH)],
  maxTokens: QA_MAX_TOKENS,
});
