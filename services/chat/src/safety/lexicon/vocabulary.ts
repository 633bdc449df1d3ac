/**
 * The minors lexicon's vocabulary, by category, as regular-expression sources over normalised text
 * (see normalize.ts: lower case, no accents, ages as "N ans", texting forms expanded). The rules that
 * combine these markers live in detect.ts; nothing here is a whole phrasing.
 */

/** An age under 18 written as a number (10–17, or 1–9). */
export const MINOR_N = String.raw`(?<!\d)(?:1[0-7]|[1-9])(?!\d)`;

const src = (strings: TemplateStringsArray, ...values: string[]) => String.raw(strings, ...values);

// ---- ages ----------------------------------------------------------------------------------------

/** Words before "N ans" that make it a duration or a date, not someone's age. */
const DURATION_BEFORE = src`(?<!\b(?:depuis|pendant|durant|fait|faire|fais|y a|dans|en|plus de|moins de|pres de|chaque|tous les|toutes les|apres|avant|ces|ses dernieres|for|after|since|about|les|il y a|ya|for the last|of)\s)`;
/** Words after "N ans" that make it a duration or a thing's age. */
const DURATION_AFTER = src`(?!\s(?:de\s(?:mariage|plus|moins|vie|experience|carriere|boite|service|anciennete|prison|retard|difference|ecart|relation|couple|travail|boulot|fidelite|abonnement)|d'(?:experience|anciennete|age|armee|ecart|attente|amour|abonnement|abo)|(?:a|to|da|para|pra|zu) (?:attendre|wait|aspettare|esperar|warten)\b|que\b|qu'|plus tard|apres|avant|ago|together|of\b|later|de boite|deja que|younger|older|apart|junger|alter|plus (?:vieux|vieilles?|jeunes?|agee?s?)|mayor(?:es)?|menor(?:es)?|piu (?:grande|piccol[oa]|vecchi[oa]|giovane)|mais (?:velh|nov)[oa]s?|d'ecart|in meno|in piu|di meno|di piu|menos|mas|a menos|a mais))`;

/** "15 ans" as a person's age (the normaliser turned "15a", "15yo", "15 years old" into "15 ans"). */
export const MINOR_AGE = src`${DURATION_BEFORE}\b${MINOR_N} ans\b${DURATION_AFTER}`;
/** A bare age after an age question: "t'avais quel âge ? 16 ?", "à quel âge ? 15". */
export const AGE_AFTER_QUESTION = src`\bquel age\b[^.!]{0,30}?\b${MINOR_N}\b(?! ?(?:ans? de|heures?|h\b|euros?|€|photos?|videos?))`;
/** English ages without a unit: "at 15", "you were 14", "she is 16", "we're both 15". */
const UNIT_AFTER_BARE = src`(?![:h.,]\d|\s?(?:minutes?|mins?|hours?|hrs?|h\b|km|miles?|kilometers?|feet|ft|inches|cm|kg|kilos?|lbs?|pounds?|%|times|percent|dollars?|euros?|bucks|am\b|pm\b|o'?clock|\/10|out of|days?|weeks?|months?|seconds?|secs?|th\b|st\b|nd\b|rd\b|x\b|pics?|photos?|videos?|vids?|messages?|followers?|subs\b|points?|degrees?|inch|meters?|metres?|euros|€|\$|years? (?:(?:my|your|his|her) )?(?:younger|older|apart|ago|later|senior|junior)))`;
export const EN_BARE_AGE = src`\b(?:at|aged|age|was|were|is|are|'s|be|turn|turned|turning|turns)\s(?:only\s|just\s|barely\s|both\s|all\s)?${MINOR_N}\b${UNIT_AFTER_BARE}`;

// ---- who is a minor --------------------------------------------------------------------------------

/** Nouns that name a minor by themselves. "gamine" and "enfant" are also teasing words: see WEAK_CHILD. */
export const MINOR_NOUN = src`\b(?:mineure?s?|ados?|adolescente?s?|adolescence|collegien(?:ne)?s?|lyceen(?:ne)?s?|ecolier(?:e)?s?|fillettes?|petites? filles?|petits? garcons?|preadose?s?|teens?|teenagers?|teenage|teeny|underage|under 18|minors?|schoolgirls?|schoolboys?|school girls?|middle schoolers?|high schoolers?|little girls?|little boys?|preteens?|pre-teens?|jeunes? ados?|moins de 18 ans|less than 18|not 18)\b`;
/** Child words used by adults about their family or as teasing: minor markers only right next to sexual words. */
export const WEAK_CHILD = src`\b(?:enfants?|gosses?|gamine?s?|kids?|child|children|bebes?|petite?s?|fille|fils)\b`;
/** School grades (the speaker or a third person "en 3e", "in 9th grade"). */
export const GRADE = src`(?:\bau\s(?:cp|ce1|ce2|cm1|cm2)\b|\b(?:en|de|d')\s?(?:6e|6eme|sixieme|5e|5eme|cinquieme|4e|4eme|quatrieme|3e|3eme|troisieme|seconde|2nde|2de|premiere|1ere|1re|terminale|tle|cm1|cm2|ce1|ce2|cp|primaire|maternelle|college|lycee)\b(?!\s(?:main|position|classe|annee|ligne|vitesse|division|partie|fois|place|degre|lecture|rang|mi-temps|chance|couche|generation|etape)|\sde\s(?:fac|master|licence|medecine|droit|bts)|-)|\b(?:(?:6|7|8|9|10|11|12)th|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth)\s?grade\b|\bgrade\s(?:[6-9]|1[0-2])\b|\b(?:freshman|sophomore|middle schooler|high schooler)\b)`;
/** Schools of minors as places. */
export const SCHOOL_PLACE = src`\b(?:(?:au|du|a la|de la|en|a l'|de l'|l')\s?(?:college|lycee|bahut|ecole|primaire)(?!\s(?:de|d'|des|du)\b|\scomme)|high ?school|middle ?school|junior high|elementary school|primary school|secondary school|(?:do|no|na) ensino (?:fundamental|medio)|(?:de|en) (?:la )?(?:eso|secundaria)|(?:alle|delle) medie|(?:in der|auf der|auf die|in die) (?:grundschule|realschule|hauptschule))\b`;
/** Pupils' life: exams, teachers, breaks, detentions of a pupil (not of a student or staff). */
export const PUPIL_LIFE = src`\b(?:brevet(?: blanc)?|bac blanc|bac de francais|prof principale?|professeur principal|en recre|la recre|recreation|cantine du (?:college|lycee)|heure de colle|une colle|m'a colle|homeroom|devoirs|cours de (?:svt|maths|francais|techno|physique|anglais|histoire)|classmates?|camarades? de classe|(?:le |au |du |en )?(?:car|bus) scolaire|school ?bus|bus escolar|scuolabus|schulbus|onibus escolar|(?:copine?|copain|pote|meuf|fille|mec|gars|voisine?) de classe|de ma classe|dans ma classe|in my class|my class)\b`;
/** Adults at school: staff, teachers, parents visiting. Their sentence is not about a pupil. */
export const SCHOOL_STAFF = src`\b(?:prof|profs|professeure?|enseignante?|instit|institutrice|instituteur|surveillante?|pion|cpe|proviseure?|principale? adjointe?|directeur|directrice|agent|conseiller|conseillere|chauffeur|cantiniere?|infirmiere? scolaire|coach|teacher|teach|teaches|teaching|enseigne|enseno|insegno|unterrichte|lehrer\w*|janitor|counselor|substitute|staff|principal|work|works|working|bosse|bosser|travaille|travailler|donne des cours|cours a|comme|en tant que|de ma fille|de mon fils|de mes enfants|my son's|my daughter's|my kid's|parents d'eleves)\b`;
/** Family possessives: an age after them is a relative's (third person). */
export const RELATIVE = src`\b(?:mon|ma|mes|notre|nos|my|our|sa|son|ses|his|her|their|le|la|une?|a|des)\s(?:petite?\s|petits?\s|grande?\s|demi[- ]|belle[- ]|beau[- ]|step)?(?:fils|fille|filles|enfants?|gosses?|gamine?s?|niece|neveu|neveux|cousine?s?|soeur|frere|pote|potes|copine|copain|meuf|nana|petite amie|petit ami|voisine?|belle-fille|son|daughter|kids?|children|child|niece|nephew|cousin|sister|brother|girlfriend|boyfriend|friend|neighbou?r|stepdaughter|stepsister|stepson|girl|boy|mec|gars|fille)\b`;

// ---- adult context ---------------------------------------------------------------------------------

/** Mentions of minors that exclude them ("interdit aux mineurs", "no minors"), erased before matching. */
export const EXCLUDING_MINORS = src`\b(?:(?:pas|plus)\s(?:une? |de )?(?:mineure?s?|minors?|moins de 18 ans|under 18s?|kids|enfants)|(?:aux|interdite?s? aux|reserve aux|(?:pas|interdite?s?|non|reserve\w*|jamais|deconseille\w*|inadapte\w*|inapproprie\w*|dangereu\w*) pour les|ni|sans|zero|aucune?|no|not for|never|jamais de|pas de|interdit aux moins de|moins de 18 ans interdit)\s(?:un |une |des |les |de )?(?:mineure?s?|minors?|moins de 18 ans|under 18s?|kids|enfants)|18\+|adults? only|majeure?s? (?:uniquement|seulement)|(?:sin|nada de|prohibido (?:a|para)(?: los)?|no se admiten|no acepto|solo mayores,? no|niente|vietato ai|no|sem|proibido para|nao aceito|nao atendo|keine|nicht fur|verboten fur) (?:menores|minorenni|minori|minderjahrige\w*)(?!\s(?:de|di|da|unter) \d)|minor league|minor threat|mineurs? de (?:fond|charbon)|les mineurs de)\b`;
/** Adult markers that make "teen" an adult category ("18 year old teen"). */
export const ADULT_MARKER = src`\b(?:18|19|majeure?s?|adultes?|adults?|legal|barely legal|now|aujourd'hui|maintenant|back in the day|plus tard)\b`;

// ---- sexual, commerce, content --------------------------------------------------------------------
// "sextos" (FR: sexts) but not "sexto ano", "sexta-feira" (ES/PT: sixth year, Friday).

/** Sexual vocabulary: French, English loan words, slang, common misspellings (after normalisation). */
export const SEXUAL = src`\b(?:sexe?s?|sexuel\w*|sexy|sextape|sext(?!(?:o|a)s?[\s-](?:ano|anos|grado|curso|serie|feira|de primaria|primaria|b)\b)\w*|duo|en duo|collab\w*|(?:ta|tes|ma|mes|sa|ses|leurs?) premieres? fois|baise(?!r\b)\w*|(?<!\b(?:un|mon|premier|le|ton|gros|doux|petit|des|tes|mes|ses|son|ce|leur|bisous et)\s)baiser\b|baiz\w*|nik\w*|niqu\w*|ken(?:er|e)?\b|bz\b|bzr\w*|bzer\w*|oilp|nudz|boobz|fap\w*|se fai(?:t|re) (?:prendre|baiser|defoncer|sauter|niquer)|defonc\w*|chaudasses?|je mate\b|sous la douche|suc(?:e|es|er|ent|ez|euse|ait|ais|erai)|sucon|pipes?|fellations?|gorge profonde|cunni\w*|bites?|queue|zizi|zob|chattes?|foufoune|seins?|nichons?|tetons?|poitrine|cul|fesses?|nue?s?|a poil|deshabill\w*|masturb\w*|branl\w*|se touch\w*|te touch\w*|me touch\w*|jouir|jouis\w*|orgasm\w*|ejacul\w*|sperme|band(?:e|es|er|ais|ait)\b|mouill\w*|coquin\w*|cochon\w*|porno?s?|pornograph\w*|nudes?|nudit\w*|lingerie|strings?|culottes?|bikinis?|maillot|strip\w*|lech\w*|doigt(?:er|ee?s?|ais|ait|ages?)\b|penetr\w*|sodom\w*|levrette|faire l'amour|fait l'amour|coucher avec|couche avec|couch(?:e|er) avec|plan (?:cul|a trois|a 3)|partouze|fantasm\w*|depucel\w*|virginite|vierges?|erotique\w*|salope\w*|pute\w*|chaudes?|en chaleur|chauffe\w*|excit\w*|bien formees?|bien foutues?|(?:trop|tres|bien|grave|super|vraiment|hyper) bonnes?|(?:est|sont|etait|etais|es) (?:deja |trop |bien |super |si )?bonnes?\b(?! (?:en|a|au|nuit|journee|soiree|chance|idee))|hot|bonne a baiser|ma premiere fois|ta premiere fois|sa premiere fois|premiere pipe|fuck\w*|suck\w*|cocks?|dicks?|pussy|pussies|tits|titties|boobs|naked|horny|cum|cumming|blowjob|bj|porn\w*|kinky|naughty|virgin\w*|make love|have sex|having sex|had sex|sexting|jerk off|jerking|turn(?:s|ed)? me on|slut\w*|whores?|threesome|undress\w*|lick\w*|thongs?|panties|wet|hard for|(?:my|your|her|his|ta|ma|sa) first time|caress\w*|nous rejoindre|se joindre a nous|join us|joining us|la mate|le mate|les mate|mater|reluqu\w+|dating|sors avec|sortir avec|sort avec|en couple avec|drague\w*|deflower\w*|lose (?:her|his|your) virginity|lost (?:her|his|your) virginity|grope|molest\w*|raped?|raping|viol(?:e|er|ee|ees|ait|s)?\b|get laid|hook up|seduce\w*|seduis\w*|aguich\w*|allum(?:e|er|es)\b)\b`;
/** Subscribing, buying the persona's content, her content itself: a minor tied to these is refused too (buying a bike is not). */
export const COMMERCE = src`\b(?:s'abonner|abonn\w+|abo\b|subscri\w+|sub to|get a sub|a sub\b|(?:acheter|achete|payer|paye|offrir|offre|buy|pay for|purchase)\s(?:\S+\s){0,2}?(?:tes|ta|ton|tous tes|une video|des photos|du contenu|your|a video|pics|photos|videos|nudes|content|pack|ppv|abo)\b|(?:vend\w*|sell\w*)\s(?:\S+\s){0,2}?(?:photos?|videos?|vids?|pics|nudes?|contenus?|content|trucs|stuff)\b|unlock|debloqu\w+|tes (?:photos?|videos?|vids?|nudes?|contenus?|medias?|packs?|trucs|pics)|ton (?:contenu|onlyfans|of|compte|snap)|ta (?:video|page|photo)|your (?:pics|photos|videos|content|page|nudes|onlyfans|stuff)|voir tes|see your|acces a ton|filme\w*|film (?:yourself|her|him)|tourn(?:er|e) (?:une|un|des))\b`;
/** Asking for, making or selling pictures and videos. */
export const CONTENT_REQUEST = src`\b(?:envoie\w*|envoi|montre\w*|send|show|fais|faire|font|fait|veux|voudrais|cherche\w*|vends|vend|vendent|vendre|vendu|achete|want|make|have|got|any|sell|selling|buy|tu as|t'as|avez|looking for|do you have|je kiffe|filme|filmer)\b(?:\s\S+){0,4}?\s(?:photos?|videos?|vids?|pics?|images?|nudes?|selfies?|snaps?|contenus?|content|stuff|trucs|films?|clips?|sextapes?)\b`;
/** Wanting someone: "je kiffe les collégiennes", "i love high school girls". */
export const DESIRE = src`\b(?:kiffe\w*|kif|aime|adore|veux|voudrais|envie|love|like|want|into|fantasm\w*|mate|mater|excite\w*|craque|prefere|cherche)\b`;

/** Words that make a message a fiction or role-play frame: the minor in it is still a minor. */
export const FRAMING = src`\b(?:jou(?:e|es|er|ez|ons|erais|erait)|incarn\w+|interpret\w+|sois|soit|deviens|devenir|fai(?:s|sons|tes) (?:comme si|semblant|la|le)|fai(?:s|re) (?:comme si|semblant)|faisons|on fait comme si|comme si|on dit que|disons|suppose\w*|imagin\w+|et si|mets?[- ]toi|glisse[- ]toi|dans la peau|dans le role|role|raconte\w*|ecri(?:s|re|t|vez)|invente\w*|decri(?:s|re|t|vez)|histoire|recit|fiction|scenario|parle comme|reponds comme|ecris comme|jeu de role|roleplay|role ?play|rp\b|pretend\w*|let's say|let's play|lets play|what if|act (?:like|as)|acting|play(?:ing)? (?:a|an|the|my)|be (?:a|an|my)|write|tell me a|story|describe|tu serais|you'd be|you would be|deguise\w*|costume|cosplay)\b`;
/** The persona addressed: "tu es", "t'as", "you're" (the fan telling her who she is). */
export const PERSONA_IS = src`\b(?:tu es|tu serais|tu etais|you're|you are|you'd be|are you|es-tu|t'es)\s(?:encore\s|juste\s|qu'|only\s|just\s|still\s|even\s)?(?:une?\s|ma\s|mon\s|a\s|an\s|my\s|la\s)?(?:petite\s|little\s|vraie\s)?`;
/** The fan reads the persona's looks as a minor's. */
export const LOOKS_LIKE = src`\b(?:je te donne(?:rais)?\s|tu as l'air d'(?:avoir\s|une?\s)?|tu aurais l'air d'|on dirait (?:une?\s)?|on te donnerait\s|tu fais\s(?:genre\s)?|tu ressembles a (?:une?\s)?|you look(?: like)?(?: a| an)?\s|you seem\s|tu parais\s)`;
/** The persona's own past, asked about. */
export const PERSONA_PAST = src`\b(?:quand (?:tu etais|tu avais)|a l'epoque (?:du|de ton|de la|ou tu)|de toi a|toi (?:ado|petite|mineure|a \d)|when you were|as a (?:teen|kid|child|minor)|of you (?:at|as)|de toi (?:ado|quand|petite|au)|your teen|tes annees (?:lycee|college))\b`;
/** The persona's looks, body, or pictures of her. */
export const PERSONA_BODY = src`\b(?:(?:avec|with) (?:les |des |the )?(?:garcons|mecs|boys|guys)|tu ressembl\w+|ressemblais|ton corps|ta poitrine|your body|did you look|you looked|photos? de toi|videos? de toi|pics? of you|pictures? of you|photos? of you|t'etais comment physiquement|tu etais comment physiquement|tes seins)\b`;
