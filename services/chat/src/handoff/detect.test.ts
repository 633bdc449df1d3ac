import { describe, expect, test } from "bun:test";
import { detectHandoff, REPEATED_REFUSALS } from "./detect.ts";

const plain = { guarded: false, fallback: false, refusals: 0 };
const reasonsOf = (message: string, extra: Partial<typeof plain> = {}) => detectHandoff({ ...plain, ...extra, message }).reasons;

describe("hand-off detection", () => {
  test("an ordinary message recommends nothing (FR and EN)", () => {
    for (const m of ["Coucou toi, tu fais quoi ce soir ?", "t'es trop belle sur ta dernière photo 😍", "Hey, how was your day?", "I loved your last video"]) {
      expect(detectHandoff({ ...plain, message: m })).toEqual({ recommended: false, reasons: [] });
    }
  });

  test("meeting requests", () => {
    expect(reasonsOf("On se voit en vrai ce week-end ?")).toEqual(["meeting_request"]);
    expect(reasonsOf("can we meet irl?")).toEqual(["meeting_request"]);
  });

  test("sincere questions about talking to an AI", () => {
    expect(reasonsOf("Sérieux, je parle à une IA là ?")).toContain("ai_question");
    expect(reasonsOf("Am I talking to a bot?")).toContain("ai_question");
  });

  test("the fan asks for a real person", () => {
    expect(reasonsOf("je veux parler à une vraie personne")).toContain("human_requested");
    expect(reasonsOf("Passe-moi la vraie, pas le robot")).toContain("human_requested");
    expect(reasonsOf("I want to talk to a real person please")).toContain("human_requested");
    expect(reasonsOf("stop the bot, real human please")).toContain("human_requested");
  });

  test("distress and self-harm signals", () => {
    expect(reasonsOf("j'ai envie de mourir ce soir")).toEqual(["distress"]);
    expect(reasonsOf("Je n'en peux plus, je vais me foutre en l'air")).toEqual(["distress"]);
    expect(reasonsOf("sometimes I just want to die")).toEqual(["distress"]);
    expect(reasonsOf("I keep cutting myself")).toEqual(["distress"]);
  });

  test("pipeline facts: guard, fallback, repeated refusals", () => {
    expect(reasonsOf("salut", { guarded: true })).toEqual(["minors_guard"]);
    expect(reasonsOf("salut", { fallback: true })).toEqual(["fallback"]);
    expect(reasonsOf("salut", { refusals: REPEATED_REFUSALS })).toEqual(["repeated_refusal"]);
    expect(reasonsOf("salut", { refusals: REPEATED_REFUSALS - 1 })).toEqual([]);
  });

  test("several reasons, in a fixed order, each once", () => {
    const h = detectHandoff({ message: "t'es une IA ? je veux parler à une vraie personne, on se voit en vrai ?", guarded: false, fallback: true, refusals: 3 });
    expect(h.recommended).toBe(true);
    expect(h.reasons).toEqual(["meeting_request", "ai_question", "human_requested", "fallback", "repeated_refusal"]);
  });

  test("an empty followup message is fine", () => {
    expect(detectHandoff({ ...plain, message: "" })).toEqual({ recommended: false, reasons: [] });
  });
});
