/**
 * Deterministic detection of minors (SPEC §4), French and English, on folded text (lower case, no accents).
 *
 * Two questions, kept apart because they get different fixed replies:
 * - `claimsToBeMinor`: the fan says he is under 18 NOW ("j'ai 15 ans", "je suis au lycée", "I'm 16",
 *   "bientôt 18 ans", or a bare "16" right after the persona asked his age). Past ages ("quand j'avais 15 ans")
 *   and durations ("j'ai 15 ans d'expérience", "ça fait 16 ans que…") are not claims.
 * - `bringsMinorsIntoSexualContext`: a minor-coded role ("joue une lycéenne", "t'as 15 ans", "schoolgirl"),
 *   a minor together with sexual vocabulary in one sentence (whatever the tense: "ma première fois à 16 ans"
 *   is refused too, since the persona would otherwise write about a 16-year-old's sex life), or terms that are
 *   sexual by themselves (loli, jailbait…). School roles are refused even with a stated adult age: they are
 *   minor-coded on the platforms this serves. "teen" is accepted next to an explicit 18/19/adult.
 * In a script or the persona's traits, the whole text is adult context by definition: any minor-coded role
 * or under-18 age of a person is refused, without needing sexual vocabulary.
 */

const MINOR_AGE = String.raw`(?:1[0-7]|[1-9]|dix[- ]sept|seize|quinze|quatorze|treize|douze|onze|dix)`;
const MINOR_AGE_EN = String.raw`(?:1[0-7]|[1-9]|thirteen|fourteen|fifteen|sixteen|seventeen)`;
// "15 ans de mariage", "15 ans d'expérience", "15 ans que je te suis": durations, not ages.
const NOT_A_DURATION = String.raw`(?! ?(?:de |d'|que |qu'|plus tard|apres|avant))`;
const YEARS = String.raw`ans?\b${NOT_A_DURATION}`;

// "je suis" as fans type it: "jsuis", "j'suis", "chui".
const I_AM = String.raw`(?:je (?:ne )?suis|j'?suis|jsui|chuis?|je sui)`;

const FAN_MINOR_PATTERNS: readonly RegExp[] = [
  new RegExp(String.raw`\bj(?:'| )?ai (?:que |qu'|seulement |juste |a peine |tout juste )?${MINOR_AGE} ?${YEARS}`),
  new RegExp(String.raw`\bje viens d'avoir ${MINOR_AGE} ?ans\b`),
  new RegExp(String.raw`\bj(?:'| )?ai eu ${MINOR_AGE} ?ans (?:hier|aujourd'hui|ce (?:matin|mois|week-?end)|cette (?:semaine|annee)|la semaine (?:derniere|passee)|recemment|il y a (?:peu|quelques|\d+ (?:jours?|semaines?|mois)))`),
  /\b(?:j'?aurai|je vais avoir|je vais bientot avoir|je fete(?:rai)? mes|j'?ai bientot|j'?ai presque|bientot|presque) 18 ?ans\b(?! ?(?:de |d'|que |qu'))/,
  /\bj(?:'| )?ai (?:pas|meme pas|pas encore|moins de) 18 ?ans\b/,
  new RegExp(String.raw`\b${I_AM} (?:encore |toujours )?mineure?\b(?! de fond)`),
  new RegExp(String.raw`\b${I_AM} pas (?:encore )?majeure?\b`),
  new RegExp(
    String.raw`\b(?:${I_AM}|je vais|je rentre|je sors) (?:au|du|en) (?:college|lycee|(?:3|4|5|6)e(?:me)?|troisieme|quatrieme|cinquieme|sixieme|seconde|2nde|terminale|premiere(?! annee))\b(?! ?(?:comme|en tant qu|pour (?:bosser|travailler)))`,
  ),
  new RegExp(String.raw`\b${I_AM} (?:un |une )?(?:lyceen(?:ne)?|collegien(?:ne)?)\b`),
  new RegExp(String.raw`\bi(?:'m| am|m) (?:only |just |barely )?${MINOR_AGE_EN}(?= ?(?:years? old|yo\b|y/o|yrs?\b|and\b|&|,|\.|!|\?|$))`),
  /\bi(?:'m| am|m) (?:a )?(?:minor|underage|under ?18|not 18|not an adult|not yet 18)\b/,
  /\bi(?:'m| am|m) (?:almost|nearly|not yet) 18\b/,
  /\bi(?:'ll| will) (?:be|turn) 18 (?:next|in|soon)\b/,
  /\bi(?:'m| am|m) (?:in|at) (?:high ?school|middle ?school|junior high|(?:6|7|8|9|10|11|12)th grade)\b/,
  /\bi(?:'m| am|m) (?:a )?(?:high ?school|middle ?school) (?:student|freshman|sophomore|junior|senior)\b/,
  // A message that opens with an age: "16 ans et toi ?", "moi, 15 ans", "j'en ai 16 ans".
  new RegExp(String.raw`^(?:moi ?,? ?)?(?:j'en ai )?${MINOR_AGE} ?(?:${YEARS}|yo\b|y/o)`),
];

const AGE_QUESTION = /\b(?:quel age|ton age|how old|your age|t'as quel|tu as quel)\b/;
// A bare age given as an answer: "16", "j'en ai 16", "jai 17 et toi".
const BARE_AGE_ANSWER = new RegExp(String.raw`^(?:moi |j(?:'| )?en ai |j(?:'| )?ai )?${MINOR_AGE}(?: ?(?:ans?|yo))?(?: ?(?:et toi|and you|,|\.|!|\?))*$`);

const MINOR_ROLE = String.raw`(?:lyceenne|lyceen|collegienne|collegien|ecoliere|ecolier|fillette|petite fille|petit garcon|ado|adolescente?|jeune ado|mineure?|teen(?:ager)?|schoolgirl|school girl|schoolboy|little girl|little boy|child|kid|minor|underage|enfant|(?:fille|garcon|meuf|nana|gamine?|eleve|girl|boy|jeune)? ?(?:de|d'|of|qui a|aged?) ?${MINOR_AGE} ?(?:ans?\b|yo\b|years? old)|${MINOR_AGE_EN}[ -]?(?:yo\b|y/o|years?[ -]old))`;
const ROLE_VERB = String.raw`(?:joue(?:r|s|rais)?|incarne(?:r|s)?|sois|soit|fais (?:comme si tu etais|semblant d'etre|la|le)|faire (?:semblant d'etre|comme si)|imagine(?:s|z)? (?:que )?(?:tu es|t'es|tu etais|t'etais|tu serais)|tu serais|deguise(?:-| )toi en|deguisee? en|habille(?:e|-toi| toi)? (?:en|comme)|en tenue d'|role ?play|jeu de role|pretend(?:ing)? (?:to be|you(?:'re| are))|act(?:ing)? (?:like|as)|play(?:ing)? (?:a|an|the|my)|be my|dress(?:ed)? (?:up )?(?:as|like))`;

const ABSOLUTE_TERMS = /\b(?:loli(?:con)?s?|shota(?:con)?|pedo(?:phile|philie|porn\w*)?s?|pedoporn\w*|jailbait|child ?porn\w*|csam|pthc|pre-?teens?|prepuberes?|impuberes?)\b/;
const ROLE_PLAY = new RegExp(String.raw`\b${ROLE_VERB}\b.{0,60}?\b${MINOR_ROLE}`);
// The persona told she is a minor, or a minor-coded role given to her.
const PERSONA_AS_MINOR = [
  new RegExp(String.raw`\b(?:t'as|tu as|t as|tu aurais|t'aurais) ${MINOR_AGE} ?${YEARS}`),
  new RegExp(String.raw`\byou(?:'re| are)(?: a| an| only)? ${MINOR_AGE_EN}(?:[ -]?(?:yo\b|y/o|years?[ -]old)|\b(?! ?(?:minutes|mins?|hours?|times|%)))`),
  /\b(?:t'es|tu es|t es|you(?:'re| are)) (?:une |ma |mon |a |my )?(?:petite )?(?:lyceenne|collegienne|ecoliere|fillette|petite fille|ado|adolescente|enfant|schoolgirl|little girl)\b/,
  // "t'as l'air d'avoir 16 ans", "on dirait une collégienne", "tu fais ado": framing the persona as a minor.
  // ("t'es une gamine" / "tu fais l'enfant" are teasing about behaviour, not age: accepted.)
  new RegExp(String.raw`\b(?:t'as|tu as|t as|tu aurais) l'air d'(?:avoir|une?) (?:${MINOR_AGE} ?ans\b|ado|collegienne|lyceenne|ecoliere|fillette|petite fille)`),
  /\b(?:on dirait|on te donnerait|tu fais|tu ressembles a) (?:une |un )?(?:petite )?(?:ado|adolescente|collegienne|lyceenne|ecoliere|fillette|petite fille|mineure)\b/,
  /\byou look (?:like )?(?:a |an )?(?:teen(?:ager)?|minor|schoolgirl|little girl|kid|child|(?:1[0-7]|thirteen|fourteen|fifteen|sixteen|seventeen))\b/,
];
// School roles are minor-coded: asked as content ("une photo en uniforme d'écolière"), they are refused
// even without sexual vocabulary, since everything the persona sells is adult content.
const SCHOOL_ROLE = /\b(?:lyceennes?|collegiennes?|ecolieres?|schoolgirls?|school girls?|uniformes? (?:scolaires?|d'ecoliere|de (?:lyceenne|collegienne))|school uniforms?)\b/;
const CONTENT_REQUEST = /\b(?:photos?|videos?|vids?|pics?|selfies?|tenues?|uniformes?|costumes?|deguise\w*|cosplay|outfits?|snaps?|envoie|montre|send|show)\b/;
const SEXUAL = /\b(?:sexe?|sexuel\w*|sexy|baise\w*|niqu\w*|suc(?:e|es|er|ent|ez|euse)|pipes?|fellations?|cunni\w*|bites?|chattes?|seins?|nichons?|tetons?|cul|fesses?|nue?s?|a poil|deshabill\w*|masturb\w*|branl\w*|jouir|jouis\w*|orgasm\w*|ejacul\w*|sperme|bander|je bande|tu bandes|mouill\w*|coquin\w*|cochon\w*|porno?\w*|nudes?|lingerie|strings?|culottes?|strip\w*|lech\w*|doigter|penetr\w*|sodom\w*|faire l'amour|coucher avec|fantasm\w*|depucel\w*|virginite|erotique\w*|salope\w*|fuck\w*|suck\w*|cock|dick|pussy|tits|boobs|naked|horny|cum|blowjob|porn\w*|kinky|naughty|virgin\w*|make love|have sex|jerk off|turn(?:s|ed)? me on)\b/;
// Minor mentions that can sit next to sexual words in a sentence. Family words are left out on purpose:
// "les enfants dorment, on peut parler cochon" is about adults.
const MINOR_NOUN = /\b(?:lyceennes?|collegiennes?|ecolieres?|fillettes?|petites? filles?|petits? garcons?|adolescente?s?|ados?|mineure?s?|teens?|teenagers?|schoolgirls?|little girls?|underage|minors?)\b/;
// An under-18 age that is not a duration or a date: "à 15 ans", "15yo", not "depuis 15 ans", "il y a 15 ans".
const MINOR_AGE_MENTION = new RegExp(
  String.raw`(?<!depuis |pendant |fait |y a |dans |en |les |chaque |apres |avant |plus de |moins de |pres de )\b${MINOR_AGE} ?(?:ans?\b|yo\b|years? old)${NOT_A_DURATION}`,
);
// In a script or traits, an age counts only when it is a person's ("elle a 15 ans"), not a pet's or a video's.
const PERSON_MINOR_AGE = new RegExp(
  String.raw`\b(?:fille|garcon|meuf|nana|gamine?|eleve|girl|boy|jeune|ado|elle|il|tu|t|she|he|you|qui|je|j)(?:'| )(?:a |as |ai |aurait |aurais |avait |est |is |are |am |de |d'|aged? )?${MINOR_AGE} ?(?:ans?\b|yo\b|years? old)${NOT_A_DURATION}`,
);
// Phrases that mention minors only to exclude them, and adult markers that make "teen" an adult category.
const EXCLUDING_MINORS = /\b(?:pas|plus|aux|interdite? aux|pour les|ni) (?:un |une |des )?mineure?s?\b/g;
const ADULT_MARKER = /\b(?:18|19|majeure?s?|adultes?|adults?)\b/;

/** True when the fan says he is under 18 now. `previousAssistant` is the persona's last message, if any. */
export function claimsToBeMinor(folded: string, previousAssistant?: string): boolean {
  if (FAN_MINOR_PATTERNS.some((pattern) => pattern.test(folded))) return true;
  return previousAssistant !== undefined && AGE_QUESTION.test(previousAssistant) && BARE_AGE_ANSWER.test(folded.trim());
}

/** True when a fan message brings minors into a sexual context or a role-play. */
export function bringsMinorsIntoSexualContext(folded: string): boolean {
  if (ABSOLUTE_TERMS.test(folded) || ROLE_PLAY.test(folded)) return true;
  if (PERSONA_AS_MINOR.some((pattern) => pattern.test(folded))) return true;
  return sentences(folded).some(
    (sentence) =>
      (SEXUAL.test(sentence) && (mentionsMinor(sentence) || MINOR_AGE_MENTION.test(sentence))) ||
      (SCHOOL_ROLE.test(sentence) && CONTENT_REQUEST.test(sentence)),
  );
}

/**
 * True when a script or persona traits (adult context by definition) name a minor-coded role or an under-18
 * person, or contain anything `bringsMinorsIntoSexualContext` refuses.
 */
export function describesMinorInAdultContext(folded: string): boolean {
  if (bringsMinorsIntoSexualContext(folded)) return true;
  return sentences(folded).some((sentence) => mentionsMinor(sentence) || PERSON_MINOR_AGE.test(sentence));
}

/** A minor noun in the sentence, once exclusions ("interdit aux mineurs") and adult "teen" are set aside. */
function mentionsMinor(sentence: string): boolean {
  const withoutExclusions = sentence.replace(EXCLUDING_MINORS, " ");
  if (!MINOR_NOUN.test(withoutExclusions)) return false;
  const withoutTeen = withoutExclusions.replace(/\bteens?\b/g, " ");
  const onlyTeen = !MINOR_NOUN.test(withoutTeen);
  return !(onlyTeen && ADULT_MARKER.test(sentence));
}

function sentences(text: string): string[] {
  return text.split(/[.!?\n]+/).filter((sentence) => sentence.trim().length > 0);
}
