/** Tests only: a chat log event as chat would store it. */
import type { ChatLogEvent } from "@sinhome/proto";

export const logEvent = (session: string | null, n: number, at = new Date()): ChatLogEvent => ({
  timestamp: at.toISOString(),
  endpoint: "/v2/personality_chat",
  request_id: `r-${n}`,
  session_id: session,
  backend: "simulator",
  model: "m",
  latency_ms: 1,
  retries: { refusal: 0, cjk: 0, duplicate: 0, empty: 0, safety: 0, transport: 0, fallback: 0 },
  usage: { prompt_tokens: 1, completion_tokens: 1 },
  fallback: false,
  error: null,
  message: `message ${n}`,
  response: `réponse ${n} 😘`,
});
