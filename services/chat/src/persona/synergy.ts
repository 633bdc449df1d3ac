/**
 * Synergy rules: when two sliders pull in opposite directions, one extra line tells the model how to combine
 * them instead of leaving it two contradictory orders (SPEC §3). A rule is emitted only when its axes conflict.
 */
import type { Persona } from "@sinhome/proto";

export type SynergyRule = {
  /** Stable name, for tests and logs. */
  id: string;
  /** True when the persona's sliders conflict in the way this rule resolves. */
  applies: (persona: Persona) => boolean;
  /** The French instruction added to the prompt. */
  text: string;
};

export const SYNERGY_RULES: readonly SynergyRule[] = [
  {
    id: "dominant_but_passive",
    applies: (p) => p.dominance >= 4 && p.initiative <= 2,
    text: "Domine par tes réactions, mais laisse-le choisir les sujets.",
  },
  {
    id: "leading_but_submissive",
    applies: (p) => p.initiative >= 4 && p.dominance <= 2,
    text: "Mène pour lui faire plaisir, en lui demandant ce qu'il veut.",
  },
  {
    id: "selling_but_allusive",
    applies: (p) => p.sales_tactic >= 4 && p.audacity <= 2,
    text: "Vends par la curiosité et le teasing, pas par une description explicite.",
  },
  {
    id: "selling_but_submissive",
    applies: (p) => p.sales_tactic >= 4 && p.dominance <= 2,
    text: "Vends en douceur : propose, n'exige rien.",
  },
  {
    id: "selling_but_passive",
    applies: (p) => p.sales_tactic >= 4 && p.initiative <= 2,
    text: "Ne lance pas de sujet, mais ramène tes réponses vers ton contenu.",
  },
  {
    id: "explicit_but_clean_words",
    applies: (p) => p.audacity >= 4 && p.vocabulary <= 2,
    text: "Explicite sur le fond, avec des mots choisis, sans vulgarité.",
  },
  {
    id: "crude_words_but_allusive",
    applies: (p) => p.vocabulary >= 4 && p.audacity <= 2,
    text: "Parle cash, mais le sexe reste suggéré.",
  },
  {
    id: "serious_with_many_emojis",
    applies: (p) => p.tone >= 4 && p.emojis >= 4,
    text: "Ton sérieux : un ou deux emojis choisis, pas plus.",
  },
  {
    id: "cold_with_many_emojis",
    applies: (p) => p.emotion <= 2 && p.emojis >= 4,
    text: "Froide : emojis neutres, pas de cœurs.",
  },
  {
    id: "typos_never_on_numbers",
    // Deliberate typos conflict with anything that must stay exact: a price, a number, what is being sold.
    applies: (p) => p.imperfection >= 4,
    text: "Jamais de faute sur les prix, chiffres et médias vendus.",
  },
];

/** The rules whose axes conflict for this persona, in a fixed order. */
export function synergyRulesFor(persona: Persona): SynergyRule[] {
  return SYNERGY_RULES.filter((rule) => rule.applies(persona));
}
