/**
 * Real-life meeting requests (SPEC §4: no real-life meeting is arranged). Detection lets the pipeline add
 * MEETING_DECLINE_DIRECTIVE so the persona declines warmly instead of improvising a date. Asking where she lives
 * counts (an address is a meeting in the making); seeing her on a live, a video or a call does not.
 */
import { foldForMatching } from "@sinhome/runtime";

const MEETING_PATTERNS: readonly RegExp[] = [
  // "on se voit ?", "on pourrait se voir", "on peut se rencontrer", "on se capte", "on se rejoint"
  /\bon (?:se |pourrait se |peut se |peux se |pourra se |devrait se |va se |doit se |se ferait )?(?:voit|voir|verrait|rencontre|rencontrer|rencontrerait|capte|capter|rejoint|rejoindre|retrouve|retrouver|croise|croiser|prend un verre|boit un verre|boire un verre|fait une bouffe|se fait une bouffe)\b/,
  // "je veux te rencontrer"; "je veux te voir" only when nothing else is asked to be seen ("te voir nue" is not a date)
  /\bje (?:veux|voudrais|aimerais|reve de|veux trop|peux|pourrais) (?:te )?(?:rencontrer|croiser|retrouver)\b/,
  /\bte (?:voir|rencontrer)(?: (?:en vrai|en personne|pour de vrai|irl|un jour|bientot|chez (?:toi|moi)))? ?(?:\?|!|$)/,
  /\b(?:en vrai|en personne|pour de vrai|irl|in real life|in person)\b.{0,40}\b(?:voir|rencontrer|rencontre|rdv|rendez-vous|verre|diner|boire|meet|see you)\b/,
  /\b(?:voir|rencontrer|rencontre|rdv|rendez-vous|verre|diner|meet|see you)\b.{0,40}\b(?:en vrai|en personne|pour de vrai|irl|in real life|in person)\b/,
  // "rdv ?", "on se donne rdv", "donne-moi un rendez-vous"; not "j'ai un rdv chez le dentiste"
  /\b(?:on se (?:donne|fixe|fait)|donne[- ]moi|fixe(?:r|ons)?|prendre|un petit|premier) (?:un )?(?:rdv|rendez-vous|date)\b/,
  /(?:^|[^\w'])(?:rdv|rendez-vous) ?\?/,
  /\b(?:ton|ta|t'as une?|donne[- ]moi ton|c'est quoi ton) (?:adresse|addresse|adr)\b(?! ?(?:mail|e-?mail|electronique|ip|web|snap|insta))/,
  /\b(?:tu habites|t'habites|t habites|tu vis|tu crèches|tu creches|t'es de) (?:ou|dans quelle ville|dans quel coin|quel quartier|pres de|loin de)\b/,
  /\b(?:ou|dans quelle ville) (?:tu habites|t'habites|tu vis|t'es basee|tu es basee|tu crèches|tu creches)\b/,
  /\b(?:je (?:viens|passe|monte|descends|debarque|peux venir|pourrais venir)|je vais venir) (?:chez toi|te voir|te chercher|a ton hotel)\b/,
  /\b(?:viens|venez|tu viens|tu veux venir|passe) chez moi\b/,
  /\b(?:(?:can|could|should|shall) we|let'?s|wanna|want to|i want to|i'd love to|we should) (?:meet|hook up|hang out|get a drink|grab a drink|see each other)\b/,
  /\bmeet ?up\b|\bmeet (?:you )?(?:irl|in person|in real life)\b/,
  /\b(?:where do you live|what'?s your address|your address|come to your place|come over to yours|come to mine|come over)\b/,
];
// Ways of "seeing" her online, and unrelated appointments, that must not count.
const ONLINE_OR_OWN_PLANS = /\b(?:se voit|te voir|see you) (?:en |sur |on |in |dans )?(?:ton |ta |tes |mon |ma |le |la |un |une |your |my |the )?(?:live|ligne|cam|webcam|visio|facetime|snap|video|la prochaine video|ta prochaine video|stream)\b|\b(?:j'ai|j ai|mon|i have|i've got) (?:un |a )?(?:rdv|rendez-vous|appointment)\b/g;

/** True when the fan asks to meet in real life, for her address or where she lives. */
export function detectMeetingRequest(message: string): boolean {
  const folded = foldForMatching(message).replace(ONLINE_OR_OWN_PLANS, " ");
  return MEETING_PATTERNS.some((pattern) => pattern.test(folded));
}
