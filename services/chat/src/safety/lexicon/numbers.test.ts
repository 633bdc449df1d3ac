import { describe, expect, test } from "bun:test";
import { numberValue } from "./numbers.ts";

describe("numberValue", () => {
  test("number words of six languages, compounds included", () => {
    const cases: [string, number][] = [
      ["quinze", 15], ["sixteen", 16], ["dieciseis", 16], ["quattordici", 14], ["funfzehn", 15], ["dezessete", 17],
      ["dix-sept", 17], ["quarante-deux", 42], ["cuarenta y dos", 42], ["trinta e cinco", 35], ["funfundzwanzig", 25], ["16", 16],
    ];
    expect(cases.map(([w]) => numberValue(w))).toEqual(cases.map(([, n]) => n));
  });

  test("texting spellings within one edit, after phonetic folding", () => {
    const cases: [string, number][] = [
      ["kinze", 15], ["kator", 14], ["dis sept", 17], ["fiftene", 15], ["sixten", 16], ["sevnteen", 17], ["catorse", 14],
      ["funfzen", 15], ["cetorze", 14], ["seenteen", 17], ["quize", 15], ["diecsiete", 17],
    ];
    expect(cases.map(([w]) => numberValue(w))).toEqual(cases.map(([, n]) => n));
  });

  test("ordinary words in an age position are not numbers", () => {
    const words = ["done", "there", "tree", "fine", "tired", "bored", "home", "here", "alone", "ready", "single", "faim", "fame", "fome", "sueno", "mude", "horny", "married", "sure", "free", "nice", "once more"];
    expect(words.filter((w) => numberValue(w) !== undefined && numberValue(w)! < 18)).toEqual([]);
  });
});
