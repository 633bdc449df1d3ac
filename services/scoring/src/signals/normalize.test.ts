import { describe, expect, test } from "bun:test";
import { normalizeText } from "./normalize.ts";

describe("normalizeText", () => {
  test("removes accents and case so one pattern reads every spelling", () => {
    expect(normalizeText("Je me DÉSABONNE")).toBe("je me desabonne");
    expect(normalizeText("Ça coûte combien ?")).toBe("ca coute combien ?");
    expect(normalizeText("Cœur")).toBe("coeur");
  });
  test("straightens apostrophes and squeezes spaces", () => {
    expect(normalizeText("  j’veux   la   vidéo ")).toBe("j'veux la video");
  });
  test("shortens stretched letters but keeps French double letters", () => {
    expect(normalizeText("ouiiiiii")).toBe("ouii");
    expect(normalizeText("t'es bonnnnne")).toBe("t'es bonne");
    expect(normalizeText("belle")).toBe("belle");
  });
  test("keeps emoji", () => {
    expect(normalizeText("Trop CHAUD 🔥")).toBe("trop chaud 🔥");
  });
});
