/**
 * Verbless first-person ages (issue #14, part 7): a bare 10–17 right after a self-introduction, the way fans
 * open a chat — "moi c'est theo, 16", "je m'appelle lea, 15 ans", "me llamo pablo, 14", "ich heiße leon 15",
 * "lucas, 16, de lyon", "hey lea 15 ans from madrid", "16 here", "15 ici". Over normalised text; the name is one word, the age ends its
 * phrase (the end, a comma, a place "de/from/aus…", a sex letter, laughter), so "c'est ça, 15 minutes" and
 * "ok, 15 de plus" stay out. Also the answer to the persona's age question in any language's number word
 * ("quince jaja", "sedici", "vierzehn lol"): detect.ts asks it only after such a question.
 */
import type { AgeFact } from "./age-facts.ts";
import { exactNumberWord, numberValue } from "./numbers.ts";
import { execGated, gated, matchAllGated } from "./gate.ts";

const src = String.raw;
const NAMING = src`(?:moi c'est|moi c|(?:^|(?:salut|coucou|slt|cc|hello|hey|yo|bonjour|bonsoir)\s)c'est|je m'appelle|my name is|my name's|name's|me llamo|mi nombre es|mi chiamo|il mio nome e|ich heisse|ich heiss|mein name ist|me chamo|meu nome e|aqui e o|aqui e a)`;
// Words after "de" that make the number a duration ("16 ans de mariage"), not a home town.
const NOT_A_PLACE = src`(?:plus|moins|mas|piu|mehr|mais|la|le|les|mes|tes|mariage|carriere|boite|metier|service|experience|relation|couple|vie|travail|boulot|casad\w*|matrimonio|casamento|ehe|experiencia|esperienza|erfahrung)\b`;
const TAIL = src`(?=\s?(?:$|[,.!?;\/])|\s(?:de|from|aus|di|da|du|d')\s(?!${NOT_A_PLACE})[a-z]|\s(?:m|f|h|here|ici|aqui|qui|hier|lol|mdr|jaja|haha|kkk|xd|et toi|and you|y tu|e tu|und du)\b)`;
const INTRO = new RegExp(src`\b${NAMING}\s([a-z]{2,15})\s?,?\s(1\d)(?:\s?ans)?${TAIL}`, "g");
// A name then the age at the start of the message: "lucas, 16, de lyon", "sofia 15 ans de madrid".
const NAME_AGE_PLACE = /^(?:([a-z]{3,15}),\s(1\d)(?:\s?(?:ans|anos|anni|jahre))?\s?,|(?:hey|hi|hello|salut|coucou|slt|hola|ciao|hallo|oi|ola)\s([a-z]{3,15}),?\s(1\d)(?:\s?(?:ans|anos|anni|jahre))?,?)\s(?:de|from|aus|di|da|du|d')\s(?!plus|moins|mas|piu|mehr|mais|la|le|les|mes|tes|mariage|carriere|boite|metier|service|experience|relation|couple)[a-z]/;
const AGE_HERE = /^(1\d)\s(?:here|ici|aqui|aca|qui|hier)\b/;
const NOT_A_NAME = /^(?:moi|toi|ca|bon|ok|oui|non|vrai|nul|top|fini|pas|tout|sur|quoi|merci|thanks|ready|back|done|here|sure|free|dispo|cool|juste|just|simple|facile|clair|pareil|comme|la|le|les|un|une|the|a|mon|ma|ton|ta|my|your|ca|pas)$/;

/** The speaker's age told right after his name (or "here"), without a verb. */
export function appositionAges(s: string, framed: boolean): AgeFact[] {
  const facts: AgeFact[] = [];
  if (!/1\d/.test(s)) return facts;
  const who = framed ? "role" : "speaker";
  const push = (age: string, offset: number) => {
    const n = Number(age);
    if (n >= 10 && n < 18) facts.push({ who, min: n, max: n, form: "digits", offset });
  };
  for (const m of matchAllGated(s, INTRO)) if (!NOT_A_NAME.test(m[1]!)) push(m[2]!, m.index ?? 0);
  const lead = execGated(s, NAME_AGE_PLACE);
  if (lead && !NOT_A_NAME.test(lead[1] ?? lead[3]!)) push(lead[2] ?? lead[4]!, 0);
  const here = execGated(s, AGE_HERE);
  if (here) push(here[1]!, 0);
  return facts;
}

/**
 * What a number counts when it is not an age (the answer to "how old are you?" is told from a count by the word
 * after it): time, money, distances, pictures, messages, times — and a preposition ("quince de ellos").
 */
export const ANSWER_COUNTED = src`(?:de|d'|of|di|da|do|del|della|von|minutes?|minutos?|minuti|minuten|mins?|secondes?|seconds?|segundos?|secondi|sekunden|heures?|hours?|hrs?|horas?|ore|stunden?|h|jours?|days?|dias?|giorni|tage?n?|semaines?|weeks?|semanas?|settimane|wochen|mois|months?|meses|mesi|monate?n?|euros?|eur|dollars?|bucks|pesos|reais|franken|balles|km|kms|miles?|kilos?|kg|cm|centimet\w*|zentimeter|inch(?:es)?|pouces?|pulgadas?|pollici|zoll|polegadas?|metres?|meters?|metros?|metri|fois|times|veces|volte|mal|vezes|photos?|fotos?|pics?|videos?|bilder|messages?|mensajes?|messaggi|nachrichten|mensagens|followers?|abonnes|verheiratet|married|together|ensemble|juntos|insieme|casad\w*|sposat\w*|seguidores|punti|points?|puntos|pontos|percent|pour ?cent|por ?ciento|per ?cento|prozent|por ?cento)`;

/** What may not follow a number for it to be an age: another digit, or a count or a duration ("16 years of marriage"). */
export const NOT_AN_AGE_AFTER = src`(?!\s?[-/:.]?\d)(?!\s(?:(?:ans?|anos|anni|jahre|years?)\s(?:de|d'|of|di|da|fa|ago|atras|depuis|since|seit|desde|que|qu'|verheiratet|zusammen|married|together|ensemble|juntos|insieme|casad\w*|sposat\w*)\b|${ANSWER_COUNTED}\b))`;
const HEDGE = src`(?:(?:moi|me|yo|io|ich|eu|tengo|ho|bin|tenho|j'ai|g|i'm|bah|euh|pues|boh|naja|ah|dans les|vers les|genre|like|about|around|tipo|como|unos|uns|so|etwa|circa|quasi|casi|almost|presque|bientot)\s)*`;
// The answer opens the message: an optional "I am"/"I have" (texting "g" = "j'ai"), a number word of any of the
// six languages, then the end, a unit, laughter, a clause mark or a word that opens the next clause ("g sez mé
// chu mature") — not a count ("quince fotos").
const ANSWER = new RegExp(src`^${HEDGE}([a-z]{3,14}|1\d)\b(?=\s?(?:$|[,.!?;]|(?:ans|anos|anni|jahre|years|haha|lol|mdr|y|e|und|et|and|pero|mas|ma|aber|mais|me|mai|but|no|non|nao|nicht|pas|not|c'est|tkt|donc|so|also|quindi|entao)\b))${NOT_AN_AGE_AFTER}`);
// …or a number followed by anything but what makes it a count or a duration: "sedici 😅 possiamo…", "sechzehn 😬
// schlimm?" (the emoji that ended the answer is gone once normalised) — not "dieci minuti e arrivo".
const ANSWER_THEN_ANYTHING = new RegExp(src`^${HEDGE}([a-z]{3,14}|1\d)\b${NOT_AN_AGE_AFTER}`);
// Number words that are also words of another language ("once you show me", "elf", "doze off") need the strict form.
const HOMOGRAPH = /^(?:once|elf|doze|dos|tres|due|sei|tre)$/;
/** A number word that can open an answer followed by anything: exact, or a long texting spelling ("sechszehn", "sedichi"). */
const plainNumber = (token: string): boolean =>
  /^\d/.test(token) || (!HOMOGRAPH.test(token) && (exactNumberWord(token) !== undefined || token.length >= 7));

/** The age a short answer to "how old are you?" gives (a number word of any language, or hedged digits), if under 18. */
export function answeredAge(s: string): number | undefined {
  const strict = execGated(s, ANSWER);
  const m = strict ?? ANSWER_THEN_ANYTHING.exec(s);
  if (m === null || (strict === null && !plainNumber(m[1]!))) return undefined;
  const n = numberValue(m[1]!);
  return n !== undefined && n >= 10 && n < 18 ? n : undefined;
}

// Gated (gate.ts): skipped on a message that lacks their literals.
for (const pattern of [AGE_HERE, ANSWER, INTRO, NAME_AGE_PLACE]) gated(pattern);
