/**
 * School years and exams of the usual systems, as the ages they imply — one row per system and form, over
 * normalised text (lower case, no accents). `ages(n)` turns the captured year number into an age range
 * [youngest, oldest] of a pupil in that year; rows without a capture have a fixed range.
 */
import { gated } from "./gate.ts";
import { numberValue } from "./numbers.ts";

export type SchoolRow = {
  /** Which system and form (for figures and logs). */
  system: string;
  form: "school_year" | "exam";
  pattern: RegExp;
  /** Substrings one of which the text must hold before the row's pattern runs (most messages skip most rows). */
  needs: readonly string[];
  ages: (n: number) => readonly [number, number];
  /** What may not stand just before a match ("after high school" names no pupil's year). */
  notAfter?: RegExp;
};

const fixed = (min: number, max: number) => () => [min, max] as const;
const shift = (min: number) => (n: number) => [n + min, n + min + 1] as const;
const ORDINAL_WORD: Record<string, number> = {
  premier: 1, premiere: 1, primero: 1, primer: 1, prima: 1, primo: 1, primeiro: 1, first: 1, erste: 1,
  seconde: 2, deuxieme: 2, segundo: 2, seconda: 2, secondo: 2, second: 2, zweite: 2,
  troisieme: 3, terzo: 3, tercero: 3, tercer: 3, terza: 3, terceiro: 3, third: 3, dritte: 3,
  quatrieme: 4, cuarto: 4, quarta: 4, quarto: 4, fourth: 4, vierte: 4,
  cinquieme: 5, quinto: 5, quinta: 5, fifth: 5, funfte: 5,
  sixieme: 6, sexto: 6, sesta: 6, sixth: 6, sechste: 6, setimo: 7, septimo: 7, siebte: 7, seventh: 7,
  oitavo: 8, octavo: 8, achte: 8, eighth: 8, nono: 9, noveno: 9, neunte: 9, ninth: 9, zehnte: 10, tenth: 10, elfte: 11, zwolfte: 12, dreizehnte: 13,
};
/** True for an ordinal word of the six languages ("seconde", "terza", "achte", "primeiro"). */
export const isOrdinalWord = (word: string): boolean => ordinal(word) !== undefined;
// German ordinals decline ("in der neunten Klasse", "achten"): the bare form is the one known.
const ordinal = (word: string): number | undefined => ORDINAL_WORD[word] ?? ORDINAL_WORD[word.replace(/(?<=te)(?:n|r|s|m)$/, "")];

/** A year number: digits with an ordinal mark, or an ordinal word of the six languages. */
export function yearNumber(token: string): number | undefined {
  const digits = /^(\d{1,2})/.exec(token);
  if (digits) return Number(digits[1]);
  return ordinal(token) ?? numberValue(token);
}
const N = String.raw`(\d{1,2}(?:e|eme|er|ere|re|ro|do|to|vo|mo|no|o|º|a|ª|th|st|nd|rd|te|ten|ter|\.)?|[a-z]{4,10})`;

/** One pass that every row needs to match first: the rows run only when a school word or a grade is there. */
export const SCHOOL_GATE = /\b(?:\d{1,2}(?:e|eme|er|ere|re|ro|do|to|vo|mo|no|o|º|a|ª|th|st|nd|rd|te|ten|ter|h)?\b|\d{1,2}(?:e|eme)?[a-h]\b|sixieme|cinquieme|quatrieme|troisieme|seconde|2nde|2de|premiere|terminale|term|tle|cp|ce1|ce2|cm1|cm2|brevet|bac|secondaire|rheto\w*|sec ?[1-5]|harmos|cycle|year|sixth|gcses?|igcses?|grade(?:rs?)?|freshman|sophomore|junior|senior|(?:high|middle|elementary|primary|secondary)? ?school|highschool|eso|bach\w*|examen\w*|media|medie|superiore|liceo|itis|ragioneria|classico|scientifico|esam[ei]|klasse|gymnasium|fundamental|serie|in der \d|realschul\w*|hauptschul\w*|gesamtschule|mittelschule|grundschule|gymnasium|gymi|mittlere reife|quali|funfte\w*|sechste\w*|siebte\w*|achte\w*|neunte\w*|zehnte\w*|elfte\w*|ano|medio|secundario|secundaria|secu|preparatoria|insti|instituto|bachi|colegial|alumn[oa]s?|alun[oa]s?|ceb|ce1d|ceid|ce 1d|ce2d|ce 2d|dnb|cfg|eaf|anticipees?|msa|mittlere\w*|e?bbr|berufsbildungsreife|zp ?10|realschulprufung\w*|hauptschulprufung\w*|eleven plus|11 plus|junior cert\w*|junior cycle|national 5s?|nat5s?|psat\w*|ap|comipems|prepa|vestibulinho|obmep|afericao|vera ?[368]|vergleichsarbeit\w*|stellwerk\w*|regents|staar|planea|saeb|prova brasil)\b/;

// A school named as what came before ("after high school i joined the army", "después del instituto") is no pupil's year.
const AFTER_SCHOOL = /\b(?:after|apres|despues|dopo|nach|depois|since|depuis|desde)\s(?:(?:de|del|de la|do|da|dem|der|le|la|el|il|the|o|a|l')\s?)?$/;
// "Segundo año" after a university named in the sentence is a year of that university.
const AFTER_HIGHER_ED = /\b(?:faculdade|facul|facultad|universidad|universidade|uni|carrera|curso)\b[^.!?]{0,60}$/;
// Checked on the text before a match (age-facts.ts): a lookbehind opening the pattern would be tried at every position.
const after = (row: SchoolRow): SchoolRow => ({ ...row, notAfter: AFTER_SCHOOL });

export const SCHOOL_ROWS: readonly SchoolRow[] = [
  // France: 6e (11–12) … terminale (17–18), primary CP–CM2.
  // A class named with its letter glued ("en 4eB", "en 3eme c" is row 62's) is its year; German "in die 10b" too (part 11).
  { system: "fr", form: "school_year", pattern: /\b(?:en|de|d') ?(6e|6eme|sixieme|5e|5eme|cinquieme|4e|4eme|quatrieme|3e|3eme|troisieme)(?:[a-h])?\b(?! (?:secondaire|position|place|fois|etage|main|ligne|partie|rang|annee|an\b))/g, needs: ["6e", "5e", "4e", "3e", "eme"], ages: (n) => [17 - n, 18 - n] },
  { system: "fr", form: "school_year", pattern: /\b(?:en|de) (seconde|2nde|2de)\b(?! (?:main|position|place|fois|partie|chance|video|photo|annee|an\b))/g, needs: ["seconde", "2nde", "2de"], ages: fixed(15, 16) },
  { system: "fr", form: "school_year", pattern: /\b(?:en|de) (premiere|1ere|1re)\b(?! (?:classe|ligne|position|place|fois|partie|main|annee|an\b))/g, needs: ["premiere", "1ere", "1re"], ages: fixed(16, 17) },
  { system: "fr", form: "school_year", pattern: /\b(?:en|de) (terminale|tle|term)\b/g, needs: ["term", "tle"], ages: fixed(17, 18) },
  // A class named by its grade and section ("4e B", "quatrième B", "seconde 3", "1ère S", "term ES"): a pupil's class.
  { system: "fr", form: "school_year", pattern: /\b(6e|6eme|sixieme|5e|5eme|cinquieme|4e|4eme|quatrieme|3e|3eme|troisieme|seconde|2nde|premiere|1ere|terminale|term|tle) (?:[b-h]|[1-9]|s|es|l|stmg|sti2d|st2s)\b(?! ?(?:ans|€|euros?|h\b|km|min|x\b))/g, needs: ["6e", "5e", "4e", "3e", "eme", "seconde", "2nde", "premiere", "1ere", "term", "tle"], ages: (n) => (n === 2 ? [15, 16] : n === 1 ? [16, 17] : Number.isNaN(n) ? [17, 18] : [17 - n, 18 - n]) },
  { system: "fr", form: "school_year", pattern: /\b(?:en|au) (cp|ce1|ce2|cm1|cm2)\b/g, needs: ["cp", "ce1", "ce2", "cm1", "cm2"], ages: fixed(6, 11) },
  { system: "fr", form: "exam", pattern: /\b(brevet)(?: blanc| des colleges)?\b/g, needs: ["brevet"], ages: fixed(14, 15) },
  { system: "fr", form: "exam", pattern: /\b(bac (?:de francais|blanc|de fr))\b/g, needs: ["bac "], ages: fixed(16, 17) },
  // A grade repeated or skipped ("j'ai redoublé ma 4e", "je refais ma seconde"): a pupil's year.
  { system: "fr", form: "school_year", pattern: /\b(?:redouble\w*|refai\w*|saute)\s(?:ma|mon|la|sa)\s(6e|6eme|sixieme|5e|5eme|cinquieme|4e|4eme|quatrieme|3e|3eme|troisieme|seconde|2nde|premiere|1ere|terminale|term)\b/g, needs: ["6e", "5e", "4e", "3e", "eme", "seconde", "2nde", "premiere", "1ere", "term"], ages: (n) => (n === 2 ? [15, 16] : n === 1 ? [16, 17] : Number.isNaN(n) ? [17, 18] : [17 - n, 18 - n]) },
  // Belgium (1re–6e secondaire, rhéto) and Québec (secondaire 1–5, sec 3): 12–13 … 17–18.
  { system: "be", form: "school_year", pattern: new RegExp(String.raw`\b${N} secondaire\b`, "g"), needs: ["secondaire"], ages: shift(11) },
  { system: "be", form: "school_year", pattern: /\b(rheto|rhetorique)\b/g, needs: ["rheto"], ages: fixed(17, 18) },
  { system: "ca-qc", form: "school_year", pattern: /\bsec(?:ondaire)? ?([1-5])\b/g, needs: ["sec"], ages: shift(11) },
  // Switzerland: HarmoS 1H–11H (11H = 14–15), "11e harmos", cycle d'orientation.
  { system: "ch", form: "school_year", pattern: /\b(?:en (\d{1,2}) ?h\b(?! ?\d)|(\d{1,2})(?:e|eme)? (?:annee )?harmos\b)/g, needs: ["h"], ages: shift(3) },
  { system: "ch", form: "school_year", pattern: /\b(cycle d'orientation)\b/g, needs: ["cycle d"], ages: fixed(12, 15) },
  // United Kingdom: year 7 (11–12) … year 13, sixth form, GCSEs.
  { system: "uk", form: "school_year", pattern: /\byear ([7-9]|1[0-3])\b(?! (?:olds?|ans|anniversary|contract|warranty))/g, needs: ["year "], ages: shift(4) },
  { system: "uk", form: "school_year", pattern: /\b(lower sixth|upper sixth|sixth form|year twelve|year eleven|year ten|year nine)\b/g, needs: ["sixth", "year "], ages: (n) => (Number.isNaN(n) ? [16, 18] : [16, 18]) },
  { system: "uk", form: "exam", pattern: /\b(gcses?|gcse mocks?|igcses?)\b/g, needs: ["gcse"], ages: fixed(15, 16) },
  // United States: grades 1–12, freshman … senior in high school, middle school, junior high.
  { system: "us", form: "school_year", pattern: /\b(\d{1,2})(?:th|st|nd|rd)? grade(?:rs?)?\b|\bgrade (\d{1,2})\b|\b(sixth|seventh|eighth|ninth|tenth|eleventh|twelfth) grade(?:rs?)?\b/g, needs: ["grade"], ages: shift(5) },
  { system: "us", form: "school_year", pattern: /\b(freshman|sophomore|junior|senior) (?:year )?(?:in|at|of) (?:high school|hs|highschool)\b|\b(?:hs|high school|highschool) (freshman|sophomore|junior|senior)\b|(?<!\b(?:college|uni|university) )\b(freshman|sophomore)\b(?! (?:in|at) (?:college|uni\w*))(?: (?:year|in hs))?/g, needs: ["freshman", "sophomore", "junior", "senior"], ages: fixed(14, 18) },
  after({ system: "us", form: "school_year", pattern: /\b(junior high|middle school|high school|highschool|elementary school|primary school|secondary school)\b/g, needs: ["school", "junior high"], ages: fixed(11, 17) }),
  // Spain: 1º–4º ESO (12–16), 1º–2º bachillerato (16–18).
  { system: "es", form: "school_year", pattern: new RegExp(String.raw`\b${N} (?:de )?(?:la )?eso\b`, "g"), needs: ["eso"], ages: shift(11) },
  { system: "es", form: "school_year", pattern: new RegExp(String.raw`\b${N} (?:de )?(?:bachillerato|bachiller|bachi|bach)\b`, "g"), needs: ["bach"], ages: shift(15) },
  after({ system: "es", form: "school_year", pattern: /\b(?:en|a|la) (?:la )?(eso)\b|\b(?:estoy en|voy a|hago) (bachillerato|bachiller)\b/g, needs: ["eso", "bachiller"], ages: fixed(12, 17) }),
  // Latin America: 1ro–6to de secundaria (12–18, by country), preparatoria; Spain's "insti" (instituto, 12–18).
  { system: "latam", form: "school_year", pattern: new RegExp(String.raw`\b${N} (?:ano |grado )?(?:de |del )?(?:la )?(?:secundaria|secu|preparatoria)\b`, "g"), needs: ["secundaria", "secu", "preparatoria"], ages: shift(11) },
  after({ system: "latam", form: "school_year", pattern: /\b(?:en|a|la|mi) (?:la )?(secundaria|secu|preparatoria)\b/g, needs: ["secundaria", "secu", "preparatoria"], ages: fixed(12, 17) }),
  after({ system: "es", form: "school_year", pattern: /\b(?:del|al|en el|en mi|mi|el) (insti|instituto)\b(?! (?:de|del|nacional|cervantes|tecnologico|politecnico|superior|universitario))/g, needs: ["insti"], ages: fixed(12, 17) }),
  // A pupil of a school level: "alumna de secundaria", "studentessa delle medie", "aluna do ensino médio".
  { system: "es", form: "school_year", pattern: /\b(?:alumn[oa]s?|estudiantes?|chic[oa]s?|nin[oa]s?|chav[oa]s?|morr[oa]s?) de (?:la |el )?(secundaria|secu|preparatoria|eso|instituto|insti|bachillerato|bachi)\b/g, needs: ["secundaria", "secu", "preparatoria", "eso", "insti", "bach"], ages: fixed(12, 17) },
  { system: "it", form: "school_year", pattern: /\b(?:studentess[ae]|student[ie]|alunn[oaie]|ragazz[aoie]) (?:delle|della|del|di|al) (medie|liceo|superiori|scuola media)\b/g, needs: ["medie", "liceo", "superiori", "media"], ages: fixed(11, 17) },
  { system: "pt", form: "school_year", pattern: /\b(?:alun[oa]s?|estudantes?|menin[oa]s?|garot[oa]s?) do (ensino medio|ensino fundamental|fundamental|colegial)\b/g, needs: ["medio", "fundamental", "colegial"], ages: fixed(11, 17) },
  { system: "es", form: "exam", pattern: /\b(examen(?:es)? de (?:la )?eso)\b/g, needs: ["eso"], ages: fixed(12, 16) },
  // Italy: prima–terza media (11–14), prima–quinta superiore / liceo (14–19).
  { system: "it", form: "school_year", pattern: /\b(prima|seconda|terza) media\b|\b(?:alle|le) (medie)\b/g, needs: ["media", "medie"], ages: (n) => (Number.isNaN(n) || n > 3 ? [11, 14] : [n + 10, n + 11]) },
  { system: "it", form: "school_year", pattern: /\b(prima|seconda|terza|quarta|quinta) (?:superiore|liceo|itis|ragioneria)\b/g, needs: ["superiore", "liceo", "itis", "ragioneria"], ages: shift(13) },
  { system: "it", form: "school_year", pattern: /\b(primo|secondo|terzo|quarto|quinto) anno (?:di|del|dello|al) (?:liceo|superiori|classico|scientifico|itis)\b/g, needs: ["liceo", "superiori", "classico", "scientifico", "itis"], ages: shift(13) },
  after({ system: "it", form: "school_year", pattern: /\b(?:faccio|frequento|vado al|sono al) (?:il )?(liceo|classico|scientifico)\b/g, needs: ["liceo", "classico", "scientifico"], ages: fixed(14, 18) }),
  { system: "it", form: "exam", pattern: /\b(esame di terza media|esami di terza media|esame di licenza media)\b/g, needs: ["esam"], ages: fixed(13, 14) },
  // Germany: 5.–13. Klasse (10–19), Realschule & co, Realschulabschluss / mittlere Reife.
  { system: "de", form: "school_year", pattern: new RegExp(String.raw`\b${N} klasse\b|\b(?:in|aus) (?:der|die) (\d{1,2}(?:\.|te|ten|ter)|funfte\w*|sechste\w*|siebte\w*|achte\w*|neunte\w*|zehnte\w*|elfte\w*)(?=\s|$|[,.!?])(?!\s(?:etage|stock|stockwerk|reihe|woche|runde|minute|stunde|liga|platz|stelle|zeile|folge|staffel|strasse)\b)`, "g"), needs: ["klasse", "in der ", "in die ", "aus der "], ages: shift(5) }, // "aus der neunten": of the ninth
  // A class with its letter ("ich geh in die 10b") is a pupil's only after going or being there: "wir wohnen in der 12b" is a flat.
  { system: "de", form: "school_year", pattern: /\b(?:geh\w*|bin|sind|komm\w*|wechsle\w*|war|ist) (?:jetzt |schon |noch |bald )?(?:in|aus) (?:der|die) ((?:[5-9]|1[0-3])[a-e])(?=\s|$|[,.!?])/g, needs: ["in der ", "in die ", "aus der "], ages: shift(5) },
  after({ system: "de", form: "school_year", pattern: /\b(?:auf der|auf die|aufs|auf's|aufm|in die|in der|aus der|von der|an der|an einer|auf einer|auf eine|aufs) (realschule|hauptschule|gesamtschule|mittelschule|grundschule|gymnasium|gymi)\b/g, needs: ["schule", "gymnasium", "gymi"], ages: fixed(10, 16) }),
  { system: "de", form: "exam", pattern: /\b(realschulabschluss|mittlere reife|hauptschulabschluss|quali)\b/g, needs: ["abschluss", "reife", "quali"], ages: fixed(15, 16) },
  // Exams of the end of primary and lower secondary in each system (eighth round): Belgium's CEB (12), CE1D (14),
  // CE2D (16); France's DNB and CFG (15), the épreuve anticipée de français (16–17); Germany's MSA, BBR and ZP10 and
  // the Realschul-/Hauptschulprüfung (15–16); the 11-plus, Junior Cert, National 5s, PSAT and AP exams; Mexico's
  // admission to the prepa (COMIPEMS); Brazil's vestibulinho, OBMEP, Portugal's provas de aferição. (The exams
  // closing secondary school — bac, CESS, Abitur, EBAU, maturità, ENEM — are taken at 17–19 and by adults: not here.)
  { system: "be", form: "exam", pattern: /\b(ceb)\b/g, needs: ["ceb"], ages: fixed(11, 12) },
  { system: "be", form: "exam", pattern: /\b(ce1d|ceid|ce 1d)\b/g, needs: ["ce1d", "ceid", "ce 1d"], ages: fixed(13, 15) },
  { system: "be", form: "exam", pattern: /\b(ce2d|ce 2d)\b/g, needs: ["ce2d", "ce 2d"], ages: fixed(15, 16) },
  { system: "fr", form: "exam", pattern: /\b(dnb|cfg)\b/g, needs: ["dnb", "cfg"], ages: fixed(14, 16) },
  { system: "fr", form: "exam", pattern: /\b(eaf|epreuves? anticipees?(?: de francais)?)\b/g, needs: ["eaf", "anticipee"], ages: fixed(16, 17) },
  { system: "de", form: "exam", pattern: /\b(msa|mittlere\w* schulabschluss\w*|e?bbr|berufsbildungsreife|zp ?10|realschulprufung\w*|hauptschulprufung\w*)\b/g, needs: ["msa", "schulabschluss", "bbr", "berufsbildungsreife", "zp10", "zp 10", "schulprufung"], ages: fixed(14, 16) },
  { system: "uk", form: "exam", pattern: /\b(eleven plus|11 plus|11\+)(?: exams?| tests?)?\b/g, needs: ["eleven plus", "11 plus", "11+"], ages: fixed(10, 11) },
  { system: "ie", form: "exam", pattern: /\b(junior cert\w*|junior cycle|national 5s?|nat5s?)\b/g, needs: ["junior c", "national 5", "nat5"], ages: fixed(14, 16) },
  { system: "us", form: "exam", pattern: /\b(psat\w*|ap (?:exams?|tests?|classes?))\b/g, needs: ["psat", "ap exam", "ap test", "ap class"], ages: fixed(14, 17) },
  { system: "mx", form: "exam", pattern: /\b(comipems|examen (?:de )?(?:admision|ingreso) (?:a|al|para) (?:la )?(?:prepa|preparatoria|secundaria|bachillerato))\b/g, needs: ["comipems", "prepa", "secundaria", "bachillerato"], ages: fixed(14, 15) },
  // National tests only pupils sit: VERA and Stellwerk (Germany, Switzerland), Regents and STAAR (US), PLANEA (Mexico), SAEB (Brazil).
  { system: "tests", form: "exam", pattern: /\b(vera ?[368](?! ?(?:ans|anos|anni|jahre?n?|years?|yrs?|h\b|uhr|€|euros?|km|kg|mal\b|x\b))|vergleichsarbeit\w*|stellwerk ?(?:8|9|test\w*)|regents (?:exams?|tests?)|staar(?: tests?)?|planea|saeb|prova brasil)\b/g, needs: ["vera", "vergleichsarbeit", "stellwerk", "regents", "staar", "planea", "saeb", "prova brasil"], ages: fixed(8, 17) },
  { system: "pt", form: "exam", pattern: /\b(vestibulinho|obmep|provas? de afericao)\b/g, needs: ["vestibulinho", "obmep", "afericao"], ages: fixed(10, 15) },
  // Portugal / Brazil: 5º–9º ano (10–15), 1º–3º ano do ensino médio / secundário (15–18).
  { system: "pt", form: "school_year", notAfter: AFTER_HIGHER_ED, pattern: new RegExp(String.raw`\b${N} ano(?! (?:do|de|da|na|no)(?: la| a)? (?:ensino )?(?:medio|secundario|faculdade|facultad|facul|curso|carrera|universidade|universidad|uni|federal))\b`, "g"), needs: ["ano"], ages: shift(5) },
  after({ system: "pt", form: "school_year", pattern: /\b(ensino fundamental)\b|\b([5-8])a serie\b/g, needs: ["fundamental", "serie"], ages: (n) => (Number.isNaN(n) || n > 8 ? [6, 14] : [n + 6, n + 7]) }),
  after({ system: "pt", form: "school_year", pattern: new RegExp(String.raw`\b${N} ano (?:do|de) (?:ensino )?(?:medio|secundario)\b|\b(ensino medio|secundario)\b`, "g"), needs: ["medio", "secundario"], ages: (n) => (n > 3 || Number.isNaN(n) ? [15, 17] : [n + 14, n + 15]) }),
];

// Every school row's needed substrings in one pass: which of them the text holds (90 `includes` per message
// showed in the profile).
const SCHOOL_NEEDS = new RegExp([...new Set(SCHOOL_ROWS.flatMap((r) => r.needs))].sort((a, b) => b.length - a.length).map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "g");
function schoolWordsIn(s: string): Set<string> {
  const found = new Set<string>();
  SCHOOL_NEEDS.lastIndex = 0;
  for (let m = SCHOOL_NEEDS.exec(s); m !== null; m = SCHOOL_NEEDS.exec(s)) found.add(m[0]);
  return found;
}
/** The rows a found school word asks for: those with a need it holds ("bachiller" holds "bach", "secondaire" "sec"). */
const ROWS_OF_WORD = new Map<string, ReadonlySet<SchoolRow>>(); // keys are needs' spellings: bounded
function rowsOfWord(found: string): ReadonlySet<SchoolRow> {
  let rows = ROWS_OF_WORD.get(found);
  if (rows === undefined) ROWS_OF_WORD.set(found, (rows = new Set(SCHOOL_ROWS.filter((row) => row.needs.some((n) => found.includes(n))))));
  return rows;
}
/** The rows worth running on a text: those whose needed words it holds (none for most messages). */
export function schoolRowsFor(s: string): readonly SchoolRow[] {
  if (!SCHOOL_GATE.test(s)) return [];
  const present = schoolWordsIn(s);
  if (present.size === 0) return [];
  const asked = [...present].map(rowsOfWord);
  return SCHOOL_ROWS.filter((row) => asked.some((rows) => rows.has(row)));
}

// Gated (gate.ts): a row whose pattern's literals are absent is skipped where its matches are read (age-facts.ts).
for (const row of SCHOOL_ROWS) gated(row.pattern);
