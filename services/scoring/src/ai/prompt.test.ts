import { describe, expect, test } from "bun:test";
import { LlmCompleteRequest, type ChatMessage } from "@sinhome/proto";
import { Value } from "@sinclair/typebox/value";
import { AI_MAX_CHARS, AI_MAX_MESSAGES, buildAiScoreRequest, transcriptOf } from "./prompt.ts";

const long = (i: number): ChatMessage => ({ role: i % 2 ? "assistant" : "user", content: `message ${i} ${"x".repeat(2000)}` });

describe("buildAiScoreRequest", () => {
  test("one call, no retry, the scoring timeout, structured JSON output", () => {
    const req = buildAiScoreRequest([{ role: "user", content: "c'est combien ?" }], 8000);
    expect(Value.Check(LlmCompleteRequest, req)).toBe(true);
    expect(req.no_retry).toBe(true);
    expect(req.timeout_ms).toBe(8000);
    expect(req.response_format?.type).toBe("json_schema");
    if (req.response_format?.type !== "json_schema") throw new Error("unreachable");
    expect(req.response_format.json_schema.name).toBe("fan_score");
    expect(req.response_format.json_schema.schema).toMatchObject({ required: ["score", "signals", "reason"] });
  });

  test("asks in French and carries the fan's messages as data", () => {
    const req = buildAiScoreRequest([{ role: "user", content: "je veux la vidéo" }, { role: "assistant", content: "15 €" }], 8000);
    expect(req.messages[0]!.content).toContain("Tu évalues l'intérêt d'achat");
    expect(req.messages[1]!.content).toContain("Fan : je veux la vidéo");
    expect(req.messages[1]!.content).toContain("Créatrice : 15 €");
  });

  test("the transcript is bounded: last messages only, each cut", () => {
    const history = Array.from({ length: 200 }, (_, i) => long(i));
    const lines = transcriptOf(history).split("\n");
    expect(lines).toHaveLength(AI_MAX_MESSAGES);
    expect(lines[0]).toContain(`message ${200 - AI_MAX_MESSAGES} `);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(AI_MAX_CHARS + 20);
    expect(Value.Check(LlmCompleteRequest, buildAiScoreRequest(history, 8000))).toBe(true);
  });

  test("an empty history still makes a valid request", () => {
    expect(Value.Check(LlmCompleteRequest, buildAiScoreRequest([], 8000))).toBe(true);
  });
});
