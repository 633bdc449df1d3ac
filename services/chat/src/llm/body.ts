/**
 * The JSON text of a chat-completion request, byte for byte what `JSON.stringify(body)` gives, but with the
 * encoding of long message texts kept: the system prompt of a persona is the same ~2 KB from one request to
 * the next (persona/v2.ts hands back the same string), and re-escaping it was the largest JSON.stringify of
 * the all-in-one's chat path (profile, issue #16). Short texts and unusual messages go through
 * JSON.stringify as before.
 */
import { BoundedMemo } from "../memo.ts";

/** Below this length, encoding is cheaper than the cache lookup. */
const MIN_CACHED = 256;
const encoded = new BoundedMemo<string>(1024);

export type CompletionBody = { model: string; messages: readonly unknown[] } & Record<string, unknown>;

function messageJson(m: unknown): string {
  if (typeof m !== "object" || m === null) return JSON.stringify(m) ?? "null";
  const { role, content } = m as { role?: unknown; content?: unknown };
  const plain = typeof role === "string" && typeof content === "string" && content.length >= MIN_CACHED;
  // Only the exact shape { role, content } in that order: anything else keeps JSON.stringify's own output.
  if (!plain || !isRoleContent(m)) return JSON.stringify(m) ?? "null";
  return `{"role":${JSON.stringify(role)},"content":${encoded.get(content, () => JSON.stringify(content))}}`;
}

function isRoleContent(m: object): boolean {
  let i = 0;
  for (const key in m) {
    if (!Object.hasOwn(m, key)) continue;
    if (key !== (i === 0 ? "role" : i === 1 ? "content" : "")) return false;
    i++;
  }
  return i === 2 && !("toJSON" in m);
}

/** `JSON.stringify(body)` for a body whose first two keys are `model` and `messages`. */
export function completionBodyJson(body: CompletionBody): string {
  const { model, messages, ...rest } = body;
  if (typeof model !== "string" || !Array.isArray(messages)) return JSON.stringify(body);
  const tail = JSON.stringify(rest);
  const parts = new Array<string>(messages.length);
  for (let i = 0; i < messages.length; i++) parts[i] = messageJson(messages[i]);
  return `{"model":${JSON.stringify(model)},"messages":[${parts.join(",")}]${tail === "{}" ? "}" : `,${tail.slice(1)}`}`;
}
