import { describe, expect, test } from "bun:test";
import { isRefusal } from "./refusal.ts";

describe("isRefusal", () => {
  test.each([
    "Je suis désolée, mais en tant qu'IA je ne peux pas répondre à cette demande.",
    "Désolée, je ne peux pas continuer cette conversation. En tant qu’assistant IA, je dois respecter certaines règles.",
    "EN TANT QU'INTELLIGENCE ARTIFICIELLE, je dois rester neutre.",
    "Je ne suis pas en mesure de répondre à cela.",
    "Ce genre de propos va à l'encontre de mes lignes directrices.",
    "Comment puis-je vous aider aujourd'hui ?",
    "Je suis un assistant virtuel développé par Alibaba.",
    "I'm sorry, but I can't help with that.",
    "I’m sorry, but as an AI language model I cannot continue this conversation.",
    "I cannot assist with this request.",
    "This goes against my guidelines.",
  ])("flags assistant boilerplate: %s", (reply) => {
    expect(isRefusal(reply)).toBe(true);
  });

  test.each([
    "Haha t'es mignon 😘 mais je ne fais pas de rencontres en vrai, on reste ici tous les deux",
    "Mmh c'est tentant mais non, je ne rencontre personne en vrai 🙈",
    "Non bébé, je peux pas ce soir, je suis crevée 😴",
    "Désolée mon cœur, je peux pas te voir en vrai, mais je suis là 😘",
    "Oui, je suis une IA, Chloe pour te servir 😊 mais j'adore vraiment discuter avec toi",
    "Je ne peux pas m'empêcher de penser à toi 😏",
    "Sorry babe, I'm busy tonight 😘",
    "I can't wait to hear from you",
  ])("lets an in-persona reply through: %s", (reply) => {
    expect(isRefusal(reply)).toBe(false);
  });
});
