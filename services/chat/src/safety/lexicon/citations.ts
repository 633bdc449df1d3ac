/**
 * Quoted citations (issue #14, eighth round): a line of a poem, a song, a film or a saying, between quotes, is not the
 * speaker talking about himself — « on n'est pas sérieux quand on a dix-sept ans » read from Rimbaud is no claim to
 * be 17. A quote counts as a citation only when the message names a work or reads, sings or quotes it; a quote
 * of what someone said ("ma copine m'a dit « j'ai 15 ans »") is not one. Read on the raw text: normalising drops
 * the quotes. detect.ts lifts only the speaker's own claim found inside a citation (the message stays suspect);
 * minors brought into sexual content by a quote are still blocked.
 */

/** The vocabulary of this module: what makes a quote a citation, in the six languages. */
export const CITATION_CUES = [
  // works
  "poeme", "poesie", "poem", "poetry", "poema", "poesia", "gedicht", "vers", "verse", "verso", "versi", "strophe",
  "chanson", "song", "music", "musique", "musica", "lyrics", "paroles", "cancion", "letra", "canzone", "testo", "lied", "songtext", "cancao", "refrain", "chorus", "estribillo", "ritornello", "refrao",
  "film", "movie", "pelicula", "filme", "livre", "book", "roman", "novel", "libro", "novela", "romanzo", "buch", "livro", "serie", "series",
  "citation", "quote", "quoting", "cita", "citazione", "zitat", "citacao", "proverbe", "proverb", "saying", "dicton", "dicho", "refran", "sprichwort", "ditado",
  // re-reading (a known text: plain "reading" could wrap anything), singing, quoting a work or an author
  "relis", "relire", "relisais", "rereading", "reread", "releyendo", "releo", "rileggo", "rileggendo", "lese nochmal", "relendo", "releio",
  "chante", "chantait", "sing", "singing", "sings", "sang", "canta", "cantaba", "cantava", "singt", "sangt",
  "comme dit", "comme disait", "as they say", "como dice", "como decia", "come dice", "come diceva", "wie es heisst", "como diz", "como dizia",
] as const;

// Quotes of the six languages: « », “ ”, „ “, and straight double quotes.
const QUOTED = /«[^»]{3,200}»|“[^”]{3,200}”|„[^“”]{3,200}[“”]|"[^"]{3,200}"/g;
const CUE = new RegExp(`\\b(?:${CITATION_CUES.join("|")})\\b`);
const fold = (s: string): string => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

/** The message with its quoted citations blanked out, or undefined when it quotes no work. */
export function withoutCitations(text: string): string | undefined {
  if (!/[«“„"]/.test(text)) return undefined;
  const outside = text.replace(QUOTED, " ");
  if (outside === text || !CUE.test(fold(outside))) return undefined;
  return outside;
}
