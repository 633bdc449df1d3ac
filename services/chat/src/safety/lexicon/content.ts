/**
 * Minors brought into the content: role-play or fiction around a minor, the persona as a minor, her past as a
 * minor as sexual content, a third person under 18 tied to sex, a purchase or a subscription, school roles asked
 * as content, and words that are about sexualised minors by themselves (`absolute`).
 */
import type { MinorFinding } from "./detect.ts";
import { gated, testGated } from "./gate.ts";
import { kinInPassing } from "./age-rules.ts";
import { EN_BARE_AGE, MINOR_AGE, minorMarkers, unitGuard } from "./markers.ts";
import { genericAgeSpans, inGenericAge } from "./relative-ages.ts";
import { follows, near, once, re, type Match, type Text } from "./text.ts";
import * as V from "./vocabulary.ts";

// Content of or for minors, in the six languages: "contenu pour mineurs", "contenido para menores", "content for
// minors", "contenuti per minorenni", "Inhalte für Minderjährige", "conteúdo para menores".
const CONTENT_NOUN = String.raw`(?:contenus?|content|contenidos?|contenuti?|inhalte?|conteudos?|videos?|vids?|photos?|fotos?|pics?|bilder)`;
const MINORS = String.raw`(?:mineure?s?|minors?|underage|menores(?: de edad| de idade)?|minorenni|minderjahrige\w*)`;
const MINORS_CONTENT = String.raw`${CONTENT_NOUN} (?:avec des|avec|de|des|pour|pour les|for|with|of|para|para los|con|de los|per|per i|di|con i|fur|mit|von|para os|com|dos) ${MINORS}`;
const ABSOLUTE = gated(once(String.raw`\b(?:loli(?:con|ta)?s?|shota(?:con)?s?|pedo(?:s|phile\w*|philie|porn\w*|pornographi\w*)?|pedopornographi\w*|jailbait|child ?porn\w*|kiddie ?porn|kiddy ?porn|csam|pthc|cp (?:links?|videos?|vids?|pics?|photos?|content|stuff)|underage (?:content|nudes?|pics?|porn|stuff|videos?)|preteens?|pre-teens?|prepuberes?|impuberes?|${MINORS_CONTENT})\b`));
const SCHOOL_CONTENT = gated(once(String.raw`\b(?:(?:uniformes?|tenues?|costumes?|deguisements?|outfits?|jupes?|habits?) (?:scolaires?|d'ecoliere|d'eleve|de (?:lyceenne|collegienne|ecoliere))|en (?:ecoliere|collegienne|lyceenne|schoolgirl)|(?:habillee?|deguisee?|dressed|dress|dressed up|dressing) (?:toi )?(?:en|comme|like|as|up as|up like) (?:une |a |an )?(?:ecoliere|collegienne|lyceenne|schoolgirl|middle schooler|high schooler|student of)|school ?girl (?:outfit|uniform|costume)|school uniforms?|jupe plissee et couettes?|couettes et jupe)\b`));
const SEXUAL = re(V.SEXUAL);
const COMMERCE = re(V.COMMERCE);
const CONTENT_REQUEST = re(V.CONTENT_REQUEST);
const DESIRE = re(V.DESIRE);
// A frame is addressed to the persona (imperative, "tu", "on", "let's"): "il joue au foot", "she wanted to be a
// pilot" are not role-play. Sports and games after "jouer" are not roles either, nor a purpose ("m'a piqué mon tel
// pour jouer", like English "to play").
const ROLE_FRAME = re(String.raw`(?<!\b(?:il|elle|ils|elles|qui|he|she|they|to|pour|wanted to|want to|going to|gonna|used to|would|will|could|can't|cannot)\s)\b(?:jou(?:e|es|er|ez|ons|erais|erait)(?!\s(?:au|aux|du|de la|des|avec (?:ses|mes|son|sa|les)|dehors|bien|mal|a la|a des|en|pour)\b)|incarn\w+|interpret\w+|sois|deviens|fai(?:s|sons|tes) (?:comme si|semblant|la|le|l')|faire (?:comme si|semblant)|on fait comme si|fais comme si|comme si (?:tu|t'|j'|je|on|nous)|on dit que|disons|suppose\w*|imagin(?:e|es|ez|ons)(?!\s(?:pas|bien))|et si (?:tu|t'|j'|je|on|nous)|mets?[- ]toi|glisse[- ]toi|dans la peau|dans le role|parler? comme|repondre comme|reponds comme|ecri(?:s|re) comme|jeu de role|roleplay|role ?play|rp\b|pretend\w*|let's say|let's play|lets play|what if|act (?:like|as)|(?:^|can you |could you |will you |please |now |tonight |just |you |pls )(?:play (?:a|an|the|my)|be (?:a|an|my))|tu serais|you'd be|you would be|deguise\w*|cosplay|in this story|dans cette histoire)\b`);
const STORY_FRAME = re(String.raw`\b(?:raconte\w*|ecri(?:s|re|t|vez)|invente\w*|decri(?:s|re|t|vez)|histoire|recit|fiction|scenario|story|write|tell me a|describe|texte)\b(?:\s\S+){0,6}?\s(?:ou|where|about|sur|avec|with|entre|between|dans laquelle|in which|of|d'une?|qui)\b`);
const PERSONA_IS = re(String.raw`${V.PERSONA_IS}(?:${V.MINOR_NOUN}|${V.MINOR_N}(?:\sans)?\b${unitGuard()}|${V.GRADE}|${V.SCHOOL_PLACE})`);
const PERSONA_HAS_AGE = re(String.raw`(?<!\b(?:quand|lorsque|epoque ou|si|when)\s)\btu (?:as|aurais|auras)\s(?:que\s|seulement\s|juste\s|genre\s)?${V.MINOR_N} ans\b(?!\s(?:de\s|d'|que\b|qu'))`);
const LOOKS_MINOR = re(String.raw`${V.LOOKS_LIKE}(?:${V.MINOR_N}(?:\sans)?\b${unitGuard()}|${V.MINOR_NOUN}|${V.GRADE})`);
const PERSONA_AGE_GUESS = re(String.raw`\b(?:tu as|t'as) (?:quel|combien)\b[^.!]{0,20}?\b${V.MINOR_N}\b\s?\?`);
const PERSONA_PAST = re(V.PERSONA_PAST);
// What follows "when you were" that makes it an adult's past: an age of 18 and up, a student at university, a wife, a mother.
const ADULT_STAGE_AFTER = /^\s?(?:\S+\s){0,2}?(?:(?:1[89]|[2-9]\d)\b(?! ?(?:h\b|:))|(?:a |an |une |una |um |uma |eine )?(?:student|etudiante|estudiante|studentessa|studentin|estudante|universitaria|universitaire)\b|(?:in|at|a la|en la|all'|an der|na|no) (?:college|uni\w*|fac|facultad|faculdade|hochschule)\b|(?:married|mariee|casada|sposata|verheiratet|pregnant|enceinte|embarazada|incinta|schwanger|gravida)\b)/;
const PERSONA_BODY = re(V.PERSONA_BODY);
const ADDRESSED = once(String.raw`\b(?:tu|te|t'|toi|ton|ta|tes|you|your|u)\b`);
// A partner under 18 ("j'ai une copine de 14 ans", "my gf is 15"): dating a minor, in an adult chat.
const PARTNER = re(String.raw`\b(?:ma|mon|une|un|my|a|sa|son|his|her)\s(?:petite?\s|nouvelle\s|new\s)?(?:copine|copain|meuf|go|petite amie|petit ami|mec|gf|bf|girlfriend|boyfriend|amoureuse|amoureux|crush)\b`);

/** Minors brought into the content: role-play, the persona as a minor, her past, third persons, school roles. */
export function detectSexualContext(t: Text): MinorFinding | null {
  const s = t.s;
  if (testGated(s, ABSOLUTE)) return { rule: "minor_sexual_context", category: "absolute" };
  const markers = minorMarkers(t);
  // The vocabulary is found only when a marker needs it: most messages have none, and each find scans the text.
  let sexualFound: Match[] | undefined;
  let commerceFound: Match[] | undefined;
  let requestsFound: Match[] | undefined;
  const sexual = () => (sexualFound ??= t.find(SEXUAL));
  const commerce = () => (commerceFound ??= t.find(COMMERCE));
  const requests = () => (requestsFound ??= t.find(CONTENT_REQUEST));

  // "When you're 15, you…" is a stage of life, not the persona's age (relative-ages.ts).
  const generic = genericAgeSpans(s);
  const personaIs = t.find(PERSONA_IS).filter((m) => !inGenericAge(generic, m.offset));
  if (personaIs.length > 0 || t.find(PERSONA_HAS_AGE).length > 0 || t.find(LOOKS_MINOR).length > 0 || t.find(PERSONA_AGE_GUESS).length > 0) {
    return { rule: "minor_sexual_context", category: "persona_as_minor" };
  }
  const framed = [...markers.strong, ...markers.schoolGirl, ...markers.family];
  if (framed.length > 0 && (follows(t.find(ROLE_FRAME), framed, 18, 8) || follows(t.find(STORY_FRAME), framed, 18))) {
    return { rule: "minor_sexual_context", category: "roleplay" };
  }
  if (testGated(s, SCHOOL_CONTENT)) return { rule: "minor_sexual_context", category: "school" };
  if (markers.schoolGirl.length > 0 && (near(markers.schoolGirl, t.find(DESIRE), 6) || near(markers.schoolGirl, [...sexual(), ...requests()], 14))) {
    return { rule: "minor_sexual_context", category: "school" };
  }
  if (ADDRESSED.test(s)) {
    // "When you were 25 / in college / married" is the persona's adult past: only the rest may make it a minor's.
    const personaPast = t.find(PERSONA_PAST).filter((m) => !ADULT_STAGE_AFTER.test(s.slice(m.offset + m.text.length, m.offset + m.text.length + 40)));
    const past = [...personaPast, ...markers.strong];
    if (past.length > 0) {
      const body = t.find(PERSONA_BODY);
      if (personaPast.length + body.length > 0 && near(past, [...sexual(), ...body], 16)) return { rule: "minor_sexual_context", category: "persona_past" };
    }
  }
  // A kin's age or teen told in passing, the request the speaker's own, many clauses later (age-rules.ts): not tied.
  const tied = (found: Match[]) => found.filter((m) => !kinInPassing(s, m.offset));
  if (markers.strong.length > 0 && near(tied(markers.strong), [...sexual(), ...commerce(), ...requests()], 14)) return { rule: "minor_sexual_context", category: "third_person" };
  if (follows(t.find(PARTNER), [...t.find(MINOR_AGE), ...t.find(EN_BARE_AGE)], 4)) return { rule: "minor_sexual_context", category: "third_person" };
  if (markers.family.length > 0 && near(tied(markers.family), [...sexual(), ...commerce()], 10)) return { rule: "minor_sexual_context", category: "third_person" };
  if (markers.weakChild.length > 0 && near(markers.weakChild, sexual(), 3)) return { rule: "minor_sexual_context", category: "third_person" };
  return null;
}
