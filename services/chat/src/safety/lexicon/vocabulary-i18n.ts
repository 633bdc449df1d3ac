/**
 * The six languages' short lists the age-facts rules need (French, English, Spanish, Italian, German,
 * Portuguese), as regular-expression sources over normalised text. A moderator's list, not a dictionary:
 * sexual words, nudes and explicit content, the persona's body and pictures, buying and subscribing.
 */

const src = String.raw;

/** People a third-person age belongs to: relatives, partners, friends, neighbours, girls and boys. */
export const PERSON_NOUN = src`(?:fils|fille|filles|amie?s?|copines|meufs|soeurs|freres|cousins|enfants?|gosses?|gamine?s?|niece|neveu|cousine?s?|soeur|frere|pote|potes|copine|copain|meuf|nana|voisine?|belle-fille|belle-soeur|demi-soeur|petite amie|petit ami|mec|gars|son|daughter|kids?|child|children|nephew|cousin|sister|brother|girlfriend|boyfriend|gf|bf|friend|buddy|mate|pal|bestie|bff|homie|bro|sis|colleague|collegue|coloc|neighbou?r|stepdaughter|stepsister|stepson|girl|boy|guy|hijo|hija|hijos|hermanit[oa]s?|primit[oa]s?|sobrinit[oa]s?|hijit[oa]s?|fratellin[oi]|sorellin[ae]|cuginett[oa]|irmaozinho|irmazinha|priminh[oa]|sobrina|sobrino|prima|primo|hermana|hermano|novia|novio|amiga|amigo|vecina|vecino|chica|chico|chicas|chicos|figlio|figlia|nipote|cugina|cugino|sorella|fratello|ragazza|ragazzo|ragazze|ragazzi|amica|amico|vicina|vicino|sohn|tochter|kind|nichte|neffe|schwester|bruder|freundin|freund|nachbarin|nachbar|madchen|junge|jungs|filho|filha|sobrinha|sobrinho|irma|irmao|namorada|namorado|vizinha|vizinho|menina|menino|meninas|meninos|garota|garoto)`;

/** Sexual vocabulary of ES/IT/DE/PT (French and English are in vocabulary.ts), plus the cross-language loans. */
export const SEXUAL_I18N = src`\b(?:sexo|sesso|sex|sexy|sexting|nudes?|desnud[oa]s?|nud[oaie]|nackt\w*|nacktbild\w*|pelad[oa]s?|tetas|tette|titten|peitos|culo|arsch|bunda|follar\w*|folla\w*|transa\w*|trepa\w*|scopav\w*|gefickt|fodia\w*|coger|cogerte|scopa\w*|ficken|fick\w*|foder|transar|chupar\w*|pompin\w*|blasen|boquete|mamada|porno\w*|caliente|cachond\w*|eccitat\w*|arrapat\w*|geil\w*|heiss\w*|gostos[ao]|tesao|(?:esta|estan|muy|tan|que) buen[ao]s?|buenisim[ao]s?|(?:e|sei|troppo|molto) (?:bona|figa|gnocca)|figa|gnocca|virginidad|verginita|jungfrau\w*|virgindade|primera vez|prima volta|erste[nsm]? mal|primeira vez|trios?|(?:cosa|fare|farlo|roba|scopare) a tre|dreier|(?:fazer|transar) a tres|menage a trois|acostar\w*|dormir con|sleep with|hot|cama|letto|bett|piccant\w*|picante\w*|spicy|safad\w*|putaria|(?:manda|mandame|pasame|passa|teu|tu|seu|vende|vendes|compro|comprar|um|un|o|el) packs?|packs? (?:de fotos|de nudes|hot|picante)|(?:sex|sexy|nackt|nude|nudi|porn|porno|strip|erotik|erotic|hot|intim)-?(?:videos?|vids?|fotos?|bilder?|pics?|photos?|films?|filme|chats?|cams?|tapes?|clips?|shows?|selfies?))\b`;

/** Buying, subscribing, the persona's content or a video with her, in the six languages. */
export const COMMERCE_I18N = src`\b(?:suscrib\w*|abbonar\w*|abonnier\w*|assinar|assinatura|comprar|comprare|kaufen|contenido|contenuti?|inhalte?|conteudo|(?:tus|tu|le tue|i tuoi|deine|dein|tuas|teus|suas|seus) (?:fotos?|foto|videos?|bilder|nacktbilder|contenido|contenuti|inhalte|conteudo|nudes)|(?:un |uno |ein |um )?video (?:contigo|con te|mit dir|com (?:voce|vc|tu))|(?:hacer|fare|machen|fazer) un\w* video|fotos?|pics?|bilder|videos?|vids?)\b`;

/** Frames of a fiction or role-play in ES/IT/DE/PT (the French and English ones are in detect.ts). */
export const FRAME_I18N = src`\b(?:imagin(?:e|es|ez|ons|a|ate|ar|iamo|emos)\b(?!\s(?:pas|bien))|fai finta|facciamo finta|fingi|finge|fingir|finja|stell dir vor|stellen wir uns vor|so tun als|tun wir so|jugamos a que|juguemos a que|vamos fingir|tu serais|pretend\w*|roleplay|role ?play|rp|jeu de role|juego de rol|gioco di ruolo|rollenspiel|haz como si|hagamos como si|como si fueras|come se fossi|als ob du|como se (?:voce|vc) fosse|act like|act as|spiel\w* (?:mal )?(?:eine?n?|die|den|meine?n?)|(?:fai|fa') (?:la|il|una?) parte|interpret(?:a|e|ar|are|ier\w*) (?:una?|la|el|a|o|eine?n?)|(?:un|hagamos|hacemos|haz|hacer|jugar|juguemos|vamos a hacer) (?:un )?rol|haz de|faz o papel|faca o papel|play the (?:role|part))\b`;

/** Asking whether the persona likes or wants people of an age: "tu aimes les…", "u like…", "te gustan…". */
export const INTEREST = src`\b(?:t'es attiree? par|tu es attiree? par|ca te choque|attracted to|your type|te molan?|te gustaria|ti piacerebbe|ti attizzano|findest du|wurdest du|ficaria com|ficarias com|curtiria|tu sortirais|tu serais tentee|ca te dirait|would you go out with|would you date|saldrias con|usciresti con|wurdest du mit|sairia com|ficaria com|tu aimes|t'aimes|tu aimerais|tu kiffes?|tu kif|tu preferes|ca t'exciterait|ca t'excite|tu coucherais|tu baiserais|tu sucerais|you like|you love|do you like|you into|are you into|would you (?:fuck|date|sleep with|do|suck|bang)|you'd (?:fuck|date|do)|te gustan?|te gustaria|te acostarias|te follarias|ti piacciono|ti piace|ti scoperesti|te la faresti|stehst du auf|magst du|wurdest du|voce gosta|vc gosta|gosta de|curte|curtes|transaria)\b`;

/** The persona's body, pictures of her, or boys, when her past is asked about. */
export const PAST_CONTENT = src`\b(?:show me|show us|montre(?:-moi| moi|s-moi| nous)?|fais (?:moi )?voir|fammi vedere|fammelo vedere|mostrami|muestrame|ensename|zeig\w*|mostra(?:-me| me)|me mostra|deixa ver|brust\w*|brueste|seno|seni|pechos|pics?|pictures?|fotos?|foto|bild|bilder|selfies?|corps|body|cuerpo|corpo|korper|seins?|boobs|tits|tetas|tette|titten|peitos|mecs|garcons|copain|boys|guys|chicos|ragazzi|jungs|meninos|premiere fois|1ere fois|1re fois|first time|primera vez|prima volta|erste[nsm]? mal|primeira vez|virginit\w*|had sex|sexe|sex|sexual\w*|sexuel\w*|sessual\w*|sexuell\w*|trucs|nue?s?|naked|nude|desnud[oa]|nud[oa]|nua|nackt)\b`;

/**
 * Higher education around a school word: "college sophomore", "freshman at uni", "étudiant en master". English
 * "college" only next to a year or "student" (the French "collège" is for 11–15 year-olds).
 */
export const HIGHER_ED = src`\b(?:college|uni|university) (?:freshman|sophomore|junior|senior|student|girl|guy|kid)s?\b|\b(?:freshman|sophomore|junior|senior|student)s? (?:in|at) (?:college|uni\w*)\b|\b(?:universit\w*|fac|master|licence|bts|iut|prepa|grad school|facultad|faculdade|hochschule|studium)\b`;

/** English "minor" as an adjective before a thing ("a minor issue", "minor details"): read on the text after "minor". */
export const MINOR_ADJECTIVE = src`^ (?:issues?|problems?|details?|changes?|bugs?|things?|fix(?:es)?|edits?|updates?|glitch(?:es)?|questions?|points?|mistakes?|typos?|league|key|chords?|injur(?:y|ies)|scratch(?:es)?|delays?|notes?|tweaks?|adjustments?|inconvenience|request)\b`;

/** The speaker's past as a subordinate clause: "quand j'étais", "when I was", "cuando estaba", "als ich". */
export const WHEN_I_WAS = src`\b(?:quand j'etais|quand j'avais|lorsque j'etais|when i was|back when i was|back in (?:high school|middle school|school)|cuando (?:estaba|era|iba)|quando (?:ero|andavo|facevo)|als ich|quando eu (?:estava|era|tinha))\b`;

/** Someone whose job is at a school says so: their pupils' years are not their age. */
export const STAFF_SELF = src`\b(?:je suis|i'm|i am|soy|sono|ich bin|bin|sou|trabajo|trabalho|lavoro|arbeite|je bosse|je travaille|i work)\b(?:\s\S+){0,3}?\s(?:prof\w*|enseignante?|instit\w*|surveillante?|cpe|proviseure?|directeur|directrice|chauffeur|teacher|janitor|tutor|counselor|principal|staff|profesora?|maestr[oa]|conserje|insegnante|professore?s?a?|bidello|lehrer\w*|hausmeister|direktor\w*|diretora?|coordenadora?)\b|\b(?:i teach|i coach|i work|je donne des cours|je bosse|je travaille|enseno|insegno|unterrichte|ensino(?! (?:medio|fundamental|secundario))|trabajo|lavoro|arbeite|trabalho|je suis (?:parent|maman|papa)|as a (?:teacher|counselor|coach|janitor|tutor))\b|\b(?:school|high school|highschool|middle school|elementary|college|lycee|liceo|secundaria|realschule|gymnasium|gymnasial|grundschul|escola|escuela) ?(?:teachers?|counselors?|coach|principal|janitor|nurse|librarian|bus driver|lehrer\w*|lehrerin)\b|\b(?:teacher|prof|lehrer\w*|profe|professor|professore|insegnante) (?:here|ici|aqui|qui|hier)\b`;

/**
 * An adult telling his school days as history: a year at least ~14 years back, "long ago", "N years ago". Unlike
 * ADULT_PAST, no bare past tense ("j'ai passé le brevet" may be last week): this one may lift a school block.
 */
export const ADULT_HISTORY = src`\b(?:19[4-9]\d|200\d|201[0-2])\b|\b(?:en|in|nel|em|del|back in|de) '?[4-9]\d\b|\b(?:long time ago|a long time|longtemps|a l'epoque|back in the day|back then|des annees|decades|years ago|hace (?:mil|muchos|\d+|\w+) anos|(?:tanti|molti|\d+) anni fa|vor (?:\d+|vielen|langer) (?:jahren|zeit)|ha (?:muitos|\d+) anos|anos atras|il y a (?:\d\d|longtemps|des annees|\w+ ans))\b`;

/** An adult's past: a past year, "ago", "back then" — a school year, exam or party that goes with it is history. */
export const ADULT_PAST = src`${ADULT_HISTORY}|\b(?:reunion|reunions|retrouvailles|reencuentro|rimpatriata|klassentreffen|jahrgangstreffen|reencontro|alumni|anciens eleves|ex-alunos|exalumnos|(?:en|in|nel|em|del|back in|depuis|date de) (?:19\d\d|200\d|201[0-5])|il y a|y a|ago|hace|\d+ anni fa|fa \d+ anni|vor \d+ jahren|faz|back in|a l'epoque|back then|good times|des annees|years ago|decades|quand j'etais|j'etais|when i was|i was|cuando estaba|cuando era|quando ero|als ich|war ich|quando eu|eu era|j'ai eu (?:mon|le|la)|i did|hice|fiz|ho fatto|l'ho fatta|gemacht|terminei|termine|i played|i had|i went|i used to|j'avais|jugaba|giocavo|spielte|eu jogava)\b`;

/**
 * Contact with the persona asked for someone else: "wants to talk to you", "voudrait te parler", "will mit dir
 * schreiben", "ti adora", "can she join our call", "wants your snap". A minor third person brought to the persona
 * is a block even without a sexual word (the persona writes adult content; no minor should be put in touch).
 */
export const CONTACT = src`\b(?:(?:te|t') ?(?:parler|ecrire|voir|rencontrer|connaitre|suivre|adore|aime|kiffe|contacter|follow|ajouter)|(?:parler|ecrire|discuter) (?:a|avec) toi|ton (?:snap|insta|numero|compte|tel)|(?:talk|chat|speak|write|text|dm|meet|message|facetime|call|hang out) (?:to |with )?(?:you|u)|(?:loves?|likes?|adores?|follows?|watches) (?:you|u|your)|your (?:snap|insta|number|page|account|onlyfans|discord|whatsapp)|join (?:us|our|the|your) (?:call|chat|live|stream)|(?:hablar|escribir|conocer|ver|seguir)(?:te| contigo)|te (?:quiere|adora|ama|sigue|escribe|conoce)|tu (?:numero|snap|insta|whatsapp)|(?:parlar|scriver|conoscer|veder|seguir)ti|ti (?:adora|ama|vuole|segue|scrive)|(?:parlare|scrivere|chattare) con te|(?:il )?tuo (?:numero|snap|insta)|mit dir (?:schreiben|reden|sprechen|chatten|treffen)|dich (?:kennenlernen|treffen|sehen|anschreiben)|(?:liebt|mag|vergottert) dich|deine? (?:nummer|snap|insta)|(?:falar|conversar) com (?:voce|vc|tigo)|te (?:conhecer|ver)|(?:conhecer|ver) (?:voce|vc)|(?:te|ti) (?:segue|ama|adora)|seu (?:numero|snap|insta|whats))\b`;
