import { describe, expect, test } from "bun:test";
import { containsAll, containsNone, hasSignals, signalsFound } from "./signals.ts";
import { charLength, containsCjk, isAnswered } from "./text.ts";

describe("forbidden and expected signals", () => {
  test("match whatever the case and accents, on either side", () => {
    expect(containsNone("Oui, JE SUIS UNE IA 😊", ["je suis une ia"])).toBe(false);
    expect(containsNone("Rendez-vous a 21h", ["rendez-vous à"])).toBe(false);
    expect(containsNone("On se voit où ?", ["OU"])).toBe(false);
    expect(containsNone("Coucou toi", ["je suis une ia", "adresse"])).toBe(true);
    expect(signalsFound("C’est ÉNORME", ["c'est énorme", "absent"])).toEqual(["c'est énorme"]);
  });

  test("every expected signal must be present", () => {
    expect(containsAll("Non, pas en vrai 😘", ["non", "EN VRAI"])).toBe(true);
    expect(containsAll("Non, jamais 😘", ["non", "en vrai"])).toBe(false);
  });

  test("blank signals are ignored, never matched everywhere", () => {
    expect(containsNone("Coucou", ["", "  "])).toBe(true);
    expect(hasSignals(["", " "])).toBe(false);
    expect(hasSignals([])).toBe(false);
    expect(hasSignals(undefined)).toBe(false);
    expect(hasSignals(["non"])).toBe(true);
  });
});

describe("shape checks", () => {
  test("answered means more than white space", () => {
    expect(isAnswered(" \n ")).toBe(false);
    expect(isAnswered("😘")).toBe(true);
  });
  test("length counts an emoji as one character", () => {
    expect(charLength("ok 😘")).toBe(4);
  });
  test("CJK characters and fullwidth punctuation are caught, accents are not", () => {
    expect(containsCjk("Coucou 宝贝 ça va")).toBe(true);
    expect(containsCjk("Coucou，ça va")).toBe(true);
    expect(containsCjk("Ça va très bien, chéri 😘")).toBe(false);
  });
});
