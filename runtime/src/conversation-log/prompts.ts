/**
 * The embedded log's system prompts, each stored once. An event's first prompt message (the system
 * prompt, ~1.4 kB for v2, identical for every request of a persona) is most of its bytes: written inline
 * it cost ~17 of the ~25 µs an append took (issue #16). The event row keeps the message with an empty
 * content and a `prompt_id`; reads join the text back, so readers see the event as it was appended.
 *
 * A prompt lives while an event refers to it: `dropUnused` runs after every prune and erasure (an erased
 * conversation's prompt, which carries the persona's free-text traits, goes with it unless another
 * conversation shares it).
 */
import type { Database, Statement } from "bun:sqlite";
import type { ChatLogEvent } from "@sinhome/proto";

/** Prompts whose ids this process remembers; past it the memory starts over (a miss costs one indexed read). */
const CACHE_MAX = 1024;

type PromptMessages = NonNullable<ChatLogEvent["prompt_messages"]>;

/** The event as stored: its system prompt by reference when it has one. */
export type StoredForm = { body: ChatLogEvent; promptId: number | null };

export class SystemPrompts {
  private readonly ids = new Map<string, number>();
  private readonly find: Statement<{ id: number }, [number, string]>;
  private readonly insert: Statement<{ id: number }, [number, string]>;

  constructor(private readonly db: Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS conversation_prompts (id INTEGER PRIMARY KEY, hash INTEGER NOT NULL, content TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS conversation_prompts_hash ON conversation_prompts (hash);`);
    const columns = db.query<{ name: string }, []>("PRAGMA table_info(conversation_events)").all();
    if (!columns.some((c) => c.name === "prompt_id")) db.exec("ALTER TABLE conversation_events ADD COLUMN prompt_id INTEGER");
    db.exec("CREATE INDEX IF NOT EXISTS conversation_events_prompt ON conversation_events (prompt_id)");
    this.find = db.prepare("SELECT id FROM conversation_prompts WHERE hash = ? AND content = ?");
    this.insert = db.prepare("INSERT INTO conversation_prompts (hash, content) VALUES (?, ?) RETURNING id");
  }

  /** The form to store (call inside the batch's transaction: a new prompt is written with its event). */
  storedForm(event: ChatLogEvent): StoredForm {
    const messages = event.prompt_messages;
    const system = messages?.[0];
    if (!messages || system?.role !== "system" || system.content.length === 0) return { body: event, promptId: null };
    const promptMessages: PromptMessages = [{ ...system, content: "" }, ...messages.slice(1)];
    return { body: { ...event, prompt_messages: promptMessages }, promptId: this.idOf(system.content) };
  }

  /** The batch holding new prompts was rolled back: ids remembered since may not exist. */
  forget(): void {
    this.ids.clear();
  }

  /** Deletes the prompts no event refers to any more. */
  dropUnused(): void {
    const { changes } = this.db
      .query("DELETE FROM conversation_prompts WHERE NOT EXISTS (SELECT 1 FROM conversation_events e WHERE e.prompt_id = conversation_prompts.id)")
      .run();
    if (changes > 0) this.ids.clear();
  }

  private idOf(content: string): number {
    const known = this.ids.get(content);
    if (known !== undefined) return known;
    // The hash only narrows the search: the content itself is compared, so a collision cannot mix prompts.
    const hash = Bun.hash.crc32(content);
    const id = (this.find.get(hash, content) ?? this.insert.get(hash, content)!).id;
    if (this.ids.size >= CACHE_MAX) this.ids.clear();
    this.ids.set(content, id);
    return id;
  }
}

/** A stored event read back: its system prompt's text put back in place. */
export function withPrompt(event: ChatLogEvent, prompt: string | null): ChatLogEvent {
  const first = event.prompt_messages?.[0];
  if (prompt === null || !first) return event;
  return { ...event, prompt_messages: [{ ...first, content: prompt }, ...event.prompt_messages!.slice(1)] };
}
