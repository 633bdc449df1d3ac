/**
 * The chat pipeline's own cost per request, without the LLM and without the network: safety guard,
 * prompt building, history sanitation, message assembly and the reply checks, for a v1 and a v2
 * request with a 20-message history. Baseline: JSON.stringify of the same request (the least any
 * service must do with it).
 */
import type { ChatMessage } from "@sinhome/proto";
import { checkReply, shortenAtSentence } from "@sinhome/chat/src/checks/index.ts";
import { sanitizeHistory, V1_HISTORY_LIMITS, V2_HISTORY_LIMITS } from "@sinhome/chat/src/history/index.ts";
import { assembleMessages, buildV1PersonalityPrompt, buildV2PersonalityPrompt, resolvePersona } from "@sinhome/chat/src/persona/index.ts";
import { detectMeetingRequest, guardFanInput, isSincereAiQuestion } from "@sinhome/chat/src/safety/index.ts";
import { detectHandoff } from "@sinhome/chat/src/handoff/index.ts";
import { personaFingerprint } from "@sinhome/chat/src/persona/fingerprint.ts";
import { fmt } from "./stats.ts";

const N = 20_000;
const history: ChatMessage[] = Array.from({ length: 20 }, (_, i) => ({
  role: i % 2 ? "assistant" : "user",
  content: i % 2 ? `Mmh j'adore quand tu me parles comme ça, raconte-moi ta journée n°${i} 😘` : `Coucou toi, j'ai pensé à toi toute la journée, message ${i}`,
}));
const message = "T'es dispo ce soir ? J'ai envie de voir ta nouvelle vidéo";
const persona = { name: "Seline", dominance: 4, emojis: 4, sales_tactic: 3 } as const;
const reply = "Toujours dispo pour toi 😏 la vidéo de ce soir est rien que pour mes préférés… tu veux que je te l'envoie ?";

function perCall(fn: () => unknown): number {
  for (let i = 0; i < 2000; i++) fn();
  const started = performance.now();
  for (let i = 0; i < N; i++) fn();
  return (performance.now() - started) / N;
}

const pipeline = (family: "v1" | "v2", returnMessages = false) => () => {
  guardFanInput({ message, history });
  const directives = [...(isSincereAiQuestion(message) ? ["x"] : []), ...(detectMeetingRequest(message) ? ["y"] : [])];
  const p = resolvePersona(persona);
  const parts = family === "v1" ? buildV1PersonalityPrompt(p, directives) : buildV2PersonalityPrompt(p, directives);
  const messages = assembleMessages(parts, sanitizeHistory(history, message, family === "v1" ? V1_HISTORY_LIMITS : V2_HISTORY_LIMITS));
  checkReply(reply, history);
  if (returnMessages) return messages;
  return family === "v2" ? shortenAtSentence(reply, 400) : messages;
};

/** The outcome loop's share of a reply (issue #19): hand-off detection, persona fingerprint, the heavier log event. */
const logEvent = (messages: unknown) => ({ timestamp: new Date().toISOString(), endpoint: "/personality_chat", request_id: "r", session_id: "s", backend: "vllm", model: "m", latency_ms: 1, message, response: reply, ...(messages ? { prompt_messages: messages } : {}) });
const withOutcomes = (family: "v1" | "v2") => {
  const plain = pipeline(family, true);
  return () => {
    const messages = plain();
    // As the pipeline calls it: the AI-question and meeting detections are the pipeline's own, passed in.
    detectHandoff({ message, guarded: false, fallback: false, refusals: 0, aiQuestion: false, meetingRequest: false });
    personaFingerprint(persona);
    return JSON.stringify(logEvent(messages));
  };
};
const withoutOutcomes = (family: "v1" | "v2") => {
  const plain = pipeline(family);
  return () => {
    plain();
    return JSON.stringify(logEvent(undefined));
  };
};

export async function benchPipeline(): Promise<string[]> {
  const baseline = perCall(() => JSON.stringify({ message, history, persona_data: persona }));
  const v1 = perCall(pipeline("v1"));
  const v2 = perCall(pipeline("v2"));
  const lines = [
    `baseline JSON.stringify of the request: ${fmt(baseline)}`,
    `v1 pipeline (guard, prompt, history, assembly, checks): ${fmt(v1)} = ${(v1 / baseline).toFixed(1)}× baseline`,
    `v2 pipeline (same + shortening):                       ${fmt(v2)} = ${(v2 / baseline).toFixed(1)}× baseline`,
  ];
  // Interleaved rounds, medians: on a shared machine one pass of each is mostly noise.
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  for (const family of ["v1", "v2"] as const) {
    const rounds = Array.from({ length: 5 }, () => [perCall(withoutOutcomes(family)), perCall(withOutcomes(family))] as const);
    const before = median(rounds.map((r) => r[0]));
    const after = median(rounds.map((r) => r[1]));
    const handoff = perCall(() => detectHandoff({ message, guarded: false, fallback: false, refusals: 0, aiQuestion: false, meetingRequest: false }));
    const fingerprint = perCall(() => personaFingerprint(persona));
    lines.push(`${family} + log event, without → with the outcome fields (hand-off ${fmt(handoff)}, fingerprint ${fmt(fingerprint)}, prompt_messages in the event): ${fmt(before)} → ${fmt(after)} = ${(after / before).toFixed(2)}×`);
  }
  return lines;
}
