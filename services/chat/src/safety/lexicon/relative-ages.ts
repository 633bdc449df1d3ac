/**
 * Ages told against a date rather than stated (issue #14, third round), over normalised text:
 * - an age about to be reached, with the time it takes: "werde nächsten Monat 16", "faço 16 mês que vem",
 *   "i'm turning 16 next week", "cumplo 15 el sábado" — the speaker is the age minus one until then;
 * - a graduation year ("class of 2029", "promo 2028", "Abi 2029", "maturità 2029"): school ends at 18, so a
 *   cohort still to graduate in `year + d` is 18 − d now (a year already passed is an adult's);
 * - a title: a number after "the movie", "la chanson", "la serie"… names a work, not anyone's age;
 * - a cohort told by its year of birth ("2010 gang", "team 2011") or a two-digit year after "born" ("born in 09")
 *   (issue #14, fourth round), or by the year in a handle or an e-mail address (dress.ts, fifth round);
 * - a school year told with the years since, which makes it an adult's memory (sixth round).
 */
import type { AgeFact } from "./age-facts.ts";
import { NUMBER_TOKEN, numberValue } from "./numbers.ts";
import { execGated, gated, matchAllGated, testGated } from "./gate.ts";
import { MINOR_ADJECTIVE, MINOR_THING_BEFORE } from "./vocabulary-i18n.ts";

const src = String.raw;
/** Words of a coming moment in the six languages: "next", "la semaine pro", "mes que vem", "domani"… */
const SOON = src`(?:next|this|coming|nachste\w*|nachsten|kommende\w*|diese\w*|in|im|am|bald|prochaine?|pro|cette|ce|la|le|dans|en|el|este|esta|proxim[oa]|tra|fra|questo|questa|prossim[oa]|em|no|na|que vem|semaine|week|weekend|month|mois|monat|woche|wochenende|semana|mes|mese|settimana|fim de semana|sabado|samedi|saturday|samstag|sabato|domingo|dimanche|sunday|sonntag|domenica|demain|tomorrow|morgen|manana|domani|amanha|soon|bientot|pronto|presto|logo|jours?|days?|tagen|dias|giorni)`;
const TURNING_VERB = src`(?:(?:a)?bout to be|gonna be|going to be|gon be|werde|werd|ich werde|ich werd|je vais avoir|j'aurai|i'll be|i will be|i turn|i'm turning|turning|cumplo|voy a cumplir|cumplire|compio|compiro|faccio|faco|vou fazer|farei)`;
const UNIT = src`(?:ans?|anos?|anni|jahre?|years?)`;
const TURNING = new RegExp(src`\b${TURNING_VERB}\s(?:${SOON}\s){0,3}(${NUMBER_TOKEN})(?=\s(?:${UNIT}|${SOON})\b|\s?(?:$|[,.!?;]))`, "g");
const GRAD_YEAR = /\b(?:class of|promo(?:tion)?|abschlussjahrgang|abi|abitur|matura|maturita|clase de|promocion|turma de|formatura)\s?'?(20\d\d|\d\d)\b/g;
const HIGHER_ED_NEAR = /\b(?:college|uni\w*|fac|faculdade|facultad|ecole de|business school|master|licence|grande ecole|hochschule|studium|laurea)\b/;
const TITLE_BEFORE = /\b(?:the (?:movie|film|song|show|series|book)|(?:le|un) film|la (?:chanson|serie|serie tele)|(?:el|la) (?:peli|pelicula|cancion|serie)|(?:il|un) film|la canzone|der film|das lied|die serie|o filme|a (?:musica|serie|novela)|movie|film|filme|pelicula|titled|called|intitule|titulada|intitolato|watched|rewatched|j'ai vu|j'ai regarde|ho visto|hab gesehen|assisti)\s(?:\S+\s)?$/;

// Substrings first: a regular expression tried at every position of every message showed in the profile.
const TURNING_GATE = ["bout to", "gonna be", "going to be", "gon be", "werd", "avoir", "aurai", "ll be", "will be", "turn", "cumpl", "compi", "faccio", "faco", "fazer", "farei"];
const GRAD_GATE = ["class of", "promo", "abschluss", "abi", "matur", "clase de", "turma de", "formatura"];

export type RelativeAge = { min: number; max: number; offset: number };

/** "Turning N soon": the speaker is N − 1 now. */
export function turningAges(s: string): RelativeAge[] {
  const found: RelativeAge[] = [];
  if (!TURNING_GATE.some((w) => s.includes(w))) return found;
  TURNING.lastIndex = 0;
  for (const m of matchAllGated(s, TURNING)) {
    const n = numberValue(m[1]!);
    if (n !== undefined && n >= 10 && n <= 19) found.push({ min: n - 1, max: n - 1, offset: m.index ?? 0 });
  }
  return found;
}

/** A graduation year still to come: 18 at graduation, one year younger for every year before it. */
export function gradYearAges(s: string, year: number): RelativeAge[] {
  const found: RelativeAge[] = [];
  if (!GRAD_GATE.some((w) => s.includes(w)) || testGated(s, HIGHER_ED_NEAR)) return found;
  GRAD_YEAR.lastIndex = 0;
  for (const m of matchAllGated(s, GRAD_YEAR)) {
    const y = m[1]!.length === 2 ? 2000 + Number(m[1]) : Number(m[1]);
    const d = y - year;
    if (d >= 1 && d <= 8) found.push({ min: 18 - d, max: 19 - d, offset: m.index ?? 0 });
  }
  return found;
}

const TITLE_AFTER = /^(?:\S+\s){1,4}?(?:is|est|c'est|es|e|ist|was|fue|era|war)\s(?:(?:my|mon|ma|mi|il mio|mein|meu|a|an|un|une|una|ein|um|uma|the|le|la|el|o|un vrai|a real)\s)?(?:\S+\s){0,2}?(?:movie|film|filme|pelicula|peli|song|chanson|cancion|canzone|lied|musica|show|serie|series|book|livre|libro|buch|livro|album|classic|classique|clasico|classico|klassiker|on tv|a la tele|sur netflix|on netflix|en la tele|in tv|im fernsehen|na tv|na netflix)\b/;

const WORK_NOUN = /movie|film|pelicula|peli|song|chanson|cancion|canzone|lied|musica|show|serie|book|livre|libro|buch|livro|album|classi|klassiker|titled|called|intitul|novela|tv|tele|netflix|fernsehen/;
// One text is asked about at several offsets in a row: whether it names a work at all is remembered for it.
let lastText = "";
let lastNamesWork = false;
const namesWork = (s: string): boolean => {
  if (s !== lastText) [lastText, lastNamesWork] = [s, testGated(s, WORK_NOUN)];
  return lastNamesWork;
};

/** True when the text around `offset` names a work ("the movie Sixteen Candles", "la chanson…", "… is my fav movie"). */
export const isTitleAt = (s: string, offset: number): boolean =>
  namesWork(s) && (TITLE_BEFORE.test(s.slice(Math.max(0, offset - 30), offset)) || TITLE_AFTER.test(s.slice(offset, offset + 60)));

// "Minor chords", "los menores precios", "blessures mineures": a status word that qualifies a thing is no person's.
const MINOR_ADJECTIVE_RE = new RegExp(MINOR_ADJECTIVE);
const MINOR_THING_BEFORE_RE = new RegExp(MINOR_THING_BEFORE);
/** True when the status word at `offset` ("minor", "mineure", "menores", "minore") is an adjective of a thing. */
export const isThingAdjectiveAt = (s: string, offset: number, length: number): boolean =>
  MINOR_ADJECTIVE_RE.test(s.slice(offset + length, offset + length + 40)) || MINOR_THING_BEFORE_RE.test(s.slice(Math.max(0, offset - 40), offset));

const BIRTH_SLANG = new RegExp(src`\bteam\s((?:19|20)\d\d)\b(?!\s(?:de|du|des|of|del|di|do|da|vs)\b)|\b(?:gang|squad|crew|les|los|la|die)\s((?:19|20)\d\d)\s?(?:gang|squad|crew|kids?|babies|enjoyers)?(?=\s?(?:$|[,.!?]|ici|here|aqui|qui|hier|represent|let's go|lol|mdr|haha|jaja))|\b((?:19|20)\d\d)\s(?:gang|squad|crew|kids?|babies)\b`, "g");
const BIRTH_YY = new RegExp(src`\b(?:born(?: in)?|naci en(?: el)?|soy del|sono del|sou de|jahrgang)\s'?(\d\d)\b(?!\s?(?:ans|anos|anni|years?|km|h\b|min|:|\/|\.\d|\d))`, "g");
const HANDLE_YEAR = /\(handle year ((?:19|20)\d\d)\)/g;
const YY_GATE = ["born", "naci", " del ", "sou de", "jahrgang"];

/** Ages from a cohort year ("2010 gang", "team 2011") and from a two-digit year of birth ("born in 09", "soy del 99"). */
export function cohortBirthAges(s: string, year: number): RelativeAge[] {
  const found: RelativeAge[] = [];
  const push = (born: number, offset: number) => {
    const age = year - born;
    // "team 2024" is a season, not a cohort of two-year-olds: cohorts are of school age and up.
    if (age >= 8 && age < 120) found.push({ min: age, max: age, offset });
  };
  if (/(?:19|20)\d\d/.test(s)) {
    for (const m of matchAllGated(s, BIRTH_SLANG)) push(Number(m[1] ?? m[2] ?? m[3]), m.index ?? 0);
    if (s.includes("handle year")) for (const m of matchAllGated(s, HANDLE_YEAR)) push(Number(m[1]), m.index ?? 0);
  }
  if (YY_GATE.some((w) => s.includes(w))) for (const m of matchAllGated(s, BIRTH_YY)) {
    const yy = Number(m[1]);
    push(yy <= year % 100 ? 2000 + yy : 1900 + yy, m.index ?? 0);
  }
  return found;
}

const ELAPSED = /\b(?:ca fait|cela fait|ca va faire|il y a|y a|hace|fa|sono|vor|faz|ha|already|deja|since)\s(\d{1,2}) (?:ans|anos|anni|jahren?|years?)\b|\b(\d{1,2}) (?:ans|anos|anni|jahre|years?) (?:ago|fa|atras|deja|already|plus tard|later|despues|dopo|spater|depois)\b/;
const isSchool = (f: AgeFact) => f.who === "speaker" && (f.form === "school_year" || f.form === "exam");

/**
 * A school year told with the time since ("on s'est connus en seconde, ça fait 20 ans", "met in 10th grade 15 years
 * ago"): when the years since carry it past 18, it is an adult's memory (the speaker's past). Changes `facts` in place.
 */
export function schoolYearsAsMemory(s: string, facts: AgeFact[]): void {
  const since = facts.some(isSchool) ? execGated(s, ELAPSED) : null;
  if (!since) return;
  const elapsed = Number(since[1] ?? since[2]);
  for (const f of facts) if (isSchool(f) && f.max + elapsed >= 18) f.who = "speaker_past";
}

/**
 * A generic "when one is N" in the six languages ("quand on a 15 ans", "when you're 15", "cuando uno tiene 15",
 * "quando si hanno 15 anni", "wenn man 15 ist", "quando a gente tem 15"): a stage of life, no one's age.
 */
export const GENERIC_WHEN = src`\b(?:quand|lorsqu'|lorsque|when|once|cuando|quando|wenn)\s?(?:on a|t'as|tu as|you're|you are|your|ur|u r|one is|you turn|tienes|tenes|uno tiene|se tienen?|hai|si hanno|si ha|uno ha|man|du|voce tem|vc tem|a gente tem|se tem|tens)\s(?:(?:que|only|just|solo|erst|nur|so)\s)?(?=\d|[a-z]+\s(?:ans|anos|anni|jahre|years))`;
const GENERIC_WHEN_RE = gated(new RegExp(GENERIC_WHEN, "g"));
/** The spans [start, end] of a generic "when one is" (its number starts at `end`). */
export function genericAgeSpans(s: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const m of matchAllGated(s, GENERIC_WHEN_RE)) spans.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
  return spans;
}
/** True when the age or phrase at `offset` belongs to a generic "when one is N" (up to its number and unit). */
export const inGenericAge = (spans: ReadonlyArray<[number, number]>, offset: number): boolean => spans.some(([start, end]) => offset >= start && offset <= end + 2);
// "till i'm 18", "bis ich 18 bin", "hasta que tenga 18", "até eu fazer 18": the age waited for, not the age now.
const UNTIL_BEFORE = new RegExp(src`\b(?:till|til|until|untill|before|jusqu'a ce que|jusqu'a|avant que|hasta que|antes de que|finche(?: non)?|fino a quando|bis|ate|antes de)\s(?:\S+\s){0,2}$`);

/**
 * Ages that are no one's now: after a generic "when one is" (a mention), or waited for ("till i'm 18": the speaker
 * is under it, so an 18 waited for is an age of 15–17).
 */
export function stagesAndWaits(s: string, facts: AgeFact[]): void {
  const generic = facts.length > 0 ? genericAgeSpans(s) : [];
  for (const f of facts) {
    if (generic.some(([start, end]) => f.offset <= end && f.offset >= start)) f.who = "mention";
    else if (f.who === "speaker" && f.min === f.max && f.min <= 18 && (f.form === "digits" || f.form === "number_word") && UNTIL_BEFORE.test(s.slice(Math.max(0, f.offset - 30), f.offset))) {
      f.min = Math.max(0, f.min - 3);
      f.max -= 1;
      f.form = "relative";
    }
  }
}

// Gated (gate.ts): skipped on a message that lacks their literals.
for (const pattern of [BIRTH_SLANG, BIRTH_YY, ELAPSED, GRAD_YEAR, HANDLE_YEAR, HIGHER_ED_NEAR, TURNING, WORK_NOUN]) gated(pattern);
