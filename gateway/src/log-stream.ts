/**
 * `GET /logs/stream`: Server-Sent Events of every chat exchange. Chat instances publish log events
 * on a broadcast subject; each connected client gets its own bus subscription for as long as its
 * connection lives, so events from every chat instance reach every viewer.
 */
import { Elysia } from "elysia";
import { AppError, Subject, type Bus } from "@sinhome/proto";

const HEARTBEAT_MS = 15_000;
const encoder = new TextEncoder();

export function logStream(opts: { bus: Bus; maxClients: number; requestIdOf: (r: Request) => string }) {
  let clients = 0;
  return new Elysia({ name: "log-stream" }).get("/logs/stream", ({ request }) => {
    if (clients >= opts.maxClients) throw new AppError("service_unavailable", "too many log stream clients");
    clients++;
    let cleanup = () => {};
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        const send = (chunk: string) => {
          try {
            controller.enqueue(encoder.encode(chunk));
          } catch {
            cleanup();
          }
        };
        send(`: connected\n\n`);
        const unsubscribe = opts.bus.subscribe(Subject.LogsChat, (event) => send(`event: chat\ndata: ${JSON.stringify(event)}\n\n`));
        const heartbeat = setInterval(() => send(`: keep-alive\n\n`), HEARTBEAT_MS);
        let done = false;
        cleanup = () => {
          if (done) return;
          done = true;
          clients--;
          clearInterval(heartbeat);
          unsubscribe();
        };
        request.signal.addEventListener("abort", () => cleanup());
      },
      cancel() {
        cleanup();
      },
    });
    return new Response(body, {
      headers: {
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-cache",
        connection: "keep-alive",
        "x-request-id": opts.requestIdOf(request),
      },
    });
  }, { detail: { summary: "Server-Sent Events of every chat exchange", tags: ["ops"] } });
}

