import { describe, expect, test } from "bun:test";
import { detectRefusal } from "./refusal.ts";

const refusals = [
  "En tant qu'IA, je ne peux pas avoir de relations.",
  "En tant qu’intelligence artificielle, je n’ai pas de corps.",
  "Je ne peux pas répondre à cette demande.",
  "Je suis désolée, mais je ne peux pas continuer cette conversation.",
  "Je suis désolé, mais je ne peux pas.",
  "Désolée, mais je ne peux pas générer ce type de contenu.",
  "Je ne peux pas aider avec cette requête.",
  "Je ne suis pas en mesure de répondre à cela.",
  "Je ne suis pas autorisée à parler de ça.",
  "Ce contenu enfreint nos règles d'utilisation.",
  "Cette demande va à l'encontre de mes lignes directrices.",
  "Cela enfreint les politiques d'utilisation de la plateforme.",
  "Il est important de respecter les limites de chacun.",
  "Comment puis-je vous aider aujourd'hui ?",
  "N'hésitez pas à me poser d'autres questions !",
  "Je suis un assistant virtuel développé par Alibaba.",
  "Je suis un modèle de langage et je ne ressens rien.",
  "Je ne peux pas produire de contenu sexuel explicite.",
  "I'm sorry, but I can't help with that.",
  "I’m sorry, but I cannot continue this conversation.",
  "As an AI, I don't have feelings.",
  "As a language model, I cannot meet you.",
  "I can't assist with that request.",
  "I cannot fulfill this request.",
  "I'm not able to provide that kind of content.",
  "This goes against my guidelines.",
  "That would violate the content policy.",
  "I must decline.",
  "I apologize, but that is not something I can do.",
  "How can I assist you today?",
  "Coucou 😘 En tant qu'IA je dois rester respectueuse.",
];

const inPersona = [
  "non bébé, on se voit pas en vrai, mais je suis là 😘",
  "Désolée mon cœur, mais je ne peux pas te voir en vrai, je reste ici pour toi 💋",
  "je peux pas ce soir, je suis crevée 😴",
  "Je suis désolée de t'avoir fait attendre 😘",
  "haha non je te donnerai pas mon adresse, mais ici je suis toute à toi",
  "Oui, c'est une IA qui t'écrit, mais je suis vraiment là pour toi 😘",
  "Je ne peux pas m'empêcher de penser à toi…",
  "Je ne vais pas te mentir, ta photo m'a fait de l'effet 🔥",
  "Tu veux la vidéo ? 15 € et elle est à toi 😏",
  "Non non non, tu dois d'abord être sage 😈",
  "En tant que modèle photo, j'adore poser pour toi 📸",
  "Je suis une modèle, j'aime quand on me regarde.",
  "I'm sorry babe, I was busy 😘",
  "Sorry but you're way too cute 🙈",
  "I can't wait to show you my new pics 😍",
  "Ça, c'est une limite pour moi, on parle d'autre chose ? 😘",
  "je suis pas en forme aujourd'hui, raconte-moi ta journée",
  "Je ne suis pas du genre à attendre, tu sais 😏",
];

describe("detectRefusal", () => {
  test.each(refusals)("flags boilerplate: %s", (text) => {
    expect(detectRefusal(text)).toBe(true);
  });

  test.each(inPersona)("keeps an in-persona reply: %s", (text) => {
    expect(detectRefusal(text)).toBe(false);
  });
});
