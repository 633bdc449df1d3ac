/** The outcome loop in the all-in-one (in-process bus, embedded PGlite for outcomes, embedded conversation log). */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { OUTCOMES_ENV, outcomesSuite } from "./outcomes-suite.ts";
import { startAllInOne, type AllInOne } from "./start.ts";

let aio: AllInOne;
const dataDir = mkdtempSync(join(tmpdir(), "sinhome-outcomes-"));

beforeAll(async () => {
  aio = await startAllInOne({ PORT: "0", HOST: "127.0.0.1", DATA_DIR: dataDir, LOG_LEVEL: "error", GATEWAY_API_KEYS: "crm-key", RATE_LIMIT_PER_MINUTE: "0", ...OUTCOMES_ENV }, { quiet: true });
}, 60_000);
afterAll(async () => {
  await aio?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("all-in-one: outcomes", () => {
  outcomesSuite({ baseUrls: () => [aio.url], apiKey: "crm-key" });

  test("OpenAPI lists the outcome routes and the hand-off on chat replies", async () => {
    const spec = (await (await fetch(`${aio.url}/swagger/json`)).json()) as { paths: Record<string, Record<string, { responses: Record<string, { content: Record<string, { schema: unknown }> }> }>> };
    for (const [path, method] of [["/feedback", "post"], ["/feedback/batch", "post"], ["/experiments/report", "get"], ["/datasets/export", "get"]] as const) {
      expect(spec.paths[path]?.[method]).toBeDefined();
    }
    expect(Object.keys(spec.paths["/datasets/export"]!.get!.responses["200"]!.content)).toEqual(["application/x-ndjson"]);
    const chatReply = JSON.stringify(spec.paths["/v2/personality_chat"]!.post!.responses["200"]!.content["application/json"]!.schema);
    for (const reason of ["minors_guard", "meeting_request", "ai_question", "human_requested", "distress", "fallback", "repeated_refusal"]) expect(chatReply).toContain(reason);
  });

  test("the Grafana row's counters: outcomes per arm, purchases, records, hand-offs by reason (one process: the gateway's /metrics shows them)", async () => {
    const metrics = await (await fetch(`${aio.url}/metrics`)).text();
    const value = (series: string) => Number(new RegExp(`^${series.replace(/[{}"=,]/g, "\\$&")} (\\S+)$`, "m").exec(metrics)?.[1] ?? 0);
    expect(value('sinhome_feedback_outcomes_total{arm="euryale",outcome="sent"}')).toBeGreaterThanOrEqual(41);
    expect(value('sinhome_feedback_purchases_total{arm="default"}')).toBeGreaterThanOrEqual(2);
    expect(value('sinhome_outcome_records_total{arm="default"}')).toBeGreaterThanOrEqual(40);
    expect(value('sinhome_handoff_total{reason="distress"}')).toBeGreaterThanOrEqual(1);
    expect(value("sinhome_feedback_duplicates_total")).toBeGreaterThanOrEqual(8);
  });
});
