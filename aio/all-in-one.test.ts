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
    expect(res.status).toBe(200);
    expect(body.status).toBe("degraded"); // the simulator stands in for the LLM
    for (const name of ["chat", "scoring", "media", "ops"]) {
      expect(body.components.find((c) => c.name === name)).toMatchObject({ status: "ok", instances: 1 });
    }
    expect(body.components.find((c) => c.name === "nats")?.status).toBe("not_configured");
  });

  test("one endpoint of every service answers through the gateway", async () => {
    const chat = await post("/v2/personality_chat", { message: "Salut toi" });
    expect(chat.status).toBe(200);
    expect(await chat.json()).toMatchObject({ backend: "simulator", fallback: false, error: null });
    const scoring = await post("/fan/interest_score", { fan_id: "fan-1", history: [{ role: "user", content: "c'est combien la vidéo ?" }] });
    expect(scoring.status).toBe(200);
    expect(await scoring.json()).toMatchObject({ fan_id: "fan-1", scoring_method: "regex", error: null });
    const sent = await post("/media/sent", { fan_id: "fan-1", media_id: "m1" });
    expect(await sent.json()).toMatchObject({ recorded: true, times_sent: 1 });
    const media = await post("/media/check_duplicates", { fan_id: "fan-1", media_ids: ["m1", "m2"] });
    expect(await media.json()).toEqual({ duplicates: ["m1"], safe_to_send: ["m2"] });
    const ops = await post("/qa/smoke", {});
    expect(ops.status).toBe(200);
    expect(await ops.json()).toMatchObject({ total: 1, passed: 1 });
  });

  test("scoring's AI call goes through chat's LLM access to the simulator", async () => {
    const res = await post("/fan/interest_score", { fan_id: "fan-ai", use_ai: true, history: [{ role: "user", content: "je prends le pack, envoie le lien" }] });
    const body = (await res.json()) as { scoring_method: string; ai_score: number | null; error: string | null };
    expect(body.error).toBeNull();
    expect(body.scoring_method).toBe("ai");
    expect(typeof body.ai_score).toBe("number");
    const metrics = await (await fetch(`${aio.url}/metrics`)).text();
    expect(metrics).toMatch(/sinhome_scoring_ai_total\{outcome="ok"\} [1-9]/);
  });

  test("the chat exchange appears on the log stream", async () => {
    const stream = await fetch(`${aio.url}/logs/stream`, { headers: { "x-api-key": "test-key" } });
    const reader = stream.body!.getReader();
    await reader.read(); // ": connected"
    await post("/personality_chat", { message: "Coucou", session_id: "sess-stream" });
    let text = "";
    while (!text.includes("sess-stream")) text += new TextDecoder().decode((await reader.read()).value);
    expect(text).toContain('"endpoint":"/personality_chat"');
    await reader.cancel();
  });

  test("metrics count requests across the services and reset zeroes them", async () => {
    await post("/monitoring/metrics/reset", {});
    await post("/fan/interest_score", { fan_id: "fan-2" });
    const m = (await (await fetch(`${aio.url}/monitoring/metrics`, { headers: { "x-api-key": "test-key" } })).json()) as { total_requests: number; endpoint_counts: Record<string, number> };
    // Keyed by HTTP route everywhere; the reset and this metrics read are not traffic.
    expect(m.endpoint_counts).toEqual({ "POST /fan/interest_score": 1 });
    expect(m.total_requests).toBe(1);
  });

  test("oversized bodies get the JSON 413 over real HTTP, declared or chunked", async () => {
    const big = JSON.stringify({ message: "a".repeat(3_000_000) });
    const declared = await post("/personality_chat", JSON.parse(big));
    expect(declared.status).toBe(413);
    expect(((await declared.json()) as { error: { code: string } }).error.code).toBe("payload_too_large");
    const encoder = new TextEncoder();
    const chunked = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 30; i++) controller.enqueue(encoder.encode(i === 0 ? '{"message":"' + "a".repeat(99_988) : "a".repeat(100_000)));
        controller.close();
      },
    });
    const res = await fetch(`${aio.url}/personality_chat`, { method: "POST", headers: { "content-type": "application/json", authorization: "Bearer test-key" }, body: chunked });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("payload_too_large");
  });

  test("the API key is required", async () => {
    const res = await fetch(`${aio.url}/fan/interest_score`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect(res.status).toBe(401);
  });
});
