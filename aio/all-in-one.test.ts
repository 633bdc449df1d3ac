/** End to end: the all-in-one on a free port, called over real HTTP like the CRM does. */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startAllInOne, type AllInOne } from "./start.ts";

let aio: AllInOne;
const dataDir = mkdtempSync(join(tmpdir(), "sinhome-aio-"));

beforeAll(async () => {
  aio = await startAllInOne({ PORT: "0", HOST: "127.0.0.1", DATA_DIR: dataDir, LOG_LEVEL: "error", GATEWAY_API_KEYS: "test-key" }, { quiet: true });
}, 30_000);
afterAll(async () => {
  await aio?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const post = (path: string, body: unknown) =>
  fetch(`${aio.url}${path}`, { method: "POST", headers: { "content-type": "application/json", authorization: "Bearer test-key" }, body: JSON.stringify(body) });

describe("all-in-one", () => {
  test("health answers JSON without a key and lists every service with one instance", async () => {
    const res = await fetch(`${aio.url}/monitoring/health`);
    const body = (await res.json()) as { status: string; components: { name: string; status: string; instances?: number }[] };
    expect(["healthy", "degraded", "unhealthy"]).toContain(body.status);
    for (const name of ["chat", "scoring", "media", "ops"]) {
      expect(body.components.find((c) => c.name === name)).toMatchObject({ status: "ok", instances: 1 });
    }
    expect(body.components.find((c) => c.name === "nats")?.status).toBe("not_configured");
  });

  test("one endpoint of every service answers through the gateway", async () => {
    const chat = await post("/personality_chat", { message: "Salut toi" });
    const scoring = await post("/fan/interest_score", { fan_id: "fan-1" });
    const media = await post("/media/check_duplicates", { fan_id: "fan-1", media_ids: ["m1"] });
    const ops = await fetch(`${aio.url}/logs/health`, { headers: { "x-api-key": "test-key" } });
    for (const res of [chat, scoring, media, ops]) {
      // Either the real result or an honest not_implemented in the error shape; never a 404 or a crash.
      const body = (await res.json()) as Record<string, unknown> & { error?: { code: string } };
      if (res.status === 200) expect(body.error === undefined || body.error === null || typeof body.error === "string").toBe(true);
      else expect(body.error?.code).toBe("not_implemented");
    }
    expect(ops.status).toBe(200);
  });

  test("metrics count requests across the services and reset zeroes them", async () => {
    await post("/monitoring/metrics/reset", {});
    await post("/fan/interest_score", { fan_id: "fan-2" });
    const m = (await (await fetch(`${aio.url}/monitoring/metrics`, { headers: { "x-api-key": "test-key" } })).json()) as { total_requests: number; endpoint_counts: Record<string, number> };
    expect(m.endpoint_counts.interest_score).toBe(1);
    expect(m.total_requests).toBeGreaterThanOrEqual(1);
  });

  test("the API key is required", async () => {
    const res = await fetch(`${aio.url}/fan/interest_score`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect(res.status).toBe(401);
  });
});
