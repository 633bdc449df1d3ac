/**
 * Numbers as values for the age-facts reader: a token the rules captured in an age position ("quinze",
 * "kinze", "dieciseis", "fünfzen", "16") becomes its value. Number words of French, English, Spanish, Italian,
 * German and Portuguese are known exactly; a texting spelling is accepted when, after a phonetic folding
 * (qu/c → k, z → s, ph/v → f, doubled letters, a silent final e), it is within ONE edit of a known word — an
 * edit-distance tolerance, not a list of misspellings. Only ever asked about tokens in an age position, so a
 * fuzzy match cannot turn an ordinary word of a sentence into a number.
 *
 * Cost: the one-edit neighbourhood is precomputed (deletion variants, as SymSpell does), so a lookup is a few
 * map reads; the values of seen tokens are memoized (bounded).
 */
import { boundedMemo } from "./memo.ts";

// Tens and the teens in each language, as written after folding (lower case, accents removed).
const WORDS: Record<number, readonly string[]> = {
  1: ["un", "une", "one", "uno", "una", "eins", "um", "uma"],
  2: ["deux", "two", "dos", "due", "zwei", "dois", "duas"],
  3: ["trois", "three", "tres", "tre", "drei"],
  4: ["quatre", "four", "cuatro", "quattro", "vier", "quatro"],
  5: ["cinq", "five", "cinco", "cinque", "funf", "fuenf"],
  6: ["six", "seis", "sei", "sechs"],
  7: ["sept", "seven", "siete", "sette", "sieben", "sete"],
  8: ["huit", "eight", "ocho", "otto", "acht", "oito"],
  9: ["neuf", "nine", "nueve", "nove", "neun"],
  10: ["dix", "ten", "diez", "dieci", "zehn", "dez"],
  11: ["onze", "eleven", "once", "undici", "elf"],
  12: ["douze", "twelve", "doce", "dodici", "zwolf", "zwoelf", "doze"],
  13: ["treize", "thirteen", "trece", "tredici", "dreizehn", "treze"],
  14: ["quatorze", "fourteen", "catorce", "quattordici", "vierzehn", "catorze"],
  15: ["quinze", "fifteen", "quince", "quindici", "funfzehn", "fuenfzehn"],
  16: ["seize", "sixteen", "dieciseis", "sedici", "sechzehn", "dezesseis", "dezasseis"],
  17: ["dixsept", "seventeen", "diecisiete", "diciassette", "siebzehn", "dezessete", "dezassete"],
  18: ["dixhuit", "eighteen", "dieciocho", "diciotto", "achtzehn", "dezoito"],
  19: ["dixneuf", "nineteen", "diecinueve", "diciannove", "neunzehn", "dezenove", "dezanove"],
  20: ["vingt", "twenty", "veinte", "venti", "zwanzig", "vinte"],
  30: ["trente", "thirty", "treinta", "trenta", "trent", "dreissig", "trinta"],
  40: ["quarante", "forty", "cuarenta", "quaranta", "quarant", "vierzig", "quarenta"],
  50: ["cinquante", "fifty", "cincuenta", "cinquanta", "cinquant", "funfzig", "cinquenta"],
  60: ["soixante", "sixty", "sesenta", "sessanta", "sechzig", "sessenta"],
  70: ["septante", "seventy", "setenta", "settanta", "siebzig"],
  80: ["quatrevingt", "quatrevingts", "huitante", "octante", "eighty", "ochenta", "ottanta", "achtzig", "oitenta"],
  90: ["nonante", "ninety", "noventa", "novanta", "neunzig"],
};

/**
 * Phonetic folding of a word as teenagers spell it: "kinze" and "quinze" meet, "catorse" and "catorce" too.
 * `collapse` also merges doubled letters ("fiftene" = "fifteen"); both keys are kept, because a dropped
 * letter can create a double ("seventeen" → "seenteen") that the collapsed key would count twice.
 */
export function phonetic(word: string, collapse = true): string {
  const folded = word
    .replace(/[\s'-]+/g, "")
    .replace(/qu?/g, "k")
    .replace(/c(?=[eiy])/g, "s")
    .replace(/c/g, "k")
    .replace(/ph|v/g, "f")
    .replace(/[zx]/g, "s")
    .replace(/y/g, "i")
    .replace(/h/g, "");
  // "cs" sounds "ss" ("diecsiete" for "diecisiete"): only in the uncollapsed key, where it counts once.
  return (collapse ? folded.replace(/(.)\1+/g, "$1") : folded.replace(/ks/g, "ss")).replace(/(?<=..)e$/, "");
}

/** The keys a word is known and looked up by: phonetic (collapsed and not), and as written ("cetorze"). */
const keysOf = (word: string): string[] => [phonetic(word), phonetic(word, false), word.replace(/[\s'-]+/g, "")];

const exact = new Map<string, number>();
const folded = new Map<string, number>();
// The one-deletion neighbourhood of every folded word: `variant` (the token lost a letter) and
// `position:variant` (a letter changed at that position: the token minus the same position meets it).
const deletions = new Map<string, number>();

// Teens and tens first: "trece" and "tres" fold alike, and only the teen is worth a fuzzy match.
for (const [value, words] of Object.entries(WORDS).sort(([a], [b]) => (Number(a) >= 10 ? 0 : 1) - (Number(b) >= 10 ? 0 : 1))) {
  for (const word of words) {
    exact.set(word, Number(value));
    for (const key of keysOf(word)) if (!folded.has(key)) folded.set(key, Number(value));
  }
}
// The first letter is kept: a typo does not drop or change how a number word starts, and without that rule
// "heiß" (→ "eis", one edit from "seis" in "seize") or "weiß" read as 16 ("du bist heiß").
for (const [key, value] of folded) {
  if (key.length < 4 || value < 10) continue;
  for (let i = 1; i < key.length; i++) {
    const variant = key.slice(0, i) + key.slice(i + 1);
    if (!deletions.has(variant)) deletions.set(variant, value);
    if (!deletions.has(`${i}:${variant}`)) deletions.set(`${i}:${variant}`, value);
  }
}

/**
 * Value of a word that folds to a number word, or is within one edit of one (4+ letters folded); only values
 * of 10 and more: "tree" or "there" must not read as 3.
 */
function fuzzyWord(token: string): number | undefined {
  let found: number | undefined;
  for (const [index, key] of keysOf(token).entries()) {
    const known = folded.get(key);
    if (known !== undefined && known >= 10) return known;
    // A misspelt teen can fold onto a small number ("troize" → "trois", "siize" → "six"): a token that is not
    // the small number's own word, 5+ letters long, may still be one edit off a teen.
    if (known !== undefined) return index === 0 && token.length >= 5 ? teenWithinOneEdit(key) : undefined;
    // As written, only long words may be one edit off: "done" is not "doce".
    if (index < 2 || key.length >= 6) found ??= withinOneEdit(key);
  }
  // A vowel typed wrong after a soft c changes how the c sounds ("trece" → "treca", "doce" → "doca"): read the c
  // as it was meant, soft, and try again (the changed vowel is then the one edit).
  if (found === undefined && /c[aou]/.test(token)) return fuzzyWord(token.replace(/c(?=[aou])/g, "s"));
  return found;
}

function teenWithinOneEdit(key: string): number | undefined {
  const value = withinOneEdit(key);
  return value !== undefined && value >= 10 && value < 20 ? value : undefined;
}

function withinOneEdit(key: string): number | undefined {
  if (key.length < 3) return undefined;
  const lost = deletions.get(key); // the token lost a letter: "quize" → "kis", "sevnteen"
  if (lost !== undefined || key.length < 4) return lost;
  for (let i = 1; i < key.length; i++) {
    const variant = key.slice(0, i) + key.slice(i + 1);
    // An extra letter, or one changed; a small number folding alike ("sis" = six) must not hide the teen ("saize").
    const extra = folded.get(variant);
    if (extra !== undefined && extra >= 10) return extra;
    const changed = deletions.get(`${i}:${variant}`);
    if (changed !== undefined) return changed;
  }
  return undefined;
}

// Compounds: "dix-sept", "dis sept", "vingt et un", "cuarenta y dos", "trinta e cinco", "fünfundzwanzig".
const COMPOUND = /^([a-z]+)(?:[\s-]+(?:et|y|e|und)?[\s-]*|und)([a-z]+)$/;

// Every word of a message may be asked (age-facts.ts's gate): common words stay known.
const knownWordsValue = boundedMemo((token) => wordsValue(token), 16_384);

/** The value of a number word spelt exactly ("ten", "once", "dix"), without the texting tolerance. */
export const exactNumberWord = (word: string): number | undefined => exact.get(word);

/** The value of a token in an age position: digits, or number words of the six languages (texting spellings too). */
export function numberValue(token: string): number | undefined {
  return /^\d{1,3}$/.test(token) ? Number(token) : knownWordsValue(token);
}

function wordsValue(token: string): number | undefined {
  const whole = token.replace(/[\s-]+/g, "");
  const direct = exact.get(whole);
  if (direct !== undefined) return direct;
  const compound = COMPOUND.exec(token) ?? /^([a-z]+)und([a-z]+)$/.exec(whole);
  if (compound) {
    const [a, b] = [exact.get(compound[1]!) ?? fuzzyWord(compound[1]!), exact.get(compound[2]!) ?? fuzzyWord(compound[2]!)];
    // German puts the unit first: "fünfundzwanzig" = 5 + 20.
    if (a !== undefined && b !== undefined) return a === 10 && b < 10 ? 10 + b : a + b;
  }
  // A final vowel dropped after a c or g changes how the c sounds once folded ("sedic" for "sedici", "quinc" for
  // "quince"): the word is tried again with it (part 11).
  return fuzzyWord(whole) ?? (whole.length >= 5 && /[cg]$/.test(whole) ? (fuzzyWord(`${whole}i`) ?? fuzzyWord(`${whole}e`)) : undefined);
}

/** Source of a token the age rules capture as a number: digits, or one or two words (a compound). */
// Whole words only: "j'ai attendu" must not read "atten" (≈ "ten") followed by "du".
export const NUMBER_TOKEN = String.raw`(?:\d{1,2}\b|[a-z]{3,14}\b(?:[ -](?:et |y |e |und )?(?:sept|set|huit|neuf|uno|un|une|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|um|dois|quatro|sete|oito|nove)\b)?)`;
