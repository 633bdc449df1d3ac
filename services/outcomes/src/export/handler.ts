/**
 * One page of `GET /datasets/export` (the gateway pulls pages and streams them as NDJSON). The cursor
 * is the last row's (time, request_id), base64url: stable under concurrent inserts, never repeats a line.
 */
import { AppError, ExportPageRequest, type ExportPageResponse } from "@sinhome/proto";
import type { OutcomesStore } from "../store/outcomes-store.ts";
import { validated, windowOf } from "../validate.ts";
import { defaultOutcomes, exportLine, type ExportFormat } from "./lines.ts";

const PAGE = 200;

const encodeCursor = (at: string, requestId: string) => Buffer.from(JSON.stringify([at, requestId])).toString("base64url");
function decodeCursor(cursor: string | undefined): { at: string; requestId: string } | undefined {
  if (!cursor) return undefined;
  try {
    const [at, requestId] = JSON.parse(Buffer.from(cursor, "base64url").toString()) as [unknown, unknown];
    if (typeof at === "string" && Number.isFinite(Date.parse(at)) && typeof requestId === "string") return { at, requestId };
  } catch {
    // fall through: not one of ours
  }
  throw new AppError("validation_failed", "the request does not match the outcomes contract", [{ field: "cursor", reason: "not a cursor of this export" }]);
}

export async function exportPage(store: OutcomesStore, body: unknown, opts: { logContent: boolean; tenant?: string }): Promise<ExportPageResponse> {
  if (!opts.logContent) throw new AppError("content_not_stored", "texts are not kept (LOG_CONTENT=false): there is nothing to export");
  const q = validated(ExportPageRequest, body);
  const format: ExportFormat = q.format ?? "sft";
  const outcomes = q.outcomes ? q.outcomes.split(",") : defaultOutcomes(format);
  const limit = q.limit ?? PAGE;
  const rows = await store.exportRows({
    ...windowOf(q),
    tenant: opts.tenant,
    outcomes: format === "dpo" ? outcomes.filter((o) => o === "edited") : outcomes,
    minRating: q.min_rating,
    purchased: q.purchased,
    after: decodeCursor(q.cursor),
    limit,
  });
  const lines = rows.map((r) => exportLine(r, format)).filter((l): l is string => l !== null);
  const last = rows[rows.length - 1];
  return { lines, next_cursor: rows.length === limit && last ? encodeCursor(last.at, last.request_id) : null };
}
