import { expect, test } from "bun:test";
import type { ChatLogEvent } from "@sinhome/proto";
import { controlArm } from "../env.ts";
import { checkEvent } from "../feedback/handlers.ts";
import { toReplyRecord } from "./record.ts";

const event: ChatLogEvent = {
  timestamp: "2026-12-07T10:00:00.000Z", endpoint: "/v2/personality_chat", request_id: "r1", session_id: "s1", backend: "simulator", model: "m",
  latency_ms: 12, retries: { refusal: 0, cjk: 0, duplicate: 0, empty: 0, safety: 0, transport: 0, fallback: 0 }, usage: { prompt_tokens: 100, completion_tokens: 20 },
  fallback: false, error: null, message: "salut", response: "coucou", model_route: "euryale", key_name: "crm", tenant: "t1", persona: "abcdef012345",
  handoff: { recommended: false, reasons: [] }, prompt_messages: [{ role: "system", content: "S" }, { role: "user", content: "salut" }],
};

test("a log event becomes a record with every field the issue lists; texts only when the log has them", () => {
  expect(toReplyRecord(event)).toMatchObject({ request_id: "r1", at: "2026-12-07T10:00:00.000Z", session_id: "s1", key_name: "crm", tenant: "t1", arm: "euryale", persona: "abcdef012345", prompt_tokens: 100, completion_tokens: 20, latency_ms: 12, fallback: false, reply: "coucou", messages: event.prompt_messages });
  const { message: _m, response: _r, prompt_messages: _p, ...metadataOnly } = event;
  expect(toReplyRecord(metadataOnly)).toMatchObject({ messages: null, reply: null });
});

test("failed exchanges (v1 error, cancelled stream) make no record; a v2 fallback and a guard answer do", () => {
  expect(toReplyRecord({ ...event, error: "llm_timeout" })).toBeNull();
  expect(toReplyRecord({ ...event, error: "llm_unavailable", fallback: true })).not.toBeNull();
  expect(toReplyRecord({ ...event, error: "content_filter", backend: "guard" })).not.toBeNull();
});

test("feedback events: final_text only with edited; an id is given to events without one", () => {
  expect(() => checkEvent({ request_id: "r1", outcome: "sent", final_text: "x" })).toThrow("final_text is only accepted");
  expect(() => checkEvent({ request_id: "r1", rating: 6 })).toThrow();
  expect(checkEvent({ request_id: "r1", outcome: "edited", final_text: "x" }).event_id).toMatch(/^auto-/);
  expect(checkEvent({ request_id: "r1", event_id: "e1", at: "2026-12-07T10:00:00+01:00" })).toMatchObject({ event_id: "e1", at: "2026-12-07T09:00:00.000Z" });
});

test("the control arm: default when present or without A/B, else the first route", () => {
  expect(controlArm(undefined)).toBe("default");
  expect(controlArm("euryale=50,default=50")).toBe("default");
  expect(controlArm("qwen2@http://vllm-a:8000/v1=70,euryale=30")).toBe("qwen2");
});
