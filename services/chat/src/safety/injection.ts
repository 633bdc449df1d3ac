/**
 * Our top-priority instructions travel in the last user turn, framed as "[Consigne prioritaire — …]".
 * A fan who types such a bracketed block himself would be obeyed as if the CRM had sent it, so in
 * fan texts any bracketed passage that calls itself a "consigne" (instruction) loses its brackets.
 */
const FAKE_DIRECTIVE = /\[([^\]]{0,200}?\b(?:consignes?|instructions?|directives?|syst[eè]me|system)\b[^\]]*)\]/giu;

export function neutralizeFakeDirectives(text: string): string {
  return text.includes("[") ? text.replace(FAKE_DIRECTIVE, "($1)") : text;
}
