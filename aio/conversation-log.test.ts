/**
 * The persisted conversation log end to end, as an operator uses it through the gateway:
 * - all-in-one (embedded store under DATA_DIR): history pages, erase, and the log surviving a restart
 *   of the whole process, SSE resuming across it;
 * - mesh (separate processes over the real NATS with JetStream): two chat instances append, ops reads,
 *   and the log survives a restart of ops.
 */
import { afterAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { LogHistoryResponse } from "@sinhome/proto";
import { SseReader } from "@sinhome/gateway/src/sse-client.testing.ts";
import { startAllInOne } from "./start.ts";
import { testServerUrl } from "@sinhome/testing";
import { freePort, instances, MeshProcesses, waitFor } from "./harness.ts";

const NATS_URL = await testServerUrl("nats");
const KEY = "log-test-key";
const auth = { authorization: `Bearer ${KEY}` };
const dataDir = mkdtempSync(join(tmpdir(), "sinhome-log-aio-"));
const mesh = new MeshProcesses({ NATS_URL, LOG_LEVEL: "warn", HEALTH_PORT: "0" });

afterAll(async () => {
  await mesh.stopAll();
  rmSync(dataDir, { recursive: true, force: true });
});

const chat = (base: string, session: string, message: string) =>
  fetch(`${base}/v2/personality_chat`, {
    method: "POST",
    headers: { "content-type": "application/json", ...auth },
    // The CRM's nulls are fine too.
    body: JSON.stringify({ session_id: session, message, history: null, persona_data: null }),
  });

const history = async (base: string, query: string): Promise<LogHistoryResponse> => {
  const res = await fetch(`${base}/logs/history?${query}`, { headers: auth });
  expect(res.status).toBe(200);
  return (await res.json()) as LogHistoryResponse;
};

/**
 * The distinct messages of a page, in order. A chat request the gateway re-sent (its replica looked
 * stalled, bus/liveness.ts) is answered — and logged — twice: the log records what happened.
 */
const messages = (page: LogHistoryResponse) => [...new Set(page.events.map((e) => e.message))];

/** Events are stored after the reply (fire-and-forget): wait until `n` are there. */
async function historyOf(base: string, session: string, n: number): Promise<LogHistoryResponse> {
  for (let i = 0; i < 100; i++) {
    const page = await history(base, `session_id=${encodeURIComponent(session)}&limit=500`);
    if (page.events.length >= n) return page;
    await Bun.sleep(30);
  }
  throw new Error(`fewer than ${n} events for ${session}`);
}

describe("all-in-one: the embedded log", () => {
  test("history pages oldest first, erase answers the count, and both survive a restart; SSE resumes across it", async () => {
    const env = { PORT: "0", HOST: "127.0.0.1", DATA_DIR: dataDir, LOG_LEVEL: "error", GATEWAY_API_KEYS: `ops:${KEY}` };
    let aio = await startAllInOne(env, { quiet: true });
    const keep = `fan-keep-${crypto.randomUUID()}`;
    const erase = `fan-erase-${crypto.randomUUID()}`;
    for (let i = 0; i < 5; i++) {
      expect((await chat(aio.url, keep, `message ${i}`)).status).toBe(200);
      await Bun.sleep(3); // distinct millisecond timestamps: the `since` window below is cut at one of them
    }
    for (let i = 0; i < 2; i++) expect((await chat(aio.url, erase, `autre ${i}`)).status).toBe(200);
    const all = await historyOf(aio.url, keep, 5);
    expect(messages(all)).toEqual(["message 0", "message 1", "message 2", "message 3", "message 4"]);
    expect(all.events[0]).toMatchObject({ endpoint: "/v2/personality_chat", session_id: keep, backend: "simulator" });
    expect(typeof all.events[0]!.response).toBe("string");

    // Paged by 2, each page continuing where the last one stopped, the last one saying so.
    const paged: string[] = [];
    let pages = 0;
    for (let cursor: string | null = ""; cursor !== null; pages++) {
      const page = await history(aio.url, `session_id=${keep}&limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      expect(page.events.length).toBeLessThanOrEqual(2);
      paged.push(...page.events.map((e) => e.id));
      cursor = page.next_cursor;
    }
    expect(paged).toEqual(all.events.map((e) => e.id));
    expect(pages).toBe(Math.ceil(all.events.length / 2));
    // A time window, and the bounds of the API.
    const since = encodeURIComponent(all.events.find((e) => e.message === "message 3")!.timestamp);
    expect(messages(await history(aio.url, `session_id=${keep}&since=${since}`))).toEqual(["message 3", "message 4"]);
    expect((await fetch(`${aio.url}/logs/history?limit=501`, { headers: auth })).status).toBe(422);
    expect((await fetch(`${aio.url}/logs/history?since=yesterday`, { headers: auth })).status).toBe(422);
    expect((await fetch(`${aio.url}/logs/history`)).status).toBe(401);

    // A fan's erasure request.
    const toErase = await historyOf(aio.url, erase, 2);
    const erased = await fetch(`${aio.url}/logs/session/${encodeURIComponent(erase)}`, { method: "DELETE", headers: auth });
    expect(await erased.json()).toEqual({ session_id: erase, erased: toErase.events.length });
    expect((await history(aio.url, `session_id=${erase}`)).events).toEqual([]);
    const lastId = all.events.at(-1)!.id;

    await aio.stop();
    aio = await startAllInOne(env, { quiet: true });
    const after = await history(aio.url, `session_id=${keep}`);
    expect(after.events.map((e) => e.id)).toEqual(all.events.map((e) => e.id));
    expect((await history(aio.url, `session_id=${erase}`)).events).toEqual([]);

    // A viewer that saw `lastId` before the restart resumes with exactly what came after it.
    expect((await chat(aio.url, keep, "après le redémarrage")).status).toBe(200);
    await historyOf(aio.url, keep, all.events.length + 1);
    const res = await fetch(`${aio.url}/logs/stream?token=${KEY}`, { headers: { "last-event-id": lastId } });
    expect(res.status).toBe(200);
    const sse = new SseReader(res.body!);
    const [resumed] = await sse.next(1);
    expect(resumed).toMatchObject({ type: "message" });
    expect(JSON.parse(resumed!.data)).toMatchObject({ session_id: keep, message: "après le redémarrage" });
    expect(Number(resumed!.lastEventId)).toBeGreaterThan(Number(lastId));
    expect(await sse.drain(200)).toEqual([]);
    await sse.close();
    await aio.stop();
  }, 60_000);
});

describe("mesh: JetStream", () => {
  test("two chat instances append, ops reads and erases; the log survives a restart of ops", async () => {
    const port = freePort();
    const base = `http://127.0.0.1:${port}`;
    mesh.spawn("gateway/src/main.ts", { PORT: String(port), HOST: "127.0.0.1", RATE_LIMIT_PER_MINUTE: "0", GATEWAY_API_KEYS: `ops:${KEY}` });
    mesh.spawn("services/chat/src/main.ts");
    mesh.spawn("services/chat/src/main.ts");
    let ops = mesh.spawn("services/ops/src/main.ts");
    await waitFor("the mesh up", async () => (await fetch(`${base}/logs/health`, { headers: auth })).status === 200 && (await instances(base, "chat")) === 2, 20_000);

    const session = `mesh-fan-${crypto.randomUUID()}`;
    const other = `mesh-erase-${crypto.randomUUID()}`;
    for (let i = 0; i < 6; i++) expect((await chat(base, session, `mesh ${i}`)).status).toBe(200);
    for (let i = 0; i < 3; i++) expect((await chat(base, other, `effacer ${i}`)).status).toBe(200);
    const before = await historyOf(base, session, 6);
    expect(messages(before)).toEqual([0, 1, 2, 3, 4, 5].map((i) => `mesh ${i}`));
    const health = (await (await fetch(`${base}/logs/health`, { headers: auth })).json()) as { store?: string; retention_hours?: number };
    expect(health).toMatchObject({ store: "jetstream", retention_hours: 168 });

    const toErase = await historyOf(base, other, 3);
    const erased = await fetch(`${base}/logs/session/${encodeURIComponent(other)}`, { method: "DELETE", headers: auth });
    expect(await erased.json()).toEqual({ session_id: other, erased: toErase.events.length });

    // Ops is stateless: the log lives in JetStream, a restarted ops reads the same events.
    ops.kill("SIGTERM");
    expect(await ops.exited).toBe(0);
    ops = mesh.spawn("services/ops/src/main.ts");
    await waitFor("ops back", async () => (await fetch(`${base}/logs/history?limit=1`, { headers: auth })).status === 200, 15_000);
    const after = await history(base, `session_id=${encodeURIComponent(session)}&limit=3`);
    expect(after.events.map((e) => e.id)).toEqual(before.events.slice(0, 3).map((e) => e.id));
    expect(after.next_cursor).toBe(before.events[2]!.id);
    expect((await history(base, `session_id=${encodeURIComponent(other)}`)).events).toEqual([]);

    // The gateway's stream resumes from JetStream too.
    const from = before.events.findIndex((e) => e.message === "mesh 3");
    const res = await fetch(`${base}/logs/stream?token=${KEY}&last_event_id=${before.events[from]!.id}`);
    const sse = new SseReader(res.body!);
    const expected = before.events.slice(from + 1);
    const resumed = await sse.next(expected.length);
    expect(resumed.map((m) => m.lastEventId)).toEqual(expected.map((e) => e.id));
    expect([...new Set(resumed.map((m) => JSON.parse(m.data).message))]).toEqual(["mesh 4", "mesh 5"]);
    await sse.close();
  }, 60_000);
});
