/**
 * Routes whose answer is a JSON Lines stream (`ndjsonPages`: the dataset export). The service answers
 * one page per bus request (`{lines, next_cursor}`); the gateway asks for the first page before
 * answering — so a bad query or `content_not_stored` is still a JSON error with its status — then
 * streams it and pulls the next pages as the client reads (backpressure: one page in memory at a
 * time). A failure after the first bytes aborts the stream (the client sees a truncated transfer, never
 * a line that lies).
 */
import { AppError, type Bus, type ExportPageResponse, type Route } from "@sinhome/proto";

export const NDJSON_HEADERS = { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store" };

export type PageRequester = (payload: Record<string, unknown>) => Promise<ExportPageResponse>;

export function pageRequester(bus: Bus, route: Route, opts: { timeoutMs: number; requestId: string; headers: Record<string, string> }): PageRequester {
  return async (payload) => {
    const page = await bus.requestJson<ExportPageResponse>(route.subject, payload, { timeoutMs: opts.timeoutMs, requestId: opts.requestId, headers: opts.headers, resend: true });
    if (!page || !Array.isArray(page.lines) || page.lines.some((l) => typeof l !== "string")) throw new AppError("upstream_error", "the service answered something that is not a page of lines");
    return page;
  };
}

/** The whole answer: the first page is fetched here (errors thrown), the rest while streaming. */
export async function ndjsonResponse(query: Record<string, unknown>, request: PageRequester, headers: Record<string, string>): Promise<Response> {
  const first = await request(query);
  const encoder = new TextEncoder();
  let page: ExportPageResponse | undefined = first;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        if (!page) {
          controller.close();
          return;
        }
        if (page.lines.length > 0) controller.enqueue(encoder.encode(page.lines.join("\n") + "\n"));
        page = page.next_cursor ? await request({ ...query, cursor: page.next_cursor }) : undefined;
      } catch (e) {
        controller.error(e);
      }
    },
  });
  return new Response(stream, { headers: { ...NDJSON_HEADERS, ...headers } });
}
