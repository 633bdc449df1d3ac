/**
 * The service on the in-process bus, as the gateway and ops reach it: each subject, the error
 * model (422 / 503), the status probe, readiness, and a clean close. PostgreSQL scratch schema
 * (fast to create); the same logic runs on PGlite in tracking.test.ts.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { rmSync } from "node:fs";
import { AppError, MemoryBus, Subject, type ComponentsReply, type ServiceRegistration } from "@sinhome/proto";
import { createLogger, type MeshService } from "@sinhome/runtime";
import { parseMediaEnv } from "./env.ts";
import { createMediaService } from "./service.ts";
import { createScratchSchema, makeTempDir, relayToPostgres, TEST_DATABASE_URL, uid, type ScratchSchema } from "./store/testing.ts";

const log = createLogger("media-test", "error");
const opts = { timeoutMs: 10_000, requestId: "test" };

const failure = async (p: Promise<unknown>): Promise<AppError> => {
  const e = await p.then(() => undefined, (err: unknown) => err);
  if (!(e instanceof AppError)) throw new Error(`expected an AppError, got ${String(e)}`);
  return e;
};

describe("media service on a live PostgreSQL", () => {
  let scratch: ScratchSchema;
  let service: MeshService;
  let registration: ServiceRegistration;
  const bus = new MemoryBus();
  const ask = <T>(subject: string, body: unknown) => bus.requestJson<T>(subject, body, opts);

  beforeAll(async () => {
    scratch = await createScratchSchema();
    const env = parseMediaEnv({ DATABASE_URL: TEST_DATABASE_URL, MEDIA_HISTORY_LIMIT: "2" });
    service = await createMediaService(env, { bus, log }, { pgOptions: scratch.options });
    registration = await bus.addService(service.definition);
  });
  afterAll(async () => {
    await registration?.stop(1000);
    await service?.close();
    await scratch?.drop();
  });

  test("every endpoint answers through the bus", async () => {
    const fan = uid("fan");
    expect(await ask(Subject.MediaSent, { fan_id: fan, media_id: "m1", event_id: "e1-" + fan })).toEqual({ recorded: true, already_sent_before: false, times_sent: 1 });
    expect(await ask(Subject.MediaSent, { fan_id: fan, media_id: "m1", event_id: "e1-" + fan })).toEqual({ recorded: true, already_sent_before: false, times_sent: 1 });
    expect(await ask(Subject.MediaCheck, { fan_id: fan, media_ids: ["m2", "m1"] })).toEqual({ duplicates: ["m1"], safe_to_send: ["m2"] });
    expect(await ask(Subject.MediaRecommend, { fan_id: fan, available_media: [{ media_id: "m1", priority: 9 }, { media_id: "m2" }] })).toEqual({
      recommended: [{ media_id: "m2" }],
      excluded_count: 1,
    });
    expect(await ask(Subject.MediaImport, { records: [{ fan_id: fan, media_id: "m1" }, { fan_id: fan, media_id: "m3" }, { fan_id: fan, media_id: "m4" }] })).toEqual({ imported: 2, skipped: 1 });
    const history = await ask<{ total: number; items: unknown[] }>(Subject.MediaHistory, { fan_id: fan });
    expect(history.total).toBe(3);
    expect(history.items).toHaveLength(2); // MEDIA_HISTORY_LIMIT
    expect(await ask(Subject.MediaDelete, { fan_id: fan })).toEqual({ fan_id: fan, deleted: 3 });
    expect(service.counters.snapshot().endpoint_counts).toMatchObject({ "POST /media/sent": 2, "DELETE /media/history/{fan_id}": 1 });
  });

  test("a body that breaks the contract is a 422 naming the field, before any SQL", async () => {
    const err = await failure(ask(Subject.MediaCheck, { fan_id: "f", media_ids: "m1" }));
    expect(err.status).toBe(422);
    expect(err.details.map((d) => d.field)).toContain("media_ids");
    const date = await failure(ask(Subject.MediaSent, { fan_id: "f", media_id: "m", sent_at: "31/01/2025" }));
    expect(date.details).toEqual([expect.objectContaining({ field: "sent_at" })]);
  });

  test("status and readiness report the database ok", async () => {
    const reply = await ask<ComponentsReply>(Subject.MediaStatus, {});
    expect(reply.components).toEqual([{ name: "database", status: "ok", latency_ms: expect.any(Number) }]);
    expect(await service.readiness()).toEqual([{ name: "database", ok: true }]);
  });
});

describe("media service whose PostgreSQL is down at start", () => {
  test("starts anyway, answers 503 without secrets, reports down and not ready", async () => {
    const bus = new MemoryBus();
    const env = parseMediaEnv({ DATABASE_URL: "postgres://admin:hunter2@127.0.0.1:1/media" });
    const started = performance.now();
    const service = await createMediaService(env, { bus, log });
    expect(performance.now() - started).toBeLessThan(3500);
    const registration = await bus.addService(service.definition);
    try {
      const err = await failure(bus.requestJson(Subject.MediaCheck, { fan_id: "f", media_ids: ["m"] }, opts));
      expect(err.status).toBe(503);
      expect(JSON.stringify(err.toBody())).not.toMatch(/hunter2|admin|127\.0\.0\.1|postgres:/);
      const reply = await bus.requestJson<ComponentsReply>(Subject.MediaStatus, {}, opts);
      expect(reply.components).toEqual([expect.objectContaining({ name: "database", status: "down" })]);
      expect(JSON.stringify(reply)).not.toContain("hunter2");
      expect((await service.readiness())[0]?.ok).toBe(false);
    } finally {
      await registration.stop(1000);
      await service.close();
    }
  });
});

describe("media service whose PostgreSQL comes back after start", () => {
  test("migrates in the background and starts answering", async () => {
    const scratch = await createScratchSchema();
    const probe = Bun.listen({ hostname: "127.0.0.1", port: 0, socket: { data() {} } });
    const port = probe.port;
    probe.stop(true);
    const bus = new MemoryBus();
    // The test database's URL, reached through the relay's port (whatever database TEST_DATABASE_URL names).
    const relayed = new URL(TEST_DATABASE_URL);
    relayed.hostname = "127.0.0.1";
    relayed.port = String(port);
    const env = parseMediaEnv({ DATABASE_URL: relayed.toString() });
    const service = await createMediaService(env, { bus, log }, { pgOptions: scratch.options });
    const registration = await bus.addService(service.definition);
    const relay = relayToPostgres(port);
    try {
      expect((await service.readiness())[0]?.ok).toBe(false);
      const deadline = Date.now() + 8000;
      while (!(await service.readiness())[0]?.ok && Date.now() < deadline) await Bun.sleep(100);
      expect(await bus.requestJson(Subject.MediaSent, { fan_id: "f", media_id: "m" }, opts)).toMatchObject({ times_sent: 1 });
    } finally {
      await registration.stop(1000);
      await service.close();
      relay.stop(true);
      await scratch.drop();
    }
  }, 15_000);
});

describe("media service on embedded PGlite (the all-in-one default)", () => {
  test("keeps its data across a restart and releases the directory on close", async () => {
    const dir = makeTempDir();
    const env = parseMediaEnv({ DATA_DIR: dir });
    try {
      for (const expected of [1, 2]) {
        const bus = new MemoryBus();
        const service = await createMediaService(env, { bus, log });
        const registration = await bus.addService(service.definition);
        expect(await bus.requestJson(Subject.MediaSent, { fan_id: "f", media_id: "m" }, opts)).toMatchObject({ times_sent: expected });
        expect(await service.readiness()).toEqual([{ name: "database", ok: true }]);
        await registration.stop(1000);
        await service.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
