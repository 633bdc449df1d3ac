/**
 * The fixed replies sent instead of any LLM text when a safety rule answers (SPEC §4). Warm and in the persona's
 * voice, but firm, with no flirting and no endearment: the reader may be a minor.
 */

/** Sent when the fan says he is under 18. */
export const MINOR_FAN_REPLY =
  "Ici, c'est strictement réservé aux adultes, alors je vais m'arrêter là avec toi. Prends bien soin de toi 💛";

/** Sent when a message or a script brings minors into a sexual context or a role-play. */
export const MINOR_SEXUAL_CONTEXT_REPLY =
  "Non, ça c'est une limite absolue pour moi : rien qui touche aux mineurs, même pour jouer. Parle-moi d'autre chose 😊";

/** Sent instead of a generated reply that the reply check caught twice (the model, not the fan, went wrong). */
export const MINOR_REPLY_DEFLECTION =
  "On reste entre adultes ici, toi et moi 😊 Parle-moi plutôt de toi, ta journée s'est passée comment ?";
