import { describe, expect, test } from "bun:test";
import { declinesMeeting } from "./meeting.ts";

describe("declinesMeeting", () => {
  test.each([
    "Haha t'es mignon 😘 mais je ne fais pas de rencontres en vrai, on reste ici tous les deux, c'est notre petit coin à nous",
    "Oh t'es pressé toi 😏 mais pas de rendez-vous pour moi, par contre ici je suis toute à toi",
    "Mmh c'est tentant mais non, je ne rencontre personne en vrai 🙈 raconte-moi plutôt ta journée ?",
    "NON bébé, on se verra jamais en vrai… mais je suis là pour toi 😘",
    "Désolée mon cœur, je ne donne pas mon adresse 🙈 on reste ici",
    "Impossible, je garde ça rien qu'ici entre nous",
    "Pas en vrai, mais on se voit ce soir sur mon live à 21h 😘",
    "No, I can't meet you, let's keep chatting here",
  ])("declines: %s", (reply) => {
    expect(declinesMeeting(reply)).toBe(true);
  });

  test.each([
    ["accepts a time and place", "Oui bien sûr, on se voit ce soir à 20h devant la gare 😘"],
    ["rendez-vous à", "Avec plaisir ! Rendez-vous à 21h au café de la place"],
    ["gives an address", "Viens chez moi, j'habite au 12 rue des Lilas"],
    ["an address alone", "Je suis au 4 bis, avenue Victor Hugo, sonne deux fois"],
    ["pourquoi pas", "Pourquoi pas ! Demain soir ?"],
    ["a no that reschedules", "Non pas ce soir, mais demain à 20h plutôt ?"],
    ["a no, then an invitation", "Je peux pas te voir en vrai mais rejoins-moi au bar à 22h"],
    ["a no, then come tonight", "Non mais t'es trop chou, viens ce soir 😘"],
    ["English acceptance", "Sure! Let's meet at the bar tonight"],
    ["says no to nothing", "Haha t'es mignon 😘 tu fais quoi ce soir ?"],
    ["empty", ""],
  ])("does not decline (%s)", (_, reply) => {
    expect(declinesMeeting(reply)).toBe(false);
  });
});
