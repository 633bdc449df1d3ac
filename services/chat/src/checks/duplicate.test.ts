import { describe, expect, test } from "bun:test";
import type { ChatMessage } from "@sinhome/proto";
import { bigramSimilarity, isDuplicateOfHistory } from "./duplicate.ts";

const history: ChatMessage[] = [
  { role: "user", content: "salut toi" },
  { role: "assistant", content: "Coucou mon cœur, tu m'as manqué aujourd'hui 😘" },
  { role: "user", content: "tu fais quoi ce soir ?" },
  { role: "assistant", content: "Je prépare une petite vidéo rien que pour toi, tu veux la voir en avant-première ?" },
  { role: "assistant", content: "oui" },
];

describe("isDuplicateOfHistory", () => {
  test.each([
    "Coucou mon cœur, tu m'as manqué aujourd'hui 😘",
    "coucou mon coeur tu m'as manque aujourd'hui",
    "COUCOU MON CŒUR !!! Tu m'as manqué aujourd'hui 😘😘😘",
    "  Coucou   mon cœur,\ntu m'as manqué aujourd'hui  ",
    "Je prépare une petite vidéo rien que pour toi, tu veux la voir en avant-première ? 🔥",
    "Je prépare une petite vidéo juste pour toi, tu veux la voir en avant-première ?",
  ])("flags a repeat of a persona message: %s", (reply) => {
    expect(isDuplicateOfHistory(reply, history)).toBe(true);
  });

  test.each([
    "Coucou mon cœur, j'ai pensé à toi toute la journée 😘",
    "Je t'envoie la vidéo dès qu'elle est prête, promis",
    "oui", // short answers repeat naturally
    "salut toi", // the fan's words, not the persona's
    "tu fais quoi ce soir ?",
  ])("keeps a new reply: %s", (reply) => {
    expect(isDuplicateOfHistory(reply, history)).toBe(false);
  });

  test("an empty history has no duplicate", () => {
    expect(isDuplicateOfHistory("Coucou mon cœur, tu m'as manqué", [])).toBe(false);
  });

  test("handles a 200-message history of long messages", () => {
    const long: ChatMessage[] = Array.from({ length: 200 }, (_, index) => ({
      role: index % 2 ? "assistant" : "user",
      content: words(index, 1000),
    }));
    expect(isDuplicateOfHistory(words(999, 1000), long)).toBe(false);
    expect(isDuplicateOfHistory(long[1]!.content, long)).toBe(true);
  });
});

/** `count` pseudo-random lowercase words, different for each seed. */
function words(seed: number, count: number): string {
  let state = seed + 1;
  const next = () => (state = (state * 48271) % 2147483647);
  return Array.from({ length: count }, () => next().toString(36).slice(0, 5).replace(/[0-9]/g, "")).join(" ");
}

describe("bigramSimilarity", () => {
  test("is 1 for texts equal once folded and low for unrelated texts", () => {
    expect(bigramSimilarity("Ça va ?", "ca va")).toBe(1);
    expect(bigramSimilarity("je t'envoie la vidéo", "il pleut sur Paris")).toBeLessThan(0.3);
  });
});
