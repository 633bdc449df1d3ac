/**
 * A conversation log that cannot open yet never stops a process: on a private NATS started without
 * JetStream, appends are dropped and reads answer 503; once the server has JetStream (restarted with
 * -js on the same port) the background retry opens the stream and everything works.
 */
import { afterAll, expect, test } from "bun:test";
import { AppError } from "@sinhome/proto";
import { startNats, type PrivateServer } from "@sinhome/testing";
import { createLogger } from "../log.ts";
import { logEvent } from "./testing.ts";
import { JetStreamConversationLog } from "./jetstream.ts";
import { ResilientConversationLog } from "./resilient.ts";

const servers: PrivateServer[] = [];
afterAll(async () => void (await Promise.all(servers.map((s) => s.destroy()))));

async function nats(opts: { jetstream: boolean; port?: number }): Promise<PrivateServer> {
  const server = await startNats(opts);
  servers.push(server);
  return server;
}

test("without JetStream: not ready, 503 on reads, appends refused; with it: opens in the background", async () => {
  const plain = await nats({ jetstream: false });
  const port = plain.port;
  const lines: string[] = [];
  const log = createLogger("resilient-test", "error", { write: (l: string) => void lines.push(l) });
  const open = () => JetStreamConversationLog.open({ retentionHours: 1, maxBytes: 1024 ** 2, servers: `nats://127.0.0.1:${port}`, name: "resilient-test", manage: true });
  const conversations = await new ResilientConversationLog("jetstream", open, log, 200).start();
  expect(lines.join("\n")).toContain("conversation log unavailable");
  const error = await conversations.history({ limit: 10 }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).status).toBe(503);
  expect(await conversations.append(logEvent("s", 1)).then(() => "stored", () => "refused")).toBe("refused");

  await plain.stop();
  await nats({ jetstream: true, port });
  let page;
  for (let i = 0; i < 100 && !page; i++) {
    page = await conversations.history({ limit: 10 }).catch(() => undefined);
    if (!page) await Bun.sleep(100);
  }
  expect(page).toBeDefined();
  const id = await conversations.append(logEvent("s", 2));
  expect((await conversations.history({ sessionId: "s", limit: 10 })).events.map((e) => e.id)).toEqual([id]);
  await conversations.close();
}, 30_000);
