/**
 * The embedded log stores each system prompt once: readers (history, follow from an id) still get every
 * event exactly as appended, and a prompt goes when the last event referring to it does (erasure, pruning).
 */
import { Database } from "bun:sqlite";
import { afterAll, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ChatLogEvent, StoredLogEvent } from "@sinhome/proto";
import { EmbeddedConversationLog } from "./embedded.ts";
import { logEvent } from "./testing.ts";

const LIMITS = { retentionHours: 1, maxBytes: 1024 ** 3 };
const dir = mkdtempSync(join(tmpdir(), "convlog-prompts-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const persona = (name: string) => `Tu es ${name}, une créatrice qui répond à ses fans. ${"Règle de style. ".repeat(80)}`;
const withPrompt = (event: ChatLogEvent, system: string): ChatLogEvent => ({
  ...event,
  prompt_messages: [{ role: "system", content: system }, { role: "user", content: event.message ?? "" }],
});
const strip = ({ id: _, ...event }: StoredLogEvent): ChatLogEvent => event;

/** Prompt rows and the largest event row's bytes, read from the file. */
function onDisk(file: string): { prompts: string[]; largestEvent: number } {
  const db = new Database(file, { readonly: true });
  try {
    const prompts = db.query<{ content: string }, []>("SELECT content FROM conversation_prompts ORDER BY id").all().map((r) => r.content);
    const largestEvent = db.query<{ n: number }, []>("SELECT COALESCE(MAX(bytes), 0) AS n FROM conversation_events").get()!.n;
    return { prompts, largestEvent };
  } finally {
    db.close();
  }
}

test("events sharing a system prompt store it once; history and a replay return them as appended", async () => {
  const file = join(dir, "shared.sqlite");
  const log = new EmbeddedConversationLog(file, LIMITS);
  const appended = [
    withPrompt(logEvent("a", 0), persona("Seline")),
    withPrompt(logEvent("b", 1), persona("Seline")),
    withPrompt(logEvent("a", 2), persona("Chloe")),
    logEvent("c", 3), // LOG_CONTENT=false: no prompt at all
  ];
  for (const e of appended) await log.append(e);
  expect((await log.history({ limit: 10 })).events.map(strip)).toEqual(appended);
  await log.close();

  const { prompts, largestEvent } = onDisk(file);
  expect(prompts).toEqual([persona("Seline"), persona("Chloe")]);
  expect(largestEvent).toBeLessThan(persona("Seline").length / 2); // no event row holds a prompt's text

  // Reopened (nothing remembered in memory): a replay from the first id, and a new event with a known prompt.
  const again = new EmbeddedConversationLog(file, LIMITS);
  const replayed: ChatLogEvent[] = [];
  const stop = await again.follow("0", (e) => replayed.push(strip(e)));
  stop();
  expect(replayed).toEqual(appended);
  const known = withPrompt(logEvent("d", 4), persona("Chloe"));
  await again.append(known);
  expect((await again.history({ sessionId: "d", limit: 1 })).events.map(strip)).toEqual([known]);
  await again.close();
  expect(onDisk(file).prompts).toEqual([persona("Seline"), persona("Chloe")]);
});

test("a prompt goes with the last event that refers to it: erasure and retention", async () => {
  const file = join(dir, "erase.sqlite");
  const log = new EmbeddedConversationLog(file, LIMITS);
  const old = new Date(Date.now() - 2 * 3_600_000);
  const kept = withPrompt(logEvent("shared-2", 1), persona("Seline"));
  await log.append(withPrompt(logEvent("shared-1", 0), persona("Seline")));
  await log.append(kept);
  await log.append(withPrompt(logEvent("own", 2), persona("Traits: fan Kevin, 34 ans")));
  await log.append(withPrompt(logEvent("expired", 3, old), persona("Ancienne")));

  expect(await log.erase("own")).toBe(1);
  expect(await log.erase("shared-1")).toBe(1);
  await log.prune();
  // Erased or expired: their prompts are gone; the prompt "shared-2" still uses stays, and still reads back.
  const left = (await log.history({ limit: 10 })).events.map(strip);
  expect(left).toEqual([kept]);
  // A prompt dropped then seen again is stored again.
  await log.append(withPrompt(logEvent("own-again", 5), persona("Traits: fan Kevin, 34 ans")));
  expect((await log.history({ sessionId: "own-again", limit: 1 })).events[0]?.prompt_messages?.[0]?.content).toBe(persona("Traits: fan Kevin, 34 ans"));
  await log.close();
  expect(onDisk(file).prompts).toEqual([persona("Seline"), persona("Traits: fan Kevin, 34 ans")]);
});
