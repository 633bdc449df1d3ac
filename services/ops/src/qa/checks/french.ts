/**
 * Is a reply written in French? A stop-word vote: the share of French function words (and texting words
 * such as "coucou", "mdr") among the words that are clearly French or clearly English.
 *
 * Words both languages use (a, on, me, as, an, plus, or, sure, fine...) are in neither list, so they never
 * tip the vote; loan words like "baby" or "hey", common in French texting, are left out for the same reason.
 * An apostrophe splits words: "c'est" gives "c" and "est", "I'm" gives "i" and "m".
 */
import { foldedWords } from "../fold.ts";

const FRENCH = new Set(
  (
    "le la les un une des du de au aux et est es suis sont sommes etes ete etait je j tu il elle nous vous ils elles " +
    "moi toi lui eux ce c ca cette ces cet mon ma mes ton ta tes sa ses notre votre nos vos leur leurs que qu qui quoi " +
    "pas ne n mais ou donc car avec pour dans sur chez sans sous tres trop bien aussi encore toujours jamais tout toute " +
    "tous toutes rien oui non si comme quand comment pourquoi fait faire fais veux veut peux peut vais va vas ai avons " +
    "avez ont avoir etre y ici deja alors parce cela cet meme autre beaucoup peu petit petite vraiment " +
    "coucou salut bisous bisou merci ouais bah mdr ptdr cc slt bjr bonsoir bonjour cheri cherie bebe journee soir hui"
  ).split(" "),
);

const ENGLISH = new Set(
  (
    "the and is are was were be been being you your yours i my mine it its this that these those what with have has had " +
    "for not do does did don doesn didn can will would could should just of to in at so how am we they he she there here " +
    "from about hi hello yes no sorry thanks thank really want know like get going if doing tonight today very much out up " +
    "when where why who which their our us him her them"
  ).split(" "),
);

/** Share of French words (0..1) among the words of `text` that belong to one language only; null when none does. */
export function frenchShare(text: string): number | null {
  let french = 0;
  let english = 0;
  for (const word of foldedWords(text)) {
    if (FRENCH.has(word)) french++;
    else if (ENGLISH.has(word)) english++;
  }
  return french + english === 0 ? null : french / (french + english);
}

/** At least 60 % French votes: a French reply with one English word passes, an English reply never does. */
const FRENCH_MIN_SHARE = 0.6;

/** True when `text` reads as French; false for English, for text in another script, or with no telling word. */
export function isFrench(text: string): boolean {
  const share = frenchShare(text);
  return share !== null && share >= FRENCH_MIN_SHARE;
}
