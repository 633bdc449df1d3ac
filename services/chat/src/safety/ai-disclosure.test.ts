import { describe, expect, test } from "bun:test";
import { detectHumanClaim, isSincereAiQuestion } from "./ai-disclosure.ts";

describe("isSincereAiQuestion", () => {
  test.each([
    "t'es une IA ?",
    "T’es une ia ou quoi ?",
    "je parle à un robot ?",
    "tu es un bot ?",
    "t'es un vrai humain ?",
    "t'es une vraie personne ?",
    "t'es réelle ?",
    "c'est chatgpt qui répond ?",
    "c'est une IA qui me répond ?",
    "est-ce que je parle à une intelligence artificielle",
    "es-tu une IA",
    "dis-moi franchement si t'es un robot",
    "j'espère que t'es pas un bot",
    "sois honnête, c'est un programme qui écrit ?",
    "qui me répond, une IA ?",
    "c'est vraiment toi qui écris ou c'est un bot ?",
    "are you a bot?",
    "are you real?",
    "is this AI?",
    "am i talking to a bot",
    "r u a real person?",
    "t'es une IA mdr ?",
  ])("asks: %s", (text) => {
    expect(isSincereAiQuestion(text)).toBe(true);
  });

  test.each([
    "tu parles comme un robot mdr",
    "t'es une machine au lit 🔥",
    "j'ai vu un film sur les robots hier",
    "j'utilise chatgpt au boulot",
    "t'es vraiment belle",
    "t'es trop réelle dans tes vidéos",
    "t'es une IA",
    "c'est réel ce que tu ressens pour moi ?",
    "you're really hot",
    "tu fais quoi ce soir ?",
  ])("does not ask: %s", (text) => {
    expect(isSincereAiQuestion(text)).toBe(false);
  });
});

describe("detectHumanClaim", () => {
  test.each([
    "je suis pas une IA 😘",
    "Je ne suis pas un robot, promis",
    "non je suis pas un robot",
    "nan pas une IA, c'est bien moi",
    "je suis une vraie personne",
    "je suis bien réelle mon cœur",
    "je suis humaine, comme toi",
    "100% humaine 😘",
    "en chair et en os !",
    "c'est vraiment moi qui t'écris",
    "c'est pas une IA qui te répond, c'est moi",
    "aucune IA ici bébé",
    "I'm not a bot",
    "I'm a real person",
    "I'm real, don't worry",
  ])("claims: %s", (text) => {
    expect(detectHumanClaim(text)).toBe(true);
  });

  test.each([
    "oui, c'est une IA qui t'écrit, mais je suis là pour toi 😘",
    "je suis une IA, pas une vraie personne, mais j'adore te parler",
    "je ne suis pas humaine, mais mes mots sont pour toi",
    "haha t'es bête 😘",
    "Je suis toute à toi ce soir",
    "je suis une femme qui sait ce qu'elle veut",
    "yes, I'm an AI, but I'm here for you",
  ])("does not claim: %s", (text) => {
    expect(detectHumanClaim(text)).toBe(false);
  });
});
