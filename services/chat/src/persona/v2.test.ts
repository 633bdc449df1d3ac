import { describe, expect, test } from "bun:test";
import { SLIDERS, type Persona } from "@sinhome/proto";
import { qwenTokens as countTokens } from "../history/qwen-tokenizer.testing.ts";
import { SAFETY_RULES_V2, V2_STATIC_PREFIX } from "./rules.fr.ts";
import { SYNERGY_RULES } from "./synergy.ts";
import { extremePersonas, randomPersonas } from "./test-personas.ts";
import { buildV2PersonalityPrompt, v2PersonaSection, v2SliderLine } from "./v2.ts";

const LONGEST_NAME = "Marie-Charlotte de la Tour du Pin-Montauban-Villeneuve-Saint-Ge"; // 64 characters
const LONG_TRAITS = "brune aux yeux verts, passionnée de yoga et de voyages, adore la lingerie fine, ".repeat(12);
const everyPersona: Persona[] = [
  ...extremePersonas(),
  ...extremePersonas({ name: LONGEST_NAME, age: 99, traits: LONG_TRAITS }),
  ...randomPersonas(1500, 42),
  ...randomPersonas(500, 7, { name: LONGEST_NAME, age: 45, traits: LONG_TRAITS }),
];

describe("buildV2PersonalityPrompt", () => {
  test("a persona seen before gets exactly the prompt built afresh, and any changed field a new one", () => {
    const sample = [...everyPersona.slice(0, 400), { ...everyPersona[0]!, name: "a|1:b" }, { ...everyPersona[0]!, name: "a", traits: "1:b" }];
    for (let round = 0; round < 2; round++) {
      for (const persona of sample) expect(buildV2PersonalityPrompt({ ...persona }).system).toBe(V2_STATIC_PREFIX + v2PersonaSection(persona));
    }
    const base = everyPersona[3]!;
    const variants: Persona[] = [{ ...base, age: (base.age ?? 30) + 1 }, { ...base, age: undefined }, { ...base, traits: "rousse" }, { ...base, name: `${base.name}x` }];
    for (const slider of SLIDERS) variants.push({ ...base, [slider]: base[slider] === 5 ? 1 : base[slider] + 1 } as Persona);
    for (const v of variants) expect(buildV2PersonalityPrompt(v).system).toBe(V2_STATIC_PREFIX + v2PersonaSection(v));
  });

  test("stays within 600 tokens for every extreme combination and a large random sample", () => {
    const sizes = everyPersona.map((persona) => countTokens(buildV2PersonalityPrompt(persona).system));
    const largest = Math.max(...sizes);
    console.log(`v2 system prompt: ${Math.min(...sizes)}–${largest} Qwen2.5 tokens over ${sizes.length} personas`);
    expect(largest).toBeLessThanOrEqual(600);
  }, 60_000); // tokenizes thousands of prompts with the real tokenizer: slow on a loaded 2-core machine

  test("starts with the byte-identical static prefix; everything persona-specific comes after", () => {
    const prompts = everyPersona.slice(0, 600).map((persona) => buildV2PersonalityPrompt(persona).system);
    for (const prompt of prompts) expect(prompt.slice(0, V2_STATIC_PREFIX.length)).toBe(V2_STATIC_PREFIX);
    expect(V2_STATIC_PREFIX).not.toContain("Seline");
    // Two very different personas share exactly the prefix, and no more than the prefix plus "Tu es ".
    const [first, second] = [prompts[0] ?? "", buildV2PersonalityPrompt({ ...everyPersona[511]!, name: "Zoé" }).system];
    let common = 0;
    while (common < first.length && first[common] === second[common]) common += 1;
    expect(common).toBeGreaterThanOrEqual(V2_STATIC_PREFIX.length);
    expect(common).toBeLessThanOrEqual(V2_STATIC_PREFIX.length + "Tu es ".length);
  });

  test("names the persona and carries each slider's line for the chosen level", () => {
    for (const persona of randomPersonas(300, 3, { name: "Jade", age: 31 })) {
      const { system } = buildV2PersonalityPrompt(persona);
      expect(system).toContain("Tu es Jade, 31 ans.");
      const lines = system.split("\n");
      for (const slider of SLIDERS) expect(lines).toContain(v2SliderLine(slider, persona[slider]));
    }
    expect(v2SliderLine("sales_tactic", 3)).toBe("Vente 3/5 : glisse le contenu payant naturellement de temps en temps");
  });

  test("carries every safety rule whatever the sliders", () => {
    for (const persona of everyPersona) {
      const { system } = buildV2PersonalityPrompt(persona);
      for (const rule of SAFETY_RULES_V2) expect(system).toContain(rule);
    }
    expect(V2_STATIC_PREFIX).toMatch(/majeure/);
    expect(V2_STATIC_PREFIX).toMatch(/rencontre en vrai/);
    expect(V2_STATIC_PREFIX).toMatch(/ne prétends pas être humaine/);
  });

  test("adds a synergy rule exactly when its axes conflict", () => {
    for (const persona of everyPersona) {
      const { system } = buildV2PersonalityPrompt(persona);
      for (const rule of SYNERGY_RULES) expect(system.includes(rule.text)).toBe(rule.applies(persona));
      expect(system.includes("Cohérence :")).toBe(SYNERGY_RULES.some((rule) => rule.applies(persona)));
    }
  });

  test("a balanced persona gets no synergy rule", () => {
    const balanced = extremePersonas()[0]!;
    for (const slider of SLIDERS) balanced[slider] = 3;
    expect(buildV2PersonalityPrompt(balanced).system).not.toContain("Cohérence :");
  });

  test("cuts over-long traits and names instead of breaking the budget", () => {
    const { system } = buildV2PersonalityPrompt({ ...everyPersona[0]!, name: "😘".repeat(64), traits: "🔥".repeat(1000) });
    expect(countTokens(system)).toBeLessThanOrEqual(600);
    expect(system).toContain("Traits : 🔥");
  });

  test("postHistory is null without directives, and the directive block otherwise", () => {
    const persona = everyPersona[0]!;
    expect(buildV2PersonalityPrompt(persona).postHistory).toBeNull();
    const { postHistory } = buildV2PersonalityPrompt(persona, ["Scénario : parle-lui de ta journée"]);
    expect(postHistory).toStartWith("[Consigne prioritaire — ne pas citer au fan]\nScénario : parle-lui de ta journée\n");
  });
});
