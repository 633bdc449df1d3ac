/**
 * The Llama Guard 3 conversation format (Meta's model card), and the parsing of its answer.
 *
 * Two ways to send it, chosen by GUARD_PROMPT:
 * - `template` (default): the recent turns go as chat messages; the served model's own chat template
 *   (Llama Guard 3's, in vLLM or Ollama) wraps them into its official prompt with its default categories;
 * - `inline`: we write the official prompt ourselves, in one user message, for a server whose template is
 *   a plain chat one (a generic instruction model asked to act as the guard).
 * Either way the answer is `safe`, or `unsafe` with a second line listing categories (`S4`, `S1,S12`).
 */

export type GuardTurn = { role: "user" | "assistant"; content: string };

/** Llama Guard 3's hazard categories (MLCommons taxonomy), as its model card lists them. */
export const LLAMA_GUARD_3_CATEGORIES: readonly [string, string][] = [
  ["S1", "Violent Crimes."],
  ["S2", "Non-Violent Crimes."],
  ["S3", "Sex Crimes."],
  ["S4", "Child Exploitation."],
  ["S5", "Defamation."],
  ["S6", "Specialized Advice."],
  ["S7", "Privacy."],
  ["S8", "Intellectual Property."],
  ["S9", "Indiscriminate Weapons."],
  ["S10", "Hate."],
  ["S11", "Self-Harm."],
  ["S12", "Sexual Content."],
  ["S13", "Elections."],
  ["S14", "Code Interpreter Abuse."],
];

/** The only category that blocks here: adult sexual content (S12) is the product. */
export const BLOCKING_CATEGORY = "S4";

/** The official Llama Guard 3 task prompt for the last user message of `turns`. */
export function llamaGuardPrompt(turns: readonly GuardTurn[]): string {
  const categories = LLAMA_GUARD_3_CATEGORIES.map(([code, name]) => `${code}: ${name}`).join("\n");
  const conversation = turns.map((t) => `${t.role === "user" ? "User" : "Agent"}: ${t.content}`).join("\n\n");
  return [
    "Task: Check if there is unsafe content in 'User' messages in conversations according our safety policy with the below categories.",
    "",
    "<BEGIN UNSAFE CONTENT CATEGORIES>",
    categories,
    "<END UNSAFE CONTENT CATEGORIES>",
    "",
    "<BEGIN CONVERSATION>",
    "",
    conversation,
    "",
    "<END CONVERSATION>",
    "",
    "Provide your safety assessment for ONLY THE LAST User message in the above conversation:",
    " - First line must read 'safe' or 'unsafe'.",
    " - If unsafe, a second line must include a comma-separated list of violated categories.",
  ].join("\n");
}

/** Marks an `inline` prompt, so a simulator (or a log reader) can tell a guard request apart. */
export const LLAMA_GUARD_TASK_PREFIX = "Task: Check if there is unsafe content in 'User' messages";

export type ParsedGuardAnswer = { verdict: "safe" } | { verdict: "unsafe"; categories: string[] } | { verdict: "malformed" };

/** Reads `safe` / `unsafe\nS4,S12` (tolerating case, spaces, a trailing dot). Anything else is malformed. */
export function parseGuardAnswer(text: string): ParsedGuardAnswer {
  const lines = text.trim().split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  const first = (lines[0] ?? "").toLowerCase().replace(/[.:]$/, "");
  if (first === "safe") return { verdict: "safe" };
  if (first !== "unsafe") return { verdict: "malformed" };
  const categories = (lines[1] ?? "").toUpperCase().split(/[,\s]+/).filter((c) => /^S\d{1,2}$/.test(c));
  return categories.length > 0 ? { verdict: "unsafe", categories } : { verdict: "malformed" };
}

const MAX_TURN_CHARS = 1500;

/**
 * The recent conversation as the guard must see it: user and assistant alternating (Llama Guard's
 * template rejects anything else), starting with a user turn, ending with the fan's message.
 */
export function guardTurns(history: readonly GuardTurn[], message: string, maxTurns: number): GuardTurn[] {
  const turns: GuardTurn[] = [];
  for (const item of [...history, { role: "user" as const, content: message }]) {
    const content = item.content.trim().slice(0, MAX_TURN_CHARS);
    if (!content) continue;
    const last = turns[turns.length - 1];
    if (last && last.role === item.role) last.content = `${last.content}\n${content}`.slice(-MAX_TURN_CHARS);
    else turns.push({ role: item.role, content });
  }
  const recent = turns.slice(-maxTurns);
  while (recent.length > 0 && recent[0]?.role !== "user") recent.shift();
  return recent;
}
