/**
 * The fine-tuning line formats as schemas, written from their documentation, to check exports line by line:
 * - SFT: OpenAI chat fine-tuning (https://platform.openai.com/docs/guides/supervised-fine-tuning), also what
 *   TRL's SFTTrainer reads as a "messages" (conversational) dataset;
 * - DPO: OpenAI preference fine-tuning (https://platform.openai.com/docs/guides/direct-preference-optimization):
 *   `input.messages`, then one `preferred_output` and one `non_preferred_output` assistant message.
 */
import { Type } from "@sinclair/typebox";
import { Value } from "@sinclair/typebox/value";

const Message = Type.Object({ role: Type.Union([Type.Literal("system"), Type.Literal("user"), Type.Literal("assistant")]), content: Type.String() }, { additionalProperties: false });
const AssistantOutput = Type.Array(Type.Object({ role: Type.Literal("assistant"), content: Type.String({ minLength: 1 }) }, { additionalProperties: false }), { minItems: 1, maxItems: 1 });

export const SftLine = Type.Object({ messages: Type.Array(Message, { minItems: 2 }) }, { additionalProperties: false });
export const DpoLine = Type.Object({
  input: Type.Object({ messages: Type.Array(Message, { minItems: 1 }) }, { additionalProperties: false }),
  preferred_output: AssistantOutput,
  non_preferred_output: AssistantOutput,
}, { additionalProperties: false });

/** What is wrong with one parsed line for a format (empty = valid). An SFT line must end with the assistant's message. */
export function formatErrors(line: unknown, format: "sft" | "dpo"): string[] {
  const schema = format === "sft" ? SftLine : DpoLine;
  const errors = [...Value.Errors(schema, line)].map((e) => `${e.path || "(line)"}: ${e.message}`);
  if (format === "sft" && errors.length === 0) {
    const messages = (line as { messages: { role: string }[] }).messages;
    if (messages.at(-1)?.role !== "assistant") errors.push("/messages: the last message must be the assistant's");
    if (!messages.some((m) => m.role === "user")) errors.push("/messages: no user message");
  }
  return errors;
}
