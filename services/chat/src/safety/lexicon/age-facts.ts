/**
 * Age facts: what a message says about someone's age, read as VALUES rather than phrasings (issue #14).
 * Input is the lexicon's normalised text (normalize.ts: lower case, no accents, digits out of their dress,
 * "15yo"/"15 piges" → "15 ans", French/English number words → digits). Each fact says:
 * - who: the speaker now or in his past, the persona now or in her past, a third person, a role in a
 *   fiction, the age the fan shows interest in ("tu aimes les mecs de 16 ans ?"), school staff's pupils, or
 *   nobody in particular (a "mention": a film called Sweet Sixteen; suspect, never a block by itself);
 * - the age or range [min, max] (a school year is a range; "underage" is [0, 17]);
 * - how it was said (digits, number word, year of birth, candles, sweet sixteen, legal status, school
 *   year, exam, a third person's age in brackets / apposition / compound).
 * The decisions (age-rules.ts) consume the facts; nothing here decides.
 */
import { bareAges, MONTH, SINCE_DATE } from "./bare-ages.ts";
import { execGated, gated, mayMatch, testGated } from "./gate.ts";
import { LIFE_EVENT_GATE, lifeEventAges } from "./life-events.ts";
import { NUMBER_TOKEN, numberValue } from "./numbers.ts";
import { cohortBirthAges, gradYearAges, isThingAdjectiveAt, isTitleAt, schoolYearsAsMemory, stagesAndWaits, turningAges } from "./relative-ages.ts";
import { readMoreAgeFacts } from "./age-readers.ts";
import { assignTasteAndStaff, kinOrPupilBefore, OTHER_PERSONS } from "./other-persons.ts";
import { isOrdinalWord, schoolRowsFor, yearNumber } from "./school-years.ts";
import { childSubject, kinOwned, possessedAt } from "./subject.ts";
import { ADULT_HISTORY, ADULT_PAST, FRAME_I18N, INTEREST, PERSON_NOUN, RECENT_TIME, STAFF_SELF } from "./vocabulary-i18n.ts";

export type AgeWho = "speaker" | "speaker_past" | "persona" | "persona_past" | "third_person" | "role" | "interest" | "staff" | "mention";
export type AgeForm =
  | "digits" | "number_word" | "birth_year" | "candles" | "sweet16" | "legal_status" | "school_year" | "exam" | "bracket" | "compound" | "relative" | "grad_year" | "life_event" | "bare";
export type AgeFact = { who: AgeWho; min: number; max: number; form: AgeForm; offset: number };

export type AgeFactOptions = {
  /** The current year (years of birth → ages); injectable so tests and corpora never rot. */
  year?: number;
};

// Gated (gate.ts): `each` skips a pattern whose literals are not in the message.
const g = (source: string) => gated(new RegExp(source, "g"));
const once = (source: string) => new RegExp(source);
const NUM = `(${NUMBER_TOKEN})`;
const UNIT = String.raw`(?:ans?|anos?|anitos|aninhos|ann?i|jahre?n?|years?|yo|piges?)`;
// A gap between two ages after the unit ("15 years older than me", "15 años mayor que yo"): no one's age.
const GAP_AFTER = String.raw`older|younger|apart|plus (?:vieux|vieille|jeune|agee?)s?|mayor(?:es)?|menor(?:es)?|(?:mas|menos) (?:grande|joven|viej[oa])s?|piu (?:grande|piccol[oa]|vecchi[oa]|giovane)|alter|junger|(?:mais|menos) (?:velh|nov)[oa]s?|d'ecart|(?:my |your |his |her )?(?:senior|junior)|(?:plus|moins|more|less|mas|menos|piu|meno|mehr|weniger|a mais|a menos) (?:que|qu'|than|di|als|do que)`;
// What may follow a bare age: the end, a clause mark, a conjunction, a texting tail, a unit; never a noun
// ("tengo 16 fotos", "j'ai 15 photos", "i'm 16 miles").
const END = String.raw`(?=\s?(?:$|[,.!?;:]|(?:et|and|n|y|e|und|o|ou|or|oder|mais|but|pero|ma|aber|mas|bientot|almost|casi|quasi|fast|quase|lol|mdr|ptdr|jaja|jeje|haha|kkk|rs|stp|pls|please|porfa|tu|toi|you|ok|vc|du|chut|dont|don't|hein|non|no|moi|me|je|i|i'm|ca|deja|already|ya|gia|schon|ja|soon|promis|promise|btw|ahah|xd|now|maintenant|ahora|adesso|agora|jetzt|heute|today|yesterday|hier|ayer|ieri|gestern|ontem|last|la semaine|la semana|el mes|le mois|il mese|letzten monat|mes passado|recien|recem|appena|la settimana|letzte\w*|semana|geworden|here|ici|aqui|qui|hier)\b|${UNIT}\b(?!\s(?:de|d'|di|da|del|do|que|qu'|fa|ago|(?:depuis|seit|desde|since)(?!\s${SINCE_DATE})|atras|verheiratet|zusammen|later|plus tard|together|married|casad\w*|sposat\w*|ensemble|of|${GAP_AFTER})\b)))`; // (a gap: "15 years older than me" is no one's age)
const QUAL = String.raw`(?:(?:que|qu'|seulement|juste|a peine|tout juste|meme pas|deja|bientot|presque|genre|only|just|barely|still|like|almost|nearly|a|solo|solamente|apenas|ya|casi|soltanto|appena|quasi|gia|erst|nur|gerade|fast|schon|noch|so|quase|ja|tipo|tous|toutes|les deux|both|all|da|damals|alors|then|entonces|allora|entao|uns|unos|unas|umas|circa|environ|about|around|etwa|ungefahr)\s)*`;

type Rule = { who: AgeWho; pattern: RegExp };
/** "I am N": the speaker's own age, in the six languages. */
const SPEAKER_AGE: readonly RegExp[] = [
  g(String.raw`\b(?:j'ai|j'en ai|on a(?<!\b(?:quand|lorsqu'|lorsque|si|qu')\s?on a)|nous avons|i'm|i am|we're|we are|tengo|tenemos|ho|abbiamo|ich bin|bin|wir sind|tenho|temos|eu tenho)\s${QUAL}${NUM}${END}`),
  // "je suis une gamine de 14 ans", "soy un chico de 15 años", "sono una ragazza di 16 anni": the speaker as a person of an age.
  g(String.raw`\b(?:je suis|i'm|i am|soy|sono|ich bin|bin|sou|eu sou)\s(?:une?|a|an|una?|ein\w*|uma?)\s(?:[a-z]+\s){1,2}?(?:de|of|di|von|com|mit|da)\s${NUM}\s${UNIT}\b`),
  // Turning an age: "just turned 15", "cumplí 15", "ho (appena) compiuto 15", "acabei de fazer 15", "bin gerade 16 geworden".
  g(String.raw`(?:^(?:just )?turned|\bi (?:just )?turned|\b(?:je viens d'avoir|je viens de feter mes|cumpli|acabo de cumplir|ya cumpli|ho compiuto|ho appena compiuto|ho appena fatto|acabei de fazer|acabei de completar|fiz|completei|bin gerade|bin grad|bin jetzt|bin letzte woche|werde|wurde gerade))\s${QUAL}${NUM}${END}`),
  // The speaker's years as a possession: "con mis 16 años", "avec mes 15 ans", "with my 16 years", "com os meus 15 anos".
  g(String.raw`\b(?:con mis|avec mes|du haut de mes|with my|con i miei|mit meinen|com (?:os )?meus)\s${NUM}\s${UNIT}\b(?!\s(?:de|d'|di|of|da|do|que|qu')\b)`),
  // A bare age opening the message, joined to how the speaker is ("sixteen and bored", "15 ans n horny").
  g(String.raw`^${NUM}(?:\s(?:ans|anos|anni|jahre|years? old|yrs? old|years?|yrs?|y\/o|yo))?\s(?:and|n|&|et|y|e|und|but|mais|pero|aber|mas|tho)\s(?!(?:a half|\d|${NUMBER_TOKEN}\s(?:ans|anos|anni|jahre|years?)\b))`),
  // Age labels: "age 15", "my age is 15", "mon âge : 15", "edad: 15", "Alter 16", "idade 14".
  g(String.raw`(?:^|\b(?:my|mon|mi|la mia|mein|minha)\s)(?:age|edad|eta|alter|idade)(?:\s(?:is|est|c'est|es|e|ist|:))?\s?:?\s${NUM}${END}`),
  // "moi c'est 15", "me, 16", "yo 15", "io 16", "ich 15", "eu 14": a pronoun standing for "I am".
  g(String.raw`(?:^|[,.!?]\s?)(?:moi|me|yo|io|ich|eu|perso|personnellement|myself)(?:\s?[,?:!]|\sc'est|\sc)?\s${QUAL}${NUM}${END}`),
  // A/S/L tags: "asl? 15 m uk", "16 m here", "f16", "16f": an age with a sex letter, at the start or after "asl".
  g(String.raw`(?:^|\b(?:asl|asv|a\/s\/l|a\/s\/v)\W{0,3}|\b(?:hey+|hi|hello|salut|coucou|hola|ciao|hallo|oi)\w*\s)(?:(1\d|[1-9])[\s/]?(?:m|f|h|male|female)|(?:m|f|h)[\s/]?(1\d))\b(?!\s?(?:de|of|from|a|du|km|\d))|\b(1\d)\s?(?:m|f|h)\s(?:here|ici|aqui|qui|hier)\b`),
];
/**
 * Ages told against the age of majority: "majeur dans 2 ans", "2 more years till i'm 18", "encore un an avant mes
 * 18 ans", "18 in 2 years". The speaker's age is 18 minus the wait.
 */
const MAJORITY = String.raw`(?:majorite|mayoria de edad|maggiore eta|volljahrigkeit|maioridade|majeure?|18(?: ans)?|legal|an adult|adulto?a?|mayor de edad|maggiorenne|volljahrig|maior de idade|de maior)`;
// The wait: a number, or "one"/"a" ("un an", "a year", "un año").
const WAIT = String.raw`(${NUMBER_TOKEN}|un|une|one|uno|una|um|uma|ein|eins|a|an)`;
const ONE = /^(?:un|une|one|uno|una|um|uma|ein|eins|a|an)$/;
const UNTIL_MAJORITY: readonly RegExp[] = [
  g(String.raw`\b(?:dans|in|en|tra|fra|em|daqui a)\s${WAIT}\s(?:ans?|years?|yrs?|anos?|anni|jahren?)\s(?:(?:et demie?|and a half|y medio|e mezzo|e meio|einhalb)\s)?(?:(?:je serai|je suis|je deviens|je serais|i'll be|i will be|i'm|i become|i'll become|sere|saro|serei|ich|bin|werde ich|werd ich|voy a ser|me hago|divento|diventero|vou ser|fico|vou ficar)\s)?${MAJORITY}`),
  g(String.raw`\b(?:je serai|je serais|i'll be|i will be|i'm|seras?|sere|saro|ich bin|werde ich|serei|vou ser)?\s?${MAJORITY}\s(?:dans|in|en|tra|fra|em|daqui a)\s(?:genre\s|like\s|about\s)?${NUM}\s(?:ans?|years?|yrs?|anos?|anni|jahren?)\b`),
  g(String.raw`\b${WAIT}\s(?:more\s|de plus\s|mas\s|ancora\s)?(?:ans?|years?|yrs?|anos?|anni|jahre?)\s(?:avant|before|till|until|to|untill|off|away from|short of|from|hasta|antes de|para la|prima di|prima dei|prima della|alla|bis|bis zur|ate|ate a|para|pra|pa|pour|per)\s(?:(?:d'etre|etre|avoir|mes|ma|my|i'm|im|i am|fazer|ter|cumplir|tener|fare|compiere|avere|werden|i turn|i'll be|being|be|los|la|mi|i|meinen|meiner|zur|ich|eu|os|a|minha|ser|essere|sein)\s){0,2}${MAJORITY}`),
];
/** "You are N": the persona (or a role, inside a frame). */
const PERSONA_AGE = g(String.raw`\b(?:tu as|tu aurais|you're|you are|your|you r|warst du|du warst|tienes|tendrias|hai|avresti|avere|du bist|bist du|(?:voce|vc) tem|(?:voce|vc) tivesse)\s${QUAL}${NUM}${END}`);
// A gap between two ages is no one's age: "que tiene 3 años menos que yo", "che ha 3 anni in meno di me".
const GAP_WORD = String.raw`menos|mas|in meno|di meno|in piu|di piu|a menos|a mais|de moins|de plus|less|more|younger|older|junger|alter|weniger|mehr`;
/** "She is N" in Spanish, Italian, German and Portuguese (French and English third persons are in detect.ts). */
const THIRD_AGE = g(String.raw`\b(?:tiene|ha|ist|tem|hat|sie ist|er ist|ela tem|ele tem|elle a|il a|she's|he's|she is|he is)\s${QUAL}${NUM}\s?(?:anos|anni|jahre|ans|years?)\b(?!\s(?:${GAP_WORD})\b)`);
/** A third person's age in brackets, apposition, "de N ans", or a compound ("15-year-old", "16-jährige"). */
// Brackets, apposition, "de N ans": the anchor is matched first and the person noun is checked just behind
// it (PERSON_BEFORE), so a hundred nouns are not tried at every position of every message.
const THIRD_ANCHORED: readonly RegExp[] = [
  g(String.raw`\s(?:ist|tiene|tem|ha|hat|is|est|a|e|de|di|von|whos|who's|who is|thats|that's|qui a|que tiene|che ha|der ist|die ist|que tem)\s${QUAL}${NUM}(?=\s(?:und|and|y|e|et|ed|pero|but|mais|ma|aber|mas|esta|es|ist|is|est|e|che|que|qui|who|die|der|quiere|vuole|will|veut|quer|wants|ya|already|deja|gia|schon|ja|echt|real|really|muy|tan|so|molto|troppo|super|trop|bem|ist|pour|pra|para|per|fur|for)\b|$|[,.!?])`),
  g(String.raw`\s?\(\s?(?:de\s|di\s)?${NUM}(?:\s?${UNIT})?\s?\)`),
  g(String.raw`,\s(?:de\s|di\s)?${NUM}(?:\s${UNIT})?\s?(?=,|$|\))`),
  g(String.raw`\s(?:de|di|mit|with|of|von)\s${NUM}\s${UNIT}\b(?!\s${OTHER_PERSONS.gap}\b)`),
];
const PERSON_BEFORE = once(String.raw`\b${PERSON_NOUN}(?:\s[a-z]{2,12})?$`);
// Patterns that open on a number token (any word) are tried only when their keyword is in the message.
const THIRD_FORMS: readonly { gate: RegExp; pattern: RegExp; generic?: boolean }[] = [
  { gate: / ans /, pattern: g(String.raw`\b${NUM} ans (?=${PERSON_NOUN}\b)`) },
  { gate: /jahrig|enn[ei]\b/, pattern: g(String.raw`\b${NUM}[- ]?(?:jahrig\w*|enni|enne)\b`), generic: true },
  { gate: / ans\b/, pattern: g(String.raw`(?<!\by )\b(?:an|une?|des|los|las|el|la|il|lo|der|die|das|den|um|uma|dating|with|avec|con|mit|com)\s${NUM} ans\b(?!\s(?:de|d'|que|qu'|plus|apres|ago|of|together|tu|t'|you))`) },
];
const VIEWED = /\b(?:seen|watched|watching|vu|revu|regarde|visto|vista|viste|guardato|gesehen|angeschaut|viu|assisti|assistiu)\s(?:(?:the|le|la|el|il|den|o|a)\s)?$/;
const CANDLES_GATE = /bougies|candles|velas|velitas|candeline|candele|kerzen|velinhas/;
/** Someone unnamed of an age ("un gars de 15 ans", "16 year old boys", "15-jährige", "sedicenni"). */
const GENERIC_PERSON = String.raw`(?:eleves?|etudiante?s?|students?|pupils?|alumn[oa]s?|estudiantes?|studentess[ae]|student[ie]|alunn[oa]|alun[oa]s?|estudantes?|schuler(?:in|innen)?|mecs?|gars|garcons?|filles?|meufs?|jeunes|ados?|boys?|girls?|guys?|kids?|chic[oa]s?|nin[oa]s?|ragazz[iaeo]|jungs|jungen?|madchen|jugendliche\w*|menin[oa]s?|garot[oa]s?|novinh[oa]s?)`;
const GENERIC_AGE: readonly RegExp[] = [
  g(String.raw`\b${GENERIC_PERSON}\s(?:de|di|von|mit|of|who are|who's|that are|aged?|com)\s${NUM}(?:\s${UNIT})?\b(?!(?:\s${UNIT})?\s${OTHER_PERSONS.gap}\b)`),
  g(String.raw`\b${NUM}\s(?:ans|anos|anni|years?|yrs?|y\/o)\s?(?:olds?\s)?${GENERIC_PERSON}\b`),
  g(String.raw`\b(?:are|r|sont|son|sono|sind|sao)\s${NUM}\s?(?:ans|anos|anni|years?)?\s?(?:olds?\s)?${GENERIC_PERSON}`),
];
const SECOND_PERSON_ADDRESS = once(String.raw`\b(?:tu|t'|te|toi|you|u|ur|your|tus|ti|du|dich|dir|voce|vc|te)\b|\?`);
const AGE_NOUN = g(String.raw`\b([a-z]{4,12})enn[ei]\b|\b(\d{1,2})enn[ei]\b`);
const BIRTH_YEAR = g(String.raw`\b(?:born|nacio|nasceu|nacque|naci|nacid[oa]|nato|nata|geboren|nasci|nascid[oa]|naissance|date of birth|birth ?date|dob|ddn|nacimiento|nascita|geburtsdatum|nascimento|birthday is|anniversaire (?:c'est|est)|cumpleanos es|compleanno e)\b[^.!?]{0,22}?\b((?:19|20)\d\d)\b|\b(?:jahrgang|generation|generacion|generazione|geracao|gen|je suis (?:une?|de|d')|moi c'est|on est (?:des|de)|i'm a|i am a|sono del|sono dell'|soy del|soy de|sou de|ich bin)\s?(?:${MONTH}\s(?:de\s|del\s)?)?((?:19|20)\d\d)\b|\b((?:19|20)\d\d) geboren\b|\b((?:19|20)\d\d) baby\b(?<!\b(?:class of|promo|promotion|abi|abitur|matura|maturita|promocion|turma de|clase de) \d{4} baby)`);
const YEAR_GATE = /(?:19|20)\d\d/;
const CANDLES = g(String.raw`\b${NUM}\s(?:bougies|candles|velas|velitas|candeline|candele|kerzen|velinhas)\b`);
const SWEET16 = g(String.raw`\b(sweet (?:16|sixteen)|quinceanera|quinceaneros|mis quince|mis 15|festa de 15 anos|debutante)\b`);
// Status words need a first-person subject to be the speaker's ("je suis mineur"; "a minor issue" is not);
// the phrases below are first-person by themselves ("pas l'âge légal", "not legal yet").
const LEGAL_WORD = g(String.raw`\b(?:mineure?s?|minors?|underage|menor(?:es)? de edad|menor(?:es)? de idade|menor(?! que\b)|(?<=\b(?:las|los|a|pra|para|com|con|os|as|unas|unos|umas|uns|de)\s)menores(?!\s(?:que|do que)\b)|minorenne|minorenni|minderjahrig\w*|nicht volljahrig|noch nicht 18)\b`);
const LEGAL_PHRASE = g(String.raw`\b(?:pas (?:encore )?le droit de (?:conduire|voter|boire)|not old enough to (?:drive|vote)|can'?t (?:even )?vote yet|(?:aun|todavia) no puedo (?:votar|conducir|manejar)|non posso ancora (?:votare|guidare)|darf noch nicht (?:wahlen|autofahren)|ainda nao posso (?:votar|dirigir)|(?:je suis|i'm|i am|soy|sono|ich bin|bin|sou|estou) (?:un peu |way |muy |troppo |zu |muito |a bit |bien )?(?:trop jeune|too young|demasiado joven|muy joven|troppo giovane|zu jung|novo demais|nova demais|muito nov[oa]) (?:pour|for|para|pra|per|fur) (?:ce site|ca|this|this site|this app|onlyfans|ton contenu|your content|esto|este sitio|esta app|questo|questa app|das hier|diese seite|isso|esse site|avoir un compte)|pas (?:encore )?(?:l'age legal|majeure?|en age|legal)|not (?:yet )?(?:legal|of legal age|an adult|18)|not legal yet|not 18 yet|no soy mayor de edad|non sono maggiorenne|nao sou maior|nao tenho 18|pas (?:encore )?(?:la |ma )?majorite|not (?:yet )?of age|(?:aun|todavia) no (?:soy )?mayor|non (?:sono )?ancora maggiorenne|ainda nao (?:sou )?(?:maior|de maior)|sou de menor|(?:j'ai|i'm|i am|tengo|ho|tenho|ich bin)\s(?:pile |juste |exactement |just |exactly |justo |giusto |apenas |genau )?(?:l'age de la majorite sexuelle|the age of consent|at the age of consent|la edad de consentimiento|l'eta del consenso|a idade de consentimento|im schutzalter))\b`);
/** The persona's past: "à 15 ans tu…", "of you at 16", "quando avevi 15 anni", "how old were you… 14?". */
const PERSONA_PAST: readonly RegExp[] = [
  g(String.raw`(?<!\by |\bil y |\bya |\bil )\b(?:a|at|aos|com|a los|a las|alle|mit|con|avec|aged|at age|quand (?:tu avais|tu etais)|when you were|cuando tenias|quando avevi|als du|quando (?:voce|vc) tinha|tu avais|tu etais|you were|tenias|avevi|warst du|tinha)\s${QUAL}${NUM}(?!:\d|\s?(?:h\b|km|€|euros?|eur|reais|dollars?|bucks|photos?|fotos?|pics?|videos?|minutes?|min\b|cm|kg|%|fois|times|veces|volte|mal\b))(?:${END}|(?=\s?(?:ou|or|oder|t'|your|te|eras|ta|manda|send|envoie|hattest|tinhas?|avevi|tenias|voce|vc|du|tu|you|con|with|avec|mit|com|en|in|sans|without|sin|senza|sem|ohne|nue?s?|naked|nude|desnud[oa]|nud[oa]|nua|nackt)\b))`),
  g(String.raw`\b(?:how old were you|tu avais quel age|quel age tu avais|quanti anni avevi|cuantos anos tenias|wie alt warst du|quantos anos (?:voce|vc) tinha)\b[^.!]{0,60}?\b(\d{1,2})\b`),
];
const SPEAKER_PAST_AGE = g(String.raw`\b(?:quand j'avais|quand j'etais|when i was|cuando tenia|quando avevo|als ich|quando eu tinha|a mes|mes)\s${NUM}\s?(?:ans)?\b`);
const INTEREST_AGE = g(String.raw`${INTEREST}([^.!?]{0,50}(?:\?\s?(?:like|genre|comme|tipo|como|come|so|wie|type|say|disons|digamos|diciamo|sagen wir)\s[^.!?]{0,14})?[.!?]?)`);
// In the window after an interest verb, the first token that reads as a number in an age position.
// (Not a gap between ages: "un chico 15 años mayor", "a guy 15 years older".)
const INTEREST_WINDOW_AGE = g(String.raw`\b(\d{1,2}|${NUMBER_TOKEN})(?!\s?(?:ans|anos|anni|jahre|years?)\s${OTHER_PERSONS.gap}\b)(?=\s?(?:$|[?!.,]|ans\b|anos\b|anni\b|jahre?\b|-?jahrig|years?\b|yo\b|ou\b|or\b|o\b|oder\b|y\b|e\b|et\b|and\b|\d))`);
const INTEREST_WORD = gated(once(String.raw`${INTEREST}[^.!?]{0,30}?\b(?:novinh[oa]s|jovencit[oa]s|ragazzin[ie]|teens?|ados?|minors?|mineure?s?|menores|minorenni|schulmadchen|lolis?|collegien\w*|lyceen\w*|ecolier\w*|schoolgirls?|schoolboys?|(?:high|middle) ?schoolers?|(?:high|middle) school (?:boys?|girls?|guys?|kids?)|colegial\w*|estudiantes de (?:secundaria|la eso)|liceal\w*|studentess\w* delle medie|schuler\w*|schulerin\w*|colegiais|estudantes do ensino medio)\b`));
const FRAME = gated(once(FRAME_I18N));
const STAFF = once(STAFF_SELF);
const PAST = once(ADULT_PAST);
const RECENT = once(RECENT_TIME);
// A life event is history only when dated long ago: "hice mi comunión el año pasado" is recent.
const HISTORY = once(ADULT_HISTORY);
const SECOND_PERSON = once(String.raw`\b(?:[a-z]+abas|[a-z]{2,}ias|tu|t'|toi|te|ton|ta|tes|you|your|u|tienes|eres|eras|estabas|tenias|tus|tu|hai|sei|eri|avevi|ti|tua|tuo|du|dich|dir|dein|deine|warst|voce|vc|tu|teu|tua|tinha|tuya|tuyo|tuyas|sua|seu|suas)\b`);
// Italian "il" right before the fact or an ordinal is an article ("faccio il primo anno di liceo"), not the French "he".
const THIRD_SUBJECT = once(String.raw`\b(?:il(?! (?:primo|secondo|terzo|quarto|quinto|\d)|\s\S?$)|elle|he|she|lui|lei|er|sie|ele|ela|(?:mon|ma|mes|ton|ta|tes|my|your|his|her|mi|mis|tu|tus|mia|mio|miei|mie|tuo|tua|meine?n?|mein|deine?n?|dein|minha|meu|teu|sa|son|ses|su|sua|suo|seine?|sein|ihre?|la|le|a|une?|the|des|les|los|las|gli|die|der|as|os)\s(?:\S+\s)?${PERSON_NOUN})\b`);
const FIRST_PERSON_SCHOOL = once(String.raw`\b(?:je|j'|moi|i|i'm|im|me|yo|estoy|voy|soy|io|sono|faccio|vado|ich|bin|eu|estou|to|sou|on est|we're|we)\b`);

// Gates as substrings: an unanchored alternation tried at every position showed in the profile.
const MAJORITY_WORDS = ["majeur", "majorit", "18", "legal", "adult", "mayor", "maggior", "volljahrig", "maior"] as const;
/** True when `s` holds one of `words` (a plain loop: no closure per call). */
function holds(s: string, words: readonly string[]): boolean {
  for (const w of words) if (s.includes(w)) return true;
  return false;
}
// A status word that ends its phrase ("a minor lol", "underage but"), not one before a noun ("a minor issue").
const STATUS_ALONE = once(String.raw`^\S+(?:\s(?:de edad|de idade))?(?=\s?(?:$|[,.!?;]|(?:lol|mdr|jaja|haha|kkk|but|mais|pero|ma|aber|mas|tho|though|btw|here|ici|aqui|yet|still|encore|todavia|ancora|noch|ainda|for|pour|por|per|fur|para|until|till)\b))`);
// A party is the speaker's when he owns it ("my sweet 16", "mi quinceañera", "mes 15 ans"); a film or a show is not.
// …or when it is coming: "sweet sixteen next month", "turning sweet 16 soon".
const PARTY_COMING = /^\s?(?:next|soon|this|tomorrow|coming|in \d|bientot|samedi|le mois|la semaine|pronto|el mes|presto|il mese|bald|nachste|logo|mes que vem)/;
// (A party that names someone else, "next month for my daughter", is that person's.)
const NAMES_PERSON = new RegExp(`\\b${PERSON_NOUN}\\b`);
const OWN_PARTY = once(String.raw`\b(?:my|mi|mis|ma|mon|mes|mia|mio|mein\w*|minha|meu|meus|for me|pour moi|c'est|it's|its|is|est|turning|turn)\s(?:\S+\s)?$`);
const HAS_UNIT = once(String.raw`\b${UNIT}\b`);
const NEGATED_BEFORE = /\b(?:nao|no|non|not|pas|nicht|keine?)\s(?:\S+\s)?$/;
const BOUND = 8; // facts per message: enough for any real message, bounded for a hostile one

// Words that can make a fact without any number: school and exam names, status words, parties, interest words.
const KEYWORD = once(String.raw`\b(?:brevet|bac|rheto\w*|harmos|cycle d'orientation|sixth|gcses?|igcses?|freshman|sophomore|junior|senior|(?:high|middle|elementary|primary|secondary)? ?school|highschool|medie|media|superiore|liceo|realschul\w*|hauptschul\w*|gesamtschule|mittelschule|grundschule|gymnasium|gymi|mittlere reife|quali|ensino medio|secundario|secundaria|secu|preparatoria|insti|instituto|eso|bach\w*|mineure?s?|minors?|underage|menor\w*|minorenn\w|minderjahrig\w*|volljahrig\w*|legal|majeure?|majorite|mayoria|maggiore eta|maioridade|of age|adult|maggiorenne|maior|mayor|en age|sweet|quinceaner\w*|debutante|collegien\w*|lyceen\w*|ecolier\w*|(?:high|middle) ?schoolers?|colegial\w*|liceal\w*|schuler\w*|colegiais|novinh\w*|jovencit\w*|ragazzin\w|teens?|ados?|schulmadchen|lolis?|[a-z]+enn[ei]|[a-z]*jahrig[a-z]*|trop jeune|too young|joven|giovane|zu jung|novo demais|nova demais|muito nov[oa]|le droit de|old enough|vote yet|puedo votar|posso ancora|darf noch nicht|posso votar|ceb|ceid|ce2d|dnb|cfg|eaf|anticipees?|msa|schulabschluss|e?bbr|berufsbildungsreife|eleven plus|junior cert\w*|junior cycle|national 5s?|psat\w*|ap exams?|comipems|prepa|vestibulinho|obmep|afericao|vergleichsarbeit\w*|stellwerk\w*|regents|staar|planea|saeb|prova brasil)\b`);

const WORD = /[a-z]{3,16}/g;

/** "Tu aimes les mineures ?" but not "do you like minor chords?": the status word found must name a person. */
function interestInMinors(s: string): boolean {
  for (let from = 0, m = execGated(s, INTEREST_WORD); m !== null; m = INTEREST_WORD.exec(s.slice(from))) {
    const end = from + m.index + m[0].length;
    const word = /\S+$/.exec(m[0])![0];
    if (!isThingAdjectiveAt(s, end - word.length, word.length)) return true;
    from = end;
  }
  return false;
}

/** True when the message holds something an age fact can be made of: a digit, a number or ordinal word, a keyword. */
function mayHoldAge(s: string): boolean {
  if (/\d/.test(s) || KEYWORD.test(s) || LIFE_EVENT_GATE.test(s)) return true;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(s); m !== null; m = WORD.exec(s)) {
    if (numberValue(m[0]) !== undefined || isOrdinalWord(m[0])) return true;
  }
  return false;
}

/** Every age fact of a normalised message. Cheap: a message without a digit, number word or keyword exits at once. */
export function extractAgeFacts(s: string, opts: AgeFactOptions = {}): AgeFact[] {
  const facts: AgeFact[] = [];
  if (!mayHoldAge(s)) return readMoreAgeFacts(s, opts.year ?? new Date().getFullYear());
  const framed = testGated(s, FRAME);
  const add = (fact: AgeFact) => {
    if (facts.length < BOUND) facts.push(fact);
  };
  const value = (token: string | undefined) => (token === undefined ? undefined : numberValue(token));
  const formOf = (token: string): AgeForm => (/^\d/.test(token) ? "digits" : "number_word");
  const each = (pattern: RegExp, fn: (m: RegExpMatchArray) => void) => {
    pattern.lastIndex = 0;
    if (!mayMatch(s, pattern)) return;
    for (const m of s.matchAll(pattern)) fn(m);
  };
  const ageFrom = (m: RegExpMatchArray, who: AgeWho) => {
    const token = m.slice(1).find((x) => x !== undefined);
    const n = value(token);
    // A one-digit "age" without a unit is a count ("j'ai 3, et toi ?" about kids), not a fan's age.
    if (n === undefined || n <= 0 || n >= 120 || (n < 10 && !HAS_UNIT.test(m[0]))) return;
    // "não tenho 18 anos", "no tengo 18": a negated adult age is no adult's (the "not yet" reader says what it is).
    if (n >= 18 && NEGATED_BEFORE.test(s.slice(Math.max(0, (m.index ?? 0) - 20), m.index ?? 0))) return;
    add({ who, min: n, max: n, form: formOf(token!), offset: m.index ?? 0 });
  };
  // An unnamed person of an age, in a message to the persona: the fan asks about her taste ("interest").
  const generic: AgeWho = framed ? "role" : SECOND_PERSON_ADDRESS.test(s) ? "interest" : "third_person";
  for (const p of SPEAKER_AGE) each(p, (m) => ageFrom(m, framed ? "role" : "speaker"));
  if (holds(s, MAJORITY_WORDS)) for (const p of UNTIL_MAJORITY) each(p, (m) => {
    // "encore un an": the number-token pattern took the word before along; the wait is the last word then.
    const token = m.slice(1).find((x) => x !== undefined) ?? "";
    const last = token.slice(token.lastIndexOf(" ") + 1);
    const wait = ONE.test(last) ? 1 : (value(token) ?? value(last));
    if (wait !== undefined && wait > 0 && wait <= 8) add({ who: framed ? "role" : THIRD_SUBJECT.test(clauseBefore(s, m.index ?? 0)) ? "third_person" : "speaker", min: 17 - wait, max: 18 - wait, form: "relative", offset: m.index ?? 0 });
  });
  each(PERSONA_AGE, (m) => ageFrom(m, framed ? "role" : "persona"));
  each(THIRD_AGE, (m) => ageFrom(m, framed ? "role" : "third_person"));
  for (const p of THIRD_ANCHORED) each(p, (m) => {
    const at = m.index ?? 0;
    const n = value(m[1]);
    if (n === undefined || n <= 0 || n >= 120) return;
    // (Step- and half-relatives, pupils and friend slang count too: "my stepsis (15)", "mein kumpel ben, 13".)
    const before = s.slice(Math.max(0, at - 24), at);
    if (PERSON_BEFORE.test(before) || kinOrPupilBefore(before)) add({ who: framed ? "role" : "third_person", min: n, max: n, form: "bracket", offset: at });
  });
  for (const { gate, pattern: p, generic: unnamed } of THIRD_FORMS) if (gate.test(s)) each(p, (m) => {
    const token = m.slice(1).find((x) => x !== undefined);
    const n = value(token);
    if (n !== undefined && n > 0 && n < 120) add({ who: unnamed && !(kinOwned(s, m.index ?? 0) && !framed) ? generic : framed ? "role" : "third_person", min: n, max: n, form: "compound", offset: m.index ?? 0 });
  });
  // ("dad of two teens aged 15 and 13 …, can i see your pics": an age owned by the speaker's kin is theirs, not the persona's past.)
  if (SECOND_PERSON.test(s)) for (const p of PERSONA_PAST) each(p, (m) => ageFrom(m, kinOwned(s, m.index ?? 0) ? "third_person" : "persona_past"));
  each(SPEAKER_PAST_AGE, (m) => ageFrom(m, "speaker_past"));
  for (const p of GENERIC_AGE) each(p, (m) => ageFrom(m, !framed && (possessedAt(s, m.index ?? 0) || kinOwned(s, m.index ?? 0)) ? "third_person" : generic));
  if (/enn[ei]\b/.test(s)) each(AGE_NOUN, (m) => {
    const n = m[2] !== undefined ? Number(m[2]) : (numberValue(`${m[1]}i`) ?? numberValue(`${m[1]}e`));
    if (n !== undefined && n >= 10 && n < 100) add({ who: generic, min: n, max: n, form: "compound", offset: m.index ?? 0 });
  });
  each(INTEREST_AGE, (m) => {
    const window = m[1] ?? "";
    INTEREST_WINDOW_AGE.lastIndex = 0;
    for (const w of window.matchAll(INTEREST_WINDOW_AGE)) {
      const n = value(w[1]);
      if (n !== undefined && n >= 10 && n < 100 && !isOrdinalWord(w[1]!)) {
        add({ who: "interest", min: n, max: n, form: formOf(w[1]!), offset: m.index ?? 0 });
        break;
      }
    }
  });
  if (interestInMinors(s)) add({ who: "interest", min: 0, max: 17, form: "legal_status", offset: 0 });

  // Ages said another way: whose they are follows from the clause (a third subject, the persona, the past).
  const whoOf = (offset: number, history: boolean, past = PAST): AgeWho => {
    const clause = clauseBefore(s, offset);
    if (isTitleAt(s, offset)) return "mention";
    if (STAFF.test(s) && !framed) return "staff";
    if (framed) return "role";
    if (THIRD_SUBJECT.test(clause) || childSubject(clause) || kinOwned(s, offset)) return "third_person";
    // A bare past tense with a recent time ("fiz a prova do 9º ano ontem") is this year's life, not history.
    if (history && past.test(s) && !(past === PAST && RECENT.test(s) && !HISTORY.test(s))) return "speaker_past";
    if (!FIRST_PERSON_SCHOOL.test(clause) && /\b(?:tu|t'|you|tienes|eres|hai|sei|du(?=\s\w+st\b)|du(?<=st du)|bist|voce|vc)\b/.test(clause)) return "persona"; // German "du" beside its verb ("hast du"): French "du" is an article
    return "speaker";
  };
  const year = opts.year ?? new Date().getFullYear();
  for (const a of turningAges(s)) add({ who: whoOf(a.offset, false), min: a.min, max: a.max, form: "relative", offset: a.offset });
  for (const a of bareAges(s)) add({ who: a.self ? (framed ? "role" : "speaker") : whoOf(a.offset, false), min: a.min, max: a.max, form: "bare", offset: a.offset });
  for (const a of lifeEventAges(s)) add({ who: a.mention ? "mention" : whoOf(a.offset, !a.since, HISTORY), min: a.min, max: a.max, form: "life_event", offset: a.offset });
  for (const a of gradYearAges(s, year)) add({ who: whoOf(a.offset, false), min: a.min, max: a.max, form: "grad_year", offset: a.offset });
  // Only a text holding a year can give one: the three-way pattern is skipped otherwise (profile).
  if (YEAR_GATE.test(s)) each(BIRTH_YEAR, (m) => {
    const born = Number(m[1] ?? m[2] ?? m[3] ?? m[4]);
    const age = year - born;
    if (age >= 0 && age < 120) add({ who: whoOf(m.index ?? 0, false), min: age, max: age, form: "birth_year", offset: m.index ?? 0 });
  });
  for (const a of cohortBirthAges(s, year)) add({ who: whoOf(a.offset, false), min: a.min, max: a.max, form: "birth_year", offset: a.offset });
  if (CANDLES_GATE.test(s)) each(CANDLES, (m) => {
    const n = value(m[1]);
    // "t'as vu Sixteen Candles ?", "have you seen sixteen candles": candles seen or watched are the film's.
    const seen = VIEWED.test(s.slice(Math.max(0, (m.index ?? 0) - 24), m.index));
    if (n !== undefined && n < 120) add({ who: seen ? "mention" : whoOf(m.index ?? 0, true), min: n, max: n, form: "candles", offset: m.index ?? 0 });
  });
  each(SWEET16, (m) => add({ who: OWN_PARTY.test(s.slice(Math.max(0, (m.index ?? 0) - 24), m.index ?? 0)) || (PARTY_COMING.test(s.slice((m.index ?? 0) + m[0].length)) && !NAMES_PERSON.test(s)) ? whoOf(m.index ?? 0, true) : THIRD_SUBJECT.test(clauseBefore(s, m.index ?? 0)) ? "third_person" : "mention", min: /16|sixteen/.test(m[1]!) ? 16 : 15, max: /16|sixteen/.test(m[1]!) ? 16 : 15, form: "sweet16", offset: m.index ?? 0 }));
  each(LEGAL_PHRASE, (m) => add({ who: whoOf(m.index ?? 0, false), min: 0, max: 17, form: "legal_status", offset: m.index ?? 0 }));
  each(LEGAL_WORD, (m) => {
    if (isThingAdjectiveAt(s, m.index ?? 0, m[0].length)) return;
    const who = whoOf(m.index ?? 0, false);
    const clause = clauseBefore(s, m.index ?? 0);
    // Fans drop the subject: "technically a minor lol", "underage but…" open the message and stand alone.
    const subjectless = clause.length === (m.index ?? 0) + 1 && STATUS_ALONE.test(s.slice(m.index ?? 0));
    const spoken = who !== "speaker" || FIRST_PERSON_SCHOOL.test(clause) || subjectless;
    add({ who: spoken ? who : "third_person", min: 0, max: 17, form: "legal_status", offset: m.index ?? 0 });
  });
  for (const row of schoolRowsFor(s)) {
    each(row.pattern, (m) => {
      const token = m.slice(1).find((x) => x !== undefined) ?? "";
      const n = yearNumber(token);
      const [min, max] = row.ages(n ?? Number.NaN);
      if (Number.isNaN(min) || min < 3 || min > 25) return;
      if (row.notAfter?.test(s.slice(Math.max(0, (m.index ?? 0) - 80), m.index))) return;
      add({ who: examAsNews(s, m.index ?? 0, row.form === "exam") ? "mention" : whoOf(m.index ?? 0, true), min, max, form: row.form, offset: m.index ?? 0 });
    });
  }
  for (const f of readMoreAgeFacts(s, year, framed)) if (!facts.some((e) => e.who === f.who && e.min === f.min && e.max === f.max)) add(f);
  // A speaker who gives an adult age now ("I'm 33 now") tells his school years and parties as history (not a wait
  // until majority: "2 more years till i'm 18" names the 18 he is not yet).
  if (facts.some((f) => f.who === "speaker" && f.min >= 18)) {
    for (const f of facts) if (f.who === "speaker" && f.form !== "digits" && f.form !== "number_word" && f.form !== "relative") f.who = "speaker_past";
  }
  schoolYearsAsMemory(s, facts);
  stagesAndWaits(s, facts);
  assignTasteAndStaff(s, facts, framed);
  return facts;
}

// An exam named as news ("les résultats du brevet sont sortis", "the GCSE results are out", "os resultados do ENEM")
// is everyone's: it is the speaker's only when he says so in the clause ("mes", "my", "j'ai", "I", "mis", "meine").
const EXAM_NEWS_BEFORE = /\b(?:resultats?|sujets?|dates?|epreuves?|corrige|correction|results?|papers?|questions|resultados?|temas?|fecha|notas|risultati|tracce|data|ergebnisse|aufgaben|termine?|gabarito|provas|questoes)\s(?:du|de la|des|de l'|of the|of|for the|de|del|de los|della|dei|delle|dell'|der|des|vom|do|da|dos)\s?$/;
const EXAM_NEWS_AFTER = /^\S*\s(?:results?|papers?|dates?)\b/;
// (Italian "i" before a plural noun, "i risultati", is the article, not "I".)
const OWN_IN_CLAUSE = /\b(?:je|j'|mes|mon|ma|i(?!\s\S+i\b)|i'm|my|me|yo|mis|mi|io|miei|mie|ich|mein\w*|mir|eu|meus|minhas?|meu|tengo|tenho|ho)\b/;
// A school year that names an exam: "l'esame di terza media", "the exam of year 9".
const EXAM_OF_GRADE = /\b(?:esame|exam|examen|prova|prufung)\s(?:di|de|of|da|der|do)\s$/;
function examAsNews(s: string, at: number, isExam: boolean): boolean {
  if (!isExam) {
    const named = EXAM_OF_GRADE.exec(s.slice(Math.max(0, at - 20), at));
    if (!named) return false;
    at -= s.slice(Math.max(0, at - 20), at).length - named.index;
  }
  const before = s.slice(Math.max(0, at - 30), at);
  if (!EXAM_NEWS_BEFORE.test(before) && !EXAM_NEWS_AFTER.test(s.slice(at, at + 30))) return false;
  let end = at;
  while (end < s.length && !",;.!?".includes(s[end]!)) end++;
  return !OWN_IN_CLAUSE.test(clauseBefore(s, at) + s.slice(at, end));
}

/** The text of the clause that holds `offset`, from its start to a little after (subjects come first). */
function clauseBefore(s: string, offset: number): string {
  let start = offset;
  while (start > 0 && !",;.!?:".includes(s[start - 1]!)) start--;
  return s.slice(start, offset + 1);
}

/** True when a fact puts someone under 18 (a range counts when its youngest is). */
export const isMinorFact = (f: AgeFact): boolean => f.min < 18;
