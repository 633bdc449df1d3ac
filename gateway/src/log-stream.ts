/**
 * `GET /logs/stream`: Server-Sent Events of every chat exchange, read from the persisted conversation
 * log (JetStream in the mesh, so every chat instance's events; the embedded store in the all-in-one).
 * Each event carries its log id as `id:` and is a default (unnamed) event, so `EventSource.onmessage`
 * gets it. A client that reconnects with `Last-Event-ID` (header, or the `last_event_id` query
 * parameter) receives exactly the events stored after that id, then the live ones. Browsers cannot
 * set headers on an EventSource: the API key may come as a `token` query parameter (auth.ts; the URL is
 * never logged).
 */
import { Elysia } from "elysia";
import { Type } from "@sinclair/typebox";
import { AppError, MODULE_ROUTE_SCOPES, type StoredLogEvent } from "@sinhome/proto";
import { securityDoc } from "./keys/route-scopes.ts";
import { parseLogId, type ConversationLog } from "@sinhome/runtime";

const HEARTBEAT_MS = 15_000;
/** What a browser waits before reconnecting (it then resumes with Last-Event-ID). */
const RETRY_MS = 3_000;
/** A client this far behind is disconnected rather than buffered without bound; it resumes by id. */
const MAX_QUEUED_BYTES = 4 * 1024 * 1024;
const encoder = new TextEncoder();

/** One SSE frame: `id:` + one `data:` line (JSON has no raw newlines), default `message` event. */
export const sseFrame = (event: StoredLogEvent): string => `id: ${event.id}\ndata: ${JSON.stringify(event)}\n\n`;

/** The id to resume after: the Last-Event-ID header wins over the `last_event_id` query parameter. */
function resumeId(request: Request): string | undefined {
  const q = request.url.indexOf("?");
  const given = request.headers.get("last-event-id")?.trim() || (q < 0 ? undefined : new URLSearchParams(request.url.slice(q + 1)).get("last_event_id")?.trim());
  if (!given) return undefined;
  if (parseLogId(given) === undefined) {
    throw new AppError("validation_failed", "Last-Event-ID is not an event id of this log", [{ field: "Last-Event-ID", reason: "expected the decimal id of an event" }]);
  }
  return given;
}

export type LogStreamOptions = {
  conversations?: ConversationLog;
  maxClients: number;
  requestIdOf: (r: Request) => string;
  /** The tenant the caller is confined to (or asked for); undefined = every tenant's events. */
  tenantOf: (r: Request) => string | undefined;
};

export function logStream(opts: LogStreamOptions) {
  let clients = 0;
  return new Elysia({ name: "log-stream" }).get("/logs/stream", async ({ request }) => {
    const log = opts.conversations;
    if (!log) throw new AppError("not_configured", "no conversation log on this gateway");
    const after = resumeId(request);
    const tenant = opts.tenantOf(request);
    // Events written before tenants existed carry none: they belong to the default tenant "".
    const visible = (event: StoredLogEvent) => tenant === undefined || (event.tenant ?? "") === tenant;
    if (clients >= opts.maxClients) throw new AppError("service_unavailable", "too many log stream clients");
    clients++;
    let cleanup = () => {};
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        let done = false;
        let stopFollowing = () => {};
        const send = (chunk: string) => {
          if (done) return;
          try {
            controller.enqueue(encoder.encode(chunk));
            if ((controller.desiredSize ?? 0) < -MAX_QUEUED_BYTES) {
              cleanup();
              controller.close();
            }
          } catch {
            cleanup();
          }
        };
        const heartbeat = setInterval(() => send(`: keep-alive\n\n`), HEARTBEAT_MS);
        cleanup = () => {
          if (done) return;
          done = true;
          clients--;
          clearInterval(heartbeat);
          stopFollowing();
        };
        request.signal.addEventListener("abort", () => cleanup());
        send(`retry: ${RETRY_MS}\n\n`);
        try {
          const stop = await log.follow(after, (event) => {
            if (visible(event)) send(sseFrame(event));
          });
          if (done) stop();
          else stopFollowing = stop;
          // From here on no event is missed (the replay after Last-Event-ID, if any, is already queued).
          send(`: connected\n\n`);
        } catch {
          // The log is unreachable: end the stream; the client retries and resumes by id.
          cleanup();
          controller.close();
        }
      },
      cancel() {
        cleanup();
      },
    }, new ByteLengthQueuingStrategy({ highWaterMark: 64 * 1024 }));
    return new Response(body, {
      headers: {
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-cache",
        connection: "keep-alive",
        "x-request-id": opts.requestIdOf(request),
      },
    });
  }, {
    // Documents the query parameters (both are read from the URL above).
    query: Type.Object({
      token: Type.Optional(Type.String({ description: "the API key, for clients that cannot send headers (EventSource)" })),
      tenant: Type.Optional(Type.String({ description: "operator keys: only this tenant's events (a tenant key sees only its own)" })),
      last_event_id: Type.Optional(Type.String({ description: "resume after this event id (the Last-Event-ID header wins)" })),
    }),
    detail: {
      ...securityDoc(MODULE_ROUTE_SCOPES["/logs/stream"]!),
      summary: "Server-Sent Events of every chat exchange (id: per event, resumes after Last-Event-ID or ?last_event_id=; key also as ?token=)",
      tags: ["ops"],
    },
  });
}
