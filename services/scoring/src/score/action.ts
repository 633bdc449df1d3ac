/**
 * The CRM-facing next step, in French: "<TAG>: <what the fan shows>. <what to do>." It is chosen from
 * the dominant signal, then nuanced by the segment. Risk comes first: a fan talking about fraud or
 * leaving gets that action even if he also asked a price, because selling to him is the wrong move.
 */
import type { Segment } from "@sinhome/proto";
import type { SignalName } from "../signals/lexicon.ts";

/** Which signal decides the action when several are present, most important first. */
export const ACTION_PRIORITY: readonly SignalName[] = [
  "suspicious",
  "leaving",
  "ready_to_buy",
  "intent_purchase",
  "asks_price",
  "freeloader",
  "high_arousal",
  "disengaged",
  "compliment",
];

const highValue = (segment: Segment) => segment === "hot" || segment === "vip";

const BY_SIGNAL: Record<SignalName, (segment: Segment) => string> = {
  suspicious: () => "PRUDENCE: Signaux de fraude ou de litige (arnaque, remboursement, signalement). Ne rien envoyer de payant, faire vérifier le compte.",
  leaving: (s) =>
    highValue(s)
      ? "RÉTENTION: Fan précieux sur le départ. Message personnel et offre de fidélité, sans pression."
      : "RÉTENTION: Fan sur le départ. Relance douce et sincère, aucune vente dans ce message.",
  ready_to_buy: (s) =>
    s === "vip"
      ? "CLOSING VIP: Prêt à acheter. Envoyer le PPV/pack premium maintenant, avec une attention personnelle."
      : "CLOSING: Prêt à acheter. Envoyer le lien ou le PPV maintenant.",
  intent_purchase: (s) =>
    highValue(s)
      ? "CLOSING: Intention d'achat. Proposer PPV/pack."
      : "QUALIFICATION: Intérêt pour le contenu. Présenter l'offre avec un teaser et un prix clair.",
  asks_price: (s) =>
    highValue(s)
      ? "CLOSING: Demande de prix. Donner le prix et proposer le PPV/pack tout de suite."
      : "QUALIFICATION: Demande de prix. Annoncer le prix clairement et proposer un petit PPV d'entrée.",
  freeloader: () => "CADRAGE: Demande du gratuit. Rester chaleureuse, offrir au plus un teaser, puis orienter vers le payant.",
  high_arousal: (s) =>
    highValue(s)
      ? "UPSELL: Fan très excité. Proposer un contenu exclusif/PPV dans la foulée."
      : "CHAUFFE: Fan réceptif. Entretenir la tension et glisser un teaser.",
  disengaged: () => "RÉACTIVATION: Réponses courtes ou relances sans réponse. Changer de sujet, poser une question ouverte, ne pas vendre.",
  compliment: (s) =>
    highValue(s)
      ? "UPSELL: Fan attentionné et acheteur. Remercier personnellement et proposer un contenu exclusif."
      : "ENGAGEMENT: Fan attentionné. Remercier, personnaliser l'échange, préparer une offre.",
};

const BY_SEGMENT: Record<Segment, string> = {
  vip: "VIP: Fan fidèle et acheteur. Traitement prioritaire, contenu exclusif et attention personnelle.",
  hot: "UPSELL: Fan chaud. Proposer un PPV adapté à ses goûts.",
  warm: "NURTURING: Fan tiède. Créer du lien et teaser du contenu sans forcer.",
  cold: "RÉACTIVATION: Fan froid. Message de relance personnalisé, sans vente.",
};

/** The signal that decides the action, or undefined when none is present. */
export function dominantSignal(signals: readonly SignalName[]): SignalName | undefined {
  return ACTION_PRIORITY.find((name) => signals.includes(name));
}

export function recommendedAction(segment: Segment, signals: readonly SignalName[]): string {
  const dominant = dominantSignal(signals);
  return dominant ? BY_SIGNAL[dominant](segment) : BY_SEGMENT[segment];
}
