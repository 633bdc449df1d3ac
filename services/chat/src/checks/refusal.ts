/**
 * Refusal detection: the model stepping out of the persona to decline, or writing assistant boilerplate.
 *
 * An in-persona "no" is NOT a refusal: declining to meet in real life ("non bébé, on se voit pas en vrai, mais je
 * suis là 😘"), saying she is busy, or admitting an AI writes the messages when sincerely asked. The patterns
 * therefore target the assistant register (formal refusals about "cette demande", policies, "as an AI",
 * vouvoiement helpdesk phrases), not the word "non" or "je peux pas".
 * Patterns run on folded text (lower case, no accents, plain apostrophes): see `foldForMatching`.
 */
import { foldForMatching } from "@sinhome/runtime";

// Verbs an assistant uses when it refuses a task, as opposed to a persona refusing a plan ("te voir", "venir").
const TASK_VERB =
  "(?:repondre|aider|t'aider|vous aider|continuer|poursuivre|generer|produire|creer|ecrire|rediger|fournir|participer|donner suite|satisfaire|accepter (?:cette|ta|votre)|m'engager|traiter|jouer ce)";
const REQUEST_NOUN = "(?:demande|requete|question|sollicitation)";

const FRENCH_PATTERNS: readonly RegExp[] = [
  /\ben tant qu'(?:ia|i\.a\.?|intelligence artificielle|assistant|assistante (?:virtuelle|ia|d'ia)|ai|intelligence)\b/,
  /\ben tant que (?:programme|chatbot|robot|modele (?:de langage|d'ia|d'intelligence))\b/,
  /\bmodele de (?:langage|langue|traitement)\b/,
  new RegExp(`\\bje ne (?:peux|puis|pourrai|vais) pas ${TASK_VERB}\\b[^.!?]*\\b(?:cette|ta|votre|ce type de|ce genre de) ${REQUEST_NOUN}`),
  new RegExp(`\\bje ne (?:peux|puis) pas (?:repondre|donner suite|acceder|satisfaire) (?:a|favorablement a) (?:cette|ta|votre|ce type de|ce genre de) ${REQUEST_NOUN}`),
  new RegExp(`\\bje ne (?:peux|puis) pas ${TASK_VERB} (?:a |avec |sur )?(?:ce type de|ce genre de|du|de) contenu`),
  new RegExp(`\\bdesolee?,? mais je ne (?:peux|puis|pourrai|vais) pas (?:${TASK_VERB}|t'accompagner|vous accompagner)`),
  /\bje suis desolee?,? mais je ne (?:peux|puis|pourrai) pas(?: faire ca| faire cela)?\s*(?:[.!]|$)/,
  /\bje (?:ne suis pas|suis pas) (?:en mesure|autorisee?|programmee?|concue?) (?:de|a|pour)\b/,
  new RegExp(`\\b(?:cette|ta|votre) ${REQUEST_NOUN} (?:enfreint|viole|va a l'encontre|est contraire|n'est pas conforme|ne respecte pas)`),
  /\bce contenu (?:enfreint|viole|va a l'encontre|est contraire|n'est pas (?:approprie|autorise|conforme)|est inapproprie)/,
  /\b(?:enfreint|viole|contraire a|va a l'encontre de) (?:mes|nos|les) (?:regles|directives|politiques|conditions|lignes directrices|principes|consignes)/,
  /\bpolitiques? (?:d'utilisation|de contenu|de (?:la )?moderation)\b/,
  /\blignes directrices\b/,
  /\bcontenu (?:inapproprie|offensant|prejudiciable)\b/,
  /\bil est important de (?:noter|rappeler|souligner|respecter)\b/,
  /\bcomment (?:puis-je|est-ce que je peux) vous aider\b/,
  /\bn'hesitez pas a (?:me (?:poser|demander|contacter)|poser)\b/,
  /\bsi vous avez d'autres questions\b/,
  /\bje suis (?:un|une) (?:assistante? (?:virtuel(?:le)?|ia|d'ia|numerique)|programme informatique|chatbot)\b/,
  /\bmes (?:createurs|concepteurs|developpeurs)\b/,
  /\b(?:developpee?|creee?|entrainee?|concue?) par (?:openai|anthropic|alibaba|mistral|meta|google|xai|qwen)\b/,
];

const ENGLISH_PATTERNS: readonly RegExp[] = [
  /\bas an? (?:ai|a\.i\.|artificial intelligence|language model|llm|assistant|chatbot)\b/,
  /\bi(?:'m| am) (?:sorry|afraid),? but (?:i|that|this)\b[^.!?]*\b(?:can't|cannot|can not|unable|not able|won't|not comfortable|not appropriate|not allowed)/,
  /\bi apologi[sz]e,? but\b/,
  /\bi (?:can't|cannot|can not|won't|will not) (?:assist|help|comply|provide|fulfill|fulfil|create|generate|engage|continue|produce|write|participate|do that|roleplay)\b/,
  /\bi(?:'m| am) (?:not able|unable|not allowed|not permitted|not comfortable) to (?:assist|help|comply|provide|fulfill|fulfil|create|generate|engage|continue|produce|write|participate)\b/,
  /\bi must (?:decline|refuse)\b/,
  /\b(?:against|violates?|goes against) (?:my|the|our|openai's) (?:guidelines|policies|policy|content policy|terms|rules|programming)\b/,
  /\bcontent polic(?:y|ies)\b/,
  /\bhow (?:can|may) i (?:assist|help) you\b/,
  /\bi(?:'m| am) (?:just )?an? (?:ai|language model|virtual assistant|ai assistant|chatbot)\b[^.!?]*\b(?:can't|cannot|don't|do not|unable|not able)\b/,
];

const ALL_PATTERNS = [...FRENCH_PATTERNS, ...ENGLISH_PATTERNS];

/**
 * True when `text` is an out-of-persona refusal or assistant boilerplate (French or English).
 * An in-persona "no" (declining a real-life meeting, being busy) returns false.
 */
export function detectRefusal(text: string): boolean {
  const folded = foldForMatching(text);
  return ALL_PATTERNS.some((pattern) => pattern.test(folded));
}
