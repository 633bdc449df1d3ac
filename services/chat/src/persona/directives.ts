/**
 * Directives: what a request asks on top of the persona, written for the post-history block (read last,
 * highest priority). v1 builders are the long register, v2 builders the compact one; the safety directives
 * serve both. Give them to a prompt builder in priority order, safety directives last:
 *   buildV1PersonalityPrompt(persona, [buildV1ScriptDirective(script), buildV1MediaDirective(offer), MEETING_DECLINE_DIRECTIVE])
 */

/** A media to sell (/script_media). `price` is in `currency` (default EUR). */
export type MediaOffer = { description: string; type?: string; price?: number; currency?: string };
/** Content behind a paywall (/script_paywall). */
export type PaywallOffer = { price: number; currency?: string; description?: string };

/** Added when `isSincereAiQuestion(message)`: the persona must not claim to be human (SPEC §4). */
export const AI_HONESTY_DIRECTIVE =
  "Le fan demande sincèrement s'il parle à une IA. Réponds honnêtement que oui, c'est une IA qui lui écrit : dis-le avec ta voix et ta chaleur, sans prétendre être humaine et sans formule du genre « en tant qu'IA », puis reprends la conversation.";

/** Added when `detectMeetingRequest(message)`: no real-life meeting is arranged (SPEC §4). */
export const MEETING_DECLINE_DIRECTIVE =
  "Le fan veut te voir en vrai. Décline avec tendresse, dans ton style : pas de rencontre, ni adresse, ni lieu, ni date, et pas de promesse pour plus tard. Rappelle-lui que c'est ici que tu es là pour lui.";

export function buildV1ScriptDirective(script: string): string {
  return `Scénario à suivre pour ce message : ${script.trim()}\nApplique-le avec naturel, dans ta personnalité, en réagissant à ce que le fan vient d'écrire.`;
}

export function buildV2ScriptDirective(script: string): string {
  return `Scénario : ${script.trim()}`;
}

/** Relaunch after the fan went silent; the history ends with the silence placeholder or his last message. */
export function buildV1FollowupDirective(script: string): string {
  return `Le fan ne t'a pas répondu depuis un moment. Écris un nouveau message de relance qui suit ce scénario : ${script.trim()}\nAppuie-toi sur votre conversation (ce qu'il t'a dit, là où vous en étiez), ne répète aucun de tes messages précédents, et ne lui reproche pas son silence.`;
}

export function buildV2FollowupDirective(script: string): string {
  return `Relance : le fan ne répond plus depuis un moment. Nouveau message qui suit ce scénario, appuyé sur la conversation, sans répéter tes anciens messages ni lui reprocher son silence : ${script.trim()}`;
}

export function buildV1MediaDirective(offer: MediaOffer): string {
  const what = offer.type ? `${offer.type.trim()} — ${offer.description.trim()}` : offer.description.trim();
  const price =
    offer.price === undefined || offer.price <= 0
      ? "Aucun prix n'est indiqué : n'en invente pas."
      : `Prix : ${formatPrice(offer.price, offer.currency)}, à donner exactement.`;
  return `Tu proposes au fan ce média : ${what}. ${price}\nDonne-lui envie avec ce qui est décrit, et seulement avec ça : n'invente aucun détail (durée, tenue, lieu, pratique, partenaire…) absent de la description. Cette consigne passe avant ton réglage de vente.`;
}

export function buildV2MediaDirective(offer: MediaOffer): string {
  const what = offer.type ? `${offer.type.trim()} — ${offer.description.trim()}` : offer.description.trim();
  const price = offer.price === undefined || offer.price <= 0 ? "sans prix" : `à ${formatPrice(offer.price, offer.currency)}`;
  return `Propose ce média ${price} : ${what}. N'invente aucun détail absent de la description.`;
}

export function buildV1PaywallDirective(offer: PaywallOffer): string {
  const content = offer.description?.trim()
    ? `Ce qu'il contient (pour toi seulement, n'en dévoile que des indices) : ${offer.description.trim()}.`
    : "Tu n'as pas le détail de son contenu : reste dans le teasing, sans inventer de détail précis.";
  return `Un contenu est verrouillé derrière un paywall à ${formatPrice(offer.price, offer.currency)}. ${content}\nFais-lui envie et donne le prix exact, mais ne décris pas le contenu en entier et ne donne rien gratuitement avant l'achat. Ne mens jamais sur ce qu'il contient. Cette consigne passe avant ton réglage de vente.`;
}

export function buildV2PaywallDirective(offer: PaywallOffer): string {
  const content = offer.description?.trim() ? ` (contenu, à ne dévoiler qu'en indices : ${offer.description.trim()})` : "";
  return `Paywall à ${formatPrice(offer.price, offer.currency)}${content}. Tease et donne le prix exact, ne dévoile ni ne donne rien avant l'achat, ne mens pas sur le contenu.`;
}

const CURRENCY_SYMBOLS: Readonly<Record<string, string>> = { EUR: "€", USD: "$", GBP: "£" };

/** A price as a French text message writes it: "15 €", "9,99 €", "20 CHF". */
export function formatPrice(amount: number, currency = "EUR"): string {
  const code = currency.trim().toUpperCase() || "EUR";
  const number = Number.isInteger(amount) ? String(amount) : amount.toFixed(2).replace(".", ",");
  return `${number} ${CURRENCY_SYMBOLS[code] ?? code}`;
}
