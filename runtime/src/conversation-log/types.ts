/**
 * The persisted conversation log, one interface with two stores: NATS JetStream in the mesh (every
 * chat instance appends, ops reads, the gateway follows), an embedded SQLite file under DATA_DIR in
 * the all-in-one. Both keep events for `retentionHours` and at most `maxBytes`, oldest dropped first.
 */
import type { ChatLogEvent, LogHistoryResponse, StoredLogEvent } from "@sinhome/proto";

/** A history page request, already checked: instants in epoch ms, `limit` 1–500. */
export type HistoryQuery = {
  sessionId?: string;
  sinceMs?: number;
  untilMs?: number;
  limit: number;
  /** Exclusive: events after this id. */
  afterId?: string;
  /** Only this tenant's events (`""` = the default tenant); undefined = every tenant (operator keys). */
  tenant?: string;
};

export type LogStats = { kind: "jetstream" | "embedded"; events: number; bytes: number; lastEventAt: string | null };

export interface ConversationLog {
  readonly kind: "jetstream" | "embedded";
  /** Stores one event; resolves with its id. Callers on the reply path do not await it. */
  append(event: ChatLogEvent): Promise<string>;
  /** Events oldest first, and the cursor of the next page (null on the last one). */
  history(query: HistoryQuery): Promise<LogHistoryResponse>;
  /** Removes every event of one conversation of `tenant` (undefined: of every tenant); resolves with how many were removed. */
  erase(sessionId: string, tenant?: string): Promise<number>;
  /**
   * Delivers every event stored after `afterId` (none: only new ones), then each new event as it is
   * stored, in order, exactly once. Resolves once following; the returned function stops it.
   */
  follow(afterId: string | undefined, onEvent: (event: StoredLogEvent) => void): Promise<() => void>;
  stats(): Promise<LogStats>;
  close(): Promise<void>;
}

export type ConversationLogOptions = {
  retentionHours: number;
  maxBytes: number;
};

/** The tenant of a stored event: events from before tenants existed belong to the default tenant `""`. */
export const eventTenant = (event: Pick<ChatLogEvent, "tenant">): string => event.tenant ?? "";

/** Event ids are decimal positions; anything else is not one of ours. */
export const parseLogId = (id: string | undefined): number | undefined => {
  if (id === undefined || !/^\d{1,15}$/.test(id)) return undefined;
  return Number(id);
};

/** The instant an event happened (its own timestamp), for `since`/`until` and retention. */
export const eventTimeMs = (event: ChatLogEvent): number => {
  const t = Date.parse(event.timestamp);
  return Number.isFinite(t) ? t : Date.now();
};
