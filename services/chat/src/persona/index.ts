/** Persona prompts: builders, directives and the template-safe assembly. See prompt-parts.ts for the layout. */
export { assembleMessages, type PromptMessage } from "./assemble.ts";
export { CHLOE_NAME, buildChloePrompt } from "./chloe.ts";
export {
  AI_HONESTY_DIRECTIVE,
  MEETING_DECLINE_DIRECTIVE,
  buildV1FollowupDirective,
  buildV1MediaDirective,
  buildV1PaywallDirective,
  buildV1ScriptDirective,
  buildV2FollowupDirective,
  buildV2MediaDirective,
  buildV2PaywallDirective,
  buildV2ScriptDirective,
  formatPrice,
  type MediaOffer,
  type PaywallOffer,
} from "./directives.ts";
export { POST_HISTORY_HEADER, renderPostHistory, type PromptFamily, type PromptParts } from "./prompt-parts.ts";
export { DEFAULT_PERSONA_NAME, resolvePersona } from "./resolve.ts";
export { SAFETY_RULES_V1, SAFETY_RULES_V2, V1_STATIC_PREFIX, V2_STATIC_PREFIX } from "./rules.fr.ts";
export { SYNERGY_RULES, synergyRulesFor, type SynergyRule } from "./synergy.ts";
export { buildV1PersonalityPrompt } from "./v1.ts";
export { buildV2PersonalityPrompt } from "./v2.ts";
