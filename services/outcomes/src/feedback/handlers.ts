/**
 * `POST /feedback` and `POST /feedback/batch`. Rules beyond the schema: `final_text` only with
 * `edited` (422). Feedback for a reply not yet read from the conversation log (the CRM can be faster
 * than the log) waits for it up to OUTCOMES_FEEDBACK_WAIT_MS before answering 404 `unknown_request`.
 * An event without `event_id` gets one (a retry of it then counts again: CRMs should send one).
 */
import { AppError, FeedbackEvent, type FeedbackBatchResponse, type FeedbackResponse } from "@sinhome/proto";
import { Value } from "@sinclair/typebox/value";
import { outcomeMetrics } from "../metrics.ts";
import type { OutcomesStore } from "../store/outcomes-store.ts";
import { detailsOf, validated } from "../validate.ts";

const WAIT_STEP_MS = 100;
/** Kept between the end of the wait and the caller's deadline, for the answer itself (a loaded database is slow). */
const DEADLINE_MARGIN_MS = 1500;

export function checkEvent(body: unknown): FeedbackEvent & { event_id: string; at: string } {
  // null means absent (the gateway drops nulls of /feedback; batch events arrive as they were sent).
  const present = body && typeof body === "object" && !Array.isArray(body) ? Object.fromEntries(Object.entries(body).filter(([, v]) => v !== null)) : body;
  const event = validated(FeedbackEvent, present);
  if (event.final_text !== undefined && event.outcome !== "edited") {
    throw new AppError("validation_failed", "final_text is only accepted with outcome \"edited\"", [{ field: "final_text", reason: "only with outcome \"edited\"" }]);
  }
  const at = event.at === undefined ? Date.now() : Date.parse(event.at);
  if (!Number.isFinite(at)) throw new AppError("validation_failed", "the request does not match the outcomes contract", [{ field: "at", reason: "expected an ISO 8601 date-time" }]);
  return { ...event, event_id: event.event_id ?? `auto-${crypto.randomUUID()}`, at: new Date(at).toISOString() };
}

export function feedbackHandlers(store: () => OutcomesStore, opts: { waitMs: number }) {
  /** Waits (bounded) for a reply record the log has not delivered yet. */
  const awaitRecord = async (requestId: string, tenant: string | undefined, deadline: number): Promise<void> => {
    const until = Math.min(Date.now() + opts.waitMs, deadline - DEADLINE_MARGIN_MS);
    while (!(await store().hasRecord(requestId, tenant)) && Date.now() < until) await Bun.sleep(WAIT_STEP_MS);
  };

  const one = async (body: unknown, tenant: string | undefined, deadline: number): Promise<FeedbackResponse> => {
    const event = checkEvent(body);
    await awaitRecord(event.request_id, tenant, deadline);
    const result = await store().addFeedback(event, tenant);
    if (result.duplicate) outcomeMetrics.duplicate();
    else outcomeMetrics.event(result.arm, event);
    return { request_id: event.request_id, accepted: result.accepted, ...(result.duplicate ? { duplicate: true } : {}) };
  };

  return {
    feedback: (body: unknown, tenant: string | undefined, deadline: number) => one(body, tenant, deadline),

    /** Each event on its own: one bad or unknown event never fails the others. */
    async batch(events: readonly unknown[], tenant: string | undefined, deadline: number): Promise<FeedbackBatchResponse> {
      const results: FeedbackBatchResponse["results"] = [];
      for (const [index, body] of events.entries()) {
        const requestId = Value.Check(FeedbackEvent.properties.request_id, (body as { request_id?: unknown })?.request_id) ? (body as { request_id: string }).request_id : null;
        try {
          const r = await one(body, tenant, Math.min(deadline, Date.now() + opts.waitMs + 500));
          results.push({ index, request_id: requestId, accepted: true, ...(r.duplicate ? { duplicate: true } : {}) });
        } catch (e) {
          if (!(e instanceof AppError) || e.status >= 500) throw e;
          results.push({ index, request_id: requestId, accepted: false, error: { code: e.code, message: e.message } });
        }
      }
      const accepted = results.filter((r) => r.accepted).length;
      return { results, accepted, errors_count: results.length - accepted };
    },
  };
}

export { detailsOf };
