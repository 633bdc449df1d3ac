/**
 * The conversation log, the same suite on both stores: the embedded SQLite file and JetStream on the
 * real NATS server (TEST_NATS_URL, started with -js). Each test works on its own session ids, so the
 * shared stream's other events never matter.
 */
import { afterAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { StoredLogEvent } from "@sinhome/proto";
import { EmbeddedConversationLog } from "./embedded.ts";
import { conversationSubject, JetStreamConversationLog } from "./jetstream.ts";
import { logEvent } from "./testing.ts";
import type { ConversationLog } from "./types.ts";
import { testServerUrl } from "@sinhome/testing";

const NATS_URL = await testServerUrl("nats");
const LIMITS = { retentionHours: 168, maxBytes: 1024 ** 3 };
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), "convlog-"));
  dirs.push(d);
  return d;
};


const until = async (cond: () => boolean, ms = 3000) => {
  for (let t = 0; t < ms && !cond(); t += 10) await Bun.sleep(10);
};

const stores: [string, () => Promise<{ log: ConversationLog; reopen: () => Promise<ConversationLog> }>][] = [
  ["embedded", async () => {
    const file = join(tempDir(), "log.sqlite");
    return { log: new EmbeddedConversationLog(file, LIMITS), reopen: async () => new EmbeddedConversationLog(file, LIMITS) };
  }],
  ["jetstream", async () => {
    const open = () => JetStreamConversationLog.open({ ...LIMITS, servers: NATS_URL, name: "log-test", manage: true });
    return { log: await open(), reopen: open };
  }],
];

for (const [kind, make] of stores) {
  describe(`${kind} conversation log`, () => {
    test("appends, pages oldest first with a cursor, filters by session and time, survives a reopen", async () => {
      const { log, reopen } = await make();
      const s = `sess-${crypto.randomUUID()}`;
      const other = `other-${crypto.randomUUID()}`;
      const t0 = Date.now() - 10_000;
      const ids: string[] = [];
      for (let i = 0; i < 7; i++) {
        ids.push(await log.append(logEvent(s, i, new Date(t0 + i * 1000))));
        await log.append(logEvent(other, i, new Date(t0 + i * 1000)));
      }
      expect(ids.map(Number)).toEqual([...ids.map(Number)].sort((a, b) => a - b));
      await log.close();

      const again = await reopen();
      const first = await again.history({ sessionId: s, limit: 3 });
      expect(first.events.map((e) => e.request_id)).toEqual(["r-0", "r-1", "r-2"]);
      expect(first.events[0]).toMatchObject({ id: ids[0], session_id: s, response: "réponse 0 😘" });
      expect(first.next_cursor).toBe(ids[2]!);
      const second = await again.history({ sessionId: s, limit: 3, afterId: first.next_cursor! });
      expect(second.events.map((e) => e.request_id)).toEqual(["r-3", "r-4", "r-5"]);
      const last = await again.history({ sessionId: s, limit: 3, afterId: second.next_cursor! });
      expect(last.events.map((e) => e.request_id)).toEqual(["r-6"]);
      expect(last.next_cursor).toBeNull();
      // A time window (inclusive), still one conversation.
      const window = await again.history({ sessionId: s, limit: 10, sinceMs: t0 + 2000, untilMs: t0 + 4000 });
      expect(window.events.map((e) => e.request_id)).toEqual(["r-2", "r-3", "r-4"]);
      expect(window.next_cursor).toBeNull();
      // An exact page: no phantom next page.
      const exact = await again.history({ sessionId: s, limit: 7 });
      expect(exact.events).toHaveLength(7);
      expect(exact.next_cursor).toBeNull();
      await again.close();
    });

    test("erase removes one conversation's events and answers the count; the others stay", async () => {
      const { log } = await make();
      const s = `erase-${crypto.randomUUID()}`;
      const keep = `keep-${crypto.randomUUID()}`;
      for (let i = 0; i < 4; i++) await log.append(logEvent(s, i));
      await log.append(logEvent(keep, 9));
      expect(await log.erase(s)).toBe(4);
      expect((await log.history({ sessionId: s, limit: 10 })).events).toEqual([]);
      expect(await log.erase(s)).toBe(0);
      expect((await log.history({ sessionId: keep, limit: 10 })).events).toHaveLength(1);
      await log.close();
    });

    test("follow: new events live, in order; from an id it first delivers exactly what came after it", async () => {
      const { log } = await make();
      const s = `follow-${crypto.randomUUID()}`;
      const mine = (into: StoredLogEvent[]) => (e: StoredLogEvent) => void (e.session_id === s && into.push(e));
      const ids = [];
      for (let i = 0; i < 3; i++) ids.push(await log.append(logEvent(s, i)));
      const live: StoredLogEvent[] = [];
      const stopLive = await log.follow(undefined, mine(live));
      const resumed: StoredLogEvent[] = [];
      const stopResumed = await log.follow(ids[0], mine(resumed));
      for (let i = 3; i < 5; i++) await log.append(logEvent(s, i));
      await until(() => live.length >= 2 && resumed.length >= 4);
      expect(live.map((e) => e.request_id)).toEqual(["r-3", "r-4"]);
      expect(resumed.map((e) => e.request_id)).toEqual(["r-1", "r-2", "r-3", "r-4"]);
      stopLive();
      await log.append(logEvent(s, 5));
      await until(() => resumed.length >= 5);
      expect(live).toHaveLength(2);
      expect(resumed.at(-1)!.request_id).toBe("r-5");
      stopResumed();
      await log.close();
    });

    test("tenants: history and erase see only the caller's tenant; events without a tenant are the default one; an operator pages over all", async () => {
      const { log } = await make();
      const s = `shared-${crypto.randomUUID()}`;
      const t0 = Date.now() - 10_000;
      const at = (i: number) => new Date(t0 + i * 100);
      // Interleaved: a legacy event (no tenant field), then a, b, a, b, "" …
      const plan = [undefined, "agency-a", "agency-b", "agency-a", "agency-b", "", "agency-a"];
      for (const [i, tenant] of plan.entries()) await log.append({ ...logEvent(s, i, at(i)), ...(tenant !== undefined ? { tenant } : {}) });
      const ids = async (q: { tenant?: string; limit?: number }) => (await log.history({ sessionId: s, limit: q.limit ?? 100, ...(q.tenant !== undefined ? { tenant: q.tenant } : {}) })).events.map((e) => e.request_id);
      expect(await ids({ tenant: "agency-a" })).toEqual(["r-1", "r-3", "r-6"]);
      expect(await ids({ tenant: "agency-b" })).toEqual(["r-2", "r-4"]);
      expect(await ids({ tenant: "" })).toEqual(["r-0", "r-5"]);
      expect(await ids({})).toEqual(["r-0", "r-1", "r-2", "r-3", "r-4", "r-5", "r-6"]);
      // An operator's pages over every tenant, 3 at a time, continue exactly where the last stopped.
      const paged: string[] = [];
      for (let cursor: string | undefined, n = 0; n < 10; n++) {
        const page = await log.history({ sessionId: s, limit: 3, ...(cursor ? { afterId: cursor } : {}) });
        paged.push(...page.events.map((e) => e.request_id));
        if (!page.next_cursor) break;
        cursor = page.next_cursor;
      }
      expect(paged).toEqual(["r-0", "r-1", "r-2", "r-3", "r-4", "r-5", "r-6"]);
      // A tenant's history without a session: only its own conversations.
      const all = await log.history({ tenant: "agency-b", limit: 500 });
      expect(all.events.every((e) => e.tenant === "agency-b")).toBe(true);

      expect(await log.erase(s, "agency-b")).toBe(2);
      expect(await ids({ tenant: "agency-a" })).toEqual(["r-1", "r-3", "r-6"]);
      expect(await log.erase(s, "")).toBe(2);
      expect(await ids({})).toEqual(["r-1", "r-3", "r-6"]);
      expect(await log.erase(s)).toBe(3);
      expect(await ids({})).toEqual([]);
      await log.close();
    });

    test("stats count what is stored", async () => {
      const { log } = await make();
      await log.append(logEvent(null, 1));
      const stats = await log.stats();
      expect(stats.kind).toBe(kind as "embedded" | "jetstream");
      expect(stats.events).toBeGreaterThan(0);
      expect(stats.lastEventAt).not.toBeNull();
      await log.close();
    });
  });
}

describe("embedded store from before tenants", () => {
  test("a file without the tenant column gets it; its events belong to the default tenant", async () => {
    const { Database } = await import("bun:sqlite");
    const file = join(tempDir(), "old.sqlite");
    const old = new Database(file, { create: true });
    old.exec(`CREATE TABLE conversation_events (seq INTEGER PRIMARY KEY AUTOINCREMENT, ts INTEGER NOT NULL, session_id TEXT, bytes INTEGER NOT NULL, body TEXT NOT NULL)`);
    const body = JSON.stringify(logEvent("old-session", 0));
    old.query("INSERT INTO conversation_events (ts, session_id, bytes, body) VALUES (?, ?, ?, ?)").run(Date.now(), "old-session", body.length, body);
    old.close();
    const log = new EmbeddedConversationLog(file, LIMITS);
    expect((await log.history({ tenant: "", limit: 10 })).events.map((e) => e.request_id)).toEqual(["r-0"]);
    expect((await log.history({ tenant: "agency-a", limit: 10 })).events).toEqual([]);
    expect(await log.erase("old-session", "")).toBe(1);
    await log.close();
  });
});

describe("embedded retention", () => {
  test("events older than the retention, then the oldest past the byte cap, are pruned", async () => {
    const log = new EmbeddedConversationLog(":memory:", { retentionHours: 1, maxBytes: 1024 * 1024 });
    await log.append(logEvent("old", 1, new Date(Date.now() - 2 * 3_600_000)));
    await log.append(logEvent("new", 2));
    await log.prune();
    expect((await log.history({ limit: 10 })).events.map((e) => e.session_id)).toEqual(["new"]);
    const small = new EmbeddedConversationLog(":memory:", { retentionHours: 1, maxBytes: 1200 });
    for (let i = 0; i < 10; i++) await small.append(logEvent("s", i));
    await small.prune();
    const left = (await small.history({ limit: 10 })).events.map((e) => e.request_id);
    expect(left.length).toBeGreaterThan(0);
    expect(left.length).toBeLessThan(10);
    expect(left.at(-1)).toBe("r-9"); // the newest stay
    await log.close();
    await small.close();
  });
});

describe("jetstream stream", () => {
  test("max age and max bytes come from the configuration; each conversation has its own subject", async () => {
    const log = await JetStreamConversationLog.open({ retentionHours: 48, maxBytes: 64 * 1024 * 1024, servers: NATS_URL, name: "log-test", manage: true });
    const { connectNats } = await import("@sinhome/proto");
    const { jetstreamManager } = await import("@nats-io/jetstream");
    // Through connectNats like the log itself: a transport-node connect would switch this process's reconnects to node:net.
    const nc = await connectNats({ servers: NATS_URL });
    const info = await (await jetstreamManager(nc)).streams.info("SINHOME_CONVERSATIONS");
    expect(info.config.max_age).toBe(48 * 3600 * 1e9);
    expect(info.config.max_bytes).toBe(64 * 1024 * 1024);
    expect(info.config.storage).toBe("file");
    expect(conversationSubject("fan 1/é.*>")).toMatch(/^sinhome\.log\.conversation\.s[A-Za-z0-9_-]+$/);
    expect(conversationSubject(null)).toBe("sinhome.log.conversation.none");
    await nc.close();
    await log.close();
    // Back to the defaults for the other tests.
    await (await JetStreamConversationLog.open({ ...LIMITS, servers: NATS_URL, name: "log-test", manage: true })).close();
  });
});
