import { describe, expect, test } from "bun:test";
import { SLIDERS, type Persona } from "@sinhome/proto";
import { qwenTokens as countTokens } from "../history/qwen-tokenizer.testing.ts";
import { SAFETY_RULES_V1, V1_STATIC_PREFIX } from "./rules.fr.ts";
import { SYNERGY_RULES } from "./synergy.ts";
import { extremePersonas, randomPersonas } from "./test-personas.ts";
import { buildV1PersonalityPrompt, v1SliderParagraph } from "./v1.ts";

const everyPersona: Persona[] = [...extremePersonas(), ...randomPersonas(1000, 11)];

describe("buildV1PersonalityPrompt", () => {
  test("is about 1500 tokens for every combination", () => {
    const sizes = everyPersona.map((persona) => countTokens(buildV1PersonalityPrompt(persona).system));
    console.log(`v1 system prompt: ${Math.min(...sizes)}–${Math.max(...sizes)} Qwen2.5 tokens over ${sizes.length} personas`);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(1250);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(1750);
  }, 60_000); // tokenizes thousands of prompts with the real tokenizer: slow on a loaded 2-core machine

  test("starts with the byte-identical static prefix, which names nobody", () => {
    for (const persona of everyPersona.slice(0, 300)) {
      expect(buildV1PersonalityPrompt({ ...persona, name: "Jade" }).system.slice(0, V1_STATIC_PREFIX.length)).toBe(V1_STATIC_PREFIX);
    }
    expect(V1_STATIC_PREFIX).not.toContain("Seline");
    const first = buildV1PersonalityPrompt(everyPersona[0]!).system;
    const second = buildV1PersonalityPrompt({ ...everyPersona[511]!, name: "Zoé", age: 40 }).system;
    let common = 0;
    while (first[common] === second[common]) common += 1;
    expect(common).toBeGreaterThanOrEqual(V1_STATIC_PREFIX.length);
  });

  test("names the persona and carries each slider's paragraph for the chosen level", () => {
    for (const persona of randomPersonas(300, 5, { name: "Jade", age: 31, traits: "rousse et drôle" })) {
      const { system } = buildV1PersonalityPrompt(persona);
      expect(system).toContain("Tu t'appelles Jade. Tu as 31 ans. Ce qui te caractérise : rousse et drôle.");
      for (const slider of SLIDERS) expect(system).toContain(v1SliderParagraph(slider, persona[slider]));
    }
  });

  test("carries every safety rule and only the synergy rules whose axes conflict", () => {
    for (const persona of everyPersona) {
      const { system } = buildV1PersonalityPrompt(persona);
      for (const rule of SAFETY_RULES_V1) expect(system).toContain(rule);
      for (const rule of SYNERGY_RULES) expect(system.includes(rule.text)).toBe(rule.applies(persona));
    }
  });
});
