/**
 * The outcomes store: reply records, feedback events and merged outcomes, over one SQL executor
 * (PostgreSQL or PGlite, same SQL). Idempotency is the database's: an event's id is the primary key of
 * `outcome_events`, and a reply's row is locked while its events are merged, so two gateways posting at
 * once count each event once and never lose one.
 */
import { createHash } from "node:crypto";
import { AppError, type FeedbackEvent } from "@sinhome/proto";
import type { ArmAggregate } from "../report/build.ts";
import type { ExportRow } from "../export/lines.ts";
import { mergeEvents } from "../feedback/merge.ts";
import type { ReplyRecord } from "../ingest/record.ts";
import type { Sql } from "./sql.ts";

export type Window = { since: string; until: string; tenant?: string };
export type ExportFilter = Window & { outcomes: string[]; minRating?: number; purchased?: boolean; after?: { at: string; requestId: string }; limit: number };
export type FeedbackResult = { accepted: true; duplicate: boolean; arm: string | null };

const CONSUMER = "conversation-log";
/** A replica re-sends a prompt it already stored after this long (keeps `last_seen` fresh for pruning). */
const PROMPT_REFRESH_MS = 60 * 60 * 1000;

/** Splits the system prompt off the messages: stored once by hash (see migration 2). */
function splitSystem(messages: ReplyRecord["messages"]): { hash: string | null; system: string | null; rest: ReplyRecord["messages"] } {
  const first = messages?.[0];
  if (!messages || first?.role !== "system") return { hash: null, system: null, rest: messages };
  return { hash: Bun.hash(first.content).toString(16).padStart(16, "0"), system: first.content, rest: messages.slice(1) };
}
const sessionHash = (sessionId: string) => createHash("sha256").update(sessionId).digest("hex");
const num = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));

export class OutcomesStore {
  /** Prompts this process stored recently (hash → when): their text is not sent again. */
  private readonly knownPrompts = new Map<string, number>();

  constructor(readonly sql: Sql) {}

  async lastIngested(): Promise<number | undefined> {
    const rows = await this.sql.query<{ last_id: string | number }>(`SELECT last_id FROM outcome_ingest WHERE consumer = $1`, [CONSUMER]);
    return rows[0] ? Number(rows[0].last_id) : undefined;
  }

  /** Stores records (a replay stores nothing twice) and moves the cursor; records of erased conversations are dropped. Resolves with the arms of the records stored. */
  async ingest(records: readonly ReplyRecord[], lastId: number | undefined): Promise<(string | null)[]> {
    return this.sql.transaction(async (tx) => {
      // One statement per batch (a replay of a busy log is thousands of events; PGlite runs one statement at a time).
      const now = Date.now();
      const prompts = new Map<string, string>();
      const rows = records.map((r) => {
        const { hash, system, rest } = splitSystem(r.messages);
        if (hash && system !== null && now - (this.knownPrompts.get(hash) ?? 0) > PROMPT_REFRESH_MS) prompts.set(hash, system);
        return { ...r, messages: rest, system_hash: hash, session_hash: r.session_id ? sessionHash(r.session_id) : "" };
      });
      if (prompts.size > 0) {
        await tx.query(
          `INSERT INTO outcome_prompts (hash, content) SELECT x.hash, x.content FROM jsonb_to_recordset($1::jsonb) AS x(hash text, content text)
           ON CONFLICT (hash) DO UPDATE SET last_seen = now()`,
          [JSON.stringify([...prompts].map(([hash, content]) => ({ hash, content })))],
        );
      }
      const stored = rows.length === 0 ? [] : await tx.query<{ arm: string | null }>(
        `INSERT INTO outcome_records (request_id, at, session_id, key_name, tenant, endpoint, backend, model, arm, persona, prompt_tokens, completion_tokens,
           latency_ms, retries, fallback, error, guard, handoff, messages, reply, system_hash)
         SELECT x.request_id, x.at, x.session_id, x.key_name, x.tenant, x.endpoint, x.backend, x.model, x.arm, x.persona, x.prompt_tokens, x.completion_tokens,
           x.latency_ms, coalesce(x.retries, '{}'::jsonb), x.fallback, x.error, x.guard, x.handoff, x.messages, x.reply, x.system_hash
         FROM jsonb_to_recordset($1::jsonb) AS x(request_id text, at timestamptz, session_id text, key_name text, tenant text, endpoint text, backend text,
           model text, arm text, persona text, prompt_tokens integer, completion_tokens integer, latency_ms double precision, retries jsonb, fallback boolean,
           error text, guard jsonb, handoff jsonb, messages jsonb, reply text, system_hash text, session_hash text)
         WHERE NOT EXISTS (SELECT 1 FROM outcome_erasures e WHERE e.session_hash = x.session_hash AND e.erased_at >= x.at)
         ON CONFLICT (request_id) DO NOTHING RETURNING arm`,
        [JSON.stringify(rows)],
      );
      if (lastId !== undefined) {
        await tx.query(
          `INSERT INTO outcome_ingest (consumer, last_id) VALUES ($1, $2) ON CONFLICT (consumer) DO UPDATE SET last_id = GREATEST(outcome_ingest.last_id, EXCLUDED.last_id)`,
          [CONSUMER, lastId],
        );
      }
      for (const hash of prompts.keys()) this.knownPrompts.set(hash, now);
      if (this.knownPrompts.size > 10_000) this.knownPrompts.clear();
      return stored.map((r) => r.arm);
    });
  }

  async hasRecord(requestId: string, tenant?: string): Promise<boolean> {
    const rows = await this.sql.query(`SELECT 1 FROM outcome_records WHERE request_id = $1 AND ($2::text IS NULL OR tenant = $2)`, [requestId, tenant ?? null]);
    return rows.length > 0;
  }

  /** Adds one event and re-merges the reply's outcome; `unknown_request` when the reply is not (or no longer) known. */
  async addFeedback(event: FeedbackEvent & { event_id: string; at: string }, tenant?: string): Promise<FeedbackResult> {
    return this.sql.transaction(async (tx) => {
      const record = await tx.query<{ reply: string | null; arm: string | null }>(
        `SELECT reply, arm FROM outcome_records WHERE request_id = $1 AND ($2::text IS NULL OR tenant = $2) FOR UPDATE`,
        [event.request_id, tenant ?? null],
      );
      if (record.length === 0) throw new AppError("unknown_request", "no reply with this request_id (unknown, or older than the retention)", [{ field: "request_id", reason: "unknown or expired" }]);
      const inserted = await tx.query(
        `INSERT INTO outcome_events (event_id, request_id, at, body) VALUES ($1, $2, $3::timestamptz, $4::jsonb) ON CONFLICT (event_id) DO NOTHING RETURNING event_id`,
        [event.event_id, event.request_id, event.at, JSON.stringify(event)],
      );
      const arm = record[0]!.arm;
      if (inserted.length === 0) return { accepted: true, duplicate: true, arm };
      const events = await tx.query<{ body: FeedbackEvent | string }>(`SELECT body FROM outcome_events WHERE request_id = $1 ORDER BY at, received_at, event_id`, [event.request_id]);
      const m = mergeEvents(events.map((e) => (typeof e.body === "string" ? (JSON.parse(e.body) as FeedbackEvent) : e.body)), record[0]!.reply);
      await tx.query(
        `INSERT INTO reply_outcomes (request_id, outcome, final_text, fan_replied, fan_reply_after_s, purchases, revenue, currency, rating, edit_ratio, events, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, now())
         ON CONFLICT (request_id) DO UPDATE SET outcome = EXCLUDED.outcome, final_text = EXCLUDED.final_text, fan_replied = EXCLUDED.fan_replied,
           fan_reply_after_s = EXCLUDED.fan_reply_after_s, purchases = EXCLUDED.purchases, revenue = EXCLUDED.revenue, currency = EXCLUDED.currency,
           rating = EXCLUDED.rating, edit_ratio = EXCLUDED.edit_ratio, events = EXCLUDED.events, updated_at = EXCLUDED.updated_at`,
        [event.request_id, m.outcome, m.final_text, m.fan_replied, m.fan_reply_after_s, m.purchases, m.revenue, m.currency, m.rating, m.edit_ratio, m.events],
      );
      return { accepted: true, duplicate: false, arm };
    });
  }

  /** Per-arm counts and sums over the window (replies without an arm — direct, Grok, OpenAI API — are not in an A/B test). */
  async armAggregates(w: Window): Promise<ArmAggregate[]> {
    const rows = await this.sql.query(
      `SELECT r.arm,
         count(*) AS replies,
         count(o.request_id) AS with_feedback,
         count(o.outcome) AS with_outcome,
         count(*) FILTER (WHERE o.outcome = 'sent') AS sent,
         count(*) FILTER (WHERE o.outcome = 'edited') AS edited,
         count(*) FILTER (WHERE o.outcome = 'discarded') AS discarded,
         count(o.edit_ratio) FILTER (WHERE o.outcome IN ('sent', 'edited')) AS edit_n,
         coalesce(sum(o.edit_ratio) FILTER (WHERE o.outcome IN ('sent', 'edited')), 0) AS edit_sum,
         coalesce(sum(o.edit_ratio * o.edit_ratio) FILTER (WHERE o.outcome IN ('sent', 'edited')), 0) AS edit_sumsq,
         count(o.fan_replied) FILTER (WHERE o.outcome IN ('sent', 'edited')) AS reply_n,
         count(*) FILTER (WHERE o.outcome IN ('sent', 'edited') AND o.fan_replied) AS replied,
         count(*) FILTER (WHERE o.purchases > 0) AS purchased,
         coalesce(sum(o.revenue), 0) AS revenue_sum,
         coalesce(sum(o.revenue * o.revenue), 0) AS revenue_sumsq
       FROM outcome_records r LEFT JOIN reply_outcomes o ON o.request_id = r.request_id
       WHERE r.arm IS NOT NULL AND r.at >= $1::timestamptz AND r.at < $2::timestamptz AND ($3::text IS NULL OR r.tenant = $3)
       GROUP BY r.arm ORDER BY r.arm`,
      [w.since, w.until, w.tenant ?? null],
    );
    return rows.map((r) => ({
      arm: String(r.arm),
      replies: num(r.replies),
      with_feedback: num(r.with_feedback),
      with_outcome: num(r.with_outcome),
      sent: num(r.sent),
      edited: num(r.edited),
      discarded: num(r.discarded),
      edit: { n: num(r.edit_n), sum: num(r.edit_sum), sumsq: num(r.edit_sumsq) },
      fan_reply: { k: num(r.replied), n: num(r.reply_n) },
      purchased: num(r.purchased),
      revenue: { n: num(r.with_feedback), sum: num(r.revenue_sum), sumsq: num(r.revenue_sumsq) },
    }));
  }

  /** One page of exportable replies (texts kept, outcome known), oldest first, after the keyset cursor. */
  async exportRows(f: ExportFilter): Promise<(ExportRow & { at: string; request_id: string })[]> {
    const rows = await this.sql.query<{ request_id: string; at: Date | string; messages: unknown; system: string | null; reply: string; outcome: string | null; final_text: string | null }>(
      `SELECT r.request_id, r.at, r.messages, p.content AS system, r.reply, o.outcome, o.final_text
       FROM outcome_records r JOIN reply_outcomes o ON o.request_id = r.request_id LEFT JOIN outcome_prompts p ON p.hash = r.system_hash
       WHERE r.messages IS NOT NULL AND r.reply IS NOT NULL
         AND r.at >= $1::timestamptz AND r.at < $2::timestamptz AND ($3::text IS NULL OR r.tenant = $3)
         AND o.outcome IN (SELECT jsonb_array_elements_text($4::jsonb))
         AND ($5::integer IS NULL OR o.rating >= $5)
         AND ($6::boolean IS NULL OR (o.purchases > 0) = $6)
         AND ($7::timestamptz IS NULL OR (r.at, r.request_id) > ($7::timestamptz, $8::text))
       ORDER BY r.at, r.request_id LIMIT $9`,
      [f.since, f.until, f.tenant ?? null, JSON.stringify(f.outcomes), f.minRating ?? null, f.purchased ?? null, f.after?.at ?? null, f.after?.requestId ?? "", f.limit],
    );
    return rows.map((r) => ({
      request_id: r.request_id,
      at: (r.at instanceof Date ? r.at : new Date(r.at)).toISOString(),
      messages: [
        ...(r.system !== null ? [{ role: "system", content: r.system }] : []),
        ...((typeof r.messages === "string" ? JSON.parse(r.messages) : r.messages) as ExportRow["messages"]),
      ],
      reply: r.reply,
      outcome: r.outcome,
      final_text: r.final_text,
    }));
  }

  /** Erases one conversation's records (their events and outcomes go with them) and remembers the erasure. */
  async erase(sessionId: string, tenant?: string): Promise<number> {
    return this.sql.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO outcome_erasures (session_hash, erased_at) VALUES ($1, now()) ON CONFLICT (session_hash) DO UPDATE SET erased_at = now()`,
        [sessionHash(sessionId)],
      );
      return (await tx.query(`DELETE FROM outcome_records WHERE session_id = $1 AND ($2::text IS NULL OR tenant = $2) RETURNING request_id`, [sessionId, tenant ?? null])).length;
    });
  }

  /** Drops what is older than the conversation log keeps (records with their outcomes, old erasure marks). */
  async prune(retentionHours: number): Promise<number> {
    const cutoff = new Date(Date.now() - retentionHours * 3_600_000).toISOString();
    await this.sql.query(`DELETE FROM outcome_erasures WHERE erased_at < $1::timestamptz`, [cutoff]);
    const pruned = (await this.sql.query(`DELETE FROM outcome_records WHERE at < $1::timestamptz RETURNING request_id`, [cutoff])).length;
    // Prompts no record uses any more, and not re-sent by any replica for the retention period.
    await this.sql.query(`DELETE FROM outcome_prompts p WHERE p.last_seen < $1::timestamptz AND NOT EXISTS (SELECT 1 FROM outcome_records r WHERE r.system_hash = p.hash)`, [cutoff]);
    return pruned;
  }
}
