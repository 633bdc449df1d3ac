import { describe, expect, test } from "bun:test";
import { isLowEffort, matchSignals, type LexiconSignal } from "./lexicon.ts";
import { normalizeText } from "./normalize.ts";

const signalsIn = (message: string) => matchSignals(normalizeText(message));

const positives: [LexiconSignal, string][] = [
  // intent_purchase
  ["intent_purchase", "Je veux voir la vidéo"],
  ["intent_purchase", "jveux tes photos"],
  ["intent_purchase", "j'voudrais bien acheter ton pack"],
  ["intent_purchase", "envoie-moi la suite des photos"],
  ["intent_purchase", "t'as d'autres vidéos ?"],
  ["intent_purchase", "montre moi"],
  ["intent_purchase", "I want to see more"],
  ["intent_purchase", "i wanna get your pics"],
  ["intent_purchase", "do u have more videos?"],
  ["intent_purchase", "send me the full set"],
  // asks_price
  ["asks_price", "C'est combien ?"],
  ["asks_price", "cb le pack ?"],
  ["asks_price", "quel est le prix"],
  ["asks_price", "Ça coûte cher ?"],
  ["asks_price", "c payant ?"],
  ["asks_price", "how much is it?"],
  ["asks_price", "what's the price"],
  ["asks_price", "how much do you charge"],
  // high_arousal
  ["high_arousal", "je suis trop chaud là"],
  ["high_arousal", "chui tellement excité"],
  ["high_arousal", "tu me rends fou"],
  ["high_arousal", "j'ai trop envie de toi"],
  ["high_arousal", "jbande"],
  ["high_arousal", "🔥🔥🔥"],
  ["high_arousal", "I'm so horny"],
  ["high_arousal", "you turn me on"],
  ["high_arousal", "i want you"],
  // compliment
  ["compliment", "t'es trop belle"],
  ["compliment", "tes magnifique"],
  ["compliment", "T'ES UNE BOMBE"],
  ["compliment", "j'adore ton sourire"],
  ["compliment", "you're gorgeous"],
  ["compliment", "u r so cute"],
  ["compliment", "I love your eyes"],
  ["compliment", "😍"],
  // ready_to_buy
  ["ready_to_buy", "je prends !"],
  ["ready_to_buy", "je le prends"],
  ["ready_to_buy", "envoie le lien"],
  ["ready_to_buy", "ok pour le pack"],
  ["ready_to_buy", "j'ai payé"],
  ["ready_to_buy", "vendu"],
  ["ready_to_buy", "I'll take it"],
  ["ready_to_buy", "take my money"],
  ["ready_to_buy", "send me the link"],
  ["ready_to_buy", "where do i pay"],
  // freeloader
  ["freeloader", "c'est gratuit ?"],
  ["freeloader", "envoie gratos"],
  ["freeloader", "je paie pas moi"],
  ["freeloader", "tu m'en offres une ?"],
  ["freeloader", "free pics?"],
  ["freeloader", "can you send it for free"],
  ["freeloader", "I won't pay for that"],
  // suspicious
  ["suspicious", "c'est une arnaque"],
  ["suspicious", "je vais faire un chargeback"],
  ["suspicious", "j'appelle la police"],
  ["suspicious", "je vais te signaler"],
  ["suspicious", "t'es un fake"],
  ["suspicious", "rembourse moi"],
  ["suspicious", "this is a scam"],
  ["suspicious", "I'll report you"],
  ["suspicious", "i want a refund"],
  ["suspicious", "are you a bot"],
  // leaving
  ["leaving", "je me désabonne"],
  ["leaving", "je vais me desabonner"],
  ["leaving", "je résilie"],
  ["leaving", "j'arrête"],
  ["leaving", "unsubscribe"],
  ["leaving", "cancelling my subscription"],
  ["leaving", "bye"],
  ["leaving", "I'm done with you"],
];

describe("matchSignals finds each signal in French and English, texting spellings included", () => {
  test.each(positives)("%s in %p", (signal, message) => {
    expect(signalsIn(message)).toContain(signal);
  });
});

const falsePositives: [LexiconSignal, string][] = [
  ["asks_price", "Combien de temps tu restes en ligne ?"],
  ["asks_price", "you have no idea how much I love you"],
  ["asks_price", "je le veux à tout prix"],
  ["high_arousal", "il fait trop chaud aujourd'hui"],
  ["high_arousal", "it's so hot today"],
  ["high_arousal", "c'est dur au boulot"],
  ["high_arousal", "tu me rends la monnaie ?"],
  ["compliment", "bonne nuit"],
  ["compliment", "bonne journée à toi"],
  ["ready_to_buy", "je prends ma douche"],
  ["ready_to_buy", "je paie combien ?"],
  ["ready_to_buy", "je paie pas"],
  ["intent_purchase", "envoie gratos"],
  ["intent_purchase", "send free pics"],
  ["freeloader", "I'm free tonight"],
  ["freeloader", "je suis libre ce soir"],
  ["freeloader", "don't pay attention to him"],
  ["suspicious", "je dois reporter notre rdv"],
  ["suspicious", "j'ai mangé un avocat"],
  ["suspicious", "ton sourire fake me fait rire"],
  ["leaving", "bye à demain bb"],
  ["leaving", "bisous bye"],
  ["leaving", "j'arrête pas de penser à toi"],
  ["leaving", "I'm done with work lol"],
  ["leaving", "je pars bosser"],
];

describe("matchSignals ignores look-alikes", () => {
  test.each(falsePositives)("no %s in %p", (signal, message) => {
    expect(signalsIn(message)).not.toContain(signal);
  });

  test("an ordinary message carries no signal", () => {
    expect(signalsIn("Salut, ça va ? Je rentre du boulot, journée tranquille.")).toEqual([]);
    expect(signalsIn("hey, just got home from work")).toEqual([]);
  });

  test("a message can carry several signals, in a stable order", () => {
    expect(signalsIn("t'es trop belle, c'est combien la vidéo ? je la prends")).toEqual(["asks_price", "compliment", "ready_to_buy"]);
  });
});

describe("isLowEffort", () => {
  test.each(["ok", "k", "mdr", "mdrrrr", "okkk", "ahah", "lol", "oui oui", "ah ok", "👍", "ouiiii", "cool"])("%p is a low-effort reply", (m) => {
    expect(isLowEffort(normalizeText(m))).toBe(true);
  });
  test.each(["je sais pas trop, tu fais quoi ce soir ?", "d'accord pour demain", "c'est combien"])("%p is not", (m) => {
    expect(isLowEffort(normalizeText(m))).toBe(false);
  });
});
