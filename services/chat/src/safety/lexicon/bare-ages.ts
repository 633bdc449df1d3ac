/**
 * The speaker's age said without a verb, or worked out from something else (issue #14, fifth round), over
 * normalised text; who it belongs to is decided by the caller (age-facts.ts) from the clause, as for every fact:
 * - a state adverb before the age: "encore 16", "still 16 tho", "todavía 15", "ancora 16", "noch 15", "ainda 16";
 * - "almost"/"bientôt" opening the message ("bientôt 17", "almost 17 lol"): the age minus one, up to it;
 * - a coming birthday with no verb: "17 en mars", "sevnteen in june", "16 next month": the age minus one;
 * - an age label with a colon: "age: 15 location: ohio", "edad: 14";
 * - an age told against someone else's: "ma sœur a 19 ans et moi 3 ans de moins", "my bro is 20 and im 4 years
 *   younger", "elle a 2 ans de plus que moi" — the other age plus or minus the difference.
 */
import { NUMBER_TOKEN, numberValue } from "./numbers.ts";
import type { RelativeAge } from "./relative-ages.ts";
import { gated, matchAllGated, testGated } from "./gate.ts";

/** An age said without a verb; `self` when the sentence itself says it is the speaker's ("moi 3 ans de moins"). */
export type BareAge = RelativeAge & { self?: boolean };

const src = String.raw;
const NUM = `(${NUMBER_TOKEN})`;
const UNIT = src`(?:ans|anos|anni|jahre|years?(?: old)?|yrs?)`;

/** Months of the six languages, folded. */
export const MONTH = src`(?:janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|january|february|march|april|may|june|july|august|september|october|november|december|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|januar|februar|marz|maerz|juni|juli|oktober|dezember|janeiro|fevereiro|marco|maio|junho|julho|setembro|outubro|novembro|dezembro)`;
/** "Since <a date>": after an age, the age is had since then ("16 ans depuis mars"); "depuis 16 ans" is a duration. */
export const SINCE_DATE = src`(?:${MONTH}|hier|avant-hier|yesterday|ayer|ieri|gestern|ontem|le \d|el \d|am \d|my birthday|mon anniv\w*|mi cumple\w*|il mio compleanno|meinem geburtstag|meu aniversario|cette semaine|la semaine derniere|this week|last week|peu|recently|hace poco|poco|kurzem|pouco)`;

// What may follow the age: the end, a clause mark, a texting tail, a conjunction; "for/pour" + a time ("encore 16
// ans pour 2 mois"). Never a noun, a wait ("encore 15 ans avant la retraite") or a duration ("de crédit").
const AFTER = src`(?=\s?(?:$|[,.!?;:]|(?:jusqu'(?:en|a|au)|until|till|hasta|fino a|bis|ate)\s(?:${MONTH}|mon anniv\w*|my (?:birthday|bday)|mi cumple\w*|next|la semaine|le mois|l'ete|summer)\b|(?:mdr|lol|ptdr|tho|though|haha|jaja|kkk|xd|mais|but|pero|ma|aber|mas|et|and|y|e|und|pour|for|por|per|fur|encore|still|anyway|quand meme|hein|ok|chut|dont|don't|tu|you|u|vc)\b))`;
const STATE = src`(?:encore|toujours|still|todavia|aun|ancora|noch|ainda)`;
const QUALIFIER = src`(?:only|que|juste|just|solo|nur|so)`;
// The age opens its clause, or follows a pronoun, a "but", a "now": "mais là encore 16", "rn still 16", "me still 15".
const OPENING = src`(?:^|[,.!?;:]\s?|\b(?:mais|but|pero|ma|aber|mas|la|rn|right now|now|actuellement|ahora|ahorita|adesso|jetzt|agora|perso|moi|me|yo|io|ich|et|and|y|e|und)\s)`;
const STILL_AGE = new RegExp(src`${OPENING}${STATE}\s(?:${QUALIFIER}\s)?${NUM}(?:\s${UNIT}(?!\s(?:de|d'|avant|before|antes|prima|vor|bevor|left|to go|of|que|qu'|a tirer|restants?)\b))?${AFTER}`, "g");
const ALMOST_AGE = new RegExp(src`(?:^|[,.!?;]\s?)(?:bientot|presque|almost|nearly|soon|casi|quasi|fast|quase|enfin presque)\s${NUM}(?:\s${UNIT})?${AFTER}`, "g");
const SOON = src`(?:(?:en|in|em|im|a|ad|au|this|next|ce|cette|le mois d'|el mes de|ate)\s${MONTH}|next (?:month|week|year)|le mois pro\w*|la semaine pro\w*|el mes que viene|el proximo mes|il mese prossimo|nachsten monat|nachste woche|mes que vem|proximo mes|dans (?:un|\d) mois|in (?:a|\d) months?)`;
const COMING_AGE = new RegExp(src`${OPENING}(?:(?:bientot|presque|almost|soon|casi|quasi|fast|quase)\s)?${NUM}(?:\s${UNIT})?\s${SOON}\b`, "g");
const LABEL_AGE = new RegExp(src`(?:^|[,.!?;]\s?|\s)(?:age|edad|eta|alter|idade)(?:\s?:\s?${NUM}(?!\s?(?:ans? de|minutes?|min\b|h\b|km|€|%|\d))|\s${NUM}(?=\s(?:m|f|h|male|female)\b))`, "g");
// "mes 16 ans samedi", "my 16th birthday", "meinen 16. Geburtstag", "il mio 16° compleanno": a birthday of one's own.
// "mes 16 ans" alone is also a memory ("nostalgique de mes 16 ans"): with "ans" it needs a coming day after it.
const OWN = src`\b(?:mes|my|mis|i miei|il mio|meinen|meinem|mein|meus|os meus|mon|mi)\s(\d{1,2}|[a-z]{3,14})(?:e|eme|th|st|nd|rd|ten|ter|\.|º|°|o)?\s`;
const COMING_DAY = src`(?:samedi|dimanche|vendredi|demain|bientot|ce week|la semaine|le mois|approchent|arrivent|c'est (?:demain|samedi|bientot)|sont dans|dans \d|sabado|domingo|manana|pronto|amanha|sabato|domenica|domani|presto|samstag|sonntag|morgen|bald|saturday|sunday|tomorrow|soon|next|${MONTH}|(?:en|in|em|a|im) ${MONTH})`;
const BIRTHDAY = src`(?:birthday|bday|b-day|anniversaire|anniv|cumple\w*|compleanno|geburtstag|aniversario)`;
const OWN_BIRTHDAY = new RegExp(src`${OWN}(?:${BIRTHDAY}|(?:ans|anos|anni)\s(?=(?:(?:c'est|is|es|e|ist|sont|son|sao|est)\s)?(?:(?:el|le|la|il|am|o|on|this)\s)?${COMING_DAY}\b))|\b(?:mon|my|mi|il mio|mein|meu|o meu)\s${BIRTHDAY}\s(?:numero\s|n\s)?(\d{1,2}|[a-z]{3,14})(?=\s(?:(?:c'est|is|es|e|ist|est)\s)?(?:(?:el|le|la|il|am|o|on|this)\s)?${COMING_DAY}\b)`, "g");
// An age with its unit opening the message: "15 añitos", "dezesseis aninhos kkk", "16 jährig und gelangweilt".
const OPENING_UNIT = new RegExp(src`^${NUM}\s?-?(?:anitos|aninhos|anos|anni|jahre alt|jahrig|years? old|yo|ans|piges)\b(?!\s(?:de|d'|di|da|do|que|qu'|fa|ago|of|atras|later|plus tard|together|ensemble|since|depuis|seit|desde)\b)`, "g");

// "15 goin on 16": an age about to become the next one ("13 going on 30" is a film: only the next year counts).
const GOING_ON = new RegExp(src`(?:^|[,.!?;]\s?)${NUM}\s(?:going|goin|gon|turning|bientot|casi|quasi|fast|quase)\s(?:on\s)?${NUM}\b`, "g");
// A bare age after a texting filler, alone: "tbh 16", "ngl 15 lol", "franchement 16".
const FILLER_AGE = new RegExp(src`^(?:tbh|ngl|fr|honestly|lol|mdr|ptdr|franchement|la verdad|sinceramente|ehrlich(?: gesagt)?|onestamente|jaja|haha|kkk)\s${NUM}(?:\s${UNIT})?(?=\s?(?:[,.!?]+|lol|mdr|haha|jaja|kkk)?\s?$)`, "g");
// "been 15 for a month", "ça fait un mois que j'ai 15 ans" is read by the verb rules.
const BEEN_AGE = new RegExp(src`\b(?:i've been|ive been|been)\s${NUM}\s(?:for|since)\b`, "g");
const YOUNGER = src`(?:de moins|plus jeune|younger|less|menos|mas joven|mas chic[oa]|meno|in meno|piu giovane|piu piccol[oa]|junger|weniger|mais nov[oa]|a menos)`;
const OLDER = src`(?:de plus|plus vieux|plus vieille|plus age|older|mas grande|mayor|de mas|in piu|piu grande|alter|alter als|mais velh[oa]|a mais)`;
const I = src`(?:moi|me|i'm|im|i am|j'ai|je suis|yo|soy|tengo|io|sono|ho|ich|bin|ich bin|eu|sou|tenho)`;
const THAN_ME = src`(?:que moi|than me|than i|que yo|que mi|di me|als ich|als mich|que eu|do que eu)`;
// "moi 3 ans de moins", "im 4 years younger": the speaker against someone; "elle a 2 ans de plus que moi": someone against the speaker.
const I_AGAINST = new RegExp(src`\b${I}\s(?:\S+\s){0,2}?${NUM}\s(?:ans?|years?|yrs?|anos|anni|jahre)\s(?:(${YOUNGER})|${OLDER})`, "g");
const AGAINST_ME = new RegExp(src`\b${NUM}\s(?:ans?|years?|yrs?|anos|anni|jahre)\s(?:(${YOUNGER})|${OLDER})\s${THAN_ME}`, "g");
const OTHER_AGE = /\b(1\d|[2-9]\d)\b(?!\s?(?:€|euros?|\$|%|km|kg|cm|h\b|min))/g;

const STILL_GATE = new RegExp(src`\b${STATE}\b`);
const LABEL_GATE = /\b(?:age|edad|eta|alter|idade)\b/;
const BIRTHDAY_GATE = /birthday|bday|b-day|anniv|cumple|compleanno|geburtstag|aniversario|\b(?:mes|meus|mis|miei) \S+ (?:ans|anos|anni)\b/;
const ALMOST_GATE = /\b(?:bientot|presque|almost|nearly|soon|casi|quasi|fast|quase)\b/;
const SOON_GATE = new RegExp(src`\b${SOON}\b`);
const AGAINST_GATE = new RegExp(src`\d.{0,60}\b(?:ans?|years?|yrs?|anos|anni|jahre)\s(?:${YOUNGER}|${OLDER})|\b(?:ans?|years?|yrs?|anos|anni|jahre)\s(?:${YOUNGER}|${OLDER}).{0,60}\d`);

const MAX_FOUND = 8; // as many as age-facts.ts keeps per message

const ageOf = (token: string | undefined): number | undefined => {
  const n = token === undefined ? undefined : numberValue(token);
  return n !== undefined && n >= 10 && n < 100 ? n : undefined;
};

/** The ages a message gives without a verb, each with where it was said. */
export function bareAges(s: string): BareAge[] {
  const found: BareAge[] = [];
  // Each reader runs only when its keyword is in the message: most messages have none (cost).
  // `self`: the sentence says whose the age is ("my birthday"), whatever the clause's other words.
  const each = (pattern: RegExp, make: (n: number) => [number, number], self = false) => {
    pattern.lastIndex = 0;
    for (const m of s.matchAll(pattern)) {
      const token = m.slice(1).find((x) => x !== undefined);
      const n = ageOf(token);
      if (n !== undefined) {
        const [min, max] = make(n);
        found.push({ min, max, offset: (m.index ?? 0) + m[0].indexOf(token!), ...(self ? { self } : {}) });
      }
    }
  };
  if (testGated(s, STILL_GATE)) each(STILL_AGE, (n) => [n, n]);
  if (testGated(s, LABEL_GATE)) each(LABEL_AGE, (n) => [n, n]);
  if (testGated(s, BIRTHDAY_GATE)) each(OWN_BIRTHDAY, (n) => [n - 1, n], true);
  if (/^\S+\s?-?(?:an|jahr|year|yo|piges)/.test(s)) each(OPENING_UNIT, (n) => [n, n]);
  if (testGated(s, ALMOST_GATE)) each(ALMOST_AGE, (n) => [n - 1, n]);
  if (testGated(s, SOON_GATE)) each(COMING_AGE, (n) => [n - 1, n - 1]);
  if (/going|goin|gon |turning|bientot|casi|quasi|fast|quase/.test(s)) {
    GOING_ON.lastIndex = 0;
    for (const m of matchAllGated(s, GOING_ON)) {
      const [now, next] = [ageOf(m[1]), ageOf(m[2])];
      if (now !== undefined && next === now + 1) found.push({ min: now, max: now, offset: m.index ?? 0 });
    }
  }
  if (/^\S+\s\S+\s?\S*\s?\S*$/.test(s)) each(FILLER_AGE, (n) => [n, n]);
  if (s.includes("been ")) each(BEEN_AGE, (n) => [n, n]);
  if (testGated(s, AGAINST_GATE)) found.push(...againstOthers(s));
  return found;
}

/** An age told against another age of the message: the nearest other age, plus or minus the difference. */
function againstOthers(s: string): BareAge[] {
  const found: BareAge[] = [];
  let others: RegExpMatchArray[] | undefined;
  for (const [pattern, speakerIsSubject] of [[I_AGAINST, true], [AGAINST_ME, false]] as const) {
    pattern.lastIndex = 0;
    for (const m of s.matchAll(pattern)) {
      // Bounded: a hostile message repeating the phrase must not cost a pass over the text per repetition.
      if (found.length >= MAX_FOUND) return found;
      const diff = numberValue(m[1]!);
      if (diff === undefined || diff < 1 || diff > 30) continue;
      const at = m.index ?? 0;
      others ??= [...matchAllGated(s, OTHER_AGE)];
      let nearest: RegExpMatchArray | undefined;
      for (const o of others) {
        if (o.index! >= at && o.index! < at + m[0].length) continue;
        if (nearest === undefined || Math.abs(o.index! - at) < Math.abs(nearest.index! - at)) nearest = o;
      }
      if (nearest === undefined) continue;
      // "I am N younger" or "they are N older than me": the speaker is the other age minus N.
      const younger = (m[2] !== undefined) === speakerIsSubject;
      const age = Number(nearest[1]) + (younger ? -diff : diff);
      if (age >= 5 && age < 100) found.push({ min: age, max: age, offset: at, self: true });
    }
  }
  return found;
}

// Gated (gate.ts): skipped on a message that lacks their literals.
for (const pattern of [AGAINST_GATE, ALMOST_GATE, BIRTHDAY_GATE, GOING_ON, LABEL_GATE, OTHER_AGE, SOON_GATE, STILL_GATE]) gated(pattern);
