/**
 * PostgreSQL restarts (crash: `pg_ctl stop -m immediate`) under concurrent `POST /media/sent`
 * traffic. Each client retries a failed send with the same Idempotency-Key, as a CRM should. At the
 * end every (fan, media) count is exact — nothing lost, nothing counted twice — the answers during
 * the outage were fast JSON 503s, and the service recovered by itself. The server is the test's own
 * (initdb in a temporary directory), never the shared one.
 */
import { afterAll, beforeAll, expect, test } from "bun:test";
import { MemoryBus, type ServiceRegistration } from "@sinhome/proto";
import { createLogger, type MeshService } from "@sinhome/runtime";
import { createGateway } from "@sinhome/gateway";
import { parseGatewayEnv } from "@sinhome/gateway/src/env.ts";
import { createMediaService } from "@sinhome/media";
import { parseMediaEnv } from "@sinhome/media/src/env.ts";
import { startPostgres, type PrivateServer } from "@sinhome/testing";

const CLIENTS = 16;
const MEDIA_PER_FAN = 4;
/** A 503 during the outage must come back at least this fast (the pool's connect timeout is 3 s). */
const FAST_MS = 1000;

const log = createLogger("pg-restart", "fatal");
const bus = new MemoryBus();
let pg: PrivateServer;
let media: MeshService;
let registration: ServiceRegistration;
let gateway: ReturnType<typeof createGateway>;

beforeAll(async () => {
  pg = await startPostgres();
  media = await createMediaService(parseMediaEnv({ DATABASE_URL: pg.url, DATABASE_POOL_SIZE: "8" }), { bus, log });
  registration = await bus.addService(media.definition);
  gateway = createGateway({ bus, env: parseGatewayEnv({ RATE_LIMIT_PER_MINUTE: "0" }), log });
}, 60_000);

afterAll(async () => {
  await registration?.stop(1000);
  await media?.close();
  await pg?.destroy();
});

type Outcome = { status: number; ms: number; code?: string };

async function send(fan: string, mediaId: string, key: string): Promise<Outcome> {
  const started = performance.now();
  const res = await gateway.handle(new Request("http://localhost/media/sent", {
    method: "POST",
    headers: { "content-type": "application/json", "idempotency-key": key },
    body: JSON.stringify({ fan_id: fan, media_id: mediaId }),
  }));
  const body = (await res.json()) as { error?: { code: string } };
  return { status: res.status, ms: performance.now() - started, code: body.error?.code };
}

test("a PostgreSQL crash-restart under concurrent sends with client retries: exact counts, fast 503s, self-recovery", async () => {
  const expected = new Map<string, number>();
  const failures: Outcome[] = [];
  let stopTraffic = false;
  let recordedAfterRestart = 0;
  let restarted = false;

  const client = async (c: number) => {
    const fan = `fan-${c}`;
    for (let n = 0; !stopTraffic; n++) {
      const mediaId = `m-${n % MEDIA_PER_FAN}`;
      const key = `c${c}-n${n}`;
      // The CRM retries the same send (same key) until it is acknowledged.
      for (let attempt = 0; ; attempt++) {
        const outcome = await send(fan, mediaId, key);
        if (outcome.status === 200) break;
        failures.push(outcome);
        if (attempt > 300) throw new Error(`send ${key} never succeeded`);
        await Bun.sleep(50);
      }
      if (restarted) recordedAfterRestart++;
      expected.set(`${fan}/${mediaId}`, (expected.get(`${fan}/${mediaId}`) ?? 0) + 1);
    }
  };

  const traffic = Promise.all(Array.from({ length: CLIENTS }, (_, c) => client(c)));
  await Bun.sleep(800);
  await pg.stop("crash"); // immediate shutdown: no checkpoint, recovery at the next start
  await Bun.sleep(1500); // the outage: every send fails, fast
  await pg.start();
  restarted = true;
  await Bun.sleep(1500); // recovery, with no restart of the media service
  stopTraffic = true;
  await traffic;

  expect(failures.length).toBeGreaterThan(0); // the outage was real
  for (const f of failures) {
    expect([f.status, f.code]).toEqual([503, "service_unavailable"]);
    expect(f.ms).toBeLessThan(FAST_MS);
  }
  expect(recordedAfterRestart).toBeGreaterThan(CLIENTS); // it recovered by itself

  let total = 0;
  for (let c = 0; c < CLIENTS; c++) {
    const fan = `fan-${c}`;
    const res = await gateway.handle(new Request(`http://localhost/media/history/${fan}`));
    expect(res.status).toBe(200);
    const history = (await res.json()) as { items: { media_id: string; times_sent: number }[] };
    const got = Object.fromEntries(history.items.map((i) => [i.media_id, i.times_sent]));
    const want = Object.fromEntries([...expected].filter(([k]) => k.startsWith(`${fan}/`)).map(([k, v]) => [k.slice(fan.length + 1), v]));
    expect(got).toEqual(want);
    total += Object.values(want).reduce((a, b) => a + b, 0);
  }
  expect(total).toBeGreaterThan(CLIENTS * 4);
}, 60_000);
