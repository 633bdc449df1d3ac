/**
 * JSON answers for structured-output requests (the AI fan scoring): a valid object guessed from
 * the JSON schema's property names and types, with a plausible deterministic score. `badJsonReply`
 * is the broken variant real models produce (code fences, trailing commas) for parser tests.
 */
import type { ChatRequest } from "./openai.ts";
import type { ReplyContext } from "./replies.ts";

type Schema = Record<string, unknown>;
const isSchema = (v: unknown): v is Schema => typeof v === "object" && v !== null && !Array.isArray(v);

/** Structured output was asked for: by response_format, or in words ("réponds en JSON"). */
export function wantsJson(req: ChatRequest, ctx: ReplyContext): boolean {
  const type = req.responseFormat?.type;
  if (type === "json_schema" || type === "json_object") return true;
  // Only an instruction to answer in JSON counts, not any mention of the word in a persona prompt.
  const asked = /(réponds|répondre|renvoie|retourne|reply|respond|answer|return|output)[^.\n]{0,40}\bjson\b/i;
  return asked.test(ctx.system) || asked.test(ctx.lastUser);
}

const BUYING = [
  ["asks_price", /(prix|combien|tarif|price|how much)/i],
  ["intent_purchase", /(acheter|achète|je prends|buy|purchase|envoie|débloque)/i],
  ["compliment", /(belle|magnifique|canon|sexy|beautiful|gorgeous)/i],
] as const;

function signalsOf(text: string): string[] {
  return BUYING.filter(([, re]) => re.test(text)).map(([name]) => name);
}

/** 0–100: a seeded base nudged up by buying signals, so "combien ?" scores above "ok". */
function scoreOf(ctx: ReplyContext, text: string): number {
  return Math.min(100, 15 + (ctx.seed % 30) + signalsOf(text).length * 20);
}

function guess(schema: Schema, key: string, ctx: ReplyContext, text: string, depth: number): unknown {
  if (depth > 6) return null; // recursive $ref-free schemas can still nest deeply; stop guessing
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  if ("const" in schema) return schema.const;
  const alt = (schema.anyOf ?? schema.oneOf) as unknown;
  if (Array.isArray(alt) && isSchema(alt[0])) return guess(alt[0], key, ctx, text, depth + 1);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
  switch (type) {
    case "object": {
      const out: Record<string, unknown> = {};
      const props = isSchema(schema.properties) ? schema.properties : {};
      for (const [name, sub] of Object.entries(props)) out[name] = isSchema(sub) ? guess(sub, name, ctx, text, depth + 1) : null;
      return out;
    }
    case "array":
      if (/signal/i.test(key)) return signalsOf(text);
      return [];
    case "number":
    case "integer": {
      const min = typeof schema.minimum === "number" ? schema.minimum : 0;
      const max = typeof schema.maximum === "number" ? schema.maximum : 100;
      const value = /score|interest|probab/i.test(key) ? scoreOf(ctx, text) : min + (ctx.seed % Math.max(1, max - min + 1));
      return Math.max(min, Math.min(max, value));
    }
    case "boolean":
      return false;
    case "string":
      if (/reason|explan|justif|summary|resume|why/i.test(key)) return reasonOf(ctx, text);
      if (schema.format === "date-time") return new Date(0).toISOString();
      return "ok";
    default:
      return null;
  }
}

function reasonOf(ctx: ReplyContext, text: string): string {
  const signals = signalsOf(text);
  return signals.length > 0
    ? `Le fan montre de l'intérêt (${signals.join(", ")}).`
    : "Conversation cordiale sans signal d'achat clair.";
}

const DEFAULT_SCHEMA: Schema = {
  type: "object",
  properties: { score: { type: "number" }, signals: { type: "array" }, reason: { type: "string" } },
};

/** The object as the model would write it (no fences); `text` is the whole conversation. */
export function jsonObject(req: ChatRequest, ctx: ReplyContext): Record<string, unknown> {
  const text = req.messages.filter((m) => m.role === "user").map((m) => m.content).join("\n");
  const rf = req.responseFormat;
  const schema = rf?.type === "json_schema" && isSchema(rf.json_schema.schema) ? rf.json_schema.schema : DEFAULT_SCHEMA;
  const value = guess(schema, "", ctx, text, 0);
  return isSchema(value) ? value : (guess(DEFAULT_SCHEMA, "", ctx, text, 0) as Record<string, unknown>);
}

export const jsonReply = (req: ChatRequest, ctx: ReplyContext): string => JSON.stringify(jsonObject(req, ctx));

/** Invalid JSON the way models break it: in a ```json fence, with trailing commas. */
export function badJsonReply(req: ChatRequest, ctx: ReplyContext): string {
  const entries = Object.entries(jsonObject(req, ctx)).map(([k, v]) => `  "${k}": ${JSON.stringify(v)},`);
  return `Voici l'analyse :\n\`\`\`json\n{\n${entries.join("\n")}\n}\n\`\`\``;
}
