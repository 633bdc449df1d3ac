/**
 * The HTTP gateway: one Elysia app that authenticates, limits, validates each request against its
 * `proto/` schema and forwards it over the bus to the service that owns the subject. Replies pass
 * through as the service's JSON bytes. Every error leaves through `http-errors.ts`.
 */
import { Elysia } from "elysia";
import { Value } from "@sinclair/typebox/value";
import { context, propagation, SpanKind, SpanStatusCode, trace, type TextMapGetter } from "@opentelemetry/api";
import { AppError, BusHeader, droppedNullOptionals, ErrorBody, freeTextCleaner, Resend, routeLabel, ROUTES, ROUTES_BY_SUBJECT, Subject, TimeoutClass, toAppError, withNullableOptionals, type Bus, type Route } from "@sinhome/proto";
import { prom, registry, type ConversationLog, type Logger } from "@sinhome/runtime";
import { authorize, callerHeaders, keyRingFromEnv, type Caller, type KeyRing } from "./auth.ts";
import { withKeysHealth } from "./keys/health.ts";
import { routeScopes, securityDoc } from "./keys/route-scopes.ts";
import { TrustedProxies } from "./client-address.ts";
import { jsonNestsDeeperThan, MAX_JSON_DEPTH, readBodyCapped } from "./body.ts";
import type { GatewayEnv } from "./env.ts";
import { errorResponse, errorResponseFor, JSON_HEADERS, toHttpError } from "./http-errors.ts";
import { docs } from "./docs.ts";
import { logStream } from "./log-stream.ts";
import { ndjsonResponse, pageRequester } from "./ndjson-pages.ts";
import { OPENAI_ROUTES, openAiApi } from "./openai.ts";
import type { RateLimiter } from "./rate-limit.ts";

export type GatewayDeps = {
  bus: Bus;
  env: GatewayEnv;
  log: Logger;
  rateLimiter?: RateLimiter;
  /** The persisted conversation log `/logs/stream` follows (JetStream in the mesh, the embedded store in the all-in-one). */
  conversations?: ConversationLog;
  /** False while draining (SIGTERM): readiness fails so the load balancer stops sending traffic. */
  accepting?: () => boolean;
  /** The API keys (main and the all-in-one pass theirs to show them in the banner); default: from `env`. */
  keys?: KeyRing;
};

/** Paths that answer without an API key: probes, scrapers and the API docs. */
const PUBLIC_PATHS = new Set([...ROUTES.filter((r) => r.public).map((r) => r.path), "/metrics", "/healthz", "/readyz"]);
const isPublic = (path: string) => PUBLIC_PATHS.has(path) || path === "/swagger" || path.startsWith("/swagger/");
/** Routes served by the gateway itself (not in ROUTES), for 405 detection. */
const LOCAL_ROUTES: Record<string, string[]> = { ...OPENAI_ROUTES, "/metrics": ["GET"], "/logs/stream": ["GET"], "/healthz": ["GET"], "/readyz": ["GET"], "/swagger": ["GET"], "/swagger/json": ["GET"] };

/**
 * The route (as Elysia names it) a path would be routed to: the metrics label of requests answered before
 * routing (401, 429), which Elysia's onAfterResponse never sees.
 */
const ROUTE_PATHS = [...new Set([...ROUTES.map((r) => r.path), ...Object.keys(LOCAL_ROUTES)])];
const STATIC_ROUTES = new Set(ROUTE_PATHS.filter((path) => !path.includes(":")));
const PARAM_ROUTES = ROUTE_PATHS.filter((path) => path.includes(":")).map((path) => ({ path, re: new RegExp(`^${path.replace(/:[a-z_]+/g, "[^/]+")}$`) }));
const routePatternOf = (path: string) => (STATIC_ROUTES.has(path) ? path : PARAM_ROUTES.find((r) => r.re.test(path))?.path ?? "unmatched");

const tracer = trace.getTracer("sinhome.gateway");
/** Reads W3C trace headers straight from the request, without copying them. */
const HEADERS_GETTER: TextMapGetter<Headers> = {
  keys: (headers) => [...headers.keys()],
  get: (headers, key) => headers.get(key) ?? undefined,
};
const REQUEST_ID_RE = /^[A-Za-z0-9._:-]{1,128}$/;
/** Failures of the bus itself (nobody answering, no answer in time), as opposed to a service's own errors. */
const BUS_FAILURES = new Set(["service_unavailable", "timeout"]);
/** Set on an answer that came from a second replica, after the first one died holding the request. */
const RESENT_HEADER = "x-sinhome-resent";

type RequestState = { id: string; started: number; caller?: Caller };

/**
 * Per route: its metrics label (`POST /personality_chat`) and, when several routes share its subject,
 * the header telling the service which route it was (services count by HTTP route).
 */
const ROUTE_META = new Map(ROUTES.map((r) => {
  const label = routeLabel(r);
  const shared = (ROUTES_BY_SUBJECT.get(r.subject)?.length ?? 0) > 1;
  return [r, { label, header: shared ? { [BusHeader.Route]: label } : undefined }] as const;
}));

export function createGateway({ bus, env, log, rateLimiter, conversations, accepting = () => true, keys = keyRingFromEnv(env, log) }: GatewayDeps) {
  keys.start();
  const scopeOf = routeScopes();
  const proxies = new TrustedProxies(env.TRUSTED_PROXIES);
  const state = new WeakMap<Request, RequestState>();
  const timeouts: Record<TimeoutClass, number> = {
    chat: env.CHAT_DEADLINE_MS + 2_000,
    scoring: env.SCORING_TIMEOUT_MS,
    embeddings: env.EMBEDDINGS_TIMEOUT_MS + 2_000,
    short: env.SHORT_TIMEOUT_MS,
    qa: env.QA_TIMEOUT_MS,
  };
  const stateOf = (request: Request): RequestState => {
    let s = state.get(request);
    if (!s) {
      const given = request.headers.get("x-request-id");
      // A UUIDv7 (time-ordered): the request id keys the usage ledger and the reply records, and a random key
      // makes each insert land on another page of their indexes (SQLite: 3–5 → 14–29 µs per row at 200,000 rows).
      s = { id: given && REQUEST_ID_RE.test(given) ? given : Bun.randomUUIDv7(), started: performance.now() };
      state.set(request, s);
    }
    return s;
  };

  /** Who calls, for services: the key's name (never the key) and its tenant, as bus headers. */
  const callerOf = (request: Request): Record<string, string> => callerHeaders(state.get(request)?.caller);

  const forward = (route: Route) => async ({ request, body, params, query }: { request: Request; body: unknown; params: Record<string, string>; query: Record<string, unknown> }) => {
    const s = stateOf(request);
    const parent = propagation.extract(context.active(), request.headers, HEADERS_GETTER);
    const span = tracer.startSpan(`${route.method} ${route.path}`, {
      kind: SpanKind.SERVER,
      attributes: { "http.request.method": route.method, "http.route": route.path, "sinhome.request_id": s.id },
    }, parent);
    let resends = 0;
    const onResend = () => {
      resends++;
      prom.gatewayResends.inc({ method: route.method, route: route.path });
      span.addEvent("resent", { reason: "the replica holding the request stopped answering" });
    };
    try {
      const payload = route.body ? withIdempotencyKey(route, request, body ?? {}) : route.query ? { ...query, ...params } : params;
      const busHeaders = { ...ROUTE_META.get(route)!.header, ...callerOf(request) };
      if (route.ndjsonPages) {
        const pages = pageRequester(bus, route, { timeoutMs: timeouts[route.timeout], requestId: s.id, headers: busHeaders });
        const response = await context.with(trace.setSpan(parent, span), () => ndjsonResponse(payload as Record<string, unknown>, pages, { "x-request-id": s.id }));
        span.setAttribute("http.response.status_code", 200);
        return response;
      }
      let reply = await context.with(trace.setSpan(parent, span), () =>
        bus.request(route.subject, payload, { timeoutMs: timeouts[route.timeout], requestId: s.id, headers: busHeaders, resend: route.resend !== undefined, onResend }),
      );
      if (route.subject === Subject.Health) reply = withKeysHealth(reply, keys.status());
      const status = route.replyStatus ? route.replyStatus(JSON.parse(new TextDecoder().decode(reply))) : 200;
      span.setAttribute("http.response.status_code", status);
      const headers: Record<string, string> = { ...JSON_HEADERS, "x-request-id": s.id };
      if (resends > 0) headers[RESENT_HEADER] = String(resends);
      return new Response(reply, { status, headers });
    } catch (e) {
      if (route.unavailableReply && e instanceof AppError && BUS_FAILURES.has(e.code)) {
        span.setAttribute("http.response.status_code", 200);
        prom.fallbackReplies.inc({ endpoint: ROUTE_META.get(route)!.label, cause: e.code });
        const reply = route.unavailableReply(e.code, s.id, Math.round(performance.now() - s.started));
        return new Response(JSON.stringify(reply), { headers: { ...JSON_HEADERS, "x-request-id": s.id } });
      }
      const status = e instanceof AppError ? e.status : 500;
      span.setAttribute("http.response.status_code", status);
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw e;
    } finally {
      span.end();
    }
  };

  /** One answered request: counted, timed and access-logged. */
  const counted = (request: Request, route: string, status: number | string) => {
    const s = state.get(request);
    if (!s) return;
    const seconds = (performance.now() - s.started) / 1000;
    const labels = { method: request.method, route };
    prom.gatewayRequests.inc({ ...labels, status: String(status) });
    prom.gatewayDuration.observe(labels, seconds);
    // Access log: server-side failures always, everything else at debug (one line per CRM message is a lot).
    // Never the body or the query string: they carry fans' texts.
    const level = typeof status === "number" && status >= 500 ? "warn" : "debug";
    if (log.isLevelEnabled(level)) {
      log[level]({ requestId: s.id, method: request.method, route, status, ms: Math.round(seconds * 1000) }, "request");
    }
  };
  /** An answer given in onRequest (401, 429): Elysia skips onAfterResponse for it, so it is counted here. */
  const answeredEarly = (request: Request, path: string, res: Response) => {
    counted(request, routePatternOf(path), res.status);
    return res;
  };

  const app = new Elysia({ normalize: true })
    .onRequest(async ({ request, set, server }) => {
      const s = stateOf(request);
      set.headers["x-request-id"] = s.id;
      const path = pathOf(request.url);
      if (isPublic(path)) return;
      try {
        s.caller = authorize(keys, scopeOf, request, path, Date.now());
      } catch (e) {
        return answeredEarly(request, path, errorResponseFor(path, toAppError(e), s.id));
      }
      // A bucket per key name when keys are on; per client address (never one shared bucket) when open.
      let caller: { id: string; perMinute: number } | undefined;
      if (keys.enabled) caller = { id: `key:${s.caller.name}`, perMinute: s.caller.limitPerMinute ?? env.RATE_LIMIT_PER_MINUTE };
      if (!rateLimiter) return;
      caller ??= { id: `ip:${proxies.clientOf(server?.requestIP(request)?.address, request.headers.get("x-forwarded-for"))}`, perMinute: env.RATE_LIMIT_PER_MINUTE };
      if (caller.perMinute === 0) return;
      const decision = await rateLimiter.hit(caller.id, caller.perMinute);
      if (!decision.allowed) {
        return answeredEarly(request, path, errorResponseFor(path, new AppError("rate_limited", "too many requests, slow down"), s.id, { "retry-after": String(decision.retryAfterS) }));
      }
    })
    .onParse(async ({ request, contentType }) => {
      const text = await readBodyCapped(request, env.MAX_BODY_BYTES);
      if (text.length === 0) return {};
      if (!contentType || !/^application\/([a-z.+-]*\+)?json\b/i.test(contentType)) {
        throw new AppError("unsupported_media_type", "send the body as application/json");
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        throw new AppError("invalid_json", "request body is not valid JSON");
      }
      if (jsonNestsDeeperThan(text, MAX_JSON_DEPTH)) {
        throw new AppError("validation_failed", "request body nests too deep", [{ field: "(body)", reason: `nested deeper than ${MAX_JSON_DEPTH} levels` }]);
      }
      return parsed;
    })
    .onError(({ code, error, request }) => {
      const s = stateOf(request);
      const url = new URL(request.url);
      const { error: appError, headers } = toHttpError(code, error, url.pathname, request.method, LOCAL_ROUTES);
      if (appError.status >= 500 && appError.code === "internal_error") log.error({ requestId: s.id, err: error }, "unexpected gateway error");
      return errorResponseFor(url.pathname, appError, s.id, headers);
    })
    .onAfterResponse(({ request, set, route, responseValue }) => {
      // Most answers are Response objects built here (pass-through replies, errors): their status is the truth.
      counted(request, route || "unmatched", responseValue instanceof Response ? responseValue.status : set.status ?? 200);
    })
    .onStop(() => keys.stop())
    .get("/metrics", async () => new Response(await registry.metrics(), { headers: { "content-type": registry.contentType } }))
    .get("/healthz", () => ({ status: "ok" }))
    .get("/readyz", ({ request }) => {
      if (bus.isConnected() && accepting()) return { ready: true };
      return errorResponse(new AppError("service_unavailable", "not ready: draining or bus disconnected"), stateOf(request).id);
    })
    .use(docs())
    .use(logStream({ conversations, maxClients: env.MAX_LOG_STREAMS, requestIdOf: (r) => stateOf(r).id, tenantOf: (r) => state.get(r)?.caller?.tenant }))
    .use(openAiApi({
      bus,
      chatTimeoutMs: timeouts.chat,
      shortTimeoutMs: env.SHORT_TIMEOUT_MS,
      streamIdleTimeoutMs: env.STREAM_IDLE_TIMEOUT_MS,
      requestIdOf: (r) => stateOf(r).id,
      callerOf,
    }));

  for (const route of ROUTES) {
    // null means absent: the schema says every optional field may be null (OpenAPI shows it), and the
    // nulls are dropped before validation; then the defaults of the route's own schema apply at every
    // depth (a nullable union hides nested defaults from Elysia), so services never see a null.
    // Free text (a fan's message…) loses its control characters before validation too: limits apply to what is kept.
    const body = route.body ? withNullableOptionals(route.body) : undefined;
    const clean = route.body ? freeTextCleaner(route.body) : undefined;
    const normalize = ({ body: value }: { body: unknown }) => {
      if (route.body && droppedNullOptionals(route.body, value)) Value.Default(route.body, value);
      clean?.(value);
    };
    // A query field sent empty (`?session_id=`) is absent, like a null body field; numbers are read as numbers.
    const normalizeQuery = ({ query }: { query: Record<string, unknown> }) => {
      for (const [k, v] of Object.entries(query)) if (v === "") delete query[k];
      Object.assign(query, Value.Convert(route.query!, query));
    };
    const hook = {
      ...(route.query ? { query: route.query, transform: normalizeQuery } : {}),
      // `parse: "json"` only tells OpenAPI the body is JSON: the gateway's own parser (above) runs first and always answers.
      ...(body ? { body, parse: "json", transform: normalize } : {}),
      detail: {
        summary: route.summary,
        tags: [route.tag],
        ...securityDoc(route.scope, route.public),
        responses: {
          200: { description: "OK", content: { [route.ndjsonPages ? "application/x-ndjson" : "application/json"]: { schema: route.response } } },
          default: { description: "Error (the one error shape of the API)", content: { "application/json": { schema: ErrorBody } } },
        },
      },
    };
    app.route(route.method, route.path, forward(route) as never, hook as never);
  }
  return app;
}

export type Gateway = ReturnType<typeof createGateway>;

/** The path of an absolute request URL, without building a URL object on the hot path. */
function pathOf(url: string): string {
  const start = url.indexOf("/", url.indexOf("//") + 2);
  if (start < 0) return "/";
  const end = url.indexOf("?", start);
  return url.slice(start, end < 0 ? undefined : end);
}

/**
 * A retried request carrying the same `Idempotency-Key` counts once: the key travels as a body
 * field. A route the gateway may re-send on its own (`resend: "idempotency_key"`) always gets a key:
 * when the CRM gave none, the gateway makes one for this HTTP request, so its own re-send to another
 * replica can never count twice.
 */
function withIdempotencyKey(route: Route, request: Request, body: unknown): unknown {
  const field = route.idempotencyField;
  if (!field || typeof body !== "object" || body === null) return body;
  const record = body as Record<string, unknown>;
  if (record[field] !== undefined && record[field] !== null) return body;
  const key = request.headers.get("idempotency-key");
  if (key) {
    if (key.length > 128) throw new AppError("validation_failed", "Idempotency-Key is too long", [{ field: "Idempotency-Key", reason: "at most 128 characters" }]);
    return { ...record, [field]: key };
  }
  if (route.resend === Resend.IdempotencyKey) return { ...record, [field]: `gw-${crypto.randomUUID()}` };
  return body;
}
