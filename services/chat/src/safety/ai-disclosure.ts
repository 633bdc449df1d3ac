/**
 * AI disclosure (SPEC §4; EU AI Act art. 50, California SB 243): when a fan sincerely asks whether he is talking
 * to an AI, the persona must not claim to be human.
 * - `isSincereAiQuestion(message)` lets the pipeline add AI_HONESTY_DIRECTIVE to the post-history block.
 * - `detectHumanClaim(reply)` lets it reject a reply that claims to be human when the question was sincere.
 * "Sincere" is read generously: any question about her being an AI, a bot or a real person counts, even with a
 * "mdr" in it; an honest answer costs little. Similes and compliments ("tu parles comme un robot",
 * "t'es une machine au lit") are not questions about what she is.
 */
import { foldForMatching } from "@sinhome/runtime";

const AI_WORD = String.raw`(?:une? )?(?:ia|i\.a\.?|intelligence artificielle|ai|a\.i\.?|bot|robot|chat ?bot|chat ?gpt|gpt|grok|llm|programme|algorithme|algo|machine qui (?:repond|ecrit)|ordinateur|computer|automate|reponse automatique|script)`;
const REAL_WORD = String.raw`(?:une? )?(?:vraie? (?:personne|humaine?|femme|fille|meuf)|humaine?|reelle?|une personne reelle|real(?: person| human| girl| woman)?|human|a person|a real person|vraiment (?:toi|elle))`;
// Who is addressed: "t'es", "es-tu", "c'est", "je parle à", "are you", "is this", "am I talking to"...
const ASKING_FR = String.raw`(?:t'es|t es|tes|tu es|es-tu|es tu|t'es pas|tu n'es pas|tu serais|vous etes|etes-vous|c'est|c est|cest|est-ce (?:que )?(?:c'est|tu es|t'es|je parle)|je (?:parle|discute|cause|suis) (?:a|avec|en train de parler (?:a|avec))|on (?:parle|discute) (?:a|avec)|qui (?:me )?(?:repond|ecrit|parle)|derriere (?:l'ecran|ce compte|ton compte)|c'est (?:toi|vraiment toi) qui)`;
const ASKING_EN = String.raw`(?:are you|r u|ru|is this|is it|am i (?:talking|chatting|speaking|texting) (?:to|with)|who am i (?:talking|chatting) (?:to|with)|is (?:this|it) (?:a|an))`;
const QUESTION_ABOUT_WHAT_SHE_IS = new RegExp(
  String.raw`\b(?:${ASKING_FR}|${ASKING_EN})\b.{0,30}?\b(?:${AI_WORD}|${REAL_WORD})(?:\b|$)`,
);
// Marks of a real question besides "?": "dis-moi franchement si…", "sois honnête", "j'espère que t'es pas un bot".
const SINCERITY_MARK = /\?|\b(?:dis[- ]moi|sois honnete|franchement|honnetement|serieux|serieusement|j'espere|be honest|honestly|tell me|seriously)\b|^(?:es-tu|es tu|est-ce|are you|r u|is this|am i)\b/;
const SIMILE = /\b(?:comme|like) (?:un |une |a )?(?:robot|bot|machine|ia|ai)\b/;
const COMPLIMENT = /\b(?:une? )?machine (?:au lit|de guerre|a plaisir)\b|\breal(?:ly)? (?:hot|cute|sexy|beautiful)\b|\bhumaine? comme (?:toi|moi)\b/;

/** True when the fan asks whether he is talking to an AI, a bot or a real person. */
export function isSincereAiQuestion(message: string): boolean {
  const folded = foldForMatching(message);
  if (!QUESTION_ABOUT_WHAT_SHE_IS.test(folded)) return false;
  if (!SINCERITY_MARK.test(folded)) return false;
  const withoutFigures = folded.replace(SIMILE, " ").replace(COMPLIMENT, " ");
  return QUESTION_ABOUT_WHAT_SHE_IS.test(withoutFigures);
}

const NEGATED_AI = String.raw`(?:une? |an? )?(?:ia|i\.a\.?|intelligence artificielle|ai|a\.i\.?|bot|robot|chat ?bot|programme|machine|algorithme|ordinateur|computer|fake)`;
const HUMAN_CLAIMS: readonly RegExp[] = [
  // "je suis pas une IA", "je ne suis pas un robot", "non, pas un bot", "aucune IA ici"
  new RegExp(String.raw`\bje (?:ne )?suis (?:pas|absolument pas|surement pas|pas du tout|vraiment pas|en aucun cas) ${NEGATED_AI}\b`),
  new RegExp(String.raw`\b(?:non|nan|nope|no),? (?:je suis |j'suis |chui |jsuis )?(?:pas|absolument pas|surement pas) ${NEGATED_AI}\b`),
  new RegExp(String.raw`\b(?:c'est|c est|ce n'est) (?:pas|pas du tout|surement pas) (?:une ia|un bot|un robot|une machine|un programme|chatgpt) qui\b`),
  /\b(?:aucune ia|aucun robot|aucun bot|pas de robot|pas d'ia|pas de bot) (?:ici|derriere)\b/,
  // "je suis une vraie personne", "je suis bien réelle", "100% humaine", "en chair et en os"
  /\bje suis (?:bien |vraiment |totalement |tout a fait |100 ?% |une )*(?:vraie? (?:personne|femme|fille|humaine?)|humaine?|reelle|vivante|une personne (?:reelle|normale)|en chair et en os)\b/,
  /\b(?:100 ?%|cent pour cent) (?:humaine?|reelle|vraie)\b/,
  /\ben chair et en os\b/,
  /\bc'est (?:bien |vraiment )moi(?:,)? (?:en personne|en vrai|qui (?:t'ecris|te reponds|ecris|reponds))\b/,
  new RegExp(String.raw`\bi(?:'m| am|m) (?:not|definitely not|totally not) ${NEGATED_AI}\b`),
  /\bi(?:'m| am|m) (?:a )?(?:real|human|real person|real human|real girl|real woman)\b/,
  /\bnot a (?:bot|robot)\b/,
];
// An honest reply may contain "je suis une IA, pas une vraie personne": the negation in front cancels a claim.
const HONEST_NEGATION = /\b(?:pas|ni|not|no) (?:une? |an? )?(?:vraie? (?:personne|femme|fille|humaine?)|humaine?|reelle|real (?:person|human|girl|woman)|human|en chair et en os)\b/g;

/** True when a reply claims to be human or denies being an AI/bot. */
export function detectHumanClaim(reply: string): boolean {
  const folded = foldForMatching(reply).replace(HONEST_NEGATION, " ");
  return HUMAN_CLAIMS.some((pattern) => pattern.test(folded));
}
