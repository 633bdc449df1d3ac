/**
 * The outcomes service on the bus: reply records read from the conversation log, the CRM's feedback,
 * the A/B report, the fine-tuning export, and erasure with the conversation. It owns its data
 * (PostgreSQL in the mesh, embedded PGlite in the all-in-one); chat stays a stateless reply engine.
 */
import { FeedbackBatchRequest, OutcomesEraseRequest, ServiceName, Subject, tenantOf as tenantHeader, type BusRequest } from "@sinhome/proto";
import { countedEndpoints, openConversationLog, ServiceCounters, type MeshService, type ServiceDeps } from "@sinhome/runtime";
import { controlArm, type OutcomesEnv } from "./env.ts";
import { exportPage } from "./export/handler.ts";
import { feedbackHandlers } from "./feedback/handlers.ts";
import { followConversationLog } from "./ingest/follow.ts";
import { experimentsReport } from "./report/handler.ts";
import { openOutcomesDatabase } from "./store/database.ts";
import { validated } from "./validate.ts";

export const OUTCOMES_VERSION = "0.1.0";
const PRUNE_EVERY_MS = 60 * 60 * 1000;

export type OutcomesServiceOptions = { pgOptions?: string };

/** The caller's tenant, when the gateway sent one: a tenant's key sees only its tenant's replies (absent = an operator key, every tenant). */
const tenantOf = (req: BusRequest): string | undefined => tenantHeader(req.headers);

export async function createOutcomesService(env: OutcomesEnv, { bus, log, conversations: shared }: ServiceDeps, opts: OutcomesServiceOptions = {}): Promise<MeshService & { settled(): Promise<void> }> {
  const counters = new ServiceCounters(ServiceName.Outcomes);
  const db = await openOutcomesDatabase(env, log, opts.pgOptions);
  const conversations = shared ?? (env.NATS_URL ? await openConversationLog(env, { name: "outcomes", manage: false, log }) : undefined);
  if (!conversations) log.warn("no conversation log to follow: reply records will not be fed");
  const follower = conversations ? followConversationLog(conversations, () => db.store(), log) : undefined;
  const feedback = feedbackHandlers(() => db.store(), { waitMs: env.OUTCOMES_FEEDBACK_WAIT_MS });
  const control = controlArm(env.MODEL_ROUTES);

  const prune = () => {
    if (!db.isMigrated()) return;
    db.store().prune(env.LOG_RETENTION_HOURS)
      .then((pruned) => pruned > 0 && log.info({ pruned }, "reply records past the log retention pruned"))
      .catch((e: unknown) => log.warn({ err: e instanceof Error ? e.message : String(e) }, "pruning reply records failed"));
  };
  prune();
  const pruneTimer = setInterval(prune, PRUNE_EVERY_MS);
  pruneTimer.unref?.();

  const probe = async (): Promise<{ ok: boolean; error?: string; latency_ms: number }> => {
    const started = performance.now();
    try {
      await db.raw.query("SELECT 1");
      return db.isMigrated() ? { ok: true, latency_ms: performance.now() - started } : { ok: false, error: "schema_not_migrated", latency_ms: performance.now() - started };
    } catch {
      return { ok: false, error: "unreachable", latency_ms: performance.now() - started };
    }
  };

  return {
    counters,
    settled: async () => follower?.settled(),
    definition: {
      name: ServiceName.Outcomes,
      version: OUTCOMES_VERSION,
      description: "Reply records, CRM feedback, A/B report, fine-tuning export",
      statsData: () => counters.snapshot(),
      endpoints: countedEndpoints(counters, {
        feedback: { subject: Subject.Feedback, handler: (req) => feedback.feedback(req.body, tenantOf(req), req.deadline) },
        feedback_batch: { subject: Subject.FeedbackBatch, handler: (req) => feedback.batch(validated(FeedbackBatchRequest, req.body).events, tenantOf(req), req.deadline) },
        experiments_report: { subject: Subject.ExperimentsReport, handler: (req) => experimentsReport(db.store(), req.body, { control, minSample: env.OUTCOMES_MIN_SAMPLE, tenant: tenantOf(req) }) },
        datasets_export_page: { subject: Subject.DatasetsExportPage, handler: (req) => exportPage(db.store(), req.body, { logContent: env.LOG_CONTENT, tenant: tenantOf(req) }) },
        erase: { subject: Subject.OutcomesErase, handler: async (req) => ({ erased: await db.store().erase(validated(OutcomesEraseRequest, req.body).session_id, tenantOf(req)) }) },
      }),
    },
    readiness: async () => {
      const p = await probe();
      return [{ name: "database", ok: p.ok, ...(p.error ? { error: p.error } : {}) }];
    },
    close: async () => {
      clearInterval(pruneTimer);
      follower?.stop();
      await follower?.settled();
      if (!shared) await conversations?.close();
      await db.close();
    },
  };
}
