import { describe, expect, test } from "bun:test";
import { shortenAtSentence } from "./shorten.ts";

const length = (text: string) => Array.from(text).length;

describe("shortenAtSentence", () => {
  test("leaves a reply within the limit untouched (trimmed)", () => {
    expect(shortenAtSentence("  Coucou toi 😘  ")).toBe("Coucou toi 😘");
    const exactly = "a".repeat(400);
    expect(shortenAtSentence(exactly)).toBe(exactly);
  });

  test("cuts after the last full sentence that fits", () => {
    const first = "Coucou mon cœur, j'ai pensé à toi toute la journée.";
    const second = " Tu sais, j'ai préparé une petite surprise rien que pour toi, et j'ai hâte de te la montrer ce soir !";
    const third = " Mais avant ça, dis-moi ce que tu aimerais vraiment voir, je veux que ce soit parfait pour toi.";
    const text = first + second + third;
    const cut = shortenAtSentence(text, 160);
    expect(cut).toBe(first + second);
    expect(length(cut)).toBeLessThanOrEqual(160);
  });

  test("treats ?, !, … and runs of them as sentence ends, not the dot of a price", () => {
    const text = "La vidéo est à 15.50 € ce soir… tu la veux ?! Je te l'envoie tout de suite après ton message, promis juré";
    expect(shortenAtSentence(text, 60)).toBe("La vidéo est à 15.50 € ce soir… tu la veux ?!");
    expect(shortenAtSentence("Tu viens ?... Je t'attends depuis tellement longtemps mon cœur", 30)).toBe("Tu viens ?...");
  });

  test("cuts after an emoji or before a line break", () => {
    const emoji = "J'adore quand tu me parles comme ça 😘🔥 et j'ai encore plein de choses à te dire ce soir mon chéri";
    expect(shortenAtSentence(emoji, 60)).toBe("J'adore quand tu me parles comme ça 😘🔥");
    const lines = "Coucou toi, comment tu vas ce soir mon beau\nJ'ai une surprise pour toi si tu es sage avec moi";
    expect(shortenAtSentence(lines, 60)).toBe("Coucou toi, comment tu vas ce soir mon beau");
  });

  test("keeps a closing quote with its sentence", () => {
    const text = "Il m'a dit « t'es la plus belle ! » et franchement ça m'a fait tellement plaisir que j'en rougis encore";
    expect(shortenAtSentence(text, 50)).toBe("Il m'a dit « t'es la plus belle ! »");
  });

  test("without a usable boundary, cuts at the last word and adds an ellipsis", () => {
    const text = "mot ".repeat(150).trim();
    const cut = shortenAtSentence(text, 100);
    expect(cut.endsWith("mot…")).toBe(true);
    expect(length(cut)).toBeLessThanOrEqual(100);
    // A boundary too close to the start is not used.
    const early = "Oui. " + "et puis je pense à toi encore et encore ".repeat(20);
    expect(shortenAtSentence(early, 200).endsWith("…")).toBe(true);
  });

  test("never splits an emoji or exceeds the limit, whatever the text", () => {
    const alphabet = ["a", "é", " ", ".", "!", "😘", "👩‍❤️‍👨", "\n", "15,50 €", "?"];
    let seed = 3;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 300; round += 1) {
      const text = Array.from({ length: 50 + Math.floor(random() * 300) }, () => alphabet[Math.floor(random() * alphabet.length)]).join("");
      const max = 20 + Math.floor(random() * 200);
      const cut = shortenAtSentence(text, max);
      expect(length(cut)).toBeLessThanOrEqual(max);
      expect(cut).not.toMatch(/\uD83D$/); // no lone high surrogate
      const body = cut.endsWith("…") && !text.trim().startsWith(cut) ? cut.slice(0, -1) : cut;
      expect(text.trim().startsWith(body)).toBe(true);
    }
  });
});
