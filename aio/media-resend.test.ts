/**
 * A media replica dies after it recorded a send but before it answered. The gateway re-sends the
 * request to the other replica under the Idempotency-Key it made itself (the CRM gave none), and
 * the send is counted once. Real NATS, real PostgreSQL (scratch schema); the test holds a row lock
 * so it knows which replica holds the request, and "kills" that one (abandon = no reply, no progress).
 */
import { afterAll, beforeAll, expect, test } from "bun:test";
import { NatsBus, STALL_MS, type ServiceRegistration } from "@sinhome/proto";
import { createLogger, type MeshService } from "@sinhome/runtime";
import { parseMediaEnv } from "@sinhome/media/src/env.ts";
import { createMediaService } from "@sinhome/media";
import { createPostgresStore } from "@sinhome/media/src/store/postgres.ts";
import { createScratchSchema, TEST_DATABASE_URL, uid, type ScratchSchema } from "@sinhome/media/src/store/testing.ts";
import { createGateway } from "@sinhome/gateway";
import { parseGatewayEnv } from "@sinhome/gateway/src/env.ts";
import { testServerUrl } from "@sinhome/testing";

const NATS_URL = await testServerUrl("nats");
const log = createLogger("resend-test", "fatal");

let scratch: ScratchSchema;
const buses: NatsBus[] = [];
const services: MeshService[] = [];
const replicas: ServiceRegistration[] = [];
let gateway: ReturnType<typeof createGateway>;

beforeAll(async () => {
  scratch = await createScratchSchema("resend_test");
  const env = parseMediaEnv({ DATABASE_URL: TEST_DATABASE_URL });
  for (const name of ["media-a", "media-b"]) {
    const bus = await NatsBus.connect({ servers: NATS_URL, name });
    const service = await createMediaService(env, { bus, log }, { pgOptions: scratch.options });
    buses.push(bus);
    services.push(service);
    replicas.push(await bus.addService(service.definition));
  }
  const bus = await NatsBus.connect({ servers: NATS_URL, name: "resend-gateway" });
  buses.push(bus);
  gateway = createGateway({ bus, env: parseGatewayEnv({ RATE_LIMIT_PER_MINUTE: "0" }), log });
}, 20_000);

afterAll(async () => {
  await Promise.all(replicas.map((r) => r.stop(1000)));
  for (const s of services) await s.close();
  for (const b of buses) await b.close();
  await scratch?.drop();
});

const sent = (body: unknown) =>
  gateway.handle(new Request("http://localhost/media/sent", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }));

test("a media send whose replica died after recording it is re-sent and counted once", async () => {
  const fan = uid("fan");
  expect((await sent({ fan_id: fan, media_id: "m1" })).status).toBe(200);

  // Hold the (fan, media) row: the next send blocks inside whichever replica takes it.
  const locker = createPostgresStore({ connectionString: TEST_DATABASE_URL, poolSize: 1, options: scratch.options });
  let unlock = () => {};
  let locked = () => {};
  const isLocked = new Promise<void>((r) => (locked = r));
  const lock = locker.transaction(async (tx) => {
    await tx.query("SELECT 1 FROM media_sends WHERE fan_id = $1 AND media_id = 'm1' FOR UPDATE", [fan]);
    locked();
    await new Promise<void>((r) => (unlock = r));
  });
  await isLocked;

  const started = performance.now();
  const pending = sent({ fan_id: fan, media_id: "m1" });
  let holder = -1;
  for (let i = 0; i < 200 && holder < 0; i++) {
    holder = replicas.findIndex((r) => r.inFlight() === 1);
    if (holder < 0) await Bun.sleep(10);
  }
  expect(holder).toBeGreaterThanOrEqual(0);
  await replicas[holder]!.abandon();
  // The dead replica's transaction still commits (it was past the point of no return), unanswered.
  unlock();
  await lock;
  await locker.close();

  const res = await pending;
  expect(res.status).toBe(200);
  expect(res.headers.get("x-sinhome-resent")).toBe("1");
  expect(await res.json()).toEqual({ recorded: true, already_sent_before: true, times_sent: 2 });
  expect(performance.now() - started).toBeLessThan(STALL_MS + 3000);

  const history = (await (await gateway.handle(new Request(`http://localhost/media/history/${fan}`))).json()) as { items: { times_sent: number }[] };
  expect(history.items.map((i) => i.times_sent)).toEqual([2]);
}, 20_000);

test("with no media replica left, a send fails at once with the JSON 503", async () => {
  for (const r of replicas) await r.stop(1000);
  const started = performance.now();
  const res = await sent({ fan_id: uid("fan"), media_id: "m1" });
  expect(res.status).toBe(503);
  expect(((await res.json()) as { error: { code: string } }).error.code).toBe("service_unavailable");
  expect(performance.now() - started).toBeLessThan(1000);
});
