/**
 * Ages of other persons and of the people a fan asks about (issue #14, eighth round, part 9), over normalised text:
 * - a person of an age: a person noun (people, slang, relatives, pupils, "uno"/"one") then "de/of/von/aus/mit…" and
 *   an age — a number word or digits ("las chavitas de quince", "uno di quindici", "mädels mit 15"), or a year of
 *   birth ("les gars de 2010", "una nata nel 2011"). Whose age: a role inside a fiction, the persona when she is
 *   cast as that person, the fan's taste when the message asks for one (a dating, bed or liking verb anywhere),
 *   else a third person (who then needs a sexual, commerce or contact context to block, age-rules.ts). The age may
 *   also follow the person bare ("mi prima 15 años quiere…", "my sis - 15 - wants…"), and any noun counts after
 *   "a/una/eine" when the persona or a role is cast as it ("tú eres una porrista de quince");
 * - the speaker signing with his name and a bracketed age at the opening ("Théo (16) ici", "Noah (14), how much",
 *   "16 lucas here");
 * - after a verb of taste, dating, attraction or past experience, the minor status or a teen noun ("saldrías con un
 *   menor", "would you date a minor", "you ever been with a high schooler?");
 * - a school year or other fact written right after such a person ("jungs aus der neunten", "a girl in 10th grade")
 *   is moved to the fan's taste, and a school year after or before a teacher ("prof de 4e") to the staff
 *   (`assignTasteAndStaff`).
 * The words are in OTHER_PERSONS (one table, so a pre-check can be built from it).
 */
import type { AgeFact, AgeWho } from "./age-facts.ts";
import { ANSWER_COUNTED } from "./appositions.ts";
import { unitGuard } from "./markers.ts";
import { boundedMemo } from "./memo.ts";
import { NUMBER_TOKEN, numberValue } from "./numbers.ts";
import { isThingAdjectiveAt } from "./relative-ages.ts";
import { isOrdinalWord } from "./school-years.ts";
import { ROLE_NOUN } from "./subject.ts";
import { INTEREST, PERSON_NOUN } from "./vocabulary-i18n.ts";

const src = String.raw;

/** The vocabulary of this module, as regular-expression sources over normalised text. */
export const OTHER_PERSONS = {
  /** Step- and half-relatives, in-laws, godchildren and grandchildren, which the relatives' list lacks ("stepsis", "hermanastra", "afilhada"). */
  kin: src`(?:step-?\s?(?:sis|sister|bro|brother|daughter|son|kid|cousin)|half-?\s?(?:sis|sister|bro|brother)|demi-(?:soeur|frere)|hermanastr[oa]s?|medi[oa] herman[oa]|sorellastr[ae]|fratellastr[oi]|stief(?:schwester|bruder|tochter|sohn)|halb(?:schwester|bruder)|meia-irma|meio-irmao|entead[oa]|cunhad[oa]|cunad[oa]|cognat[oa]|schwagerin|kumpel|kumpeline|filleule?|godson|goddaughter|godchild|ahijad[oa]|figliocci[oa]|patenkind|patentochter|patensohn|afilhad[oa]|petite?-(?:fille|fils)|granddaughter|grandson|grandkid|niet[oa]|nipotin[oa]|enkelin|enkel|net[oa])`,
  /** People in general: nouns, slang and diminutives of the six languages. */
  people: src`(?:mecs?|gars|garcons?|filles?|meufs?|nanas?|gamine?s?|minettes?|keums?|boys?|girls?|guys?|dudes?|chicks?|lads?|chic[oa]s?|chiquit[oa]s?|chav[oa]s?|chavit[oa]s?|morr[oa]s?|morrit[oa]s?|pib[ae]s?|nen[ae]s?|nenit[ae]s?|muchach[oa]s?|muchachit[oa]s?|chaval(?:a|es|as)?|tias?|tios?|ragazz[iaeo]|ragazzin[iaeo]|tip[ie]|tipo|tipa|bambin[ie]|jungs|jungen?|madchen|madels?|typen?|frauen|girls|menin[oa]s?|menininh[oa]s?|garot[oa]s?|garotinh[oa]s?|novinh[oa]s?|minas?|moleque?s?|molecas?|gatinhas?|mocas?|rapazes|rapaz)`,
  /** "One", "someone", and articles standing for a person ("las de 15", "quelle del 2010"): only with a verb of taste. */
  someone: src`(?:uno|una|one|someone|somebody|quelqu'un|une|un|einen?|einer|einem|jemand\w*|alguien|qualcuno|alguem|um|uma|las|los|quelle|quelli|as|os|les|die|the)`,
  /** Verbs of taste, dating or bed the interest list lacks ("te van", "andresti a letto con", "tu te ferais"). */
  interest: src`\b(?:te van?|te ponen?|te molaria|te liarias con|te enrollarias con|irias a la cama con|te (?:comerias|tirarias|cogerias|darias)|andresti a letto con|andresti con|ci staresti con|ti faresti|ti fanno impazzire|ti vanno|te la faresti con|tu te ferais|tu te taperais|tu te tapes|tu sortirais avec|tu coucherais avec|tu pourrais sortir avec|would (?:you|u) (?:date|hook up with|go out with|sleep with|do|bang|smash|get with|fancy)|hattest du bock auf|bock auf|wurdest du (?:mit|es mit)|stehst du auf|dormiria com|dormirias com|ficaria com|ficarias com|namoraria|pegaria|pegarias|transaria com|sairia com|curtiria|(?:ca|cela) te (?:derange|gene)(?: pas)?|does it bother (?:you|u)|te molesta|ti da fastidio|stort (?:es )?dich|te incomoda|t'attir\w*|t'excit\w*|te plaisent|(?:attracts?|turns?) (?:you|u)(?: on)?|te atraen?|te excitan?|ti attira\w*|ti eccita\w*|(?:ziehen|zieht|machen|macht) dich\b[^.!?]{0,40}?\bans?|te atra(?:i|em)|te excita\w*|(?:you|u) (?:ever )?(?:been|slept|hooked up) with|(?:have|did) (?:you|u) (?:ever )?(?:been|slept|hooked up|dated) with|(?:t'as|tu as) deja (?:couche|ete|fait \S+) avec|(?:has|habias) estado con|te has acostado con|sei (?:mai )?(?:stata|stato) con|(?:bist|warst) du (?:schon )?(?:mal )?mit|(?:ja )?ficou com|ja transou com)\b`,
  /** The minor status as a person ("un menor", "a minor", "una minorenne", "einer minderjährigen"). */
  status: src`\b(?:(?:mineures|minors|menores|minorenni|minderjahrige|high ?schoolers|middle ?schoolers)|(?:(?:un|une|des|les|de|a|an|some|un|una|unos|unas|uno|le|delle|dei|einen?|einer|einem|um|uma|uns|umas|as|os)\s)(?:mineure?s?|minors?|underage (?:girls?|boys?|guys?|kids?)|menor(?:es)?(?: de edad| de idade)?|de menor|minorenn[ei]|minderjahrig\w*|(?:high|middle) ?schoolers?|teen(?:ager)?s?|ados?|adolescentes?|collegien\w*|lyceen\w*|schoolgirls?|colegialas?|liceal[ei]|ragazzin[ei]|schulmadchen|novinhas?|jovencitas?))\b(?!\s(?:que|qu'|di|than|als|a|do que|league|key|issue|detail|problem)\b)`,
  /** Joining or opening an OnlyFans (the persona's or one's own): a commerce context for a third person. */
  platform: src`\b(?:(?:ton|ta|your|ur|tu|tuo|nel tuo|dein\w*|teu|seu|no teu|no seu)\s(?:of|onlyfans|fansly|mym|patreon)|(?:entrer|rejoindre|ouvrir|creer|faire|lancer|join|open|start|make|create|get|entrar|abrir|crear|hacer|entrare|aprire|creare|fare|beitreten|aufmachen|starten|eroffnen|erstellen|machen|criar|fazer)\s(?:\S+\s){0,3}?(?:of|onlyfans|fansly|mym)|(?:of|onlyfans|fansly|mym)\s(?:aufmachen|starten|eroffnen|erstellen|machen|beitreten))\b`,
  /** A gap between two ages, not an age: "15 ans de plus", "15 years older", "15 anni più grande", "15 jahre älter". */
  gap: src`(?:de plus|de moins|plus (?:vieux|vieille|jeune|agee?)|older|younger|mayor(?:es)?|menor(?:es)?|mas|menos|piu|in piu|di piu|piu grande|piu piccol[oa]|alter|junger|mais|a mais|mais velh[oa]s?|mais nov[oa]s?|a menos|more|less|d'ecart|de diferencia|di differenza|unterschied|de diferenca)`,
  /** Schools of minors as the place a person is "from" ("una del liceo", "a girl from middle school", "eine aus der realschule"). */
  school: src`(?:liceo|medie|superiori|secundaria|prepa(?:ratoria)?|insti(?:tuto)?|la eso|high ?school|middle ?school|junior high|ensino (?:medio|fundamental)|colegial|lycee|(?<=(?:du|au|de) )college|realschule|hauptschule|gesamtschule|mittelschule|gymi)`,
  /** School staff nouns: the class after them is the one they teach ("prof de 4e", "9th grade teacher"). */
  staff: src`(?:prof|profe|professeure?|enseignante?|instit\w*|teacher|tutor|profesora?|maestr[oa]|insegnante|professoressa|professore|maestra|lehrer\w*|professora?)`,
  /** Words a fan signs in with after his name and age ("ici", "checking in", "am start", "na área"). */
  here: src`(?:here|ici|aqui|aca|qui|hier|presente|present|checking in|reporting|au rapport|en ligne|online|am start|por aqui|na area|c'est moi|it's me|soy yo|sono io|ich bins|sou eu)`,
} as const;

const HERE = OTHER_PERSONS.here;
const AGE_PREP = src`(?:de|del|d'|di|dei|delle|della|dal|of|from|von|aus|mit|com|do|da|with|aged|age|en|em|in|nel|nell'|nee?s? en|born in|born|nacid[oa]s? en|nat[oaie] nel|nascid[oa]s? em|geboren|jahrgang)`;
// The anchor: a preposition of age, then an age — a year of birth, digits, or one or two words read as a number.
const PERSON_AGE = new RegExp(src`\b${AGE_PREP}\s(?:(?:la|der|dem|the|el)\s)?((?:19|20)\d\d\b|${NUMBER_TOKEN})`, "g");
const PERSON = src`(?:${OTHER_PERSONS.people}|${OTHER_PERSONS.kin}|${PERSON_NOUN}|${ROLE_NOUN})`;
// Whole-word tests on the word(s) just before an age: anchored, so a hundred nouns are not tried at every position.
const PERSON_WORD = new RegExp(src`^${PERSON}s?$`);
const SOMEONE_WORD = new RegExp(src`^${OTHER_PERSONS.someone}$`);
const TWO_WORD_HEAD = /^(?:step|half|medi[oa]|petite?|mei[oa]|best|boy|girl)$/;
const BORN_WORD = /^(?:born|nee?s?|nacid[oa]s?|nat[oaie]|nascid[oa]s?)$/;
// What may follow the age of a person: the end, a clause mark, a unit, a conjunction or the next clause — never a
// unit of something else ("de 15 euros") or a gap ("de 15 ans de plus", "15 anni più grande").
const GAP = OTHER_PERSONS.gap;
// German puts the verb last: "würdest du mit einer von 15 schlafen?".
const VERB_LAST = src`schlafen|daten|treffen|ausgehen|haben|ficken|vogeln|knutschen|sexten|sein|gehen|machen|an|ans|im bett|i'm bett|ins bett`;
const AFTER_AGE = new RegExp(src`(?:\s?(?:ans|anos|anni|jahre?n?|years?(?: old)?|yo|yrs?|y\/o))?(?!\s(?:${GAP}|de (?:mariage|casad\w*|relation|carriere)|di (?:matrimonio|carriera)|of (?:marriage|experience))\b)(?=\s?(?:$|[,.!?;:)]|\s(?:et|and|y|e|und|o|ou|or|oder|si|se|if|wenn|qui|que|che|who|die|der|pour|para|per|for|fur|pra|a|o|como|come|comme|like|so|genre|tipo|lol|mdr|jaja|haha|kkk)\b|\s(?:${VERB_LAST})\s?(?:$|[?!.,])))`, "y");
// "the 2011 girls", "les 2010 ?", "las del 2010": a cohort named by its year, when the message asks for a taste.
const YEAR_PEOPLE = new RegExp(src`\b(?:the|les|las|los|as|os|quelle|quelli)\s(?:del\s|de\s)?((?:19|20)\d\d)(?=\s(?:${OTHER_PERSONS.people})\b|\s?(?:$|[?!.,]))`, "g");
const DIGIT = /\d/;
// "16 lucas here", "15 emma checking in !": the age before the name, then a "here" or a mark.
// (Never a count or a measure: "onze centimetres", "16 photos", "15 minutes".)
const SIGNED_AGE_FIRST = new RegExp(src`^(1\d)${unitGuard()}(?!\s${ANSWER_COUNTED}\b)\s([a-z]{3,15})(?=\s?(?:$|[,!?:]|\s${HERE}\b))`);
// Durations the shared unit guard leaves to English ("ma copine 15 jours sans toi", "mi novio 10 minutos tarde").
const TIME_UNIT = src`jours?|dias?|giorni|tage?n?|semaines?|semanas?|settimane|wochen|mois|meses|mesi|monate?n?|heures?|horas?|ore|stunden|minutos?|minuti|minuten|secondes?|segundos?|secondi|sekunden|(?:ans?|anos?|anni) (?:de|di|d') ?(?:mariage|casad\w*|novios|namoro|casamento|matrimonio|fidanzamento|relation|couple|vie commune|carriere|carrera|carriera|experience|experiencia|esperienza|service|servicio|servizio|boite|travail|trabajo|lavoro|trabalho)|jahre? (?:lang|verheiratet|zusammen|ehe)`;
// A bare age right after a person, without a preposition ("mi prima 15 años quiere…", "my sis - 15 - wants…"):
// the age then a unit, a dash, a clause mark or the next word — never a count or a measure (unitGuard).
const BARE_AFTER_PERSON = new RegExp(src`\s(?:-\s)?(1[0-7])\b${unitGuard()}(?!\s(?:${TIME_UNIT})\b)(?!(?:\s(?:ans|anos|anni|jahre|years?))?\s${OTHER_PERSONS.gap}\b)(?:\s(?:ans|anos|anni|jahre|yo|years old))?(?=(?:\s-)?(?:\s[a-z]|\s?[,.!?)]|$))`, "g");
const JOINER = /^(?:de|di|of|do|da|von)$/;
const INDEFINITE = /^(?:a|an|une?|una?|uno|ein|eine[mnr]?|uma?)$/;
// Gates at word starts: an unanchored alternation of words, tried at every position, showed in the profile.
const SCHOOL_GATE = /\b(?:liceo|medie|superiori|secundaria|prepa|insti|la eso|high ?school|middle ?school|junior high|ensino|colegial|lycee|college|realschule|hauptschule|gesamtschule|mittelschule|gymi)/;
const STATUS_GATE = /\b(?:menor|mineur|minor|underage|minorenn|minderjahrig|high ?schooler|middle ?schooler|teen|ados?\b|adolescente|collegien|lyceen|colegial|liceal|ragazzin|schulmadchen|novinh|jovencit)/;
const SCHOOL_PERSON = new RegExp(src`\b(?:${OTHER_PERSONS.people}|${OTHER_PERSONS.someone}|${ROLE_NOUN})\s(?:de|du|au|del|della|dal|dalle|delle|from|in|at|do|da|aus|von)\s(?:(?:la|le|the|der|dem|l')\s?)?${OTHER_PERSONS.school}\b`);
/** A verb of taste anywhere in the message: the existing list and this module's. */
const ASKS_TASTE = new RegExp(src`${INTEREST}|${OTHER_PERSONS.interest}`);
// (Before or after the verb: "saldrías con un menor?", "does a minor turn you on?", "macht dich eine minderjährige an?")
const STATUS = new RegExp(OTHER_PERSONS.status, "g");
/** A status word naming people, not a thing's ("los menores precios", "des blessures mineures"). */
function namesStatus(s: string): boolean {
  for (const m of s.matchAll(STATUS)) {
    const word = /\S+$/.exec(m[0])![0];
    if (!isThingAdjectiveAt(s, (m.index ?? 0) + m[0].length - word.length, word.length)) return true;
  }
  return false;
}
// A possessive before the person ("ma fille de 15 ans", "mi hermana de 14"): someone the speaker knows, not a taste.
const POSSESSIVE = /^(?:ma|mon|mes|ta|ton|tes|sa|son|ses|my|your|his|her|their|mi|mis|tus|su|sus|mia|mio|miei|mie|tua|tuo|sua|suo|mein\w*|dein\w*|sein\w*|ihr\w*|minha|meu|meus|minhas|teu|seu|notre|nos|our|nuestr\w*|nostr\w*|unser\w*|nossa|nosso)$/;
const PERSONA_AS = /(?:^|\s)(?:tu es|tu serais|t'es|you're|you are|you'd be|eres|serias|sei|saresti|du bist|warst du|tu e|voce e|vc e|(?:que|di) (?:eres|sei|es|e)|di essere|que (?:voce )?e)\s/;
const THIRD_VERB_NEXT = /^\s?(?:et|and|y|e|und|m'a|m'|me|mi|mir|told|said|says|dit|wants?|veut|quiere|vuole|will|quer|is|est|es|ist|ha|hat|tem|a|has|was|etait|era|war)\b/;
// The opening signature: a name (not a thing or a person noun), then the age in brackets or between commas.
const SIGNED = new RegExp(src`^(?:(?:hey|hi|hello|salut|coucou|slt|cc|hola|buenas|ciao|hallo|oi|ola|yo)\s)?([a-z]{3,15})\s?(?:\(\s?(1\d)(?:\s?(?:ans|anos|anni|jahre|yo|y\/o))?\s?\)|,\s(1\d)(?:\s(?:ans|anos|anni|jahre|yo))?,?\s(?=${HERE}\b))`);
const NOT_A_NAME = new RegExp(src`^(?:${PERSON}s?|photos?|fotos?|videos?|vids?|pics?|packs?|nudes?|bilder|messages?|pages?|chapitres?|chapters?|capitulos?|episodes?|episodios?|parts?|partes?|parties?|jours?|days?|dias?|tage?|giorni|semaines?|weeks?|semanas?|euros?|dollars?|reais|points?|items?|tome|level|niveau|nivel|livello|taille|size|talla|pointure|note|score|moi|toi|me|you|yo|io|ich|eu|ok|lol|mdr|age|ans|years|anos|anni|jahre|edad|eta|alter|idade|total|prix|price|precio|prezzo|preis|preco|minutes?|minutos?|minuti|minuten|heures?|hours?|horas?|ore|stunden|janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|january|february|march|april|may|june|july|august|september|october|november|december|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|januar|februar|marz|juni|juli|oktober|dezember|janeiro|fevereiro|marco|maio|junho|julho|setembro|outubro|novembro|dezembro)$`);

/** True when the text ends with a person noun (step-relatives, pupils and slang included), maybe followed by a name. */
export function kinOrPupilBefore(text: string): boolean {
  const end = text.trimEnd();
  const cut = end.lastIndexOf(" ");
  if (isPersonWord(end.slice(cut + 1))) return true;
  if (cut <= 0) return false;
  const rest = end.slice(0, cut).trimEnd();
  return isPersonWord(rest.slice(rest.lastIndexOf(" ") + 1));
}

/** The last words before `offset` (nearest last), a "born" between them and the age skipped. */
function wordsBefore(s: string, offset: number): string[] {
  const words = s.slice(Math.max(0, offset - 40), offset).trim().split(" ");
  if (words.length > 1 && BORN_WORD.test(words.at(-1)!)) words.pop();
  return words.slice(-4);
}
// Each word's verdict is kept: the big alternation runs once per word, not once per message.
const isPersonWord = boundedMemo((word) => PERSON_WORD.test(word), 4096);
/** Who the words before an age name: a person noun (one word or two), "someone", or neither; and whether owned. */
function personBefore(words: readonly string[]): { person: boolean; someone: boolean; owned: boolean } {
  const last = words.at(-1) ?? "";
  // Two-word nouns open on a few words ("step sister", "medio hermano", "petite amie"): only those are joined.
  const two = words.length > 1 && TWO_WORD_HEAD.test(words.at(-2)!) ? `${words.at(-2)} ${last}` : "";
  const person = isPersonWord(last) || (two !== "" && isPersonWord(two));
  // "ma fille", "ma petite sœur", "mi media hermana": a possessive up to two words before the noun.
  const owned = person && words.slice(-4, -1).some((w) => POSSESSIVE.test(w));
  return { person, someone: !person && SOMEONE_WORD.test(last), owned };
}

/** Every age fact this module reads in a normalised message; `year` turns years of birth into ages. */
export function otherPersonAges(s: string, year: number, framed: boolean): AgeFact[] {
  const facts: AgeFact[] = [];
  let taste: boolean | undefined;
  const asksTaste = () => (taste ??= ASKS_TASTE.test(s));
  const signed = SIGNED.exec(s);
  if (signed && !NOT_A_NAME.test(signed[1]!)) {
    // "Paul (17) m'a dit…", "Hugo (15) et moi…", "Lucas (16) a marqué…": a verb of his own, someone else's age.
    const someoneElse = THIRD_VERB_NEXT.test(s.slice(signed[0].length));
    facts.push({ who: framed ? "role" : someoneElse ? "third_person" : "speaker", min: Number(signed[2] ?? signed[3]), max: Number(signed[2] ?? signed[3]), form: "bracket", offset: 0 });
  }
  PERSON_AGE.lastIndex = 0;
  for (const m of s.matchAll(PERSON_AGE)) {
    const at = m.index ?? 0;
    const token = m[1]!;
    const born = /^(?:19|20)\d\d$/.test(token);
    const age = born ? year - Number(token) : numberValue(token);
    // Cohorts are of school age and up ("team 2024" is a season); an age past 100 is a count or a price; an ordinal
    // ("aus der neunten") is a class, not a misspelt number.
    if (age === undefined || age < 8 || age >= 100 || (!born && isOrdinalWord(token))) continue;
    AFTER_AGE.lastIndex = at + m[0].length;
    if (!born && !AFTER_AGE.test(s)) continue;
    const words = wordsBefore(s, at);
    const { person, someone, owned } = personBefore(words);
    // "uno di quindici", "las de 15": a pronoun stands for a person only when the message asks for a taste;
    // "tú eres una porrista de quince": any noun after "a/una/eine" when the persona is cast as it.
    if (!person && !(someone && asksTaste()) && !castAs(words, s, at, framed)) continue;
    facts.push({ who: whoseAge(s, at, framed, !owned && asksTaste()), min: age, max: age, form: born ? "birth_year" : "compound", offset: at });
  }
  if (DIGIT.test(s)) {
    const first = SIGNED_AGE_FIRST.exec(s);
    if (first && !NOT_A_NAME.test(first[2]!)) facts.push({ who: framed ? "role" : "speaker", min: Number(first[1]), max: Number(first[1]), form: "bracket", offset: 0 });
    BARE_AFTER_PERSON.lastIndex = 0;
    for (const m of s.matchAll(BARE_AFTER_PERSON)) {
      const at = m.index ?? 0;
      // A name may stand between the person and the age ("ma pote léa 15 ans").
      if (!kinOrPupilBefore(s.slice(Math.max(0, at - 30), at))) continue;
      const words = wordsBefore(s, at);
      const found = [words, words.slice(0, -1)].map(personBefore).find((w) => w.person);
      if (found) facts.push({ who: whoseAge(s, at, framed, !found.owned && asksTaste()), min: Number(m[1]), max: Number(m[1]), form: "bracket", offset: at });
    }
  }
  if (/(?:19|20)\d\d/.test(s) && asksTaste()) {
    YEAR_PEOPLE.lastIndex = 0;
    for (const m of s.matchAll(YEAR_PEOPLE)) {
      const age = year - Number(m[1]);
      if (age >= 8 && age < 100) facts.push({ who: framed ? "role" : "interest", min: age, max: age, form: "birth_year", offset: m.index ?? 0 });
    }
  }
  if (SCHOOL_GATE.test(s) && (framed || asksTaste())) {
    const pupil = SCHOOL_PERSON.exec(s);
    if (pupil) facts.push({ who: framed ? "role" : "interest", min: 12, max: 17, form: "school_year", offset: pupil.index });
  }
  if (STATUS_GATE.test(s) && namesStatus(s) && asksTaste()) facts.push({ who: framed ? "role" : "interest", min: 0, max: 17, form: "legal_status", offset: 0 });
  return facts;
}

/** True when the persona or a role is cast as "a <noun> of <age>" ("imagine you're a cheerleader of 16"). */
function castAs(words: readonly string[], s: string, at: number, framed: boolean): boolean {
  // The noun may be two joined by "de/di/of" ("una líder de torcida de 16").
  const article = JOINER.test(words.at(-2) ?? "") ? words.at(-4) : words.at(-2);
  if (article === undefined || !INDEFINITE.test(article)) return false;
  return framed || PERSONA_AS.test(s.slice(clauseStartAt(s, at), at));
}
function clauseStartAt(s: string, at: number): number {
  let start = at;
  while (start > 0 && !",;.!?:".includes(s[start - 1]!)) start--;
  return start;
}

/** Whose age a person of an age is: a role, the persona cast as that person, the fan's taste, or a third person. */
function whoseAge(s: string, at: number, framed: boolean, taste: boolean): AgeWho {
  if (framed) return "role";
  if (PERSONA_AS.test(s.slice(clauseStartAt(s, at), at))) return "persona";
  return taste ? "interest" : "third_person";
}

// The words between a person and the fact about him: "aus der", "in", "de la", "delle".
const FACT_LINK = /^(?:de|d'|from|in|at|aus|von|do|da|di|of|en|del|dal|della|delle|dalla|alle|nel|nella|der|dem|la|the|el|le|o|a)$/;
const STAFF_BEFORE = new RegExp(src`\b${OTHER_PERSONS.staff}s?\s(?:(?:de|d'|of|di|del|della|von|der|do|da|en|in)\s?(?:(?:la|the|der|el|o|a)\s)?)?$`);
const STAFF_AFTER = new RegExp(src`^\S*(?:\s(?:grade|klasse|ano|anno|media|eso|secundaria))?\s${OTHER_PERSONS.staff}s?\b`);
// The speaker's own teacher ("mi tutor del insti", "my homeroom teacher") makes him a pupil: that class stays his.
const MY = src`(?:^|\s)(?:my|mi|mon|ma|mes|mio|mia|miei|mein\w*|meu|minha|our|notre|nos|nuestr\w*|nostr\w*|unser\w*|nosso|nossa)\s`;
const MY_STAFF_BEFORE = new RegExp(src`${MY}(?:\S+\s)?${OTHER_PERSONS.staff}s?\s\S*\s?(?:\S+\s)?$`);
const MY_BEFORE = new RegExp(src`${MY}$`);
const MOVABLE: ReadonlySet<AgeWho> = new Set(["speaker", "persona", "third_person", "mention"]);

/**
 * Whose the other readers' facts are, corrected in place: a school year next to a teacher ("ma sœur (prof de 4e)",
 * "a 9th grade teacher") is the class he teaches (`staff`); a fact written right after a person noun in a message
 * that asks for a taste ("magst du jungs aus der neunten?", "would u date a girl in 10th grade", "te gustan los
 * chicos de tercero de la eso") is the fan's taste (`interest`). The speaker's own words ("j'ai 15 ans, t'aimes les
 * mecs ?") are not after a person noun.
 */
export function assignTasteAndStaff(s: string, facts: AgeFact[], framed: boolean): void {
  if (framed) return;
  let taste: boolean | undefined;
  for (const f of facts) {
    if (!MOVABLE.has(f.who)) continue;
    const before = s.slice(Math.max(0, f.offset - 30), f.offset);
    // The class a teacher teaches is no one's age: "ma sœur (prof de 4e)", "a 9th grade teacher".
    if (f.form === "school_year" || f.form === "exam") {
      const taught = (STAFF_BEFORE.test(before) && !MY_STAFF_BEFORE.test(before)) || (STAFF_AFTER.test(s.slice(f.offset)) && !MY_BEFORE.test(before));
      if (taught) {
        f.who = "staff";
        continue;
      }
    }
    const words = wordsBefore(s, f.offset);
    // "jungs aus der neunten": the person noun stands before the fact's own preposition and article.
    while (words.length > 1 && FACT_LINK.test(words.at(-1)!)) words.pop();
    const { person, someone, owned } = personBefore(words);
    if ((person || someone) && !owned && (taste ??= ASKS_TASTE.test(s))) f.who = "interest";
  }
}
