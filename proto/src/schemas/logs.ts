/**
 * Contracts of the persisted conversation log: what `/logs/history` and `/logs/session/{id}` take and
 * answer, and the stored event (a chat log event with the id it got in the log).
 */
import { Type, type Static } from "@sinclair/typebox";
import { ChatLogEvent } from "./chat.ts";

/** Where the mesh keeps the log: one JetStream stream, one subject per conversation (purged on erasure). */
export const ConversationLogStream = {
  Name: "SINHOME_CONVERSATIONS",
  /** `<prefix>.s<base64url(session_id)>`, or `<prefix>.none` for exchanges without a session. */
  SubjectPrefix: "sinhome.log.conversation",
} as const;

/** A chat log event as stored: `id` orders the log (SSE `id:`, history cursors) and never repeats. */
export const StoredLogEvent = Type.Composite([Type.Object({ id: Type.String({ description: "position in the log; increases, never reused" }) }), ChatLogEvent]);
export type StoredLogEvent = Static<typeof StoredLogEvent>;

const Instant = Type.String({ maxLength: 64, description: "ISO 8601 date-time (or epoch milliseconds)" });

/** `GET /logs/history` query. Empty values count as absent. */
export const LogHistoryQuery = Type.Object({
  session_id: Type.Optional(Type.String({ maxLength: 128, description: "only this conversation" })),
  since: Type.Optional(Instant),
  until: Type.Optional(Instant),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  cursor: Type.Optional(Type.String({ maxLength: 64, pattern: "^[0-9]+$", description: "the `next_cursor` of the previous page" })),
});
export type LogHistoryQuery = Static<typeof LogHistoryQuery>;

export const LogHistoryResponse = Type.Object({
  events: Type.Array(StoredLogEvent, { description: "oldest first" }),
  next_cursor: Type.Union([Type.String(), Type.Null()], { description: "pass as `cursor` for the next page; null on the last page" }),
});
export type LogHistoryResponse = Static<typeof LogHistoryResponse>;

/** `DELETE /logs/session/{session_id}`: a fan's data-erasure request. */
export const LogEraseRequest = Type.Object({ session_id: Type.String({ minLength: 1, maxLength: 128 }) });
export type LogEraseRequest = Static<typeof LogEraseRequest>;

export const LogEraseResponse = Type.Object({
  session_id: Type.String(),
  erased: Type.Integer({ description: "events of this conversation removed from the log" }),
});
export type LogEraseResponse = Static<typeof LogEraseResponse>;
