/**
 * The durable usage ledger: one row per LLM call of a request, keyed by (request id, endpoint, call number), so a
 * request re-sent to another replica, or a batch written twice, is counted once. Chat appends (off the
 * request path, see `journal.ts`); ops sums any window for `GET /monitoring/usage`. PostgreSQL in the mesh
 * (`DATABASE_URL`), an embedded SQLite file in the all-in-one.
 */
import type { UsageGroupBy, UsageRow } from "@sinhome/proto";

/** One LLM call, as stored. */
export type UsageRecord = {
  request_id: string;
  /** 0 for the first LLM call of the request, 1 for its first content retry, … */
  call: number;
  /** Epoch ms of the call. */
  at: number;
  key: string;
  /** The key's tenant ("" until tenants exist on this branch). */
  tenant: string;
  endpoint: string;
  backend: string;
  model: string;
  prompt_tokens: number;
  cached_tokens: number;
  completion_tokens: number;
  /** A content retry: its tokens count in the totals and in retry_tokens, not as a new request. */
  retry: boolean;
  cost_usd: number;
};

export interface UsageStore {
  readonly kind: "postgres" | "embedded";
  /** Writes the records; ones already stored (same request id, endpoint and call) are ignored. */
  insert(records: readonly UsageRecord[]): Promise<void>;
  /** Sums of the calls made in [since, until), one row per group (and backend, for `model`); `tenant` = only its calls. */
  query(since: number, until: number, groupBy: UsageGroupBy, tenant?: string): Promise<UsageRow[]>;
  /** Drops calls older than `before` (retention). */
  prune(before: number): Promise<void>;
  close(): Promise<void>;
}

/** The SQL of both stores (portable between PostgreSQL and SQLite, `$n` placeholders on both). */
export const USAGE_DDL = `CREATE TABLE IF NOT EXISTS usage_calls (
  request_id TEXT NOT NULL,
  call INTEGER NOT NULL,
  at BIGINT NOT NULL,
  key TEXT NOT NULL,
  tenant TEXT NOT NULL DEFAULT '',
  endpoint TEXT NOT NULL,
  backend TEXT NOT NULL,
  model TEXT NOT NULL,
  prompt_tokens BIGINT NOT NULL,
  cached_tokens BIGINT NOT NULL,
  completion_tokens BIGINT NOT NULL,
  retry BOOLEAN NOT NULL,
  cost_usd DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (request_id, endpoint, call)
);
CREATE INDEX IF NOT EXISTS usage_calls_at ON usage_calls (at)`;

const GROUP_COLUMN: Record<UsageGroupBy, string> = { key: "key", endpoint: "endpoint", model: "model" };

/** `$1` since, `$2` until, and with `byTenant` `$3` the tenant. */
export function usageQuerySql(groupBy: UsageGroupBy, byTenant = false): string {
  const group = GROUP_COLUMN[groupBy];
  const backend = groupBy === "model" ? ", backend" : "";
  return `SELECT ${group} AS grp${backend},
    SUM(CASE WHEN retry THEN 0 ELSE 1 END) AS requests,
    SUM(prompt_tokens) AS prompt_tokens, SUM(cached_tokens) AS cached_tokens,
    SUM(completion_tokens) AS completion_tokens,
    SUM(CASE WHEN retry THEN prompt_tokens + completion_tokens ELSE 0 END) AS retry_tokens,
    SUM(cost_usd) AS cost_usd
  FROM usage_calls WHERE at >= $1 AND at < $2${byTenant ? " AND tenant = $3" : ""} GROUP BY ${group}${backend}`;
}

/** A result row of `usageQuerySql` (drivers return sums as strings or bigints) as a UsageRow. */
export function toUsageRow(r: Record<string, unknown>, groupBy: UsageGroupBy): UsageRow {
  return {
    group: String(r.grp),
    ...(groupBy === "model" ? { backend: String(r.backend) } : {}),
    requests: Number(r.requests),
    prompt_tokens: Number(r.prompt_tokens),
    cached_tokens: Number(r.cached_tokens),
    completion_tokens: Number(r.completion_tokens),
    retry_tokens: Number(r.retry_tokens),
    cost_usd: Number(r.cost_usd),
  };
}

export const USAGE_COLUMNS = ["request_id", "call", "at", "key", "tenant", "endpoint", "backend", "model", "prompt_tokens", "cached_tokens", "completion_tokens", "retry", "cost_usd"] as const;

export const recordValues = (r: UsageRecord): (string | number | boolean)[] => USAGE_COLUMNS.map((c) => r[c]);
