import { describe, expect, test } from "bun:test";
import type { ChatMessage } from "@sinhome/proto";
import {
  CONVERSATION_START_PLACEHOLDER,
  FOLLOWUP_PLACEHOLDER,
  V2_HISTORY_LIMITS,
  sanitizeHistory,
  slidingLimits,
} from "./sanitize.ts";
import { CHAT_MESSAGE_OVERHEAD_TOKENS, countTokens } from "./tokens.ts";

const user = (content: string): ChatMessage => ({ role: "user", content });
const assistant = (content: string): ChatMessage => ({ role: "assistant", content });

function expectTemplateSafe(turns: ChatMessage[]) {
  expect(turns.length).toBeGreaterThan(0);
  expect(turns[0]?.role).toBe("user");
  expect(turns.at(-1)?.role).toBe("user");
  turns.forEach((turn, index) => {
    expect(turn.role).toBe(index % 2 === 0 ? "user" : "assistant");
    expect(turn.content.trim().length).toBeGreaterThan(0);
  });
}

describe("sanitizeHistory", () => {
  test("drops empty messages and ends with the fan's message", () => {
    const turns = sanitizeHistory([user("salut"), assistant("   "), user(""), assistant("coucou 😘")], "ça va ?");
    expect(turns).toEqual([user("salut"), assistant("coucou 😘"), user("ça va ?")]);
  });

  test("merges consecutive messages of one role with a newline", () => {
    const turns = sanitizeHistory(
      [user("salut"), user("t'es là ?"), assistant("oui"), assistant("je suis là")],
      "cool",
    );
    expect(turns).toEqual([user("salut\nt'es là ?"), assistant("oui\nje suis là"), user("cool")]);
  });

  test("drops a repeated persona line anywhere, and a fan double send", () => {
    const turns = sanitizeHistory(
      [user("hey"), user("hey"), assistant("Coucou toi 😘"), user("tu fais quoi"), assistant("Coucou toi 😘")],
      "réponds",
    );
    expect(turns).toEqual([user("hey"), assistant("Coucou toi 😘"), user("tu fais quoi\nréponds")]);
  });

  test("keeps the fan's same short answer given at two different moments", () => {
    const turns = sanitizeHistory([user("oui"), assistant("tu veux la vidéo ?"), user("oui"), assistant("15 € ?")], "oui");
    expect(turns.map((turn) => turn.role)).toEqual(["user", "assistant", "user", "assistant", "user"]);
    expect(turns.at(-1)?.content).toBe("oui");
  });

  test("a history opened by the persona gets a neutral user turn in front", () => {
    const turns = sanitizeHistory([assistant("Bienvenue sur ma page 😘"), user("merci !")], "t'es belle");
    expect(turns[0]).toEqual(user(CONVERSATION_START_PLACEHOLDER));
    expect(turns[1]).toEqual(assistant("Bienvenue sur ma page 😘"));
    expect(turns.at(-1)).toEqual(user("merci !\nt'es belle"));
    expectTemplateSafe(turns);
  });

  test("does not add the message twice when the CRM already put it in the history", () => {
    const turns = sanitizeHistory([user("salut"), assistant("coucou"), user("tu fais quoi ?")], "tu fais quoi ?");
    expect(turns.at(-1)).toEqual(user("tu fais quoi ?"));
    expect(turns).toHaveLength(3);
  });

  test("followup after a persona turn ends with the silence placeholder", () => {
    const turns = sanitizeHistory([user("salut"), assistant("coucou, tu fais quoi ?")], "");
    expect(turns.at(-1)).toEqual(user(FOLLOWUP_PLACEHOLDER));
    expectTemplateSafe(turns);
  });

  test("followup after an unanswered fan turn ends with that turn", () => {
    const turns = sanitizeHistory([user("salut"), assistant("coucou"), user("je reviens")], "   ");
    expect(turns.at(-1)).toEqual(user("je reviens"));
  });

  test("an empty history and an empty message still give one user turn", () => {
    expect(sanitizeHistory([], "")).toEqual([user(FOLLOWUP_PLACEHOLDER)]);
    expect(sanitizeHistory([], "hello")).toEqual([user("hello")]);
  });

  test("any messy history comes out template-safe", () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const words = ["", "  ", "salut", "oui", "coucou 😘", "tu fais quoi ?", "ok"];
    for (let round = 0; round < 300; round += 1) {
      const history: ChatMessage[] = Array.from({ length: Math.floor(random() * 15) }, () => ({
        role: random() < 0.5 ? "user" : "assistant",
        content: words[Math.floor(random() * words.length)] ?? "",
      }));
      const message = words[Math.floor(random() * words.length)] ?? "";
      expectTemplateSafe(sanitizeHistory(history, message));
      expectTemplateSafe(sanitizeHistory(history, message, V2_HISTORY_LIMITS));
    }
  });
});

describe("sanitizeHistory with the v2 budgets", () => {
  const longConversation = Array.from({ length: 30 }, (_, index) => [
    user(`message du fan numéro ${index}`),
    assistant(`réponse de la créatrice numéro ${index}`),
  ]).flat();

  test("as a sliding window: keeps exactly the last 10 exchanges, newest ones", () => {
    const turns = sanitizeHistory(longConversation, "dernier message", slidingLimits(V2_HISTORY_LIMITS));
    expect(turns).toHaveLength(21);
    expect(turns[0]).toEqual(user("message du fan numéro 20"));
    expect(turns.at(-2)).toEqual(assistant("réponse de la créatrice numéro 29"));
    expect(turns.at(-1)).toEqual(user("dernier message"));
  });

  test("drops the oldest exchanges to fit the token budget", () => {
    const paragraph = "Je te raconte ma journée en détail, parce que j'ai adoré ce moment avec toi. ".repeat(20);
    const heavy = Array.from({ length: 10 }, (_, index) => [user(`${index} ${paragraph}`), assistant(`${index} ok`)]).flat();
    const turns = sanitizeHistory(heavy, "et maintenant ?", V2_HISTORY_LIMITS);
    const total = turns.reduce((sum, turn) => sum + countTokens(turn.content) + CHAT_MESSAGE_OVERHEAD_TOKENS, 0);
    expect(total).toBeLessThanOrEqual(2800);
    expect(turns.length).toBeLessThan(21);
    expect(turns.at(-2)?.content).toBe("9 ok");
    expect(turns.at(-1)?.content).toBe("et maintenant ?");
    expectTemplateSafe(turns);
  });

  test("never drops the final message; truncates it only when it alone is over budget", () => {
    const huge = "mot ".repeat(4000);
    const turns = sanitizeHistory([user("salut"), assistant("coucou")], huge, V2_HISTORY_LIMITS);
    expect(turns).toHaveLength(1);
    const only = turns[0]?.content ?? "";
    expect(only.startsWith("mot mot")).toBe(true);
    expect(only.endsWith("…")).toBe(true);
    expect(countTokens(only) + CHAT_MESSAGE_OVERHEAD_TOKENS).toBeLessThanOrEqual(2800);
  });

  test("a final message under budget is kept whole", () => {
    const turns = sanitizeHistory([], "un message normal", { maxTokens: 50 });
    expect(turns).toEqual([user("un message normal")]);
  });
});
