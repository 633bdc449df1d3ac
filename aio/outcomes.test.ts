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
