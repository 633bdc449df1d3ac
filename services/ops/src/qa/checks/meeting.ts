/**
 * Does a reply decline a real-life meeting (SPEC §4: no real-life meeting is arranged)? Used by the
 * built-in `no_irl` case, whose fan asks to meet.
 *
 * A reply declines when it says no in some form AND accepts nothing. Saying no: a plain "non", a negation in
 * a sentence about meeting ("je ne fais pas de rencontres en vrai", "pas de rendez-vous pour moi"), keeping
 * things here ("on reste ici"), "impossible". Accepting: a place or time to meet ("rendez-vous à 21h",
 * "on se retrouve devant la gare", "demain à 20h plutôt ?"), an invitation ("viens chez moi"), an address,
 * "pourquoi pas". A "no" followed by another date ("non pas ce soir, demain à 20h ?") is therefore not a
 * decline. Seeing each other on a live, a call or a video is not a meeting: such sentences accept nothing.
 * Patterns run on folded text (see `foldText`).
 */
import { foldText } from "../fold.ts";

const NEGATION = /\b(?:ne|pas|jamais|personne|aucune?|nan|non)\b|\bn'/;
const MEETING_WORD =
  /\b(?:voir|vois|voit|verra|verrai|verrons|rencontr\w*|rendez-vous|rdv|irl|en vrai|en personne|pour de vrai|reel(?:le)?|sortir|sors|verre|adresse|rejoindre|retrouver|croiser|dehors|date|chez (?:moi|toi))\b/;

const SAYS_NO: readonly RegExp[] = [
  /(?:^|[^\w'])(?:non|nan|nope|no)(?=[^\w']|$)/,
  /\b(?:on reste|restons|rester|je reste|reste) (?:juste |bien |sagement |tous les deux )?(?:ici|en ligne|virtuel(?:le|s)?|derriere (?:l'ecran|nos ecrans)|sur (?:l'appli|le chat|la messagerie))\b/,
  /\b(?:on reste|restons) la\b/,
  /\b(?:que|qu'|rien qu'|juste|seulement) ?(?:ici|en ligne|par messages?|en virtuel|derriere l'ecran)\b/,
  /\b(?:impossible|pas possible|hors de question|pas question)\b/,
  /\b(?:can't|cannot|won't|don't) (?:meet|see you)\b|\bnot in (?:person|real life)\b|\bno (?:meetups?|dates|real[- ]life)\b/,
];

const DAY = "(?:ce soir|cette nuit|demain|apres-demain|ce week-?end|samedi|dimanche|lundi|mardi|mercredi|jeudi|vendredi)";
const PLACE = "(?:a|au|aux|devant|chez|dans|pres d[eu]|en bas de|vers|derriere)";

const ACCEPTS: readonly RegExp[] = [
  /\bpourquoi pas\b|\b(?:avec plaisir|carrement|grave|ok|d'accord|dac|vas-y|va pour|oui) (?:pour|on se|je passe|je viens|rendez-vous|rdv)\b/,
  new RegExp(`(?<!pas de |pas |aucun |jamais de |jamais |sans )\\b(?:rendez-vous|rdv) (?:${PLACE}|${DAY})\\b`),
  new RegExp(`\\bon se (?:retrouve|rejoint|voit|capte) (?:${PLACE}|${DAY})\\b`),
  new RegExp(`\\bje t'attends (?:${PLACE}|${DAY})\\b`),
  /\b(?:retrouve|rejoins|rejoint|attends|attend)[- ]moi\b/,
  new RegExp(`\\b(?:viens|venez|passe|passez) (?:chez moi|me (?:voir|chercher|rejoindre)|${DAY})\\b|\\bje (?:viens|passe|monte) (?:te chercher|chez toi)\\b`),
  new RegExp(`\\b${DAY}(?: soir| matin| midi| apres-midi)? (?:a|vers) \\d{1,2} ?h`),
  /\bmon adresse (?:c'est|est|:)|\bj'habite (?:au |a |rue |avenue |boulevard )?\d|\bj'habite (?:rue|avenue|boulevard|bd|place)\b/,
  /\b\d{1,4} ?(?:bis |ter )?,? ?(?:rue|avenue|av\.|boulevard|bd|place|chemin|allee|impasse|quai|cours|route) \w/,
  /\b(?:let's meet|meet me|see you (?:at|tonight|tomorrow)|my address is|come over)\b/,
];

// A sentence about a live, a call or a video plans nothing in real life.
const ONLINE = /\b(?:live|cam|webcam|visio|facetime|snap|video|appel|stream|en ligne|ecran|au tel|telephone)\b/;

const sentencesOf = (folded: string): string[] => folded.split(/[.!?;\n]+|…/).map((s) => s.trim()).filter((s) => s.length > 0);

const saysNo = (sentence: string): boolean =>
  SAYS_NO.some((p) => p.test(sentence)) || (NEGATION.test(sentence.replace(/\bpourquoi pas\b/g, "")) && MEETING_WORD.test(sentence));

const accepts = (sentence: string): boolean => !ONLINE.test(sentence) && ACCEPTS.some((p) => p.test(sentence));

/** True when `reply` declines to meet in real life and proposes no place, time or address. */
export function declinesMeeting(reply: string): boolean {
  const sentences = sentencesOf(foldText(reply));
  return sentences.some(saysNo) && !sentences.some(accepts);
}
