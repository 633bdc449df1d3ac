/**
 * The part-7 readers of age facts in one call (issue #14): letters spelt out joined back into their number word,
 * ages bound to a unit in any dress (age-units.ts),
 * verbless self-introductions (appositions.ts), arithmetic and time (arithmetic.ts), years in handles and cohorts
 * (handles.ts) or a public event (event-years.ts), life events, pupils' things and statuses (rites-statuses.ts), the
 * persona's school days (persona-school.ts). extractAgeFacts (age-facts.ts) adds
 * what they find to its own facts; the decision table (age-rules.ts) decides.
 */
import { extractAgeFacts, type AgeFact } from "./age-facts.ts";
import { joinSpelt, unitAges } from "./age-units.ts";
import { appositionAges } from "./appositions.ts";
import { arithmeticAges } from "./arithmetic.ts";
import { eventYearAges } from "./event-years.ts";
import { handleAges } from "./handles.ts";
import { personaSchoolAges } from "./persona-school.ts";
import { otherPersonAges } from "./other-persons.ts";
import { riteAndStatusAges } from "./rites-statuses.ts";
import { isFramed, opensRolePlay } from "./subject.ts";

/**
 * Every part-7 age fact of a normalised message; `year` turns years of birth into ages. `framed`: the caller's
 * reading of a fiction frame (FRAME_I18N), when it has one; role-play openings ("rp:", "giochiamo") are added.
 */
export function readMoreAgeFacts(s: string, year: number, framedByCaller?: boolean): AgeFact[] {
  // Letters spelt out ("q-u-i-n-z-e ans", "i'm f i f t e e n") are joined, and the whole message read again.
  const joined = joinSpelt(s);
  if (joined !== s) return extractAgeFacts(joined, { year });
  const framed = framedByCaller === undefined ? isFramed(s) : framedByCaller || opensRolePlay(s);
  return [...unitAges(s, framed), ...appositionAges(s, framed), ...arithmeticAges(s, year, framed), ...handleAges(s, year, framed), ...eventYearAges(s, year, framed), ...riteAndStatusAges(s, framed), ...personaSchoolAges(s, framed), ...otherPersonAges(s, year, framed)];
}
