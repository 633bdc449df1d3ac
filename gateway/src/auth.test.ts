import { describe, expect, test } from "bun:test";
import { AppError, ROUTES, Scope } from "@sinhome/proto";
import { authorize, callerHeaders, parseApiKeys } from "./auth.ts";
import { sha256, type KeyEntry } from "./keys/entry.ts";
import { KeyRing } from "./keys/key-ring.ts";
import { routeScopes } from "./keys/route-scopes.ts";

const entry = (name: string, scopes: Scope[], extra: Partial<KeyEntry> = {}): KeyEntry => ({ name, digest: sha256(`key-of-${name}`), scopes: new Set(scopes), ...extra });
const ring = new KeyRing({
  kind: "env",
  entries: [
    entry("crm", [Scope.Chat, Scope.Media]),
    entry("tenant-a", [Scope.Media], { tenant: "agency-a", limitPerMinute: 10 }),
    entry("root", [Scope.Admin]),
    entry("old", [Scope.Admin], { notAfterMs: Date.parse("2020-01-01T00:00:00Z") }),
  ],
});
const scopeOf = routeScopes();
const req = (method: string, path: string, name?: string) =>
  new Request(`http://localhost${path}`, { method, headers: name ? { "x-api-key": `key-of-${name}` } : {} });
const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof AppError ? `${e.status} ${e.code} ${e.message}` : String(e);
  }
  return "passed";
};
const auth = (method: string, path: string, name?: string) => codeOf(() => authorize(ring, scopeOf, req(method, path, name), path.split("?")[0]!, Date.now()));

describe("authorize", () => {
  test("401 without or with an unknown key, 401 key_expired after not_after, 403 naming the missing scope", () => {
    expect(auth("POST", "/personality_chat")).toStartWith("401 unauthorized");
    expect(auth("POST", "/personality_chat", "nobody")).toStartWith("401 unauthorized");
    expect(auth("POST", "/personality_chat", "old")).toStartWith("401 key_expired");
    expect(auth("POST", "/personality_chat", "crm")).toBe("passed");
    expect(auth("GET", "/logs/history", "crm")).toBe("403 forbidden this API key lacks the scope logs:read");
    expect(auth("DELETE", "/logs/session/abc", "crm")).toBe("403 forbidden this API key lacks the scope logs:erase");
    expect(auth("GET", "/logs/stream", "crm")).toBe("403 forbidden this API key lacks the scope logs:read");
    expect(auth("POST", "/v1/chat/completions", "crm")).toBe("403 forbidden this API key lacks the scope openai");
    expect(auth("GET", "/media/history/fan-1", "crm")).toBe("passed");
    expect(auth("GET", "/logs/history", "root")).toBe("passed");
    // Probes and metric reads need a valid key, no scope.
    expect(auth("GET", "/monitoring/metrics", "tenant-a")).toBe("passed");
  });

  test("a tenant key is confined to its tenant; an operator key may pick one with ?tenant=", () => {
    const caller = authorize(ring, scopeOf, req("GET", "/media/history/f", "tenant-a"), "/media/history/f", Date.now());
    expect(caller).toEqual({ name: "tenant-a", tenant: "agency-a", limitPerMinute: 10 });
    expect(callerHeaders(caller)).toEqual({ "x-sinhome-key-name": "tenant-a", "x-sinhome-tenant": "agency-a" });
    expect(auth("GET", "/media/history/f?tenant=agency-a", "tenant-a")).toBe("passed");
    expect(auth("GET", "/media/history/f?tenant=agency-b", "tenant-a")).toStartWith("403 forbidden");
    const operator = authorize(ring, scopeOf, req("GET", "/media/history/f?tenant=agency-b", "root"), "/media/history/f", Date.now());
    expect(operator).toEqual({ name: "root", tenant: "agency-b" });
    const all = authorize(ring, scopeOf, req("GET", "/logs/history", "root"), "/logs/history", Date.now());
    expect(callerHeaders(all)).toEqual({ "x-sinhome-key-name": "root" });
    expect(auth("GET", "/logs/history?tenant=a%20b", "root")).toStartWith("422 validation_failed");
    expect(callerHeaders(authorize(ring, scopeOf, req("GET", "/logs/history?tenant=", "root"), "/logs/history", Date.now()))).toEqual({ "x-sinhome-key-name": "root" });
  });

  test("GATEWAY_API_KEYS entries keep working with every scope and no tenant", () => {
    const { entries } = parseApiKeys("ops:sk-ops-key,bare-key");
    const legacy = new KeyRing({ kind: "env", entries });
    for (const route of ROUTES.filter((r) => r.scope !== null)) {
      const path = route.path.replace(/:[a-z_]+/g, "x");
      expect(codeOf(() => authorize(legacy, scopeOf, new Request(`http://localhost${path}`, { method: route.method, headers: { authorization: "Bearer bare-key" } }), path, Date.now()))).toBe("passed");
    }
    expect(legacy.match("sk-ops-key")?.tenant).toBeUndefined();
  });

  test("every route of the table has decided its scope, and only probes need none", () => {
    const unscoped = ROUTES.filter((r) => r.scope === null).map((r) => `${r.method} ${r.path}`).sort();
    expect(unscoped).toEqual(["GET /logs/health", "GET /monitoring/health", "GET /monitoring/metrics"]);
  });
});

describe("OpenAPI", () => {
  test("every operation states the key it needs and the scope, read from the route table", async () => {
    const { createGateway } = await import("./app.ts");
    const { parseGatewayEnv } = await import("./env.ts");
    const { MemoryBus, MODULE_ROUTE_SCOPES, routeLabel } = await import("@sinhome/proto");
    const { createLogger } = await import("@sinhome/runtime");
    const app = createGateway({ bus: new MemoryBus(), env: parseGatewayEnv({ GATEWAY_API_KEYS: "ops:k" }), log: createLogger("openapi-test", "error") });
    type Op = { security?: Record<string, string[]>[]; "x-sinhome-scope"?: string | null };
    const spec = (await (await app.handle(new Request("http://localhost/swagger/json"))).json()) as { paths: Record<string, Record<string, Op>> };
    const opOf = (method: string, path: string) => spec.paths[routeLabel({ method: method as "GET", path }).split(" ")[1]!]?.[method.toLowerCase()];
    for (const route of ROUTES) {
      const op = opOf(route.method, route.path)!;
      if (route.public) expect(op.security).toEqual([]);
      else expect({ route: route.path, security: op.security }).toEqual({ route: route.path, security: [{ bearer: route.scope ? [route.scope] : [] }, { apiKey: route.scope ? [route.scope] : [] }] });
    }
    for (const [path, scope] of Object.entries(MODULE_ROUTE_SCOPES)) {
      const op = Object.values(spec.paths[path] ?? {})[0]!;
      expect({ path, scope: op["x-sinhome-scope"] }).toEqual({ path, scope });
    }
  });
});
