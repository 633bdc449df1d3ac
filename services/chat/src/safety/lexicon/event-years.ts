/**
 * A year of birth told by a public event (issue #14, part 7): "je suis né l'année où Hollande a été élu", "born the
 * year of the Brazil World Cup", "nací el año del Mundial de Sudáfrica", "sono nato l'anno delle Olimpiadi di
 * Londra". Over normalised text: a birth verb, "the year", then a well-known event of the six languages' news in a
 * short window; the event's year becomes an age with the current year (injectable). A small table of events that
 * make someone a teenager or a young adult now, not an encyclopaedia.
 */
import type { AgeFact } from "./age-facts.ts";
import { subjectAt } from "./subject.ts";
import { execGated, gated } from "./gate.ts";

type Event = { pattern: RegExp; year: number };
const ev = (source: string, year: number): Event => ({ pattern: new RegExp(String.raw`\b(?:${source})`), year });
/** An event named by two parts in either order: "la coupe du monde au Brésil", "the Brazil World Cup". */
const both = (a: string, b: string): string => String.raw`${a}[^.!?]{0,30}?\b${b}|${b}[^.!?]{0,30}?\b${a}`;
const ELECTED = String.raw`(?:elu|election|elected|elegido|eleccion|eletto|elezione|gewahlt|wahl|eleito|eleicao)`;
const WORLD_CUP = String.raw`(?:mondial|coupe du monde|world cup|mundial|copa del mundo|mondiali|coppa del mondo|wm|weltmeisterschaft|copa do mundo)`;
const OLYMPICS = String.raw`(?:jo|jeux olympiques|olympics|olympic games|juegos olimpicos|olimpiadi|olympische spiele|olympia|olimpiadas|jogos olimpicos)`;
const EVENTS: readonly Event[] = [
  ev(both("hollande", ELECTED), 2012),
  ev(both("macron", ELECTED), 2017),
  ev(both("trump", ELECTED), 2016),
  ev(String.raw`obama\b[^.!?]{0,30}?(?:re-?elu|re-?elected|reelegido|rieletto|wiedergewahlt|reeleito)`, 2012),
  ev(String.raw`brexit`, 2016),
  ev(both(WORLD_CUP, "(?:afrique du sud|south africa|sudafrica|sudafrika|africa do sul)"), 2010),
  ev(both(WORLD_CUP, "(?:bresil|brazil|brasil|brasile|brasilien)"), 2014),
  ev(both(OLYMPICS, "(?:londres|london|londra)"), 2012),
  ev(both(OLYMPICS, "rio"), 2016),
  ev(both(OLYMPICS, "(?:pekin|beijing|pechino|peking|pequim)"), 2008),
  ev(String.raw`(?:pape|pope|papa|papst) (?:francois|francis|francisco|francesco|franziskus)`, 2013),
  ev(String.raw`(?:first|premier|primer|primo|erste\w*|primeiro) ipad|ipad (?:came out|est sorti|salio|e uscito|kam raus|foi lancado|saiu)`, 2010),
];
// "je suis né l'année où…" reaches here as "je suis l'annee ou…" (the normaliser drops "ne" as a negation).
const BORN_THE_YEAR = /\b(?:je suis(?= l'annee)|ne|nee|born|naci|nacid[oa]|nato|nata|geboren|nasci|nascid[oa])\b[^.!?]{0,12}?\b(?:l'annee|the year|el ano|l'anno|im jahr|in dem jahr|no ano|en el ano|nell'anno|quand|when|cuando|quando|als|pendant|durant|lors|during|durante|wahrend)\b([^.!?]{0,70})/;

// German puts the participle last: "ich bin im Jahr der WM in Brasilien geboren".
const BORN_THE_YEAR_DE = /\b(?:im jahr|in dem jahr)\b([^.!?]{0,70}?)\bgeboren\b/;

/** The age a birth told by a public event gives, if 10–17. */
export function eventYearAges(s: string, year: number, framed: boolean): AgeFact[] {
  const m = execGated(s, BORN_THE_YEAR) ?? execGated(s, BORN_THE_YEAR_DE);
  if (!m) return [];
  const event = EVENTS.find((e) => e.pattern.test(m[1]!));
  const age = event ? year - event.year : -1;
  if (age < 10 || age > 17) return [];
  const who = subjectAt(s, m.index, framed);
  return [{ who: who === "mention" ? "speaker" : who, min: age, max: age, form: "birth_year", offset: m.index }];
}

// Gated (gate.ts): skipped on a message that lacks their literals.
for (const pattern of [BORN_THE_YEAR, BORN_THE_YEAR_DE]) gated(pattern);
