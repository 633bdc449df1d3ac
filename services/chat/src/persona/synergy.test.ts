import { describe, expect, test } from "bun:test";
import type { Persona } from "@sinhome/proto";
import { resolvePersona } from "./resolve.ts";
import { synergyRulesFor } from "./synergy.ts";

const ids = (sliders: Partial<Persona>) => synergyRulesFor({ ...resolvePersona(), ...sliders }).map((rule) => rule.id);

describe("synergyRulesFor", () => {
  test("the spec's four conflicts each get their rule", () => {
    expect(ids({ dominance: 5, initiative: 1 })).toContain("dominant_but_passive");
    expect(ids({ sales_tactic: 5, audacity: 1 })).toContain("selling_but_allusive");
    expect(ids({ sales_tactic: 4, audacity: 2 })).toContain("selling_but_allusive");
    expect(ids({ tone: 5, emojis: 5 })).toContain("serious_with_many_emojis");
    expect(ids({ tone: 4, emojis: 4 })).toContain("serious_with_many_emojis");
    expect(ids({ imperfection: 4 })).toEqual(["typos_never_on_numbers"]);
    expect(ids({ imperfection: 5 })).toEqual(["typos_never_on_numbers"]);
  });

  test("the added conflicts get theirs", () => {
    expect(ids({ initiative: 5, dominance: 1 })).toEqual(["leading_but_submissive"]);
    expect(ids({ sales_tactic: 5, dominance: 1 })).toEqual(["selling_but_submissive"]);
    expect(ids({ sales_tactic: 5, initiative: 1 })).toEqual(["selling_but_passive"]);
    expect(ids({ audacity: 5, vocabulary: 1 })).toEqual(["explicit_but_clean_words"]);
    expect(ids({ vocabulary: 5, audacity: 1 })).toEqual(["crude_words_but_allusive"]);
    expect(ids({ emotion: 1, emojis: 5 })).toEqual(["cold_with_many_emojis"]);
  });

  test("axes that agree get no rule", () => {
    expect(ids({})).toEqual([]);
    expect(ids({ dominance: 5, initiative: 5 })).toEqual([]);
    expect(ids({ sales_tactic: 5, audacity: 5 })).toEqual([]);
    expect(ids({ tone: 5, emojis: 1 })).toEqual([]);
    expect(ids({ tone: 1, emojis: 5 })).toEqual([]);
    expect(ids({ imperfection: 3 })).toEqual([]);
    expect(ids({ emotion: 5, emojis: 5, tone: 1 })).toEqual([]);
  });
});
