/**
 * Ages known from a life event rather than a number (issue #14, fifth round), over normalised text. One table,
 * a row per kind of event, each an age range in the six languages; whose it is comes from the clause (age-facts.ts:
 * "ma nièce fait sa communion" is a third person's, "ma communion en 1990" an adult's past):
 * - rites of passage: first communion, profession de foi, confirmation, bar/bat mitzvah, a coming quinceañera;
 *   "last year" adds a year, "next year" takes one off, "il y a 3 ans" adds three (and dates it: the speaker's now);
 * - driving as a learner before 18: conduite accompagnée, learner's permit, begleitetes Fahren, permis AM;
 * - the end-of-school exam still to come: "bac l'année pro", "a-levels next year", "Abi nächstes Jahr";
 * - parents who control the phone or forbid going out: "ma mère regarde mon tel", "my mom takes my phone",
 *   "mis padres no me dejan salir", "meine Mutter kontrolliert mein Handy", a curfew of one's own;
 * - (eighth round) a licence with a minimum age under 18 in each system (patentino for the scooter, Mofa/AM,
 *   carné de ciclomotor, driver's ed); a parent who signs the speaker's school forms, sends him to bed or whose
 *   permission he needs; a privilege of majority denied "at my age" (a bank card, an account, paying online;
 *   "too young for Tinder" is in rites-statuses.ts);
 * - and HINTS, what adults also live (a bedtime, pocket money, "my mom won't let me", grounded, a curfew, a
 *   parent's card, a provisional licence): one alone is only suspect (`mention`), two different ones in a message
 *   make the speaker's age.
 */
import type { RelativeAge } from "./relative-ages.ts";
import { gated, testGated } from "./gate.ts";

/** An event's ages; `since`: dated by the years since it ("il y a 3 ans"), so the ages are the speaker's now. */
export type EventAge = RelativeAge & { since?: boolean; mention?: boolean };

const src = String.raw;
/**
 * `hint`: adults live it too; alone it is only suspect, two different hints in one message make an age.
 * `atMyAge`: an age only when the clause says "at my age" or "yet", and not "no longer".
 */
type EventRow = { gate: RegExp; pattern: RegExp; ages: readonly [number, number]; hint?: boolean; atMyAge?: boolean };

const LAST_YEAR = /\b(?:last year|l'an dernier|l'annee derniere|l'an passe|el ano pasado|l'anno scorso|letztes jahr|letzten jahr|vergangenes jahr|ano passado)\b/;
// The years since the event: "il y a 3 ans", "3 years ago", "hace 3 años", "3 anni fa", "vor 3 jahren", "há 3 anos".
const YEARS_AGO = /\b(?:il y a|ya|hace|vor|ha|faz)\s(\d{1,2})\s(?:ans|anos|jahren)\b|\b(\d{1,2})\s(?:ans|years|anni)\s(?:ago|fa)\b/;
const NEXT_YEAR = /\b(?:next year|l'an prochain|l'annee prochaine|l'annee pro|l'an pro|el ano que viene|el proximo ano|l'anno prossimo|nachstes jahr|nachsten jahr|ano que vem|proximo ano)\b/;

const PARENT = src`(?:ma mere|mon pere|mes parents|ma daronne|mon daron|mes darons|ma maman|mon papa|mes vieux|my (?:mom|mum|mother|dad|father|parents|mommy|folks)|mi (?:mama|madre|papa|padre|vieja|viejo)|mis (?:padres|papas|viejos)|mia madre|mio padre|i miei|mia mamma|mio papa|meine (?:mutter|mama|mam|eltern)|meiner (?:mutter|mama|eltern)|mein (?:vater|papa)|meinem (?:vater|papa)|minha mae|meu pai|meus pais)`;
const CONTROL = src`(?:verifi\w*|togli\w*|tolse|espionn\w*|snoop\w*|go(?:es)? through|went through|check\w*|take\w*|took|confisqu\w*|confiscat\w*|prend\w*|pris|regarde\w*|fouill\w*|lit|lisent|read\w*|control\w*|surveill\w*|revisa\w*|quita\w*|controlla\w*|prende\w*|guarda\w*|kontroll\w*|nimmt|nehmen|checkt|liest|lesen|olha\w*|mexe\w*|pega\w*|vigia\w*|tira\w*|confisca\w*)`;
const PHONE = src`(?:mon (?:tel|telephone|portable|phone|iphone)|my (?:phone|cell|iphone)|mi (?:celular|cel|movil|telefono)|il mio (?:telefono|cellulare)|mein handy|meu (?:celular|cel|telefone))`;
// The phone taken FROM the speaker ("ma mère me confisque le tel", "mia mamma mi toglie il telefono", "nimmt mir das
// Handy weg"); "ma mère prend le tel pour appeler", "mia mamma guarda il telefono" are hers (part 11).
const THE_PHONE = src`(?:le|the|el|il|das|o) (?:tel|telephone|portable|phone|celular|cel|movil|telefono|cellulare|handy|telefone)`;
const FROM_ME = src`(?:me|m'|mi|mir|mich)`;
const FORBID = src`(?:(?:me )?laiss\w* pas|veu\w* pas que je|m'interdis\w*|(?:don't|dont|won't|wont) (?:let|allow) me|(?:no|nunca) me (?:dejan|deja)|non mi (?:lasciano|lascia|fanno)|(?:lassen|lasst) mich nicht|erlaub\w* mir nicht|verbiet\w* mir|(?:nao|nunca) me deix\w*)`;
const GO_OUT = src`(?:sortir|sorte|go out|going out|salir|uscire|rausgehen|ausgehen|raus|sair)`;
const NOT_ALLOWED_OUT = src`(?:pas le droit de|not allowed to|no puedo|non posso|darf nicht|nao posso)\s${GO_OUT}`;

// A bedtime of one's own, the time after or before the bed ("je dois être couché à 21h", "ich muss um 10 im Bett sein").
const MUST = src`(?:je dois etre|i (?:have|need) to (?:be|go)|tengo que|devo|ich muss|tenho que)`;
// (German "im" may have become "i'm" in normalising.)
const IN_BED = src`(?:couche\w*|au lit|in bed|to bed|(?:estar )?en la cama|acostarme|irme a dormir|(?:essere|andare) a letto|a letto|(?:im|i'm) bett sein|ins bett|(?:estar )?na cama|ir dormir)`;
const MUST_BE_IN_BED = src`(?:je dois etre couche\w*|i (?:have|need) to be in bed|i have to go to bed|tengo que (?:estar en la cama|acostarme|irme a dormir)|devo (?:essere a letto|andare a letto)|ich muss (?:(?:im|i'm) bett sein|ins bett)|tenho que (?:estar na cama|ir dormir))`;
const BEDTIME = src`(?:(?:by|before|at|a|avant|a las|antes de las|alle|entro le|um|vor|as|antes das)\s)?(?:19|20|21|22|7|8|9|10)(?:h|\b)`;
// A time of day after a bed or a bedtime is no age the event is dated by ("couché à 21h", "a letto alle 10").
const BED_TIME = new RegExp(src`\b(?:bed|lit|couche\w*|letto|bett|cama|dormir|acostar\w*|sleep|sein|muss)\s(?:\S+\s)?(?:a|at|by|alle|um|as|a las|before|avant|vor)\s\d{1,2}(?:h\d*)?\b`, "g");

// A parent makes the speaker do what only a child is made to: go to bed, be home; or signs his school papers.
const MAKES_ME = src`(?:m'oblige\w* a|me (?:fait|font|force\w*|oblige\w*)|makes? me|made me|sends? me|me (?:manda\w*|obliga\w*|hace\w*)|mi (?:manda\w*|fa|fanno|obblig\w*|costring\w*)|schick\w* mich|zwing\w* mich|me (?:obriga\w*|faz\w*))`;
const TO_BED = src`(?:(?:me )?couch\w*|au lit|dodo|(?:go )?to bed|to sleep|a (?:la cama|dormir|acostar\w*)|acostarme|a letto|andare a letto|a dormire|ins bett|schlafen|(?:ir )?(?:dormir|pra cama|para a cama))`;
const SIGNS = src`(?:sign\w*|signe\w*|firma\w*|firm\w*|unterschreib\w*|unterschrieb\w*|assina\w*)`;
const SCHOOL_PAPER = src`(?:permission slips?|(?:school )?forms?|autorisations?|autorizaci\w*|autorizzazion\w*|autorizac\w*|justificatifs?|mots? d'absence|carnet|bulletins?|giustificazion\w*|giustifiche|libretto|entschuldigung\w*|zeugnis\w*|elternbrief\w*|boletim|boletin(?:es)?|pagella|bilhetes?|justificativos?|report cards?|justificantes?|notas? del cole)`;
// A privilege of majority the speaker says his age denies him ("j'ai pas le droit d'avoir une carte bancaire à mon
// âge"); "no longer at my age" is an old man's.
const DENIED = src`(?:pas (?:encore )?le droit|peux pas|(?:on |ils |elle )?(?:me |m')refus\w*|won'?t (?:give|let) me|(?:wouldn'?t|refuse\w* to) give me|no me (?:dan|quieren dar|dejan tener)|non mi (?:danno|vogliono dare)|(?:geben|gibt) mir (?:noch )?kein\w*|nao me (?:dao|da|querem dar)|not allowed|can'?t (?:have|get|open)|cannot (?:have|get|open)|no (?:puedo|me dejan)(?: todavia| aun)?(?: (?:tener|abrir|sacar))?|non (?:posso|mi fanno)(?: ancora)?(?: (?:avere|aprire|fare))?|darf (?:ich )?(?:noch )?(?:kein\w*|nicht)|(?:nao|nem) (?:posso|me deixam)(?: ainda)?(?: (?:ter|abrir|fazer))?)`;
const MAJORITY_THING = src`(?:carte (?:bancaire|bleue|de credit|visa)|cb|credit card|debit card|bank account|compte (?:en banque|bancaire|paypal)|tarjeta(?: de credito| de debito| bancaria)?|cuenta (?:bancaria|en el banco|de paypal)|carta di credito|bancomat|conto (?:in banca|corrente|paypal)|kreditkarte|bankkarte|girokonto|eigenes konto|paypal(?:-?konto)?|cartao(?: de credito| do banco)?|conta (?:no banco|bancaria|do paypal)|payer en ligne|pay online|pagar (?:online|en linea|por internet)|pagare online|online (?:zahlen|bezahlen))`;
const AT_MY_AGE = /\b(?:a mon age|at my age|a mi edad|con mi edad|alla mia eta|in meinem alter|mit meinem alter|na minha idade|com a minha idade|yet|encore|todavia|aun|ancora|noch|ainda|(?:till|until|before) i'?m 18|avant mes 18|avant d'avoir 18|hasta (?:los|que tenga|que cumpla) 18|fino ai 18|prima dei 18|bis ich 18|(?:ate|antes de) (?:eu )?(?:fazer|ter|completar) 18|antes dos 18)\b/;
const NO_LONGER = /\b(?:plus|anymore|any more|no longer|ya no|non piu|piu|nicht mehr|kein\w* (?:\S+ ){0,2}?mehr|nao mais|mais)\b/;

// A permission needed from one's parents.
const NEED = src`(?:need|needs|besoin|faut|necesito|necesitas|falta|bisogno|serve|brauche|brauch|preciso|precisa)`;
const PERMISSION = src`(?:l'|d'|dell')?(?:permission|permissao|autorisation|accord|permiso|autorizacion|permesso|autorizzazione|consenso|erlaubnis|zustimmung|einverstandnis|autorizacao|consentimento|consent)`;
// "I don't need my parents' permission" is an adult's.
const NOT_NEGATED = src`(?<!\b(?:pas|plus|don't|dont|do not|doesn't|no|non|nicht|nao|never|jamais|nunca|mai)\s(?:\S+\s)?)`;
const PARENT_WORD = src`(?:parents?|darons?|mere|pere|maman|papa|mom|mum|dad|padres|madre|padre|mama|genitori|miei|eltern|mutter|vater|pais|mae|pai)`;
const PARENTS_OWN = src`(?:my (?:parents'?|mom'?s|mum'?s|dad'?s|folks'?)|the parents'?)`;

// The parents' rows share one gate (kept once in LIFE_EVENT_GATE).
const PARENT_GATE = /mere|pere|parent|daron|maman|papa|mom|mum|mother|dad|father|folks|mama|mamma|madre|padre|viej|miei|mutter|vater|eltern|mae|pai/;

export const EVENT_ROWS: readonly EventRow[] = [
  // Rites of passage, owned ("ma", "my", "j'ai fait", "hatte") — whose they are is the clause's business.
  { gate: /communi|comunion|comunhao|kommunion/, pattern: /\b(?:premiere communion|first communion|primera comunion|prima comunione|erstkommunion|erste kommunion|primeira comunhao)\b/g, ages: [7, 10] },
  { gate: /profession de foi/, pattern: /\bprofession de foi\b/g, ages: [11, 13] },
  { gate: /confirm|konfirm|cresima|firmung|crisma/, pattern: /\b(?:(?:ma|my|mi|la mia|meine|minha|sa|his|her|su) )?(?:confirmation|confirmacion|cresima|konfirmation|firmung|crisma|confirmacao)\b/g, ages: [12, 15] },
  { gate: /mitzvah/, pattern: /\b(?:bar|bat|bas) mitzvah\b/g, ages: [12, 13] },
  { gate: /jugendweihe/, pattern: /\bjugendweihe\b/g, ages: [13, 15] },
  { gate: /quince|xv/, pattern: /\b(?:mi|my|mis) (?:quince|xv|fiesta de (?:quince|xv))\b(?! anos (?:fue|was))/g, ages: [14, 14] },
  // Driving as a learner: accompanied driving from 15 (France), a learner's permit (US 15–16), BF17 (Germany).
  { gate: /conduite|learner|begleitet|bf17|permis am|bsr|mofa|permiso de aprendiz/, pattern: /\b(?:conduite accompagnee|aac|learner'?s? permit|learners permit|learner permit|begleitete\w* fahren|bf17|permis am|bsr|mofa\w*|permiso de aprendiz\w*)\b/g, ages: [15, 17] },
  // The end-of-school exam next year: a pupil one year before his last.
  { gate: /bac|level|abi|matur|selectividad|ebau|enem/, pattern: new RegExp(src`\b(?:(?:le |mon |my |the |mi |la |il |mein |das |o |meu )?(?:bac|a-levels?|a levels?|abi|abitur|maturita|matura|selectividad|ebau|enem))\b(?=[^.!?]{0,20}\b(?:l'annee pro\w*|l'an pro\w*|next year|el ano que viene|el proximo ano|l'anno prossimo|nachste\w* jahr|ano que vem|proximo ano)\b)`, "g"), ages: [16, 17] },
  // A report card of one's own (a payslip is a "bulletin de salaire"): pupils get report cards, adults do not.
  { gate: /bulletin|report card|boletin|pagella|zeugnis|boletim/, pattern: /\b(?:mon|my|mi|la mia|mein|meu|o meu) (?:bulletin|report card|boletin|pagella|zeugnis|boletim)\b(?! (?:de salaire|de paie|de vote|de paye|meteo|d'information))/g, ages: [10, 17] },
  // Parents controlling the phone or forbidding to go out; a curfew of one's own.
  { gate: PARENT_GATE, pattern: new RegExp(src`\b${PARENT}\s(?:\S+\s){0,3}?(?:${CONTROL}\s(?:\S+\s){0,3}?${PHONE}|(?:${FROM_ME}\s?${CONTROL}|${CONTROL}\s${FROM_ME})\s(?:\S+\s){0,2}?${THE_PHONE}|${FORBID}\s(?:\S+\s){0,2}?${GO_OUT})\b`, "g"), ages: [12, 17] },
  { gate: /droit|allowed|puedo|posso|darf/, pattern: new RegExp(src`\b${NOT_ALLOWED_OUT}\b(?=[^.!?]{0,60}\b(?:parents?|darons?|mere|pere|mom|mum|dad|padres|genitori|eltern|pais)\b)`, "g"), ages: [12, 17] },
  { gate: /curfew|couvre|toque|coprifuoco|ausgangssperre/, pattern: /\b(?:my|mon|mi|il mio|meine|meu) (?:curfew|couvre-feu|couvre feu|toque de queda|coprifuoco|ausgangssperre|horario)\b/g, ages: [12, 17] },
  // Licences with a minimum age under 18: the scooter's (AM: patentino, Mofa/Roller, carné de ciclomotor, carta AM),
  // a road-safety certificate taken at school (ASSR), accompanied driving (guida accompagnata, L17), driver's ed.
  { gate: /patentino|patente am|guida accompagnata|mofa|roller|moped|fuhrerschein|l17|ciclomotor|50 ?cc|carne am|carnet am|carta am|assr|driver'?s? ed|junior (?:license|licence|operator)|aac/, pattern: /\b(?:patentino(?: \S+){0,3}? (?:motorino|scooter|ciclomotore|am|cinquantino)|(?:motorino|scooter|cinquantino)(?: \S+){0,5}? patentino|patente am|guida accompagnata|(?:mofa|roller|moped|am)-? ?(?:fuhrerschein|prufbescheinigung|ausweis|prufung)|fuhrerschein (?:klasse )?am|fuhrerschein mit 17|l17|(?:carne|carnet|permiso|licencia|carta|licenca)(?: de)? (?:conducao de )?(?:ciclomotor|am|(?:la )?moto de 50 ?cc)\b|assr ?[12]?|driver'?s? ed(?:ucation)?|junior (?:license|licence|operator)|(?:permis )?aac)\b/g, ages: [14, 17] },
  // A parent who sends the speaker to bed, or signs his school papers.
  { gate: PARENT_GATE, pattern: new RegExp(src`\b${PARENT}\s(?:\S+\s){0,3}?(?:${MAKES_ME}\s(?:\S+\s){0,2}?${TO_BED}|${SIGNS}\s(?:\S+\s){0,3}?${SCHOOL_PAPER})\b`, "g"), ages: [10, 17] },
  { gate: /permission slip/, pattern: /\b(?:my|a|the) permission slips?\b/g, ages: [10, 17] },
  // A parent's permission the speaker needs ("j'ai besoin de l'autorisation de mes parents", "necesito permiso de mis padres").
  { gate: /permiss|autoris|accord|permiso|autoriza|autorizz|permesso|consen|erlaubnis|zustimmung|einverstand/, pattern: new RegExp(src`\b(?:${NOT_NEGATED}${NEED}\s(?:(?!kein)\S+\s){0,3}?${PERMISSION}\s(?:\S+\s){0,2}?${PARENT_WORD}|${NOT_NEGATED}${PARENTS_OWN}\s${PERMISSION}|(?:parental consent|consentement parental|autorisation parentale|consentimiento parental|consenso (?:dei )?genitori|elterliche\w* (?:zustimmung|einverstandnis|erlaubnis)|consentimento (?:dos pais|parental)))\b`, "g"), ages: [10, 17] },
  // A privilege of majority denied at one's age (or "yet"); read in the clause, "no longer" excluded below. The gate
  // is the privilege (a bank card, an account): the denials are common words.
  { gate: /bancaire|bleue|visa|credit|debit|bank|banque|banca|banco|bancari|paypal|en ligne|online|en linea|internet|tarjeta|karte|konto|cartao|bancomat|cb\b/, pattern: new RegExp(src`\b${DENIED}\s(?:\S+\s){0,4}?${MAJORITY_THING}\b`, "g"), ages: [10, 17], atMyAge: true },
  // Hints: a bedtime of one's own ("je dois être couché à 21h"), pocket money, "my mom won't let me", parents
  // checking or taking things — adults live each of them; two in a message are a minor's life.
  { gate: /couch|bed|cama|acostar|letto|bett|dormir/, pattern: new RegExp(src`\b(?:${MUST_BE_IN_BED}\s${BEDTIME}|${MUST}\s${BEDTIME}\s(?:uhr\s)?${IN_BED})`, "g"), ages: [10, 17], hint: true },
  { gate: /poche|allowance|pocket|paga|mesada|paghetta|taschengeld/, pattern: /\b(?:argent de poche|pocket money|(?:my|weekly|an) allowance|(?:mi|la) paga(?: semanal)?|(?:mi|la|su) mesada|paghetta|taschengeld|(?:minha|a) mesada)\b/g, ages: [10, 17], hint: true },
  // Grounded or kept in by one's parents ("privé de sortie", "estoy castigado", "Hausarrest"), a curfew one has,
  // paying with a parent's card.
  { gate: /grounded|prive de|castig|punizione|arrest/, pattern: /\b(?:(?:i'm|i am|i got|got|i was) grounded|(?:je suis |suis )?prive de (?:sortie|portable|tel|telephone|console|wifi)|(?:estoy|estaba) castigad[oa]|me castigaron|(?:sono|ero) in punizione|mi hanno messo in punizione|(?:haus|stuben)arrest|(?:estou|to|tou|fiquei) de castigo)\b/g, ages: [10, 17], hint: true },
  { gate: /curfew|couvre|toque de queda|coprifuoco|ausgangssperre/, pattern: /\b(?:j'ai|i have|i've got|tengo|ho|ich hab\w*|tenho) (?:un |a |una |eine |um )?(?:couvre-feu|couvre feu|curfew|toque de queda|coprifuoco|ausgangssperre)\b/g, ages: [10, 17], hint: true },
  { gate: PARENT_GATE, pattern: new RegExp(src`\b(?:(?:carte|card|tarjeta|carta|karte|kreditkarte|cartao)\s(?:\S+\s){0,2}?(?:de|of|du|di|von|da|do|della|del)\s${PARENT}|${PARENTS_OWN}\s(?:credit\s|debit\s|bank\s)?card)\b`, "g"), ages: [10, 17], hint: true },
  // A learner's licence adults also hold: the UK provisional, Italy's foglio rosa, Portugal's licença de aprendizagem.
  { gate: /provisional|foglio rosa|aprendizagem/, pattern: /\b(?:provisional (?:licen[cs]e|driving licen[cs]e)|my provisional|foglio rosa|licenca de aprendizagem)\b/g, ages: [15, 17], hint: true },
  { gate: PARENT_GATE, pattern: new RegExp(src`\b${PARENT}\s(?:\S+\s){0,3}?(?:${FORBID}|${CONTROL}\s(?:\S+\s){0,2}?(?:mes|my|mis|i miei|le mie|meine|meus|minhas)\s\S+)`, "g"), ages: [10, 17], hint: true },
];

/** One pass that tells whether any row may match (most messages name no life event). */
export const LIFE_EVENT_GATE = new RegExp([...new Set(EVENT_ROWS.map((r) => r.gate.source))].join("|"));
// An event dated by an age ("à 16 ans j'ai passé mon BSR", "at 15 i had my confirmation") is told as history:
// the age itself is read by the age rules.
// (A time of day is no age: "alle 10", "at 9", "à 22h" — one digit, an hour mark, Italian "alle".)
const AT_AGE = /\b(?:a|at|aos|a los|mit|con|com|quand j'avais|when i was|cuando tenia|quando avevo|als ich|quando eu tinha)\s(?:1\d|[2-9]\d)\b(?!\s?(?:h\b|uhr|heures?|horas?|ore\b|pm\b|am\b|o'?clock|:\d))/;

/** The ages a message's life events imply, with where each event was named. */
export function lifeEventAges(s: string): EventAge[] {
  const found: EventAge[] = [];
  if (!testGated(s, LIFE_EVENT_GATE)) return found;
  const hints: EventAge[] = [];
  const hintRows = new Set<EventRow>();
  for (const row of EVENT_ROWS) {
    if (!row.gate.test(s)) continue;
    row.pattern.lastIndex = 0;
    for (const m of s.matchAll(row.pattern)) {
      // A rite last year makes the speaker a year older; one next year, a year younger.
      const at = m.index ?? 0;
      const clause = s.slice(s.slice(0, at).search(/[^.!?;]*$/), at) + (s.slice(at).split(/[.!?;]/)[0] ?? "");
      const shift = LAST_YEAR.test(clause) ? 1 : NEXT_YEAR.test(clause) && row.ages[1] < 16 ? -1 : 0;
      const ago = YEARS_AGO.exec(clause); // "il y a 3 ans" is no age the event is dated by ("a 3")
      // (The event's own words date nothing: "Führerschein mit 17", "couché à 21 heures".)
      if (!ago && AT_AGE.test(clause.replace(BED_TIME, "").replace(m[0], ""))) continue;
      if (row.atMyAge && (!AT_MY_AGE.test(clause) || NO_LONGER.test(clause))) continue;
      const since = ago ? Number(ago[1] ?? ago[2]) : 0;
      const age: EventAge = { min: row.ages[0] + shift + since, max: row.ages[1] + shift + since, offset: m.index ?? 0, since: since > 0 };
      if (row.hint) {
        hints.push(age);
        hintRows.add(row);
      } else found.push(age);
    }
  }
  // Two different hints are a minor's life (a bedtime and parents checking the phone); one is only suspect.
  for (const h of hints) found.push(hintRows.size >= 2 ? h : { ...h, mention: true });
  return found;
}

// Gated (gate.ts): skipped on a message that lacks their literals.
for (const pattern of [LIFE_EVENT_GATE]) gated(pattern);
