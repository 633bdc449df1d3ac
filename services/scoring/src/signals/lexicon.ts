/**
 * The lexicon of fan signals, French and English, read on `normalizeText` output (lower case, no
 * accents, straight apostrophes). Texting spellings are part of it: "jveux", "j'veux", "chui", "cb",
 * "t belle", "u r", "wanna". Each signal is one regular expression compiled once at load.
 *
 * False positives are guarded where a word is ambiguous: "combien de temps" is not a price question,
 * "il fait chaud" is weather, "j'arrête pas de penser à toi" is not leaving, "I'm free tonight" is
 * not a freeloader, "bye, à demain" is not a goodbye for good.
 */

/** Signals that raise engagement, then those that lower it; the order is the order of `signals`. */
export const POSITIVE_SIGNALS = ["intent_purchase", "asks_price", "high_arousal", "compliment", "ready_to_buy"] as const;
export const NEGATIVE_SIGNALS = ["freeloader", "suspicious", "leaving", "disengaged"] as const;
export const SIGNAL_NAMES = [...POSITIVE_SIGNALS, ...NEGATIVE_SIGNALS] as const;
export type SignalName = (typeof SIGNAL_NAMES)[number];

/** Signals found by a pattern on one message (`disengaged` is a property of the conversation instead). */
export type LexiconSignal = Exclude<SignalName, "disengaged">;

// No `u` flag: the engine runs these faster without it, and the text is ASCII once accents are gone;
// emoji are matched as literal strings (their UTF-16 pairs), never inside a character class.
const anyOf = (...parts: RegExp[]): RegExp => new RegExp(parts.map((p) => `(?:${p.source})`).join("|"));

// "je", "j'", "j" glued to the verb ("jveux", "jprends").
const JE = /\bj(?:e\s+|'\s*|\s*)/.source;
// "t'es", "tu es", "t es", "tes" (the common misspelling), "t" ("t belle").
const TES = /\b(?:t'?es|tu\s+es|t'?est|t|vous\s+etes)\s+/.source;
const INTENSIFIER = /(?:(?:trop|tellement|vraiment|si|super|grave|hyper|tres|so|really|very|soo|such\s+a)\s+)?/.source;
const CONTENT = /(?:photos?|videos?|vids?|pics?|nudes?|contenus?|content|customs?|packs?|ppv)/.source;

const intentPurchase = anyOf(
  new RegExp(`${JE}(?:veu[xt]?|voudrai[st]?|aimerai[st]?)\\s+(?:bien\\s+)?(?:voir|acheter|avoir|recevoir|debloquer|plus|encore|la\\s+suite|(?:la|ta|une|des|tes|le|ton)\\s+${CONTENT})`),
  /\bmontre[\s-]?(?:moi|m'?en)\b/,
  new RegExp(`\\benvoi(?:e|es|s)?(?:[\\s-]?moi|[\\s-]?m'?en)?\\s+(?:la|le|les|une|un|des|tes|ta|ton|plus|encore|d'autres|la\\s+suite)\\s+(?:${CONTENT}|suite|autres?)`),
  new RegExp(`\\b(?:t'?as|tu\\s+as|as[\\s-]tu|avez[\\s-]vous)\\s+(?:d'autres|des|plus\\s+de|du|un|une)\\s+(?:autres?\\s+)?${CONTENT}`),
  /\b(?:ppv|contenus?\s+(?:exclusifs?|prives?|perso)|(?:video|photo)s?\s+perso|personnalisee?s?|debloquer)\b/,
  /\b(?:ca\s+m'?interesse|(?:je\s+suis|chui|j'?suis)\s+interesse)/,
  new RegExp(`\\bi\\s*(?:want|wanna|need|would\\s+like|'?d\\s+like|'?d\\s+love)\\s+(?:(?:to\\s+)?(?:see|buy|get|watch|unlock)\\b|more\\b|it\\b|that\\b|the\\s+(?:full|${CONTENT})|your\\s+${CONTENT})`),
  new RegExp(`\\bsend\\s+(?:me\\s+)?(?:it|that|the|a|some|more|your)\\s+(?:${CONTENT}|one|set|full)`),
  /\bshow\s+me\b/,
  new RegExp(`\\b(?:do\\s+)?(?:you|u)\\s+(?:have|got)\\s+(?:any\\s+|more\\s+|some\\s+|other\\s+)?${CONTENT}`),
  /\b(?:interested|exclusive\s+content|unlock\s+(?:it|that|this|the))\b/,
);

const asksPrice = anyOf(
  /\bcombien\b(?!\s+(?:de\s+|d')(?:temps|fois|jours?|heures?|minutes?|ans|annees?|mois|semaines?|km|abonnes|followers|mecs|gars))/,
  /\b(?:cb|cmb|cbn)\b/,
  /(?<!\ba\s+tout\s+)\b(?:prix|tarifs?)\b/,
  /\bca\s+(?:coute|coutera|vaut|fait\s+combien)\b/,
  /\bc(?:'?est)?\s+payant\b/,
  /\bhow\s+much\b(?!\s+(?:i\b|you\s+(?:mean|are)|u\s+mean|we\b|time|longer|fun|love|more|do\s+(?:you|u)\s+(?:love|like|want|miss)))/,
  /\bhow\s+many\s+(?:tokens|dollars|bucks|euros)\b/,
  /\b(?:price|prices|pricing|cost|costs)\b/,
);

const highArousal = anyOf(
  new RegExp(`\\b(?:je\\s+suis|chui|j'?suis|jsuis|suis)\\s+${INTENSIFIER}(?:chaud|dur|excite|excitee|mouille|mouillee|en\\s+feu)\\b`),
  new RegExp(`${TES}${INTENSIFIER}(?:chaude|excitante)\\b`),
  new RegExp(`\\b(?:tu\\s+me\\s+rends|ca\\s+me\\s+rend)\\s+${INTENSIFIER}(?:fou|dingue|dur|chaud|excite)\\b`),
  /\b(?:tu\s+m'excites|j'?(?:e\s+)?bande|bander|excitee?)\b/,
  /\bj'?ai\s+(?:trop\s+|tellement\s+|grave\s+|super\s+)?envie\s+(?:de\s+toi|de\s+te\s+\w+|que\s+tu)/,
  /\b(?:horny|aroused|turned\s+on|turn(?:s|ing)?\s+me\s+on|rock\s+hard|dripping)\b/,
  /\b(?:i'?m|im|i\s+am|getting)\s+(?:so\s+|really\s+|very\s+)?(?:hard|wet|horny|hot\s+for\s+you)\b/,
  /\bso\s+hot\b(?!\s+(?:today|outside|here|in\s+here))/,
  /\bi\s+(?:want|need|crave)\s+(?:you|u)\b(?!\s+to\b)/,
  /🔥|🥵|🤤|💦|🍆|🍑|😈|👅/,
);

const compliment = anyOf(
  new RegExp(`${TES}${INTENSIFIER}(?:belle|bel|magnifique|canon|sublime|jolie|bonne|parfaite|incroyable|splendide|sexy|mignonne|craquante|ravissante|superbe|adorable|une\\s+bombe|une\\s+deesse)\\b`),
  /\b(?:trop|tellement|vraiment|si|super|hyper)\s+(?:belle|magnifique|canon|sublime|jolie|bonne|sexy|mignonne|craquante|superbe)\b/,
  /\b(?:magnifique|sublime|canon|splendide|ravissante|superbe|une\s+bombe|deesse)\b/,
  /\bj'?(?:e\s+)?(?:adore|kiffe|aime)\s+(?:trop\s+|tellement\s+|grave\s+)?(?:tes|ton|ta|ce\s+que\s+tu\s+fais)\b/,
  /\b(?:la|les)\s+plus\s+belles?\b/,
  /\bj(?:e\s+|'\s*|\s*)t'?(?:aime|adore|kiffe)\b/,
  /\bi\s+(?:love|adore)\s+(?:you|u)\b/,
  new RegExp(`\\b(?:you'?re|you\\s+are|u\\s+r|ur|you\\s+look|u\\s+look)\\s+${INTENSIFIER}(?:absolutely\\s+)?(?:beautiful|gorgeous|stunning|pretty|cute|sexy|hot|perfect|amazing|adorable|lovely|a\\s+goddess|an\\s+angel)\\b`),
  /\b(?:beautiful|gorgeous|stunning|goddess)\b/,
  /\bi\s+(?:love|adore)\s+(?:your|ur)\s+(?:body|eyes|smile|voice|pics|photos|content|style|face|hair|lips|videos)\b/,
  /😍|🥰|❤|💕|💖|💗|😘/,
);

const readyToBuy = anyOf(
  new RegExp(`${JE}(?:(?:la|le|les|l')\\s*)?(?:prends?|achete)(?:\\s*(?:$|[!.,])|\\s+(?:ca|tout|les\\s+deux|le\\s+pack|la\\s+video|la\\s+photo|l'offre|\\d))`),
  /\b(?:la|le|les|l')\s*(?:prends|achete)\b/,
  new RegExp(`${JE}(?:paie|paye|vais\\s+(?:payer|prendre|acheter|debloquer))\\b(?!\\s+(?:pas|jamais|rien|combien))`),
  /\bj'?ai\s+(?:paye|achete|debloque|pris\s+(?:le|la|les|ton|ta))\b/,
  /\b(?:envoie|envoi|envois|donne|file)[\s-]?(?:moi\s+)?le\s+lien\b/,
  /\b(?:ou|comment)\s+(?:je\s+|on\s+)?(?:paie|paye|payer|regle|acheter|debloque)\b/,
  /\bok\s+(?:pour\s+(?:le|la|les|moi|\d)|je\s+prends|go)\b/,
  /\b(?:vendu|banco|affaire\s+conclue|marche\s+conclu)\b/,
  /\bdebloque(?:[\s-](?:la|le|les|moi))?\b/,
  /^(?:go|deal|sold|ok\s+deal)\s*[!.]*$/,
  /\bi'?(?:ll|\s+will)\s+(?:take|buy|pay\s+for|get|unlock)\s+(?:it|that|this|them|the|one|both|all)\b/,
  /\btake\s+my\s+money\b/,
  /\b(?:send|give)\s+(?:me\s+)?the\s+link\b/,
  /\b(?:where|how)\s+(?:do|can)\s+i\s+(?:pay|buy|unlock|tip)\b/,
  /\bi\s+(?:just\s+)?(?:paid|bought|unlocked|tipped)\b/,
  /\bi'?m\s+(?:buying|ready\s+to\s+(?:buy|pay))\b/,
  /\b(?:i'?m|im)\s+in\s*(?:[!.]|$)/,
);

const freeloader = anyOf(
  /\bgratuit(?:e|s|es|ement)?\b/,
  /\bgrat(?:os|ox|is)\b/,
  /\bsans\s+(?:payer|raquer)\b/,
  new RegExp(`${JE}(?:ne\\s+|n'\\s*)?(?:paie|paye|payerai|paierai|raque)\\s+(?:pas|jamais|rien)\\b`),
  /\b(?:pas|jamais|rien)\s+(?:envie\s+de\s+)?(?:payer|raquer)\b/,
  /\btu\s+(?:me\s+|m')(?:l'|les\s+|la\s+|le\s+|en\s+)?offres?\b/,
  /\b(?:pas\s+(?:de\s+|d')(?:thunes?|argent|sous|fric)|je\s+suis\s+(?:a\s+sec|fauche))\b/,
  new RegExp(`\\bfree\\s+(?:${CONTENT}|stuff|preview|sample|trial|show|sub)\\b`),
  /\bfor\s+free\b/,
  /\b(?:is|it'?s|its)\s+(?:it|this|that)?\s*free\b\s*\?/,
  /\bsend\s+(?:me\s+)?(?:\w+\s+){0,2}free\b/,
  /\b(?:i\s+)?(?:won'?t|will\s+not|don'?t|do\s+not|not\s+gonna|never)\s+pay\b(?!\s+attention)/,
  /\bwhy\s+(?:should|would|do)\s+i\s+pay\b/,
  /\b(?:no\s+money|i'?m\s+broke)\b/,
);

const suspicious = anyOf(
  /\b(?:scam(?:mer|ming|s)?|arnaqu\w*|escro(?:c|querie|quer)\w*|fraud\w*|chargeback|charge\s+back|catfish\w*|blackmail|chantage)\b/,
  /\b(?:rembourse\w*|refund\w*|(?:faire|fait)\s+opposition|carte\s+volee|stolen\s+card)\b/,
  /\b(?:dispute\s+(?:the|a|this|my)\s+(?:charge|payment)|open\s+a\s+dispute|bank\s+dispute)\b/,
  /\b(?:police|flics?|cops?|plainte|mon\s+avocat|lawyer|gendarmerie)\b/,
  /\b(?:report(?:ed|ing)?\s+(?:you|u|this|ur|your|her)|i'?ll\s+report|(?:je\s+vais\s+)?(?:te|vous)\s+signaler|signaler\s+(?:ton|ce|le)\s+compte)\b/,
  new RegExp(`${TES}(?:un|une)\\s+(?:fake|faux|fausse|bot|robot|arnaque|arnaqueuse|escroc|mec|homme)\\b`),
  /\b(?:c'?est\s+(?:du\s+|un\s+)?fake|faux\s+(?:compte|profil)|fake\s+(?:account|profile|pics?|photos?)|(?:is\s+(?:this|it|that)|totally|so)\s+fake|ton\s+compte\s+est\s+(?:fake|faux))\b/,
  /\b(?:are\s+you|r\s+u|you'?re|you\s+are|ur)\s+(?:a\s+)?(?:fake|bot|scammer|catfish|a\s+guy|a\s+man)\b/,
);

// A goodbye for good, a cancellation, "I'm done". "je pars" alone is not here: "je pars bosser".
const leavingForGood = anyOf(
  /\b(?:je\s+(?:me\s+)?desabonne|desabonn\w*|desinscri\w*|unsub\w*|resilie\w*|cancel\w*\s+(?:my\s+)?(?:sub\w*|renewal))\b/,
  /\b(?:je\s+me|jme|j'me)\s+(?:casse|barre|tire)\b/,
  /\bj'?arrete\s*(?:$|[!.,]|tout\b|ici\b|l'abo\w*|mon\s+abo\w*)/,
  /\b(?:i'?m|im)\s+(?:done|out|leaving)(?:\s+with\s+(?:you|u|this|it)|\s*(?:[!.,]|$))/,
  /\b(?:i\s+quit|c'?est\s+fini|plus\s+jamais|adieu|farewell|dernier\s+message|last\s+message)\b/,
  /\b(?:je\s+(?:ne\s+)?reviendrai\s+pas|won'?t\s+(?:be\s+back|renew)|not\s+renew\w*|(?:je\s+)?(?:ne\s+)?renouvel\w*\s+pas)\b/,
);
// A plain goodbye counts only without a promise to come back.
const goodbye = /\b(?:bye|bye\s+bye|byebye|goodbye|good\s+bye|ciao|tchao|salut\s+a\s+jamais)\b/;
const comingBack = /\b(?:a\s+(?:demain|plus|\+|toute|tout\s+a\s+l'heure|ce\s+soir|bientot|tte|tt)|a\+|see\s+(?:you|ya|u)|later|tomorrow|tonight|bientot|ce\s+soir|demain|bisous|kiss|xoxo|good\s?night|bonne\s+nuit)\b/;

const PATTERNS: Record<Exclude<LexiconSignal, "leaving">, RegExp> = {
  intent_purchase: intentPurchase,
  asks_price: asksPrice,
  high_arousal: highArousal,
  compliment,
  ready_to_buy: readyToBuy,
  freeloader,
  suspicious,
};
const PATTERN_ENTRIES = Object.entries(PATTERNS) as [Exclude<LexiconSignal, "leaving">, RegExp][];

/** Every lexicon signal present in one normalized fan message, in `SIGNAL_NAMES` order. */
export function matchSignals(normalized: string): LexiconSignal[] {
  const found: LexiconSignal[] = [];
  for (const [name, pattern] of PATTERN_ENTRIES) if (pattern.test(normalized)) found.push(name);
  if (isLeaving(normalized)) found.push("leaving");
  return found;
}

function isLeaving(normalized: string): boolean {
  if (leavingForGood.test(normalized)) return true;
  return goodbye.test(normalized) && !comingBack.test(normalized);
}

// A reply that carries nothing: fillers, laughs, one-word acknowledgements, emoji only. Written with
// every doubled letter single ("cool" → "col") because the reply is compared that way ("okkk", "mdrrr").
const FILLER_WORD = /(?:ok|oki|okay|k|mdr|lol|ptdr|xd|ah|oh|eh|ouais|ouai|oui|non|mouais|bof|col|bien|d'?ac|jsp|hm|mh|yes|yeah|yep|nope|no|nah|sure|fine|whatever|idk|nice|a?(?:ha)+h?|(?:ah)+|(?:hi)+|merci|mrc|thx|ty|ca\s+va|vu)/u.source;
const FILLER = new RegExp(`^${FILLER_WORD}(?:\\s+${FILLER_WORD})*$`, "u");
const NON_WORD = /[^\p{L}\p{N}'\s+]/gu;
const DOUBLED = /(\p{L})\1+/gu;

/** A low-effort reply: at most 3 letters or digits once punctuation and emoji are gone, or only filler words. */
export function isLowEffort(normalized: string): boolean {
  const bare = normalized.replace(NON_WORD, "").trim();
  return bare.length <= 3 || FILLER.test(bare.replace(DOUBLED, "$1"));
}
