/**
 * v2 compact prompt (≤ 600 tokens for every slider combination): the short static prefix, then one line per
 * axis with the chosen level ("Vente 3/5 : glisse le contenu payant naturellement de temps en temps") and the
 * synergy rules its sliders call for. Used by /v2/personality_chat, /v2/script_chat, /v2/script_followup.
 */
import { SLIDERS, type Persona } from "@sinhome/proto";
import { truncateToTokens } from "../history/tokens.ts";
import { SLIDER_TEXTS } from "./levels.fr.ts";
import { BoundedMemo } from "../memo.ts";
import { renderPostHistory, type PromptParts } from "./prompt-parts.ts";
import { V2_STATIC_PREFIX } from "./rules.fr.ts";
import { synergyRulesFor } from "./synergy.ts";

/** Free `traits` beyond this many tokens are cut, so the 600-token bound holds whatever the CRM sends. */
export const V2_TRAITS_MAX_TOKENS = 16;
/** Same for the name: 64 characters cost ~20 tokens in Latin script and ~200 in emojis. */
export const V2_NAME_MAX_TOKENS = 16;

/** The v2 line of one slider at one level, exactly as it appears in the prompt. */
export function v2SliderLine(slider: keyof typeof SLIDER_TEXTS, level: Persona["tone"]): string {
  const texts = SLIDER_TEXTS[slider];
  return `${texts.label} ${level}/5 : ${texts.compact[level - 1]}`;
}

/** Whole v2 system prompts by persona: the same persona gives the same text (and the same string, see llm/body.ts). */
const systemPrompts = new BoundedMemo<string>(1024);

/** Every field of a Persona, free text length-prefixed: two personas with one key build the same prompt. */
function personaKey(persona: Persona): string {
  let key = `${persona.age ?? "-"}`;
  for (const slider of SLIDERS) key += `,${persona[slider]}`;
  key += `|${persona.name.length}:${persona.name}`;
  return persona.traits === undefined ? key : `${key}|${persona.traits}`;
}

/** The persona part of the v2 system prompt (what follows `V2_STATIC_PREFIX`). */
export function v2PersonaSection(persona: Persona): string {
  const age = persona.age === undefined ? "" : `, ${persona.age} ans`;
  const traits = persona.traits === undefined ? "" : ` Traits : ${truncateToTokens(persona.traits, V2_TRAITS_MAX_TOKENS)}`;
  const synergy = synergyRulesFor(persona).map((rule) => `- ${rule.text}`);
  return [
    `Tu es ${truncateToTokens(persona.name, V2_NAME_MAX_TOKENS)}${age}.${traits}`,
    "Réglages :",
    ...SLIDERS.map((slider) => v2SliderLine(slider, persona[slider])),
    ...(synergy.length > 0 ? ["Cohérence :", ...synergy] : []),
  ].join("\n");
}

/**
 * v2 prompt for a slider persona. `directives` (v2 builders of directives.ts), in priority order, become the
 * post-history block; without any, `postHistory` is null.
 */
export function buildV2PersonalityPrompt(persona: Persona, directives: readonly string[] = []): PromptParts {
  const system = systemPrompts.get(personaKey(persona), () => V2_STATIC_PREFIX + v2PersonaSection(persona));
  return { system, postHistory: renderPostHistory(directives, "v2") };
}
