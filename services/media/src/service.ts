/** The media service on the bus: which media each fan already received. */
import { ServiceName, Subject } from "@sinhome/proto";
import { countedEndpoints, notImplemented, ServiceCounters, type MeshService, type ServiceDeps } from "@sinhome/runtime";
import type { MediaEnv } from "./env.ts";

export const MEDIA_VERSION = "0.1.0";

export async function createMediaService(_env: MediaEnv, _deps: ServiceDeps): Promise<MeshService> {
  const counters = new ServiceCounters(ServiceName.Media);
  const todo = notImplemented("media tracking");
  return {
    counters,
    definition: {
      name: ServiceName.Media,
      version: MEDIA_VERSION,
      description: "Media tracking: what each fan already received (PostgreSQL)",
      statsData: () => counters.snapshot(),
      endpoints: countedEndpoints(counters, {
        sent: { subject: Subject.MediaSent, handler: todo },
        check_duplicates: { subject: Subject.MediaCheck, handler: todo },
        recommend: { subject: Subject.MediaRecommend, handler: todo },
        history: { subject: Subject.MediaHistory, handler: todo },
        import: { subject: Subject.MediaImport, handler: todo },
        delete: { subject: Subject.MediaDelete, handler: todo },
        status: { subject: Subject.MediaStatus, handler: todo },
      }),
    },
    readiness: async () => [],
    close: async () => {},
  };
}
