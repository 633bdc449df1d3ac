import { describe, expect, test } from "bun:test";
import { foldForMatching, foldToWords } from "./text-fold.ts";

describe("text folding", () => {
  test("accents, case, ligatures, typographic apostrophes and quotes, spaces", () => {
    expect(foldForMatching("  Désolée,   mais JE NE PEUX PAS  ")).toBe("desolee, mais je ne peux pas");
    expect(foldForMatching("Cœur d’Ælia «ici»")).toBe("coeur d'aelia \"ici\"");
  });

  test("words only: punctuation and emojis become single spaces", () => {
    expect(foldToWords("Ça va ?! 😘 t'es où…")).toBe("ca va t es ou");
  });

  test("a remembered text folds the same the second time", () => {
    const text = "Élodie à l'hôtel";
    expect(foldForMatching(text)).toBe(foldForMatching(text));
    expect(foldForMatching(text)).toBe("elodie a l'hotel");
  });
});
