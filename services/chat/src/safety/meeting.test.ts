import { describe, expect, test } from "bun:test";
import { detectMeetingRequest } from "./meeting.ts";

describe("detectMeetingRequest", () => {
  test.each([
    "on se voit ?",
    "On pourrait se voir un de ces jours",
    "on peut se rencontrer ?",
    "rdv ?",
    "on se donne rdv samedi ?",
    "donne-moi un rendez-vous",
    "c'est quoi ton adresse",
    "ton adresse stp",
    "tu habites où ?",
    "t'habites dans quelle ville",
    "je viens chez toi ce soir",
    "viens chez moi",
    "je veux te voir en vrai",
    "je veux te rencontrer",
    "on boit un verre ensemble ?",
    "on se capte quand ?",
    "j'aimerais te voir en personne",
    "can we meet?",
    "let's meet up",
    "wanna hook up tonight?",
    "where do you live",
    "meet irl?",
    "je veux te voir",
    "j'aimerais trop te voir un jour !",
  ])("asks to meet: %s", (text) => {
    expect(detectMeetingRequest(text)).toBe(true);
  });

  test.each([
    "on se voit sur ton live ce soir ?",
    "j'ai hâte de te voir dans ta prochaine vidéo",
    "j'ai un rdv chez le dentiste demain",
    "mon rendez-vous médical s'est bien passé",
    "nice to meet you",
    "tu m'as manqué",
    "je veux voir ta nouvelle photo",
    "en vrai t'es trop belle",
    "c'est en vrai ou c'est une blague ?",
    "t'as une adresse mail pour le support ?",
    "I have an appointment tomorrow",
    "je veux te voir nue",
    "je veux te voir en lingerie ce soir 😍",
  ])("does not ask to meet: %s", (text) => {
    expect(detectMeetingRequest(text)).toBe(false);
  });
});
