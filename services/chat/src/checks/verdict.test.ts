import { describe, expect, test } from "bun:test";
import type { ChatMessage } from "@sinhome/proto";
import { checkReply, pickBestCandidate } from "./verdict.ts";

const history: ChatMessage[] = [
  { role: "user", content: "salut" },
  { role: "assistant", content: "Coucou toi, tu m'as manqué aujourd'hui 😘" },
  { role: "user", content: "tu fais quoi ?" },
];

describe("checkReply", () => {
  test("a fresh in-persona reply is ok", () => {
    expect(checkReply("Je pensais justement à toi, tu fais quoi ce soir ? 😏", history)).toEqual({ ok: true });
  });

  test("names the cause of each problem", () => {
    expect(checkReply("   ", history)).toEqual({ ok: false, cause: "empty" });
    expect(checkReply("Je suis désolée, mais je ne peux pas répondre à cette demande.", history)).toEqual({
      ok: false,
      cause: "refusal",
    });
    expect(checkReply("Je pense à toi 我想你", history)).toEqual({ ok: false, cause: "cjk" });
    expect(checkReply("Coucou toi, tu m'as manqué aujourd'hui !", history)).toEqual({ ok: false, cause: "duplicate" });
  });

  test("an in-persona decline of a real meeting is ok", () => {
    expect(checkReply("non bébé, on se voit pas en vrai, mais je suis là 😘", history)).toEqual({ ok: true });
  });
});

describe("pickBestCandidate", () => {
  const refusal = "I'm sorry, but I can't help with that.";
  const duplicate = "Coucou toi, tu m'as manqué aujourd'hui 😘";
  const chinese = "Je suis là pour toi 我在这里 mon cœur";
  const clean = "Je viens de sortir de la douche, tu veux savoir la suite ? 😏";

  test("prefers the first clean candidate", () => {
    expect(pickBestCandidate([refusal, clean, "Autre réponse propre"], history)).toEqual({
      text: clean,
      index: 1,
      verdict: { ok: true },
    });
  });

  test("otherwise a candidate that is clean once CJK is stripped, returned stripped", () => {
    expect(pickBestCandidate([refusal, duplicate, chinese], history)).toEqual({
      text: "Je suis là pour toi mon cœur",
      index: 2,
      verdict: { ok: true },
    });
  });

  test("otherwise a non-refusal rather than a refusal", () => {
    expect(pickBestCandidate([refusal, duplicate], history)?.index).toBe(1);
    expect(pickBestCandidate([refusal], history)?.verdict).toEqual({ ok: false, cause: "refusal" });
  });

  test("a CJK-only or empty candidate is never chosen", () => {
    expect(pickBestCandidate(["你好", "  "], history)).toBeNull();
    expect(pickBestCandidate([], history)).toBeNull();
    expect(pickBestCandidate(["你好", refusal], history)?.text).toBe(refusal);
  });
});
