import { describe, expect, test } from "bun:test";
import { frenchShare, isFrench } from "./french.ts";

describe("isFrench", () => {
  test.each([
    "Coucou toi 😘 c'est Chloe, ça va ?",
    "Hey coucou 🥰 Chloe est là, contente de te voir !",
    "Hmm tu es curieux toi 😏 ça me plaît, demande-moi encore",
    "Coucou 😘",
    "MDR t'es trop chou",
    "Love you bébé, tu me manques trop",
    "Ouais grave, j’adore ça 😍",
  ])("French: %s", (reply) => {
    expect(isFrench(reply)).toBe(true);
  });

  test.each([
    "Hey you! How are you doing tonight?",
    "I'm fine, thanks, and you?",
    "Oh yes baby, I want you so much, c'est trop bon",
    "你好宝贝，我想你",
    "😘😘",
    "",
  ])("not French: %s", (reply) => {
    expect(isFrench(reply)).toBe(false);
  });

  test("words shared by both languages do not vote", () => {
    expect(frenchShare("a on me as plus or sure fine")).toBeNull();
    expect(frenchShare("on se voit ce soir")).toBe(1);
    expect(frenchShare("the cat is on the mat")).toBe(0);
  });
});
