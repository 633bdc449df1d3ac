import { describe, expect, test } from "bun:test";
import { buildChloePrompt, buildV1PersonalityPrompt, buildV2PersonalityPrompt, resolvePersona } from "../persona/index.ts";
import { qwenTokens } from "./qwen-tokenizer.testing.ts";
import { countTokens, truncateToTokens } from "./tokens.ts";

const CHAT_LINES = [
  "Coucou bébé 😘 t'as pensé à moi aujourd'hui ?",
  "je veux voir ta vidéo, c combien ?",
  "Mdr t'es trop drôle toi 😂😂",
  "J'ai 25 ans et je bosse à Paris, et toi ?",
  "tu fais quoi ce soir ? 🔥",
  "Je t'envoie 15€ pour la vidéo de 3 minutes",
  "Haha j'adore quand tu me parles comme ça, continue 😈",
  "je suis tellement excité rien qu'à te lire, tu me rends fou",
  "ça fait longtemps… tu m'as manqué ❤️❤️",
  "Tu veux qu'on se voit IRL ? j'habite à Lyon",
  "Hello, how are you doing today babe?",
  "1234567890",
];
const PROMPTS = [
  buildV1PersonalityPrompt(resolvePersona()).system,
  buildV2PersonalityPrompt(resolvePersona({ dominance: 5, initiative: 1, emojis: 5, tone: 5 })).system,
  buildV2PersonalityPrompt(resolvePersona({ sales_tactic: 5, audacity: 1, imperfection: 5 })).system,
  buildChloePrompt().system,
];
const ratio = (texts: string[]) => texts.reduce((n, t) => n + countTokens(t), 0) / texts.reduce((n, t) => n + qwenTokens(t), 0);

describe("countTokens (estimate checked against the real Qwen2.5 tokenizer)", () => {
  test("empty text is zero tokens", () => {
    expect(countTokens("")).toBe(0);
  });

  test("no chat line is undercounted by more than 10 %", () => {
    for (const line of CHAT_LINES) expect(countTokens(line)).toBeGreaterThanOrEqual(Math.floor(qwenTokens(line) * 0.9));
  });

  test("in aggregate it counts a little more than the real tokenizer, never much more", () => {
    for (const texts of [CHAT_LINES, PROMPTS]) {
      const r = ratio(texts);
      expect(r).toBeGreaterThanOrEqual(1);
      expect(r).toBeLessThan(1.3);
    }
  });
});

describe("truncateToTokens", () => {
  test("returns short text unchanged", () => {
    expect(truncateToTokens("salut toi", 10)).toBe("salut toi");
  });

  test("cuts long text at a word boundary within the budget", () => {
    const text = "un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze";
    const cut = truncateToTokens(text, 8);
    expect(countTokens(cut)).toBeLessThanOrEqual(8);
    expect(cut.endsWith("…")).toBe(true);
    expect(text.startsWith(cut.slice(0, -1))).toBe(true);
    expect(cut.slice(0, -1).endsWith(" ")).toBe(false);
  });
});
