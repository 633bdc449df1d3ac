/**
 * End to end (all-in-one over real HTTP, the simulator as vLLM): with VLLM_MAX_IN_FLIGHT reached and no
 * room to queue, a chat request is not held in a hidden queue: v2 answers at once with its fallback
 * (200, fallback: true, llm_unavailable), v1 a 503 in the error shape, and /metrics shows the busy slot.
 */
import { afterAll, beforeAll, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startSimulator } from "@sinhome/llm-sim";
import { startAllInOne, type AllInOne } from "./start.ts";

const sim = startSimulator({ name: "vllm", modelIds: ["slot-model"] });
const dataDir = mkdtempSync(join(tmpdir(), "sinhome-slots-"));
let aio: AllInOne;

beforeAll(async () => {
  aio = await startAllInOne({
    PORT: "0", HOST: "127.0.0.1", DATA_DIR: dataDir, LOG_LEVEL: "error", LLM_FALLBACK: "none",
    VLLM_BASE_URL: sim.url, VLLM_MODEL_NAME: "slot-model", VLLM_MAX_IN_FLIGHT: "1", LLM_QUEUE_MAX: "0",
  }, { quiet: true });
}, 30_000);
afterAll(async () => {
  await aio?.stop();
  await sim.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const post = (path: string, body: unknown) =>
  fetch(`${aio.url}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

test("the only slot busy: v2 falls back at once, v1 answers 503, the metrics say why", async () => {
  // Holds the replica's only slot for a while (the simulator stalls on this directive).
  const holder = post("/v2/personality_chat", { message: "tu es là ? [[sim:stall=1500]]" });
  const replica = new URL(sim.url).host;
  for (let i = 0; i < 100; i++) {
    const metrics = await (await fetch(`${aio.url}/metrics`)).text();
    if (metrics.includes(`sinhome_llm_replica_in_flight{backend="vllm",replica="${replica}"} 1`)) break;
    await Bun.sleep(20);
  }

  const v2 = await post("/v2/personality_chat", { message: "Salut toi" });
  expect(v2.status).toBe(200);
  expect(await v2.json()).toMatchObject({ fallback: true, error: "llm_unavailable" });
  const v1 = await post("/personality_chat", { message: "Salut toi" });
  expect(v1.status).toBe(503);
  expect(await v1.json()).toMatchObject({ error: { code: "llm_unavailable" } });
  // Both were answered while the first call still held the slot: nothing waited for it.
  const metrics = await (await fetch(`${aio.url}/metrics`)).text();
  expect(metrics).toContain(`sinhome_llm_slot_refusals_total{backend="vllm",replica="${replica}",reason="queue_full"} 2`);

  const first = await holder;
  expect(first.status).toBe(200);
  expect(await first.json()).toMatchObject({ fallback: false, backend: "vllm" });
}, 30_000);
