import { describe, expect, test } from "bun:test";
import { registry } from "@sinhome/runtime";
import { UsageLedger } from "./ledger.ts";
import { costOf, priceTable } from "./prices.ts";

const prices = priceTable({
  GROK_PRICE_INPUT_PER_MTOK: 0.2, GROK_PRICE_CACHED_INPUT_PER_MTOK: 0.05, GROK_PRICE_OUTPUT_PER_MTOK: 0.5,
  VLLM_PRICE_INPUT_PER_MTOK: 0.1, VLLM_PRICE_OUTPUT_PER_MTOK: 0.4,
});

describe("prices", () => {
  test("uncached input, cached input and output each at their price; cached defaults to the input price", () => {
    expect(costOf(prices, "grok", { prompt: 1_000_000, cached: 600_000, completion: 100_000 })).toBeCloseTo(0.4 * 0.2 + 0.6 * 0.05 + 0.1 * 0.5, 10);
    expect(costOf(prices, "vllm", { prompt: 1_000_000, cached: 500_000, completion: 0 })).toBeCloseTo(0.1, 10);
    expect(costOf(prices, "simulator", { prompt: 1_000_000, cached: 0, completion: 1_000_000 })).toBe(0);
    expect(costOf(priceTable({}), "grok", { prompt: 1_000_000, cached: 0, completion: 1_000_000 })).toBe(0);
  });
});

describe("UsageLedger", () => {
  let now = Date.parse("2026-12-01T10:00:30Z");
  const ledger = new UsageLedger({ prices, retentionMs: 3_600_000, now: () => now });
  const crm = (endpoint: string, backend = "vllm", model = "qwen") => ({ key: "crm-prod", tenant: "", endpoint, backend, model });
  ledger.record(crm("/v2/personality_chat"), { prompt: 1000, cached: 800, completion: 50 }, false);
  ledger.record(crm("/v2/personality_chat"), { prompt: 1000, cached: 990, completion: 40 }, true); // content retry
  ledger.record({ ...crm("/personality_chat", "grok", "grok-4"), key: "crm-staging" }, { prompt: 2000, cached: 0, completion: 100 }, false);
  now += 120_000;
  ledger.record(crm("/personality_chat"), { prompt: 500, cached: 0, completion: 30 }, false);

  const all = (groupBy: "key" | "endpoint" | "model") => ledger.query(0, Number.MAX_SAFE_INTEGER, groupBy);

  test("groups by key name, counting retries in the totals and apart, requests once", () => {
    const rows = all("key");
    const prod = rows.find((r) => r.group === "crm-prod")!;
    expect(prod).toMatchObject({ requests: 2, prompt_tokens: 2500, cached_tokens: 1790, completion_tokens: 120, retry_tokens: 1040 });
    expect(prod.cost_usd).toBeCloseTo((2500 - 1790) * 0.1e-6 + 1790 * 0.1e-6 + 120 * 0.4e-6, 12);
    expect(rows.find((r) => r.group === "crm-staging")!.cost_usd).toBeCloseTo(2000 * 0.2e-6 + 100 * 0.5e-6, 12);
  });

  test("groups by endpoint and by model (with its backend)", () => {
    expect(all("endpoint").map((r) => [r.group, r.requests]).sort()).toEqual([["/personality_chat", 2], ["/v2/personality_chat", 1]]);
    expect(all("model").map((r) => [r.group, r.backend, r.prompt_tokens]).sort()).toEqual([["grok-4", "grok", 2000], ["qwen", "vllm", 2500]]);
  });

  test("a window only sums the minutes it covers", () => {
    const first = Date.parse("2026-12-01T10:00:00Z");
    expect(ledger.query(first, first + 60_000, "key").map((r) => r.requests).sort()).toEqual([1, 1]);
    expect(ledger.query(first + 60_000, first + 180_000, "key")).toEqual([
      expect.objectContaining({ group: "crm-prod", requests: 1, prompt_tokens: 500 }),
    ]);
  });

  test("buckets older than the retention are dropped", () => {
    now += 2 * 3_600_000;
    ledger.record(crm("/direct_chat"), { prompt: 10, cached: 0, completion: 1 }, false);
    expect(all("endpoint").map((r) => r.group)).toEqual(["/direct_chat"]);
  });

  test("Prometheus counters by key name, endpoint, backend, model and type", async () => {
    const text = await registry.metrics();
    expect(text).toContain('sinhome_usage_tokens_total{key="crm-prod",endpoint="/v2/personality_chat",backend="vllm",model="qwen",type="cached"} 1790');
    expect(text).toContain('sinhome_usage_tokens_total{key="crm-prod",endpoint="/v2/personality_chat",backend="vllm",model="qwen",type="retry"} 1040');
    expect(text).toMatch(/sinhome_usage_cost_usd_total\{key="crm-staging",endpoint="\/personality_chat",backend="grok",model="grok-4"\} 0\.00045/);
  });
});

describe("UsageLedger tenants", () => {
  test("rows carry the tenant: a tenant's query sees only its rows, no tenant sees all; the Prometheus labels stay per key", () => {
    const ledger = new UsageLedger({ prices, retentionMs: 3_600_000 });
    const account = (key: string, tenant: string) => ({ key, tenant, endpoint: "/v2/personality_chat", backend: "vllm", model: "qwen" });
    ledger.record(account("crm-a", "agency-a"), { prompt: 10, cached: 0, completion: 1 }, false);
    ledger.record(account("crm-b", "agency-b"), { prompt: 20, cached: 0, completion: 2 }, false);
    ledger.record(account("ops", ""), { prompt: 30, cached: 0, completion: 3 }, false);
    const groups = (tenant?: string) => ledger.query(0, Number.MAX_SAFE_INTEGER, "key", tenant).map((r) => r.group).sort();
    expect(groups("agency-a")).toEqual(["crm-a"]);
    expect(groups("agency-b")).toEqual(["crm-b"]);
    expect(groups("")).toEqual(["ops"]);
    expect(groups()).toEqual(["crm-a", "crm-b", "ops"]);
    expect(ledger.query(0, Number.MAX_SAFE_INTEGER, "endpoint", "agency-b")[0]).toMatchObject({ prompt_tokens: 20, completion_tokens: 2 });
  });
});
