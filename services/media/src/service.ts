/** The media service on the bus: which media each fan already received (PostgreSQL or embedded PGlite). */
import {
  MediaCheckRequest,
  MediaFanRequest,
  MediaImportRequest,
  MediaRecommendRequest,
  MediaSentRequest,
  dataTenantOf,
  ServiceName,
  Subject,
  type ComponentsReply,
} from "@sinhome/proto";
import { audited, auditCaller, AuditAction, countedEndpoints, ServiceCounters, type MeshService, type ServiceDeps } from "@sinhome/runtime";
import type { MediaEnv } from "./env.ts";
import { openMediaDatabase } from "./store/database.ts";
import { probeDatabase } from "./store/health.ts";
import { describeStoreError } from "./store/types.ts";
import { deleteHistory, fanHistory, pruneEvents } from "./tracking/history.ts";
import { checkDuplicates, recommend } from "./tracking/lookup.ts";
import { importRecords, recordSend } from "./tracking/sends.ts";
import { validated } from "./validate.ts";

export const MEDIA_VERSION = "0.1.0";

const PRUNE_EVERY_MS = 60 * 60 * 1000;

export type MediaServiceOptions = {
  /** Extra PostgreSQL server options (tests pin `search_path` to a scratch schema). */
  pgOptions?: string;
};

export async function createMediaService(env: MediaEnv, { log }: ServiceDeps, opts: MediaServiceOptions = {}): Promise<MeshService> {
  const counters = new ServiceCounters(ServiceName.Media);
  const db = await openMediaDatabase({ ...env, pgOptions: opts.pgOptions }, log);

  const prune = () => {
    if (!db.isMigrated()) return;
    pruneEvents(db.raw, env.MEDIA_EVENT_RETENTION_HOURS)
      .then((pruned) => {
        if (pruned > 0) log.info({ pruned }, "expired media event ids pruned");
      })
      .catch((e) => log.warn({ err: describeStoreError(e) }, "pruning media event ids failed"));
  };
  prune();
  const pruneTimer = setInterval(prune, PRUNE_EVERY_MS);
  pruneTimer.unref?.();

  const status = async (): Promise<ComponentsReply> => ({
    components: [await probeDatabase(db.raw, { migrated: db.isMigrated() })],
  });

  return {
    counters,
    definition: {
      name: ServiceName.Media,
      version: MEDIA_VERSION,
      description: "Media tracking: what each fan already received (PostgreSQL)",
      statsData: () => counters.snapshot(),
      endpoints: countedEndpoints(counters, {
        // A fan is (tenant, fan_id): the tenant comes from the gateway's bus header, never from the body.
        sent: { subject: Subject.MediaSent, handler: (req) => recordSend(db.store(), validated(MediaSentRequest, req.body), dataTenantOf(req.headers)) },
        check_duplicates: { subject: Subject.MediaCheck, handler: (req) => checkDuplicates(db.store(), validated(MediaCheckRequest, req.body), dataTenantOf(req.headers)) },
        recommend: { subject: Subject.MediaRecommend, handler: (req) => recommend(db.store(), validated(MediaRecommendRequest, req.body), dataTenantOf(req.headers)) },
        history: {
          subject: Subject.MediaHistory,
          handler: (req) => fanHistory(db.store(), validated(MediaFanRequest, req.body).fan_id, env.MEDIA_HISTORY_LIMIT, dataTenantOf(req.headers)),
        },
        import: { subject: Subject.MediaImport, handler: (req) => importRecords(db.store(), validated(MediaImportRequest, req.body), dataTenantOf(req.headers)) },
        delete: {
          subject: Subject.MediaDelete,
          handler: (req) => {
            const { fan_id } = validated(MediaFanRequest, req.body);
            return audited(log, { action: AuditAction.EraseFanMedia, ...auditCaller(req.headers), target: fan_id }, () => deleteHistory(db.store(), fan_id, dataTenantOf(req.headers)));
          },
        },
        status: { subject: Subject.MediaStatus, handler: status },
      }),
    },
    readiness: async () => {
      const component = await probeDatabase(db.raw, { migrated: db.isMigrated() });
      return [{ name: "database", ok: component.status === "ok", ...(component.error ? { error: component.error } : {}) }];
    },
    close: async () => {
      clearInterval(pruneTimer);
      await db.close();
    },
  };
}
