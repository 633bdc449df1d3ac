/**
 * The chat side of `GET /monitoring/usage`: every chat instance listens to the usage-query broadcast and
 * answers with its own rows on the query's reply subject, so ops can sum them over the whole mesh.
 */
import { Subject, type Bus, type UsageInstanceQuery, type UsageInstanceReply } from "@sinhome/proto";
import type { UsageLedger } from "./ledger.ts";

const isQuery = (v: unknown): v is UsageInstanceQuery => {
  const q = v as Partial<UsageInstanceQuery> | null;
  return !!q && typeof q.reply_to === "string" && q.reply_to.startsWith(`${Subject.UsageReplies}.`)
    && typeof q.since === "number" && typeof q.until === "number" && (q.group_by === "key" || q.group_by === "endpoint" || q.group_by === "model");
};

/** Answers usage queries until the returned function is called. */
export function answerUsageQueries(bus: Bus, ledger: UsageLedger, instance: string): () => void {
  return bus.subscribe(Subject.ControlUsageQuery, (body) => {
    if (!isQuery(body)) return;
    const reply: UsageInstanceReply = { instance, rows: ledger.query(body.since, body.until, body.group_by, typeof body.tenant === "string" ? body.tenant : undefined) };
    bus.publish(body.reply_to, reply);
  });
}
