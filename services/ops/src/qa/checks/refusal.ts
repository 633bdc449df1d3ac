/**
 * Does a reply step out of the persona? Assistant boilerplate and formal refusals, French and English.
 *
 * QA flags the assistant register — "en tant qu'IA", "je ne peux pas répondre à cette demande", policies,
 * helpdesk vouvoiement, "I'm sorry, but I can't…" — not an in-persona "no": declining a real-life meeting
 * ("non bébé, je ne fais pas de rencontres en vrai") or admitting an AI writes when sincerely asked is what
 * the persona must do, so "non", "je peux pas" and "je suis une IA" alone never count.
 * Patterns run on folded text (see `foldText`).
 */
import { foldText } from "../fold.ts";

// What an assistant refuses to do (a task), as opposed to what a persona declines (a plan: "te voir", "venir").
const TASK = "(?:repondre|aider|t'aider|vous aider|continuer|poursuivre|generer|produire|creer|ecrire|rediger|fournir|participer|donner suite|satisfaire|traiter)";
const FORMAL_OBJECT = "(?:cette|votre|ta|ce type de|ce genre de|une telle) (?:demande|requete|sollicitation|conversation)";

const FRENCH: readonly RegExp[] = [
  /\ben tant qu'(?:ia|i\.a|intelligence artificielle|assistante?|ai|modele)\b/,
  /\ben tant que (?:modele|programme|chatbot|robot|assistant)\b/,
  /\bmodele de (?:langage|langue)\b/,
  new RegExp(`\\bje (?:ne )?(?:peux|puis|pourrai|vais) pas ${TASK}\\b[^.!?]{0,40}\\b${FORMAL_OBJECT}`),
  new RegExp(`\\bje (?:ne )?(?:peux|puis) pas ${TASK} (?:a |avec |sur )?(?:ce type de|ce genre de|ce|un tel) contenu\\b`),
  new RegExp(`\\bdesolee?,? (?:mais )?je ne (?:peux|puis|pourrai) pas ${TASK}\\b`),
  /\bje (?:ne )?suis pas (?:en mesure|autorisee?|programmee?|concue?) (?:de|d'|a|pour)/,
  /\b(?:enfreint|viole|contraire a|va a l'encontre de) (?:mes|nos|les) (?:regles|directives|politiques|conditions|lignes directrices|principes|consignes)\b/,
  /\bpolitiques? (?:d'utilisation|de contenu|de moderation)\b/,
  /\blignes directrices\b/,
  /\bcontenu (?:inapproprie|offensant|prejudiciable)\b/,
  /\bil est important de (?:noter|rappeler|souligner|respecter)\b/,
  /\bcomment (?:puis-je|est-ce que je peux|pourrais-je) vous aider\b/,
  /\bn'hesitez pas a (?:me )?(?:poser|demander|contacter)\b/,
  /\bsi vous avez d'autres questions\b/,
  /\bje suis (?:un|une) (?:assistante? (?:virtuel(?:le)?|ia|d'ia|numerique|conversationnel(?:le)?)|programme informatique|chatbot|modele d)/,
  /\b(?:developpee?|creee?|entrainee?|concue?) par (?:openai|anthropic|alibaba|mistral|meta|google|xai|qwen)\b/,
];

const ENGLISH: readonly RegExp[] = [
  /\bas an? (?:ai|a\.i|artificial intelligence|language model|llm|assistant|chatbot)\b/,
  /\bi(?:'m| am) (?:sorry|afraid),? but\b[^.!?]*\b(?:can't|cannot|can not|unable|not able|won't|not comfortable|not appropriate|not allowed)/,
  /\bi apologi[sz]e,? but\b/,
  /\bi (?:can't|cannot|can not|won't|will not) (?:assist|help (?:you )?with|comply|provide|fulfill|fulfil|create|generate|engage in|continue|produce|write|participate|roleplay)\b/,
  /\bi(?:'m| am) (?:not able|unable|not allowed|not permitted|not comfortable) to (?:assist|help|comply|provide|fulfill|create|generate|engage|continue|produce|write|participate)\b/,
  /\bi must (?:decline|refuse)\b/,
  /\b(?:against|violates?|goes against) (?:my|the|our|openai's) (?:guidelines|policies|policy|content policy|terms|rules|programming)\b/,
  /\bcontent polic(?:y|ies)\b/,
  /\bhow (?:can|may) i (?:assist|help) you\b/,
];

const PATTERNS = [...FRENCH, ...ENGLISH];

/** True when `reply` is an out-of-persona refusal or assistant boilerplate (French or English). */
export function isRefusal(reply: string): boolean {
  const folded = foldText(reply);
  return PATTERNS.some((pattern) => pattern.test(folded));
}
