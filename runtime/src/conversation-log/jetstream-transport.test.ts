/**
 * The JetStream conversation log on the Bun-socket NATS transport (NATS_TRANSPORT=bun), against a
 * nats-server of its own: acknowledged publishes, a consumer that delivers them in order, and both
 * still working after the server restarts (same port, same store directory).
 */
import { afterAll, expect, test } from "bun:test";
import type { StoredLogEvent } from "@sinhome/proto";
import { startNats, type PrivateServer } from "@sinhome/testing";
import { JetStreamConversationLog } from "./jetstream.ts";
import { logEvent } from "./testing.ts";

const servers: PrivateServer[] = [];
afterAll(async () => void (await Promise.all(servers.map((s) => s.destroy()))));

async function until(condition: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition() && Date.now() < end) await Bun.sleep(20);
}

test("publish, consume in order, and both again after a NATS restart, over the Bun transport", async () => {
  const server = await startNats({ jetstream: true });
  servers.push(server);
  const log = await JetStreamConversationLog.open({ retentionHours: 1, maxBytes: 64 * 1024 ** 2, servers: server.url, transport: "bun", name: "bun-js-test", manage: true });
  const seen: string[] = [];
  const stop = await log.follow("0", (e: StoredLogEvent) => void seen.push(e.request_id));
  const ids = await Promise.all(Array.from({ length: 300 }, (_, i) => log.append(logEvent("s-bun", i))));
  expect(new Set(ids).size).toBe(300);
  await until(() => seen.length >= 300);
  // Delivered in stream order: each event's request id, ordered by the sequence its publish was acknowledged with.
  const requestOf = new Map(ids.map((id, i) => [id, `r-${i}`]));
  expect(seen).toEqual([...ids].sort((a, b) => Number(a) - Number(b)).map((id) => requestOf.get(id)!));

  await server.stop();
  await server.start();
  // Appends are refused while the log reconnects; retried for up to 10 s (time-bounded, not count-bounded).
  let stored: string | undefined;
  for (const end = Date.now() + 10_000; !stored && Date.now() < end; ) stored = await log.append(logEvent("s-bun", 300)).catch(() => Bun.sleep(100).then(() => undefined));
  expect(Number(stored)).toBeGreaterThan(Math.max(...ids.map(Number)));
  await until(() => seen.includes("r-300"));
  expect(seen.at(-1)).toBe("r-300");
  const page = await log.history({ sessionId: "s-bun", limit: 500 });
  expect(page.events).toHaveLength(301);
  stop();
  await log.close();
}, 60_000);
