import { describe, expect, test } from "bun:test";
import { containsCjk, stripCjk } from "./cjk.ts";

describe("containsCjk", () => {
  test.each([
    "Coucou 你好 mon chéri",
    "je t'aime 愛してる",
    "カタカナ",
    "ひらがな",
    "사랑해 bébé",
    "Oui，bien sûr",
    "Bien sûr。",
    "「citation」",
  ])("finds CJK in %s", (text) => {
    expect(containsCjk(text)).toBe(true);
  });

  test.each(["Coucou mon chéri 😘🔥💋", "Ça coûte 15 € — d'accord ?", "naïve, cœur, «guillemets»", ""])(
    "finds none in %s",
    (text) => {
      expect(containsCjk(text)).toBe(false);
    },
  );
});

describe("stripCjk", () => {
  test("removes CJK and tidies the spaces left behind", () => {
    expect(stripCjk("Coucou 你好 mon chéri 😘")).toBe("Coucou mon chéri 😘");
    expect(stripCjk("J'ai envie de toi 我想你 ，tu viens ?")).toBe("J'ai envie de toi tu viens ?");
    expect(stripCjk("Tu me manques 想你.")).toBe("Tu me manques.");
    expect(stripCjk("Ligne un\n你好世界\nLigne deux")).toBe("Ligne un\nLigne deux");
    expect(stripCjk("你好")).toBe("");
  });

  test("returns text without CJK unchanged", () => {
    const text = "Coucou  toi ,  ça va ?";
    expect(stripCjk(text)).toBe(text);
  });
});
