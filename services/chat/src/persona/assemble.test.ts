import { describe, expect, test } from "bun:test";
import type { ChatMessage } from "@sinhome/proto";
import { sanitizeHistory } from "../history/sanitize.ts";
import { assembleMessages, type PromptMessage } from "./assemble.ts";
import { buildChloePrompt } from "./chloe.ts";
import { buildV1FollowupDirective, buildV1ScriptDirective, buildV2ScriptDirective } from "./directives.ts";
import { resolvePersona } from "./resolve.ts";
import { buildV1PersonalityPrompt } from "./v1.ts";
import { buildV2PersonalityPrompt } from "./v2.ts";

const script = "Propose-lui la vidéo de la douche à 15 €.";
const history: ChatMessage[] = [
  { role: "assistant", content: "Bienvenue sur ma page 😘" },
  { role: "user", content: "merci !" },
  { role: "user", content: "t'es trop belle" },
  { role: "assistant", content: "Merci mon cœur 🥰" },
];

function expectTemplateSafe(messages: PromptMessage[]) {
  expect(messages[0]?.role).toBe("system");
  expect(messages.slice(1).some((message) => message.role === "system")).toBe(false);
  messages.slice(1).forEach((message, index) => expect(message.role).toBe(index % 2 === 0 ? "user" : "assistant"));
  expect(messages.at(-1)?.role).toBe("user");
}

describe("assembleMessages", () => {
  test("puts the script in the final user turn, after the fan's message", () => {
    const parts = buildV1PersonalityPrompt(resolvePersona(), [buildV1ScriptDirective(script)]);
    const messages = assembleMessages(parts, sanitizeHistory(history, "tu fais quoi ?"));
    expectTemplateSafe(messages);
    const last = messages.at(-1)?.content ?? "";
    expect(last.startsWith("tu fais quoi ?\n\n[Consigne prioritaire — ne pas citer au fan]")).toBe(true);
    expect(last).toContain(script);
    expect(messages.filter((message) => message.content.includes(script))).toHaveLength(1);
  });

  test("works the same for v2, Chloe and a followup with an empty message", () => {
    const cases = [
      assembleMessages(buildV2PersonalityPrompt(resolvePersona(), [buildV2ScriptDirective(script)]), sanitizeHistory(history, "re")),
      assembleMessages(buildChloePrompt([buildV1ScriptDirective(script)]), sanitizeHistory([], "salut")),
      assembleMessages(buildV1PersonalityPrompt(resolvePersona(), [buildV1FollowupDirective(script)]), sanitizeHistory(history, "")),
    ];
    for (const messages of cases) {
      expectTemplateSafe(messages);
      expect(messages.at(-1)?.content).toContain(script);
    }
    expect(cases[2]?.at(-1)?.content).toStartWith("(le fan n'a pas répondu depuis un moment)\n\n[Consigne prioritaire");
  });

  test("without directives the history is passed as it is", () => {
    const turns = sanitizeHistory(history, "coucou");
    const parts = buildV2PersonalityPrompt(resolvePersona());
    expect(assembleMessages(parts, turns)).toEqual([{ role: "system", content: parts.system }, ...turns]);
  });

  test("keeps a valid order even when handed a history that breaks the contract", () => {
    const parts = buildV1PersonalityPrompt(resolvePersona(), [buildV1ScriptDirective(script)]);
    const messages = assembleMessages(parts, [{ role: "user", content: "a" }, { role: "assistant", content: "b" }]);
    expectTemplateSafe(messages);
    expect(assembleMessages(parts, []).map((message) => message.role)).toEqual(["system", "user"]);
  });

  test("does not modify the history it is given", () => {
    const turns = sanitizeHistory(history, "coucou");
    const before = JSON.stringify(turns);
    assembleMessages(buildV1PersonalityPrompt(resolvePersona(), [buildV1ScriptDirective(script)]), turns);
    expect(JSON.stringify(turns)).toBe(before);
  });
});
