/**
 * Ages implied by a rite, a pupil's things or a legal status (issue #14, part 7; life-events.ts, from the same round, reads other life events), over normalised text:
 * - events held at a known age: Jugendweihe (14), profession de foi, bar/bat mitzvah, Konfirmation/Firmung/
 *   cresima/confirmación, a learner's permit or accompanied driving, the end-of-lower-secondary exams
 *   (mittlerer Schulabschluss, BEPC, licenza media) — the speaker's when he owns it ("meine Jugendweihe", "my
 *   learner's permit") or tells it as recent or coming ("just got", "hab grad", "nächste Woche"), never when
 *   told as history (vocabulary-i18n.ts ADULT_PAST) or as a child's ("la profession de foi de ma fille");
 * - a pupil's things: carnet de correspondance, homeroom, hall pass, libretto scolastico, Hausaufgabenheft…
 *   owned by the speaker ("mon carnet de correspondance", "my homeroom teacher") — not by a teacher;
 * - a status: under one's parents' authority ("sous l'autorité de mes parents", "bajo la patria potestad de mis
 *   padres"), and majority's privileges out of reach ("not old enough to drive", "todavía no puedo votar", "non
 *   ho ancora l'età per il patentino", "j'ai même pas l'âge de m'inscrire au code").
 */
import type { AgeFact, AgeForm } from "./age-facts.ts";
import { ADULT_PAST, STAFF_SELF } from "./vocabulary-i18n.ts";
import { ROLE_NOUN, subjectAt } from "./subject.ts";
import { PERSON_NOUN } from "./vocabulary-i18n.ts";
import { gated, testGated } from "./gate.ts";

/** A phrase and the ages it implies; `needs`: what the sentence must also hold ("yet" for a modal "can't drive"). */
type Row = { pattern: RegExp; min: number; max: number; form: AgeForm; needs?: RegExp };
// Rites are told as parties (the form of "sweet sixteen"): an adult who gives his age tells them as history.
const row = (source: string, min: number, max: number, form: AgeForm = "sweet16", needs?: RegExp): Row => ({ pattern: new RegExp(String.raw`\b(?:${source})\b`, "g"), min, max, form, needs });
const YET = /\b(?:yet|encore|todavia|aun|ancora|noch|ainda|still)\b/;

const TO_PRIVILEGE = String.raw`(?:\s(?:encore|yet|todavia|aun|ancora|noch|ainda|even|to|de|d'|pour|para|per|um|zu|pra|me|m'|ni|legally))*\s(?:\S+\s){0,2}?(?:vot\w*|conduire|drive|driving|permis|code|licen[cs]e|carnet|votar|conducir|manejar|patente|patentino|votare|guidare|fuhrerschein|wahlen|(?:auto ?)?fahren|carteira|habilitacao|dirigir|cnh|tinder|onlyfans|bumble|casino|betting|gambling|apuestas|scommesse|sportwetten|apostas)`;
// An age rating in either order: "films interdits aux moins de 16", "filme ab 16", "16+ films", "pelis para mayores de 16".
const RATED_NOUN = String.raw`(?:films?|filmes?|movies?|peliculas?|pelis|jeux|games?|spiele)`;
const RATED = String.raw`${RATED_NOUN}\s(?:ab|de|rated|interdits? aux moins de|para mayores de|vietati ai minori di|per maggiori di|para maiores de|pour les plus de|for over)\s?1[2-8]\b|1[2-8]\s?\+?\s${RATED_NOUN}`;
/** "Not yet" in the six languages, also around its verb (part 11: "non ho ancora 18 anni"); and majority's words. */
export const NOT_YET_VOCABULARY = {
  notYet: String.raw`pas encore|toujours pas|not yet|still not|noch nicht|noch keine|immer noch nicht|todavia no|aun no|non ancora|ancora non|ainda nao|non (?:ho|sono|compio|faccio) ancora|no (?:tengo|cumplo|soy) (?:todavia|aun)|nao (?:tenho|fiz|sou|completei) ainda`,
  majority: String.raw`majeure?|volljahrig|maggiorenne|mayor de edad|maior de idade|of age|legal`,
} as const;
const NOT_YET = NOT_YET_VOCABULARY.notYet;
const MAJORITY_WORD = NOT_YET_VOCABULARY.majority;
/** Events and the ages they are held at. */
const EVENTS: readonly Row[] = [
  row("jugendweihe", 14, 14),
  row("profession de foi|communion solennelle", 11, 13),
  row("bar[- ]?mitzvah?|bat[- ]?mitzvah?", 12, 13),
  row("konfirmation|firmung|cresima|confirmacion|crisma|confirmation(?! (?:email|e-mail|mail|code|number|link|page|de (?:commande|reservation|paiement|lecture)|of|du|de la|d'))", 13, 15),
  row("bsr|brevet de securite routiere|permis am", 14, 15, "legal_status"),
  row("(?:my|mon|mi|il mio|mein|meu) (?:prom|homecoming)|(?:prom|homecoming) (?:dance|date|night|is|next|this)", 14, 17),
  row("learner'?s? permit|learners? license|conduite accompagnee|permis accompagne|begleitet\\w* fahren|permiso de aprendiz\\w*", 15, 17, "legal_status"),
  row("mittlere\\w* (?:reife|schulabschluss\\w*)|realschulabschluss|bepc|licenza media|esame di terza media|esami di terza media", 14, 16, "exam"),
];
/** School staff who act on pupils: a fact only when they act on the speaker ("la cpe m'a collé"); "ma femme est CPE" is none. */
const DISCIPLINE: readonly Row[] = [row("cpe|vie scolaire|jefe de estudios|jefa de estudios|preside|vicepreside|schulleiter\\w*|hall monitor|prof principale?|professeur principal|klassenlehrer\\w*|homeroom teacher|form tutor|tutor de (?:clase|curso)|diretor de turma", 10, 17, "school_year")];
/** Things only a pupil has. */
const PUPIL_THINGS: readonly Row[] = [
  row("heure de colle|detention|study hall|nachsitzen|pausenhof|carnet de (?:correspondance|liaison)|homeroom|hall pass|report card|recess|recreo|ricreazione|schulhof|recreio|libretto (?:scolastico|delle giustificazioni)|diario scolastico|registro elettronico|agenda escolar|hausaufgabenheft|klassenbuch|caderneta escolar|boletim escolar", 10, 17, "school_year"),
];
const STATUS: readonly Row[] = [
  row("sous l'autorite (?:parentale|de mes parents)|under (?:my parents'?|the) (?:custody|authority|guardianship)|bajo la (?:patria potestad|tutela|custodia) de mis padres|sotto la (?:potesta|tutela|responsabilita) dei miei|unter der (?:obhut|aufsicht|vormundschaft|sorge) meiner eltern|sob a (?:guarda|tutela|responsabilidade) dos meus pais", 0, 17, "legal_status"),
  row("(?:legally|legalement|legalmente|rechtlich|juridiquement) (?:still |encore |ancora |noch |ainda )?(?:a |an |un |une |una |uma |ein )?(?:child|kid|minor|enfant|mineure?|nino|nina|menor|bambin[oa]|minorenne|kind|crianca)", 0, 17, "legal_status"),
  // Not 18 yet: "t'as pas encore eu tes 18", "noch keine 18", "todavía no tengo 18", "ainda não fiz 18" — told
  // against majority like a wait (form "relative"), so the 18 it names is not read as an adult's age.
  // The "not yet" may wrap its verb ("non ho ancora 18 anni", "no tengo todavía 18", "não fiz ainda 18") and name
  // majority by its word ("noch nicht volljährig", "non ancora maggiorenne", "todavía no soy mayor de edad").
  row(`(?:${NOT_YET})\\s(?:\\S+\\s){0,3}?(?<!\\b(?:le|la|las|les|the|um|alle|as|sono)\\s)(?:18(?=\\s?(?:$|[,.!?;]|(?:ans|anos|anni|jahre|years|yet|encore|ancora|noch|ainda|todavia|aun|aber|mais|but|pero|ma|mas|lol|haha|mdr)\\b))|(?:${MAJORITY_WORD})(?=\\s?(?:$|[,.!?;]|(?:aber|mais|but|pero|ma|mas|lol|haha|mdr|yet|encore|ancora|noch|ainda|todavia|aun|oder|ou|or|o)\\b)))`, 0, 17, "relative"),
  // Majority waited for by the speaker: "till i'm 18", "vivement que j'aie 18 ans", "j'attends d'avoir 18 ans", "hasta
  // que tenga 18", "finché non avrò 18 anni", "bis ich 18 bin", "até eu fazer 18", "can't wait to be 18".
  row("(?:till|til|until|untill|can't wait|cant wait|vivement que|jusqu'a ce que|j'attends|hasta que|finche(?: non)?|bis|ate)\\s(?:i'm|i am|i turn|i'm turning|to be|to turn|j'aie|j'ai|d'avoir|mes|je sois|tenga|cumpla|avro|compiro|ich|eu (?:fazer|ter|completar)|fazer|ter)\\s(?:mes\\s)?18(?=\\s?(?:$|[,.!?;]|(?:ans|anos|anni|jahre|years|bin|werde|lol|mdr|jaja|haha|no|non|nao|pero|mais|but|ma|aber|mas)\\b))", 0, 17, "relative"),
  // A privilege of majority out of reach: the negation, then the privilege, a few words apart.
  // ("assez vieux pour le scooter, pas assez pour voter": "not enough" right before the privilege is "not old enough".)
  row(`(?:pas (?:encore )?l'age|meme pas l'age|pas assez(?: vieux| vieille| age)?(?= pour)|not (?:old )?enough(?= to)|no (?:soy )?(?:lo )?(?:bastante|suficientemente)(?: mayor)?(?= para)|non (?:sono )?abbastanza(?: grande)?(?= per)|nicht alt genug|nao (?:sou )?(?:(?:velho|velha) )?o suficiente|trop jeune|not old enough|too young|no tengo (?:la )?edad|(?:muy|demasiado) joven|non ho (?:ancora )?l'eta|troppo giovane|darf noch nicht|nicht alt genug|zu jung|nao tenho (?:a )?idade|nov[oa] demais|muito nov[oa])${TO_PRIVILEGE}`, 0, 17, "legal_status"),
  // "Can't drive" is an age only with "yet": "todavía no puedo votar", not "i can't drive tonight, i'm drunk".
  row(`(?:can't|cannot|no puedo|non posso|nao posso|peux pas|kann nicht|kann noch nicht)${TO_PRIVILEGE}`, 0, 17, "legal_status", YET),
];
const TO_ME = /^\s(?:\S+\s)?(?:m'a|m'ont|me|mi|mich|mir)\b/;
const ME_BEFORE = /(?:^|\s)(?:m'a|m'ont|me|mi|mich|mir)\s(?:\S+\s){0,2}$/;
const HERE_NOW = /(?:^|\s)(?:to|tou|estou|estoy|sto|je suis|i'm|im|ich bin|bin) (?:na|no|en el|en la|al|nel|nella|in der|im|dans la|a la|au|in|at)\s(?:\S+\s){0,2}$/;
/**
 * Films and games kept from the speaker by an age rating: "darf nicht in Filme ab 16", "not allowed in 16+ films".
 * Someone else's ("mein Sohn darf nicht in Filme ab 16") is a parent speaking: a mention, never a block.
 */
/** An age told as a stage of adolescence: "mid teens", "early teens", "en pleine adolescence", "mitten in der Pubertät". */
const STAGES: readonly Row[] = [
  row("(?:mid|early)[- ]?teens|(?:en pleine|en plena|in piena|em plena) (?:adolescence|adolescencia|adolescenza|puberte|pubertad|puberta|puberdade)|mitten in der pubertat", 13, 16, "bare"),
];
// The rated films and the stages gate apart from the rest: their words ("film", "games", "teens") are common.
const RATED_GATE = /\b1[2-8]\b/;
const RATED_NOUN_GATE = /film|movie|pelic|pelis|jeux|game|spiele/;
const STAGE_GATE = /teens|adolescen|pubertat/;
const RATED_ROWS: readonly Row[] = [
  row(`(?:pas le droit|peux pas|not allowed|can'?t|cannot|no me dejan|no puedo|non posso|non mi fanno|darf|nao posso|nao me deixam)\\s(?:\\S+\\s){0,6}?(?:${RATED})`, 0, 17, "legal_status"),
];
const OTHERS = /\b(?:her|his|their|sa|son|ses|su|sus|sua|suo|sein\w*|ihr\w*|seu|dela|dele)\s(?:\S+\s)?$/;
const OWNED = /\b(?:mon|ma|mes|my|mi|mis|mein\w*|minha|meu|il mio|la mia|i miei)\s(?:\S+\s)?$/;
const RECENT = /\b(?:gerade|grad|just|today|aujourd'hui|hier|yesterday|ce (?:weekend|week-end|matin|soir)|this (?:weekend|morning)|last (?:week|weekend)|la semaine (?:derniere|prochaine)|next (?:week|month)|nachste\w* woche|heute|gestern|morgen|demain|tomorrow|manana|domani|amanha|hoy|oggi|hoje|ayer|ieri|ontem|bientot|soon|pronto|presto|bald|acabo|appena|acabei|je viens|i just)\b/;
const OF_SOMEONE = new RegExp(String.raw`^\s(?:de|d'|of|di|del|della|von|da|do|des|meiner|meines|seiner|ihrer|unserer)\s(?:\S+\s)?(?:${PERSON_NOUN}|${ROLE_NOUN})\b`);
const PAST_RE = new RegExp(ADULT_PAST);
// An age given for the event ("à 16 ans j'ai passé mon BSR") tells it as history, whoever owns it.
const LONG_AGO = /\b(?:(?:19|20)\d\d|il y a|ago|hace|fa|vor \d+|faz|back in|back then|a l'epoque|des annees|years|anos|anni|jahren)\b/;
const AT_AGE = /\b(?:a|at|aos|a los|alle|mit|con|avec|at age)\s\d{1,2}(?:\s(?:ans|anos|anni|jahren?|years?))?\b/;
const STAFF_RE = new RegExp(STAFF_SELF);
const GATE = /\b(?:assez|enough|bastante|suficientemente|abbastanza|suficiente|cpe|vie scolaire|de colle|detention|study hall|jef[ea] de estudios|preside|schulleiter|hall monitor|principal|klassenlehrer|form tutor|tutor de|diretor de turma|nachsitzen|pausenhof|mitzv|jugendweihe|profession de foi|communion|konfirmation|firmung|cresima|confirmacion|confirmation|crisma|permi|conduite|begleitet|mittlere|realschulab|bepc|licenza|terza media|carnet|homeroom|hall pass|libretto|diario|registro|agenda|hausaufgaben|klassenbuch|caderneta|boletim|report card|recess|recreo|ricreazione|schulhof|recreio|bsr|securite routiere|permis am|prom|homecoming|legal|volljahrig|majeur|maggiorenn|mayor de edad|maior de idade|of age|juridiq|rechtlich|fahren|autorit|custody|guardian|potest|tutela|obhut|aufsicht|vormund|guarda|old enough|too young|can't|cannot|puedo|edad|l'eta|giovane|posso|darf|alt genug|jung|jeune|joven|nov[oa]|idade|l'age|18)/;

/** Ages from events, pupils' things and statuses. */
export function riteAndStatusAges(s: string, framed: boolean): AgeFact[] {
  const facts: AgeFact[] = [];
  const rated = testGated(s, RATED_GATE) && testGated(s, RATED_NOUN_GATE);
  const stage = testGated(s, STAGE_GATE);
  const gate = testGated(s, GATE);
  if (!rated && !stage && !gate) return facts;
  const each = (rows: readonly Row[], who: (at: number, end: number) => AgeFact["who"] | undefined) => {
    for (const r of rows) for (const m of s.matchAll(r.pattern)) {
      const at = m.index ?? 0;
      if (r.needs !== undefined && !r.needs.test(s)) continue;
      const w = who(at, at + m[0].length);
      if (w !== undefined) facts.push({ who: w, min: r.min, max: r.max, form: r.form, offset: at });
    }
  };
  // Done to the speaker ("la cpe m'a collé") or where he stands now ("tô na fila do recreio"): his school life.
  const doneToSpeaker = (at: number, end: number): boolean => {
    const before = s.slice(Math.max(0, at - 24), at);
    return !testGated(s, PAST_RE) && (TO_ME.test(s.slice(end, end + 16)) || ME_BEFORE.test(before) || HERE_NOW.test(before));
  };
  const owner = (at: number, end: number, needsRecent: boolean): AgeFact["who"] | undefined => {
    if (OF_SOMEONE.test(s.slice(end, end + 40)) || OTHERS.test(s.slice(Math.max(0, at - 24), at))) return framed ? "role" : "third_person";
    const who = subjectAt(s, at, framed);
    if (who !== "speaker" && who !== "mention") return who;
    if (doneToSpeaker(at, end)) return "speaker";
    const owned = OWNED.test(s.slice(Math.max(0, at - 24), at));
    // Told as history: an age given for it, a time long ago, or the adult past without a word of "just now".
    if (testGated(s, AT_AGE) || testGated(s, LONG_AGO) || (testGated(s, PAST_RE) && !testGated(s, RECENT))) return "speaker_past";
    if (owned || (who === "speaker" && (!needsRecent || testGated(s, RECENT))) || testGated(s, RECENT)) return "speaker";
    return "mention";
  };
  const ownStatus = (at: number) => {
    const who = subjectAt(s, at, framed);
    return who === "mention" ? "speaker" : who;
  };
  if (rated) each(RATED_ROWS, (at) => { const who = ownStatus(at); return who === "third_person" ? "mention" : who; });
  if (stage) each(STAGES, ownStatus);
  if (!gate) return facts;
  each(EVENTS, (at, end) => owner(at, end, true));
  if (!testGated(s, STAFF_RE)) each(PUPIL_THINGS, (at, end) => owner(at, end, false));
  each(DISCIPLINE, (at, end) => (subjectAt(s, at, framed) === "role" ? "role" : doneToSpeaker(at, end) ? "speaker" : undefined));
  each(STATUS, ownStatus);
  return facts;
}

// Gated (gate.ts): skipped on a message that lacks their literals.
for (const pattern of [AT_AGE, GATE, LONG_AGO, PAST_RE, RATED_GATE, RATED_NOUN_GATE, RECENT, STAFF_RE, STAGE_GATE]) gated(pattern);
