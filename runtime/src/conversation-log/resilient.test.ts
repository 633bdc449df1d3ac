/**
 * A conversation log that cannot open yet never stops a process: on a private NATS started without
 * JetStream, appends are dropped and reads answer 503; once the server has JetStream (restarted with
 * -js on the same port) the background retry opens the stream and everything works.
 */
import { afterAll, expect, test } from "bun:test";
import type { Subprocess } from "bun";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AppError } from "@sinhome/proto";
import { createLogger } from "../log.ts";
import { logEvent } from "./testing.ts";
import { JetStreamConversationLog } from "./jetstream.ts";
import { ResilientConversationLog } from "./resilient.ts";

const storeDir = mkdtempSync(join(tmpdir(), "nats-resilient-"));
let server: Subprocess | undefined;
afterAll(async () => {
  server?.kill();
  await server?.exited;
  rmSync(storeDir, { recursive: true, force: true });
});

function freePort(): number {
  const s = Bun.serve({ port: 0, hostname: "127.0.0.1", fetch: () => new Response() });
  const port = s.port!;
  s.stop(true);
  return port;
}

async function startNats(port: number, jetstream: boolean): Promise<Subprocess> {
  const p = Bun.spawn(["nats-server", "-a", "127.0.0.1", "-p", String(port), ...(jetstream ? ["-js", "-sd", storeDir] : [])], { stdout: "ignore", stderr: "ignore" });
  for (let i = 0; i < 100; i++) {
    const ok = await Bun.connect({ hostname: "127.0.0.1", port, socket: { data() {} } }).then((s) => (s.end(), true), () => false);
    if (ok) return p;
    await Bun.sleep(50);
  }
  throw new Error("nats-server did not start");
}

test("without JetStream: not ready, 503 on reads, appends refused; with it: opens in the background", async () => {
  const port = freePort();
  server = await startNats(port, false);
  const lines: string[] = [];
  const log = createLogger("resilient-test", "error", { write: (l: string) => void lines.push(l) });
  const open = () => JetStreamConversationLog.open({ retentionHours: 1, maxBytes: 1024 ** 2, servers: `nats://127.0.0.1:${port}`, name: "resilient-test", manage: true });
  const conversations = await new ResilientConversationLog("jetstream", open, log, 200).start();
  expect(lines.join("\n")).toContain("conversation log unavailable");
  const error = await conversations.history({ limit: 10 }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).status).toBe(503);
  expect(await conversations.append(logEvent("s", 1)).then(() => "stored", () => "refused")).toBe("refused");

  server.kill();
  await server.exited;
  server = await startNats(port, true);
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
