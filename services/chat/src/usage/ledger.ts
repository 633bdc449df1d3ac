/**
 * Token and cost accounting of one chat instance: every LLM call's prompt, cached and completion tokens, by API
 * key name (never the key: the gateway passes the name in a bus header), endpoint, backend and model, content
 * retries included (and also counted apart as `retry_tokens`), with its cost from the configured prices.
 *
 * Every call is also handed to the durable journal when one is configured (PostgreSQL in the mesh, SQLite in
 * the all-in-one: `@sinhome/runtime` usage-store), keyed by request id, endpoint and call number so a
 * re-sent request counts once; ops then answers `GET /monitoring/usage` from it, and a restarted instance
 * loses nothing. The one-minute buckets in memory (`USAGE_RETENTION_HOURS`) answer when there is no store.
 */
import { BusHeader, dataTenantOf, type UsageGroupBy, type UsageRow } from "@sinhome/proto";
import { prom, type UsageJournal } from "@sinhome/runtime";
import { costOf, type PriceTable, type TokenCounts } from "./prices.ts";

export const BUCKET_MS = 60_000;

/** Who spent the tokens, on what. */
export type UsageAccount = { key: string; tenant: string; endpoint: string; backend: string; model: string };

/** Who pays: the key name and its tenant (`""` for operator keys and calls from inside the mesh). */
export type UsageCaller = Pick<UsageAccount, "key" | "tenant">;

/** Which LLM call of which request (the durable ledger's idempotency key, with the endpoint). */
export type CallId = { requestId: string; call: number };

type Totals = Omit<UsageRow, "group" | "backend">;

/** Records one LLM call of a request. */
export type Meter = (backend: string, model: string, tokens: TokenCounts, retry: boolean) => void;

/** The key name the gateway put on the request; calls from inside the mesh (scoring, QA) are `internal`. */
export const keyNameOf = (headers: Record<string, string>): string => headers[BusHeader.KeyName] || "internal";
/** The key name and tenant the gateway put on the request. */
export const usageCallerOf = (headers: Record<string, string>): UsageCaller => ({ key: keyNameOf(headers), tenant: dataTenantOf(headers) });
type Bucket = Map<string, { account: UsageAccount; totals: Totals }>;

const emptyTotals = (): Totals => ({ requests: 0, prompt_tokens: 0, cached_tokens: 0, completion_tokens: 0, retry_tokens: 0, cost_usd: 0 });

export class UsageLedger {
  /** Bucket start (epoch ms) → rows; insertion order is time order. */
  private readonly buckets = new Map<number, Bucket>();

  constructor(
    private readonly opts: { prices: PriceTable; retentionMs: number; now?: () => number; journal?: UsageJournal },
  ) {}

  private now(): number {
    return this.opts.now?.() ?? Date.now();
  }

  /**
   * One LLM call. `retry` = a content retry (a refusal, CJK or duplicate made us ask again): its tokens
   * count in the totals and in `retry_tokens`, and it is not a new request.
   */
  record(account: UsageAccount, tokens: TokenCounts, retry: boolean, call?: CallId): void {
    const now = this.now();
    const at = Math.floor(now / BUCKET_MS) * BUCKET_MS;
    let bucket = this.buckets.get(at);
    if (!bucket) {
      bucket = new Map();
      this.buckets.set(at, bucket);
      this.expire(at);
    }
    const id = `${account.key}\u0000${account.tenant}\u0000${account.endpoint}\u0000${account.backend}\u0000${account.model}`;
    let row = bucket.get(id);
    if (!row) {
      row = { account, totals: emptyTotals() };
      bucket.set(id, row);
    }
    const cost = costOf(this.opts.prices, account.backend, tokens);
    const t = row.totals;
    if (!retry) t.requests++;
    t.prompt_tokens += tokens.prompt;
    t.cached_tokens += Math.min(tokens.cached, tokens.prompt);
    t.completion_tokens += tokens.completion;
    if (retry) t.retry_tokens += tokens.prompt + tokens.completion;
    t.cost_usd += cost;

    // Tenants stay out of the Prometheus labels: the key name already tells them apart there.
    const labels = { key: account.key, endpoint: account.endpoint, backend: account.backend, model: account.model };
    prom.usageTokens.inc({ ...labels, type: "prompt" }, tokens.prompt);
    prom.usageTokens.inc({ ...labels, type: "cached" }, Math.min(tokens.cached, tokens.prompt));
    prom.usageTokens.inc({ ...labels, type: "completion" }, tokens.completion);
    if (retry) prom.usageTokens.inc({ ...labels, type: "retry" }, tokens.prompt + tokens.completion);
    if (cost > 0) prom.usageCost.inc(labels, cost);
    if (call && this.opts.journal) {
      this.opts.journal.add({
        request_id: call.requestId, call: call.call, at: now, ...account,
        prompt_tokens: tokens.prompt, cached_tokens: Math.min(tokens.cached, tokens.prompt), completion_tokens: tokens.completion, retry, cost_usd: cost,
      });
    }
  }

  /** A recorder for the calls of one request (`retry` = a content retry), as the pipeline takes it. */
  meter(caller: UsageCaller, endpoint: string, requestId?: string): Meter {
    let call = 0;
    return (backend, model, tokens, retry) => this.record({ ...caller, endpoint, backend, model }, tokens, retry, requestId ? { requestId, call: call++ } : undefined);
  }

  /** Sums of the buckets that start in [since, until), one row per group (unsorted); `tenant` = only its rows. */
  query(since: number, until: number, groupBy: UsageGroupBy, tenant?: string): UsageRow[] {
    const rows = new Map<string, UsageRow>();
    for (const [at, bucket] of this.buckets) {
      if (at < since || at >= until) continue;
      for (const { account, totals } of bucket.values()) {
        if (tenant !== undefined && account.tenant !== tenant) continue;
        const group = groupOf(account, groupBy);
        const id = groupBy === "model" ? `${account.backend}\u0000${group}` : group;
        let row = rows.get(id);
        if (!row) {
          row = { group, ...emptyTotals(), ...(groupBy === "model" ? { backend: account.backend } : {}) };
          rows.set(id, row);
        }
        addTotals(row, totals);
      }
    }
    return [...rows.values()];
  }

  /** Drops buckets older than the retention (called when a new bucket opens: at most once a minute). */
  private expire(now: number): void {
    for (const at of this.buckets.keys()) {
      if (at >= now - this.opts.retentionMs) break;
      this.buckets.delete(at);
    }
  }

  reset(): void {
    this.buckets.clear();
  }
}

export function groupOf(account: UsageAccount, groupBy: UsageGroupBy): string {
  return groupBy === "key" ? account.key : groupBy === "endpoint" ? account.endpoint : account.model;
}

export function addTotals(into: Totals, from: Totals): void {
  into.requests += from.requests;
  into.prompt_tokens += from.prompt_tokens;
  into.cached_tokens += from.cached_tokens;
  into.completion_tokens += from.completion_tokens;
  into.retry_tokens += from.retry_tokens;
  into.cost_usd += from.cost_usd;
}
