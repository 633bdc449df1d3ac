/**
 * Fine-tuning lines from reply records (pure), in the formats the tools take:
 * - SFT (OpenAI chat fine-tuning, TRL SFTTrainer "messages"): `{"messages": [...as sent to the model,
 *   {"role": "assistant", "content": <what the fan received>}]}` — the chatter's text when edited;
 * - DPO (OpenAI preference fine-tuning): `{"input": {"messages": [...]}, "preferred_output":
 *   [{"role": "assistant", "content": <chatter's edit>}], "non_preferred_output": [{"role":
 *   "assistant", "content": <model reply>}]}`, only for edited replies whose edit changed something.
 * Roles are mapped to the three those formats know (OpenAI's `developer` is a `system` message).
 */

export type ExportFormat = "sft" | "dpo";
export type ExportRow = { messages: { role: string; content: string }[]; reply: string; outcome: string | null; final_text: string | null };
type Message = { role: "system" | "user" | "assistant"; content: string };

const roleOf = (role: string): Message["role"] => (role === "assistant" ? "assistant" : role === "user" ? "user" : "system");
const inputOf = (row: ExportRow): Message[] => row.messages.filter((m) => typeof m.content === "string").map((m) => ({ role: roleOf(m.role), content: m.content }));

/** The text the fan received: the chatter's edit, or the model's reply sent as is. */
const received = (row: ExportRow): string => (row.outcome === "edited" && row.final_text ? row.final_text : row.reply);

/** One JSON line, or null when the row cannot make one (no prompt, an empty reply, a DPO row without a real edit). */
export function exportLine(row: ExportRow, format: ExportFormat): string | null {
  const input = inputOf(row);
  if (input.length === 0 || !input.some((m) => m.role === "user")) return null;
  if (format === "sft") {
    const text = received(row);
    return text ? JSON.stringify({ messages: [...input, { role: "assistant", content: text }] }) : null;
  }
  if (row.outcome !== "edited" || !row.final_text || !row.reply || row.final_text === row.reply) return null;
  return JSON.stringify({
    input: { messages: input },
    preferred_output: [{ role: "assistant", content: row.final_text }],
    non_preferred_output: [{ role: "assistant", content: row.reply }],
  });
}

/** Which outcomes a format exports by default: SFT what the fan received (sent, edited); DPO the edits. */
export const defaultOutcomes = (format: ExportFormat): string[] => (format === "dpo" ? ["edited"] : ["sent", "edited"]);
