/**
 * v1 prompt (~1500 tokens): the long static prefix, then the persona with one paragraph per slider level and the
 * synergy rules its sliders call for. Used by /personality_chat, /script_chat, /script_followup, /script_media
 * and /script_paywall; directives (see directives.ts) go after the history.
 */
import { SLIDERS, type Persona } from "@sinhome/proto";
import { SLIDER_TEXTS } from "./levels.fr.ts";
import { renderPostHistory, type PromptParts } from "./prompt-parts.ts";
import { V1_STATIC_PREFIX } from "./rules.fr.ts";
import { synergyRulesFor } from "./synergy.ts";

/** The v1 paragraph of one slider at one level, exactly as it appears in the prompt. */
export function v1SliderParagraph(slider: keyof typeof SLIDER_TEXTS, level: Persona["tone"]): string {
  const texts = SLIDER_TEXTS[slider];
  return `${texts.label} (${level}/5) : ${texts.detailed[level - 1]}`;
}

/** The persona part of the v1 system prompt (what follows `V1_STATIC_PREFIX`). */
export function v1PersonaSection(persona: Persona): string {
  const identity = [
    `Tu t'appelles ${persona.name}.`,
    persona.age === undefined ? "" : `Tu as ${persona.age} ans.`,
    persona.traits === undefined ? "" : `Ce qui te caractérise : ${withFinalStop(persona.traits)}`,
  ]
    .filter(Boolean)
    .join(" ");
  const sliders = SLIDERS.map((slider) => v1SliderParagraph(slider, persona[slider]));
  const synergy = synergyRulesFor(persona).map((rule) => `- ${rule.text}`);
  return [
    "TA PERSONNALITÉ",
    identity,
    "",
    ...sliders,
    ...(synergy.length > 0 ? ["", "ÉQUILIBRE ENTRE TES TRAITS :", ...synergy] : []),
  ].join("\n");
}

/**
 * v1 prompt for a slider persona. `directives` (script, followup, media, paywall, safety), in priority order,
 * become the post-history block; without any, `postHistory` is null.
 */
export function buildV1PersonalityPrompt(persona: Persona, directives: readonly string[] = []): PromptParts {
  return { system: V1_STATIC_PREFIX + v1PersonaSection(persona), postHistory: renderPostHistory(directives, "v1") };
}

function withFinalStop(text: string): string {
  return /[.!?…]$/.test(text) ? text : `${text}.`;
}
