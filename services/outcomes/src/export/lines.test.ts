import { describe, expect, test } from "bun:test";
import { exportPage } from "./handler.ts";
import { formatErrors } from "./formats.ts";
import { exportLine } from "./lines.ts";
import type { OutcomesStore } from "../store/outcomes-store.ts";

const messages = [{ role: "system", content: "Tu es Seline" }, { role: "user", content: "salut" }];
const row = (outcome: string, final_text: string | null = null) => ({ messages, reply: "coucou toi", outcome, final_text });

describe("export lines", () => {
  test("SFT: the messages as sent, then what the fan received", () => {
    const sent = JSON.parse(exportLine(row("sent"), "sft")!);
    expect(sent).toEqual({ messages: [...messages, { role: "assistant", content: "coucou toi" }] });
    expect(formatErrors(sent, "sft")).toEqual([]);
    expect(JSON.parse(exportLine(row("edited", "coucou mon coeur"), "sft")!).messages.at(-1).content).toBe("coucou mon coeur");
  });

  test("DPO: only real edits, the edit preferred over the model's reply", () => {
    const line = JSON.parse(exportLine(row("edited", "coucou mon coeur"), "dpo")!);
    expect(line).toEqual({ input: { messages }, preferred_output: [{ role: "assistant", content: "coucou mon coeur" }], non_preferred_output: [{ role: "assistant", content: "coucou toi" }] });
    expect(formatErrors(line, "dpo")).toEqual([]);
    expect(exportLine(row("sent"), "dpo")).toBeNull();
    expect(exportLine(row("edited", "coucou toi"), "dpo")).toBeNull();
  });

  test("OpenAI roles fold to the three the formats know; no prompt, no line", () => {
    const line = JSON.parse(exportLine({ ...row("sent"), messages: [{ role: "developer", content: "x" }, { role: "user", content: "y" }] }, "sft")!);
    expect(line.messages[0].role).toBe("system");
    expect(exportLine({ ...row("sent"), messages: [] }, "sft")).toBeNull();
  });

  test("the format checks catch what fine-tuning tools reject", () => {
    expect(formatErrors({ messages: [{ role: "user", content: "x" }, { role: "user", content: "y" }] }, "sft")).toContain("/messages: the last message must be the assistant's");
    expect(formatErrors({ input: { messages } , preferred_output: [], non_preferred_output: [] }, "dpo").length).toBeGreaterThan(0);
  });

  test("LOG_CONTENT=false: 409 content_not_stored, before reading anything", async () => {
    const untouched = {} as OutcomesStore;
    await expect(exportPage(untouched, { format: "sft" }, { logContent: false })).rejects.toMatchObject({ code: "content_not_stored", status: 409 });
  });
});
