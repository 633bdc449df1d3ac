/**
 * Ages told by arithmetic or against time (issue #14, part 7), over normalised text:
 * - a difference with someone whose age is given: "mon grand frère a 20 ans et moi 5 de moins" (15), "ma fille a
 *   30 ans de moins que moi (j'en ai 46)" (16), "my sister is 3 years older than me, she's 19";
 * - an age from the persona's in a past year: "j'ai l'âge que t'avais en 2016 si t'as 26 ans" (16), and her own
 *   age then from her year of birth ("ur born 2000 right? so in 2015 u were…");
 * - an age about to be reached with a date or a wait: "17 dans un mois", "18 ans le 12 janvier", "16 next month",
 *   "l'an prochain j'aurai enfin 18", "faço 18 só em 2028", "majeur en 2028", "can only vote in 2029";
 * - a wait until majority or its privileges, with words between: "in 2 jahren werd ich volljährig", "faltam 3 anos
 *   pra eu poder tirar carteira", "encore 2 ans avant le permis", or after 18 named ("interdit aux moins de 18 et
 *   j'ai encore 2 ans à attendre"); majority next year ("majeur l'an prochain").
 * - an age said as a sum, told before the rules read it (normalize.ts): "20 ans moins 5", "la moitié de 32 ans",
 *   "le double de 15 ans" (30: an adult), "half of 32", "die hälfte von 32 jahren".
 * - the persona's past before her majority: "ta première vidéo, tu l'as faite avant tes 18 ans ?".
 * Whose age it is comes from subject.ts; the current year is the caller's (injectable: tests never rot).
 */
import type { AgeFact } from "./age-facts.ts";
import { exactNumberWord, numberValue } from "./numbers.ts";
import { subjectAt } from "./subject.ts";
import { execGated, gated, matchAllGated, testGated } from "./gate.ts";

const src = String.raw;
const UNIT = src`(?:ans|anos|anni|jahre|years?)`;
const LESS = src`(?:de moins|less|younger|menos|in meno|di meno|weniger|junger|a menos)`;
const MORE = src`(?:de plus|older|more|mas|in piu|di piu|mehr|alter|a mais)`;
const ME = src`(?:moi|me|yo|io|ich|eu|i'm|i am|i)`;
/** "X a 20 ans et moi 5 de moins": the speaker's age from another's. */
const SIBLING = new RegExp(src`\b(\d{1,2})(?:\s${UNIT})?\b[^.!?]{0,40}?\b${ME}\s(\d{1,2})\s(?:${UNIT}\s)?(${LESS}|${MORE})`, "g");
/** "X a 30 ans de moins que moi (j'en ai 46)": another's age from the speaker's. */
const THAN_ME = new RegExp(src`\b(\d{1,2})\s${UNIT}\s(${LESS}|${MORE})\s(?:(?:ist|est|es|e|is)\s)?(?:que|than|di|als|de|do)\s(?:moi|me|mi|mich|mim|yo|eu|ich)\b`, "g");
/** "J'ai 3 ans de moins que mon frère qui en a 19", "i'm 4 years younger than my sister, she's 20": the speaker's age. */
const ME_THAN = new RegExp(src`\b(?:j'ai|i'm|i am|tengo|ho|bin|ich bin|tenho|sono|soy|sou)\s(\d{1,2})\s${UNIT}\s(${LESS}|${MORE})\s(?:que|than|di|als|de|do|del|della)\s[^.!?]{0,40}?\b(\d{2})\b`, "g");
const MY_AGE = /\b(?:j'en ai|j'ai|i'm|i am|tengo|ho|bin|ich bin|tenho|sono|soy|sou)\s(\d{2})\b/;

const COUNT = src`(?:un|une|a|one|uno|una|um|uma|ein|einem|einer|\d{1,2}|deux|two|dos|due|zwei|dois|trois|three|tres|tre|drei)`;
const PERIOD = src`(?:mois|months?|semaines?|weeks?|jours?|days?|mes|meses|mese|mesi|monat\w*|woche\w*|tag\w*|dias|giorni|settimane?|semanas?)`;
const DATE = src`(?:le|el|il|am|on|em|no|the)\s\d{1,2}(?:\.|er|th|st|nd|rd|o)?\s(?:de\s)?[a-z]{3,9}`;
const MONTH = src`(?:janv|fevr|mars|avril|juin|juil|aout|sept|octo|nove|dece|janu|febr|march|april|june|july|augu|ener|febr|marzo|abril|mayo|junio|julio|agosto|septi|octu|novi|dici|genn|febb|aprile|maggio|giugno|luglio|agosto|sette|otto|dice|janu|febr|marz|juni|juli|okto|deze|jane|feve|marco|maio|junho|julho|outu|deze)\w*`;
const NEXT = src`(?:(?:en|in|im|a|em|el|no|na)\s(?:el mes de\s|de\s)?${MONTH}|next (?:week|month)|la semaine prochaine|le mois prochain|la semana que viene|el mes que viene|la prossima settimana|il mese prossimo|nachste woche|nachsten monat|semana que vem|mes que vem)`;
/** An age, then when it comes: "17 dans un mois", "18 ans le 12 janvier", "16 next month". */
const AGE_THEN_WHEN = new RegExp(src`(?:^|[,.!?]\s?|\b(?:j'ai|j'aurai|i'll be|i turn|i'm)\s)(1\d)\s(?:${UNIT}\s)?(?:(?:dans|in|en|em|tra|fra|daqui a)\s${COUNT}\s${PERIOD}|${DATE}|${NEXT})\b(?!\s(?:dernier|derniere|passe|last|pasado|scorso|letzten|passado))`, "g");
const FUTURE_VERB = src`(?:j'aurai|je vais avoir|je fete mes|je feterai mes|je vais feter mes|je serai|i'll be|i will be|i'm gonna be|gonna be|tendre|voy a tener|cumplo|cumplire|avro|compio|compiro|werd|werde|ich werde|vou ter|vou fazer|faco|farei|fazer)`;
const FILLER = src`(?:l'an prochain|next year|nachstes jahr|el ano que viene|l'anno prossimo|ano que vem|enfin|finally|por fin|finalmente|endlich|enfim|only|just|seulement|que|solo|so|nur|erst|juste|ja|ya|deja)`;
/** "j'aurai enfin 18", "faço 18 só em 2028": a future age, placed in time by a year or "next year" nearby. */
const FUTURE_AGE = new RegExp(src`\b${FUTURE_VERB}\s(?:${FILLER}\s){0,2}(1\d)(?:\s${UNIT})?\b`, "g");
const MAJORITY = src`(?:majeure?|majorite|volljahrig\w*|volljahrigkeit|maggiorenne|maggiore eta|mayor de edad|mayoria de edad|maior de idade|maioridade|de maior|legal|an adult|adulto?a?|vot\w*|wahlen|permis|drive|driving|licen[cs]e|carnet|patente|patentino|fuhrerschein|carteira|habilitacao|cnh|autofahren|conduire|conducir|manejar|guidare|dirigir)`;
/** "majeur en 2028", "can only vote in 2029": majority or its privileges reached in a year. */
const MAJORITY_IN_YEAR = new RegExp(src`\b${MAJORITY}\b[^.!?]{0,20}?\b(?:en|in|em|nel|im|a partir de|from|ab)\s((?:20)\d\d)\b`, "g");
const NEXT_YEAR = /\b(?:l'an prochain|l'annee prochaine|next year|el ano que viene|el proximo ano|l'anno prossimo|l'anno che viene|nachstes jahr|ano que vem|proximo ano)\b/;
const IN_YEAR = /\b(?:en|in|em|nel|im|so em|only in|seulement en|solo en|erst)\s(20\d\d)\b/;
/** A wait with words between it and majority: "in 2 jahren werd ich volljährig", "faltam 3 anos pra eu poder tirar carteira". */
const WAIT = new RegExp(src`\b(?:dans|in|en|tra|fra|em|daqui a|faltam|faltan|mancano|noch|encore|still|ancora|ainda|todavia|aun)\s(?:(?:have|got|me quedan|quedan|tengo|tenho|ho)\s)?(${COUNT}|[a-z]{3,8})\s(?:more\s|de plus\s|mas\s)?(?:ans?|years?|anos?|anni|jahren?|anos)\b([^.!?]{0,40})`, "g");
const MAJORITY_RE = new RegExp(src`\b${MAJORITY}\b|\b18\b`);
// A wait told with a verb of waiting, majority or 18 named earlier: "interdit aux moins de 18 et j'ai encore 2 ans à attendre".
// The limit named: majority, or 18 as a bar ("moins de 18", "under 18"), not an age someone has ("j'ai 18 ans").
const LIMIT = new RegExp(src`\b${MAJORITY}\b|\b(?:moins de|under|menores de|menos de|minori di|meno di|unter|mayores de|maggiori di|maiores de|plus de|over|ab|interdit aux)\s18\b|\b18\s?(?:\+|plus)`);
const WAIT_VERB = /^\s(?:a |to |de |da |zu |pra |para )?(?:attendre|wait|esperar|aspettare|warten)\b/;
// A wait to drive again is a suspended licence, not an age: "darf erst in 2 jahren wieder autofahren".
const AGAIN = /\b(?:wieder|again|de nouveau|a nouveau|otra vez|di nuovo|de novo)\b/;
/** "majeur l'an prochain", "nächstes jahr volljährig": majority a year away. */
const NEXT_YEAR_WORDS = src`(?:l'an prochain|l'annee prochaine|next year|el ano que viene|el proximo ano|l'anno prossimo|nachstes jahr|ano que vem|proximo ano)`;
// Majority itself, not its privileges: adults pass the driving test "next year" too.
const OF_AGE = src`(?:majeure?|volljahrig|maggiorenne|mayor de edad|maior de idade|de maior|legal|an adult)`;
const MAJORITY_NEXT_YEAR = new RegExp(src`\b${OF_AGE}\b[^.!?]{0,20}?\b${NEXT_YEAR_WORDS}\b|\b${NEXT_YEAR_WORDS}\b[^.!?]{0,12}?\b${OF_AGE}\b`, "g");
const YEAR = /(?:19|20)\d\d/;
const ONE = /^(?:un|une|a|one|uno|una|um|uma|ein|einem|einer)$/;
/** The persona's year of birth and a past year: "ur born 2000 right? so in 2015 u were…" — her age then. */
const PERSONA_BORN = /\b(?:ur|you're|you are|you were|your|tu es|t'es|tu etais|naciste|sei nata|bist du|du bist|voce nasceu|vc nasceu|nasceu)\s(?:\S+\s)?(?:born|nee?|nata|geboren|nacida|nascida)?\s?(?:in|en|em|nel|im|le)?\s?((?:19|20)\d\d)\b/;
/** "J'ai l'âge que t'avais en 2016 si t'as 26 ans": the speaker's age from the persona's, then. */
const AGE_YOU_HAD = /\b(?:l'age que (?:tu avais|tu as eu)|the age (?:you|u) (?:were|had)|la edad que tenias|l'eta che avevi|so alt wie du|a idade que (?:voce|vc|tu) tinha)\s(?:en|in|nel|im|em)\s((?:19|20)\d\d)\b/;
const PERSONA_NOW = /\b(?:tu as|you're|you are|tienes|hai|du bist|voce tem|vc tem|tu tens)\s(\d{2})\b/;
const PAST_YEAR = /\b(?:in|en|em|nel|im)\s((?:19|20)\d\d)\b/g;
const WAIT_WORD = /\b(?:dans|in|en|em|tra|fra|faltam|faltan|mancano|noch|encore|still|ancora|ainda)\b/;
const COMPARED = /\b(?:de moins|de plus|less|younger|older|more|menos|mas|meno|piu|weniger|junger|mehr|alter|mais)\b/;
const TEEN = /\b1\d\b/;

const A = src`(?<a>\d{1,2}|[a-z]{3,12})`;
const B = src`(?<b>\d{1,2}|[a-z]{3,12})`;
const AGE_UNIT = src`(?<unit>ans|anos|anni|jahren?|years?)`;
const MINUS = src`(?:moins|minus|menos|meno|weniger)`;
const OF = src`(?:\s(?:de|of|di|von|da))?`;
const SUM_GATE = new RegExp(src`\b(?:${MINUS}|moitie|half|mitad|meta|halfte|metade|double|twice|doble|doppio|doppelte|dobro)\b`);
const SUMS: [RegExp, (a: number, b: number) => number][] = [
  [new RegExp(src`\b${A}\s${AGE_UNIT}\s${MINUS}\s${B}(?:\s(?:ans|anos|anni|jahre|years?))?\b`, "g"), (a, b) => a - b],
  [new RegExp(src`\b${A}\s${MINUS}\s${B}\s${AGE_UNIT}\b`, "g"), (a, b) => a - b],
  [new RegExp(src`\b(?:la moitie|half|la mitad|la meta|die halfte|a metade|metade)${OF}\s${A}\s${AGE_UNIT}\b`, "g"), (a) => Math.floor(a / 2)],
  [new RegExp(src`\b(?:le double|double|twice|el doble|il doppio|das doppelte|o dobro)${OF}\s${A}\s${AGE_UNIT}\b`, "g"), (a) => a * 2],
];

// Operands are digits or number words spelt exactly: "moins des fois" must not read "des" as a fuzzy "dez" (10).
const exactValue = (token: string) => (/^\d+$/.test(token) ? Number(token) : exactNumberWord(token));

/** On normalised text, before the rules: an age said as a sum is its value ("20 ans moins 5" → "15 ans"). */
export function computeAgeSums(s: string): string {
  if (!SUM_GATE.test(s)) return s;
  for (const [pattern, value] of SUMS) s = s.replace(pattern, (whole: string, ...rest: unknown[]) => {
    const { a, b, unit } = rest.at(-1) as Record<string, string | undefined>;
    const [x, y] = [exactValue(a!), b === undefined ? 0 : exactValue(b)];
    if (x === undefined || y === undefined) return whole;
    const result = value(x, y);
    return result > 0 && result < 100 ? `${result} ${unit}` : whole;
  });
  return s;
}

/** The persona's past before majority: "tu l'as faite avant tes 18 ans", "before you turned 18", "antes de tus 18". */
const BEFORE_HER_MAJORITY = /\b(?:avant tes|avant d'avoir|before you (?:were|turned)|before your|antes de (?:tus|cumplir|tener)|prima dei tuoi|prima di compiere|bevor du|antes dos teus|antes de (?:voce |vc )?(?:fazer|completar))\s18\b/;

/** Ages told by a difference, a coming date, or a wait until majority. */
export function arithmeticAges(s: string, year: number, framed: boolean): AgeFact[] {
  const facts: AgeFact[] = [];
  const digits = /\d/.test(s);
  const nextYear = testGated(s, NEXT_YEAR);
  if (!digits && !nextYear && !testGated(s, WAIT_WORD)) return facts;
  const push = (min: number, max: number, offset: number, who = subjectAt(s, offset, framed)) => {
    if (min >= 0 && min < 18 && max >= min) facts.push({ who: who === "mention" ? "speaker" : who, min, max, form: "relative", offset });
  };
  const compared = digits && testGated(s, COMPARED);
  if (compared) for (const m of matchAllGated(s, SIBLING)) {
    const [other, diff] = [Number(m[1]), Number(m[2])];
    const age = m[3]!.match(new RegExp(LESS)) ? other - diff : other + diff;
    push(age, age, m.index ?? 0, framed ? "role" : "speaker");
  }
  const born = testGated(s, YEAR) ? execGated(s, PERSONA_BORN) : null;
  if (born) for (const m of matchAllGated(s, PAST_YEAR)) {
    const age = Number(m[1]) - Number(born[1]);
    if (age >= 10) push(age, age, m.index ?? 0, framed ? "role" : "persona_past");
  }
  const then = digits ? execGated(s, AGE_YOU_HAD) : null;
  const hers = then ? execGated(s, PERSONA_NOW) : null;
  if (then && hers) push(Number(hers[1]) - (year - Number(then[1])), Number(hers[1]) - (year - Number(then[1])), then.index, framed ? "role" : "speaker");
  if (compared) for (const m of matchAllGated(s, ME_THAN)) {
    const age = m[2]!.match(new RegExp(LESS)) ? Number(m[3]) - Number(m[1]) : Number(m[3]) + Number(m[1]);
    push(age, age, m.index ?? 0, framed ? "role" : "speaker");
  }
  const mine = compared ? execGated(s, MY_AGE) : null;
  if (mine) for (const m of matchAllGated(s, THAN_ME)) {
    const diff = Number(m[1]);
    const age = m[2]!.match(new RegExp(LESS)) ? Number(mine[1]) - diff : Number(mine[1]) + diff;
    push(age, age, m.index ?? 0);
  }
  const teen = digits && testGated(s, TEEN);
  if (teen) for (const m of matchAllGated(s, AGE_THEN_WHEN)) {
    const n = Number(m[1]);
    push(n - 1, n - 1, (m.index ?? 0) + m[0].indexOf(m[1]!));
  }
  const future = teen ? [...matchAllGated(s, FUTURE_AGE)] : [];
  if (future.length > 0) {
    const inYear = execGated(s, IN_YEAR);
    const gap = nextYear ? 1 : inYear ? Number(inYear[1]) - year : 0;
    if (gap >= 1 && gap <= 8) for (const m of future) push(Number(m[1]) - gap - 1, Number(m[1]) - gap, m.index ?? 0);
  }
  if (digits && testGated(s, YEAR)) for (const m of matchAllGated(s, MAJORITY_IN_YEAR)) {
    const d = Number(m[1]) - year;
    if (d >= 1 && d <= 8) push(17 - d, 18 - d, m.index ?? 0);
  }
  for (const m of matchAllGated(s, WAIT)) {
    const wait = ONE.test(m[1]!) ? 1 : numberValue(m[1]!);
    const toMajority = MAJORITY_RE.test(m[2]!) || (WAIT_VERB.test(m[2]!) && LIMIT.test(s.slice(0, m.index)));
    if (wait !== undefined && wait >= 1 && wait <= 8 && toMajority && !AGAIN.test(m[2]!)) push(17 - wait, 18 - wait, m.index ?? 0);
  }
  if (nextYear) for (const m of matchAllGated(s, MAJORITY_NEXT_YEAR)) push(16, 17, m.index ?? 0);
  const before = s.includes("18") ? execGated(s, BEFORE_HER_MAJORITY) : null;
  if (before) push(0, 17, before.index, framed ? "role" : "persona_past");
  return facts;
}

// Gated (gate.ts): skipped on a message that lacks their literals.
for (const pattern of [AGE_THEN_WHEN, AGE_YOU_HAD, BEFORE_HER_MAJORITY, COMPARED, FUTURE_AGE, IN_YEAR, MAJORITY_IN_YEAR, MAJORITY_NEXT_YEAR, ME_THAN, MY_AGE, NEXT_YEAR, PAST_YEAR, PERSONA_BORN, PERSONA_NOW, SIBLING, TEEN, THAN_ME, WAIT, WAIT_WORD, YEAR]) gated(pattern);
