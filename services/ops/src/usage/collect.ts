/**
 * `GET /monitoring/usage`: tokens and cost summed over every chat instance. Chat instances keep their own
 * per-minute buckets (in memory, `USAGE_RETENTION_HOURS`); ops broadcasts one query and gathers one reply per
 * instance on a subject of its own, until every instance that answers discovery has replied or the budget is
 * spent — an instance that does not answer in time is simply missing from the sum (`instances` says how many
 * answered). Works the same on NATS and on the in-process bus.
 *
 * With a durable usage store (PostgreSQL with DATABASE_URL, the all-in-one's SQLite file), the answer
 * comes from the store instead — the same figures before and after any chat instance restarts —
 * and `instances` counts the chat instances that answer discovery.
 */
import type { UsageStore } from "@sinhome/runtime";
import { AppError, Subject, type Bus, type UsageGroupBy, type UsageInstanceReply, type UsageQuery, type UsageResponse, type UsageRow } from "@sinhome/proto";

const BUCKET_MS = 60_000;
const DEFAULT_WINDOW_MS = 24 * 3_600_000;

function instant(value: string | undefined, field: string): number | undefined {
  if (value === undefined) return undefined;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new AppError("validation_failed", "request does not match the schema", [{ field, reason: "must be an ISO 8601 date-time" }]);
  return ms;
}

/** The window asked for, widened to whole minutes (the buckets' size). */
export function usageWindow(query: UsageQuery, now = Date.now()): { since: number; until: number } {
  const until = instant(query.until, "until") ?? now;
  const since = instant(query.since, "since") ?? until - DEFAULT_WINDOW_MS;
  if (since > until) throw new AppError("validation_failed", "request does not match the schema", [{ field: "since", reason: "must not be after until" }]);
  return { since: Math.floor(since / BUCKET_MS) * BUCKET_MS, until: Math.ceil((until + 1) / BUCKET_MS) * BUCKET_MS };
}

/** Sums the rows of every instance, group by group (and backend, for `group_by=model`). */
export function mergeRows(replies: readonly UsageInstanceReply[]): UsageRow[] {
  const merged = new Map<string, UsageRow>();
  for (const reply of replies) {
    for (const row of reply.rows) {
      const id = `${row.backend ?? ""}\u0000${row.group}`;
      const into = merged.get(id);
      if (!into) {
        merged.set(id, { ...row });
        continue;
      }
      into.requests += row.requests;
      into.prompt_tokens += row.prompt_tokens;
      into.cached_tokens += row.cached_tokens;
      into.completion_tokens += row.completion_tokens;
      into.retry_tokens += row.retry_tokens;
      into.cost_usd += row.cost_usd;
    }
  }
  return [...merged.values()]
    .map((r) => ({ ...r, cost_usd: Math.round(r.cost_usd * 1e6) / 1e6 }))
    .sort((a, b) => b.prompt_tokens + b.completion_tokens - (a.prompt_tokens + a.completion_tokens) || a.group.localeCompare(b.group));
}

/** `tenant` comes from the caller's bus header (undefined = every tenant), never from `query`. */
export async function collectUsage(bus: Bus, query: UsageQuery, tenant?: string, budgetMs = 1500, store?: UsageStore): Promise<UsageResponse> {
  const { since, until } = usageWindow(query);
  const groupBy: UsageGroupBy = query.group_by ?? "key";
  if (store) {
    const [rows, instances] = await Promise.all([
      store.query(since, until, groupBy, tenant).catch((e) => {
        throw new AppError("service_unavailable", "the usage ledger cannot be read right now", [], { cause: e });
      }),
      bus.ping("chat", Math.min(500, budgetMs)).catch(() => []),
    ]);
    return { since: new Date(since).toISOString(), until: new Date(until).toISOString(), group_by: groupBy, instances: instances.length, rows: mergeRows([{ instance: "store", rows }]) };
  }
  const replyTo = `${Subject.UsageReplies}.${crypto.randomUUID()}`;
  const replies = new Map<string, UsageInstanceReply>();
  let expected = Number.POSITIVE_INFINITY;
  let done: () => void = () => {};
  const finished = new Promise<void>((resolve) => (done = resolve));
  const stop = bus.subscribe(replyTo, (body) => {
    const reply = body as UsageInstanceReply;
    if (typeof reply?.instance !== "string" || !Array.isArray(reply.rows)) return;
    replies.set(reply.instance, reply);
    if (replies.size >= expected) done();
  });
  try {
    bus.publish(Subject.ControlUsageQuery, { reply_to: replyTo, since, until, group_by: groupBy, ...(tenant !== undefined ? { tenant } : {}) });
    void bus.ping("chat", Math.min(500, budgetMs)).then(
      (instances) => {
        expected = instances.length;
        if (replies.size >= expected) done();
      },
      () => {},
    );
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([finished, new Promise<void>((resolve) => (timer = setTimeout(resolve, budgetMs)))]);
    clearTimeout(timer);
  } finally {
    stop();
  }
  return {
    since: new Date(since).toISOString(),
    until: new Date(until).toISOString(),
    group_by: groupBy,
    instances: replies.size,
    rows: mergeRows([...replies.values()]),
  };
}
