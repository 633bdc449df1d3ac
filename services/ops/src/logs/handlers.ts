/**
 * The persisted conversation log as ops serves it: a page of history (oldest first, with a cursor),
 * and a conversation's erasure (a fan's data-erasure request). Plain data in, plain data out; the
 * store is JetStream in the mesh and the embedded file in the all-in-one (same interface).
 */
import { AppError, BusHeader, LogEraseRequest, LogHistoryQuery, Subject, tenantOf, type Bus, type BusRequest, type ErrorDetail, type LogEraseResponse, type LogHistoryResponse, type OutcomesEraseResponse } from "@sinhome/proto";
import { audited, auditCaller, AuditAction, type ConversationLog, type HistoryQuery, type Logger } from "@sinhome/runtime";
import { Value } from "@sinclair/typebox/value";
import type { Static, TSchema } from "@sinclair/typebox";

const DEFAULT_LIMIT = 100;

/** An instant given as ISO 8601 or epoch milliseconds; undefined when absent, a detail when unreadable. */
function instant(field: string, value: string | undefined, details: ErrorDetail[]): number | undefined {
  if (value === undefined || value === "") return undefined;
  const ms = /^\d{1,15}$/.test(value) ? Number(value) : Date.parse(value);
  if (Number.isFinite(ms)) return ms;
  details.push({ field, reason: "expected an ISO 8601 date-time or epoch milliseconds" });
  return undefined;
}

function checked<T extends TSchema>(schema: T, body: unknown): Static<T> {
  const value = Value.Convert(schema, body);
  if (Value.Check(schema, value)) return value;
  const details = [...Value.Errors(schema, value)].slice(0, 20).map((e) => ({ field: e.path.slice(1) || "(query)", reason: e.message }));
  throw new AppError("validation_failed", "the request does not match the log contract", details);
}

/**
 * The history query in store terms; 422 with a detail per unreadable field. `tenant` is the caller's,
 * from the gateway's bus header (undefined = an operator key, every tenant) — never from the query body.
 */
export function toHistoryQuery(body: unknown, tenant?: string): HistoryQuery {
  const raw = Object.fromEntries(Object.entries((body ?? {}) as Record<string, unknown>).filter(([, v]) => v !== "" && v !== null && v !== undefined));
  const q = checked(LogHistoryQuery, raw);
  const details: ErrorDetail[] = [];
  const sinceMs = instant("since", q.since, details);
  const untilMs = instant("until", q.until, details);
  if (sinceMs !== undefined && untilMs !== undefined && sinceMs > untilMs) details.push({ field: "until", reason: "must not be before since" });
  if (details.length) throw new AppError("validation_failed", "the request does not match the log contract", details);
  return { sessionId: q.session_id, sinceMs, untilMs, limit: q.limit ?? DEFAULT_LIMIT, afterId: q.cursor, ...(tenant !== undefined ? { tenant } : {}) };
}

/**
 * A conversation's reply records and outcomes go with it: the outcomes service erases them (resolves with
 * how many). When no outcomes instance runs at all (a mesh deployed without it) there is nothing to erase: null.
 * Any other failure fails the erasure (503/504), which the CRM repeats; erasing twice is harmless.
 */
export async function eraseOutcomes(bus: Bus, req: BusRequest, sessionId: string): Promise<number | null> {
  const tenant = tenantOf(req.headers);
  try {
    const reply = await bus.requestJson<OutcomesEraseResponse>(Subject.OutcomesErase, { session_id: sessionId }, {
      timeoutMs: 10_000,
      requestId: req.requestId,
      resend: true,
      ...(tenant !== undefined ? { headers: { [BusHeader.Tenant]: tenant } } : {}),
    });
    return reply.erased;
  } catch (e) {
    if (e instanceof AppError && e.code === "service_unavailable" && /^no service is answering/.test(e.message)) return null;
    throw e;
  }
}

export function logHandlers(conversations: ConversationLog | undefined, log?: Logger, bus?: Bus) {
  const store = (): ConversationLog => {
    if (!conversations) throw new AppError("not_configured", "this ops instance has no conversation log");
    return conversations;
  };
  return {
    history: (req: BusRequest): Promise<LogHistoryResponse> => store().history(toHistoryQuery(req.body, tenantOf(req.headers))),
    /** Erases one conversation of the caller's tenant (an operator key: of every tenant), audited. */
    erase: async (req: BusRequest): Promise<LogEraseResponse> => {
      const { session_id } = checked(LogEraseRequest, req.body);
      const erase = async () => {
        const erased = await store().erase(session_id, tenantOf(req.headers));
        // The answer keeps its contract ({session_id, erased}: log events); the records go with them or the erase fails.
        if (bus) await eraseOutcomes(bus, req, session_id);
        return { session_id, erased };
      };
      return log ? audited(log, { action: AuditAction.EraseConversation, ...auditCaller(req.headers), target: session_id }, erase) : erase();
    },
  };
}
