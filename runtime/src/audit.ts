/**
 * The audit trail: one `info` log line with `audit: true` per privileged action (erasing a conversation
 * or a fan's media, resetting metrics, starting a QA run, reloading the API keys), and the counter
 * `sinhome_audit_events_total{action,outcome}`. Who (key name, tenant), what (action, target id), when
 * and how it ended — never message text, never a key. The log pipeline ships these lines (RUNBOOK "Audit").
 */
import { BusHeader } from "@sinhome/proto";
import type { Logger } from "./log.ts";
import { prom } from "./metrics.ts";

export const AuditAction = {
  EraseConversation: "erase_conversation",
  EraseFanMedia: "erase_fan_media",
  MetricsReset: "metrics_reset",
  QaRun: "qa_run",
  KeysReload: "keys_reload",
} as const;
export type AuditAction = (typeof AuditAction)[keyof typeof AuditAction];

export type AuditEvent = {
  action: AuditAction;
  /** Name of the caller's API key (never the key); `anonymous` on an open gateway, `system` for the gateway itself. */
  keyName: string;
  /** The caller's tenant; null for an operator key (every tenant). */
  tenant: string | null;
  /** What was acted on: a session id, a fan id, a QA suite, a keys file path. Identifiers only, never content. */
  target: string | null;
  /** `ok`, or the error code the action ended with. */
  outcome: string;
};

export function audit(log: Logger, event: AuditEvent): void {
  prom.auditEvents.inc({ action: event.action, outcome: event.outcome === "ok" ? "ok" : "error" });
  log.info({ audit: true, time: new Date().toISOString(), action: event.action, key_name: event.keyName, tenant: event.tenant, target: event.target, outcome: event.outcome }, "audit");
}

/** Who made a bus request, as the gateway stated it in the headers. */
export const auditCaller = (headers: Record<string, string>): Pick<AuditEvent, "keyName" | "tenant"> => ({
  keyName: headers[BusHeader.KeyName] || "anonymous",
  tenant: headers[BusHeader.Tenant] ?? null,
});

/**
 * Runs a privileged action and audits it whatever its outcome: the error (an AppError's code, else
 * `internal_error`) is recorded, then thrown on unchanged.
 */
export async function audited<T>(log: Logger, event: Omit<AuditEvent, "outcome">, action: () => Promise<T>): Promise<T> {
  try {
    const result = await action();
    audit(log, { ...event, outcome: "ok" });
    return result;
  } catch (e) {
    const code = e && typeof e === "object" && "code" in e && typeof (e as { code: unknown }).code === "string" ? (e as { code: string }).code : "internal_error";
    audit(log, { ...event, outcome: code });
    throw e;
  }
}
