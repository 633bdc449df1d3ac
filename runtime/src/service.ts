/**
 * How a mesh service is described once and run two ways: as its own process (`runServiceProcess`,
 * with NATS, a probe/metrics port and graceful SIGTERM) or inside the all-in-one (which only calls
 * `bus.addService(service.definition)`).
 */
import { BusHeader, MODULE_ROUTE_LABELS, routeLabel, ROUTES_BY_SUBJECT, Subject, type BusHandler, type BusRequest, type ServiceDefinition } from "@sinhome/proto";
import { AppError, toAppError, type Bus } from "@sinhome/proto";
import { ServiceCounters } from "./metrics.ts";

export type ReadinessCheck = { name: string; ok: boolean; error?: string };

/** What each service package exports: its bus definition, readiness and cleanup. */
export type MeshService = {
  definition: ServiceDefinition;
  counters: ServiceCounters;
  /** Dependencies this service needs to do its work (database, LLM...). */
  readiness(): Promise<ReadinessCheck[]>;
  close(): Promise<void>;
};

/**
 * How a request on `subject` is counted: by the HTTP route it serves (`POST /personality_chat`), the
 * same key in every service; undefined = not traffic (probes and metrics reads, and internal subjects
 * such as chat's LLM access for scoring and QA, whose HTTP request is already counted where it came in).
 */
export function trafficLabel(subject: string): ((req: BusRequest) => string) | undefined {
  const routes = (ROUTES_BY_SUBJECT.get(subject) ?? []).filter((r) => !r.probe);
  if (routes.length === 0) {
    const fixed = MODULE_ROUTE_LABELS[subject as Subject];
    return fixed ? () => fixed : undefined;
  }
  const labels = routes.map(routeLabel);
  if (labels.length === 1) return () => labels[0]!;
  // Several routes share the subject: the gateway says which one in a header.
  return (req) => {
    const given = req.headers[BusHeader.Route];
    return given && labels.includes(given) ? given : labels[0]!;
  };
}

/** Wraps each endpoint handler so every request of the CRM is counted (status, latency) in the service's counters. */
export function countedEndpoints(
  counters: ServiceCounters,
  endpoints: Record<string, { subject: string; handler: BusHandler }>,
): ServiceDefinition["endpoints"] {
  const out: ServiceDefinition["endpoints"] = {};
  for (const [name, ep] of Object.entries(endpoints)) {
    const label = trafficLabel(ep.subject);
    if (!label) {
      out[name] = ep;
      continue;
    }
    out[name] = {
      subject: ep.subject,
      handler: async (req) => {
        const started = performance.now();
        let status = 200;
        try {
          return await ep.handler(req);
        } catch (e) {
          status = toAppError(e).status;
          throw e;
        } finally {
          counters.request(label(req), status, performance.now() - started);
        }
      },
    };
  }
  return out;
}

/** Every instance zeroes its counters when ops broadcasts a reset. */
export function listenForMetricsReset(bus: Bus, counters: ServiceCounters[]): () => void {
  return bus.subscribe(Subject.ControlMetricsReset, () => {
    for (const c of counters) c.reset();
  });
}

/** Handler of an endpoint whose logic is not built yet: an honest 501, never a fake success. */
export const notImplemented = (what: string) => (): never => {
  throw new AppError("not_implemented", `${what} is not implemented yet`);
};
