/**
 * Least privilege: what an API key may do. Every route of the gateway names the one scope it needs
 * (the `scope` column of `routes.ts`); a key carries a set of scopes, and `admin` opens every route.
 * A key may also carry a tenant: the gateway passes it to services in the `x-sinhome-tenant` bus
 * header (never from a body a caller could forge), and services confine reads and writes to it.
 */
import { BusHeader } from "./subjects.ts";

export const Scope = {
  /** Every v1/v2 chat endpoint, `/direct_chat`, `/grok_chat`. */
  Chat: "chat",
  /** The OpenAI-compatible API (`/v1/*`). */
  OpenAi: "openai",
  /** `/encode`, `/encode_batch`. */
  Embeddings: "embeddings",
  /** `/fan/*`. */
  Scoring: "scoring",
  /** `/media/*`. */
  Media: "media",
  /** Outcomes the CRM reports (`/feedback`, `/feedback/batch`). */
  Feedback: "feedback",
  /** `/logs/history`, `/logs/stream`: fans' conversations. */
  LogsRead: "logs:read",
  /** `DELETE /logs/session/{id}`. */
  LogsErase: "logs:erase",
  /** QA runs (they spend GPU time) and the metrics reset. */
  Ops: "ops",
  /** `/monitoring/usage`: every key's tokens and cost. */
  Usage: "usage",
  /** A/B reports and dataset exports. */
  Insights: "insights",
  /** Every route. */
  Admin: "admin",
} as const;
export type Scope = (typeof Scope)[keyof typeof Scope];

export const ALL_SCOPES: readonly Scope[] = Object.values(Scope);

/** The scopes of a key whose entry names none: what a CRM integration needs, and nothing that reads other fans' data. */
export const CRM_SCOPES: readonly Scope[] = [Scope.Chat, Scope.Scoring, Scope.Media, Scope.Embeddings, Scope.OpenAi, Scope.Feedback];

export const isScope = (value: string): value is Scope => (ALL_SCOPES as readonly string[]).includes(value);

/** Tenant names follow key names: `[A-Za-z0-9._-]{1,64}`. The empty tenant `""` is the default one (operator data, rows from before tenants). */
export const TENANT_RE = /^[A-Za-z0-9._-]{1,64}$/;

/** The tenant a request is confined to, from its bus headers: undefined = an operator key, every tenant. */
export const tenantOf = (headers: Record<string, string>): string | undefined => headers[BusHeader.Tenant];

/** Where a request's data lives when one tenant must be chosen (media): the caller's tenant, else the default `""`. */
export const dataTenantOf = (headers: Record<string, string>): string => headers[BusHeader.Tenant] ?? "";
