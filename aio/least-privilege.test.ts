/**
 * Least privilege through the gateway, in the all-in-one and in the mesh (separate processes over NATS,
 * PostgreSQL, JetStream), with keys from a mounted keys file:
 * - per route, generated from the route table: a key without the route's scope gets 403 naming it, a key
 *   with it passes auth;
 * - two tenants writing the same fan_id and session_id see only their own media history, conversation
 *   log (history and stream) and usage, cannot erase each other's; an operator key sees both;
 * - expiry, rotation by rewriting the file while requests run (none refused), a broken file keeps the keys;
 * - an audit line per privileged action, and no message text or key anywhere in the processes' output.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { ALL_SCOPES, MODULE_ROUTE_SCOPES, ROUTES, Scope, type LogHistoryResponse, type MediaHistoryResponse, type UsageResponse } from "@sinhome/proto";
import { SseReader } from "@sinhome/gateway/src/sse-client.testing.ts";
import { keysYaml, SecretVolume, start, waitFor, type KeySpec, type Mode, type Running } from "./least-privilege.harness.ts";

const run = crypto.randomUUID().slice(0, 8);
const key = (name: string) => `sk-${name}-${run}-${crypto.randomUUID()}`;
const TENANT_SCOPES = [Scope.Chat, Scope.Media, Scope.LogsRead, Scope.LogsErase, Scope.Usage];
const scopeKeyName = (scope: string) => `only-${scope.replace(":", "_")}`;
const KEYS: KeySpec[] = [
  { name: "operator", key: key("operator"), scopes: [Scope.Admin], plaintext: true },
  { name: "tenant-a", key: key("a"), scopes: TENANT_SCOPES, tenant: "agency-a" },
  { name: "tenant-b", key: key("b"), scopes: TENANT_SCOPES, tenant: "agency-b" },
  { name: "expired", key: key("expired"), scopes: [Scope.Admin], notAfter: "2020-01-01T00:00:00Z" },
  ...ALL_SCOPES.filter((s) => s !== Scope.Admin).map((scope) => ({ name: scopeKeyName(scope), key: key(scope.replace(":", "_")), scopes: [scope] })),
];
const K = Object.fromEntries(KEYS.map((k) => [k.name, k.key]));

/** Every route that needs a scope, with a path to call it on: the table's rows and the module routes. */
const SCOPED = [
  ...ROUTES.filter((r) => r.scope !== null).map((r) => ({ method: r.method, path: r.path.replace(/:[a-z_]+/g, `lp-${run}`), scope: r.scope! })),
  { method: "POST", path: "/v1/chat/completions", scope: MODULE_ROUTE_SCOPES["/v1/chat/completions"]! },
  { method: "GET", path: "/v1/models", scope: MODULE_ROUTE_SCOPES["/v1/models"]! },
  { method: "GET", path: "/logs/stream", scope: MODULE_ROUTE_SCOPES["/logs/stream"]! },
];

for (const mode of ["all-in-one", "mesh"] as Mode[]) {
  describe(mode, () => {
    const volume = new SecretVolume(keysYaml(KEYS));
    let mesh: Running;
    beforeAll(async () => {
      mesh = await start(mode, volume.path);
    }, 60_000);
    afterAll(async () => {
      await mesh?.stop();
      volume.remove();
    });

    const call = async (method: string, path: string, apiKey: string | undefined, body?: unknown) => {
      const controller = new AbortController();
      const res = await fetch(`${mesh.base}${path}`, {
        method,
        signal: controller.signal,
        headers: { ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}), ...(body !== undefined ? { "content-type": "application/json" } : {}) },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      // A stream that was let in stays open: its status is all the test needs.
      if (res.headers.get("content-type")?.startsWith("text/event-stream")) {
        controller.abort();
        return { status: res.status, json: {} as Record<string, never> };
      }
      const text = await res.text();
      return { status: res.status, json: (text ? JSON.parse(text) : {}) as { error?: { code: string; message: string } } & Record<string, unknown> };
    };
    const json = async <T>(method: string, path: string, apiKey: string, body?: unknown): Promise<T> => {
      const res = await call(method, path, apiKey, body);
      expect(res.status).toBe(200);
      return res.json as T;
    };

    test("per route from the table: without its scope 403 naming the scope, with it past auth", async () => {
      for (const route of SCOPED) {
        const other = route.scope === Scope.Chat ? Scope.Media : Scope.Chat;
        const body = route.method === "POST" ? {} : undefined;
        const denied = await call(route.method, route.path, K[scopeKeyName(other)], body);
        expect({ route: `${route.method} ${route.path}`, status: denied.status, code: denied.json.error?.code }).toEqual({ route: `${route.method} ${route.path}`, status: 403, code: "forbidden" });
        expect(denied.json.error!.message).toContain(route.scope);
        const allowed = await call(route.method, route.path, K[scopeKeyName(route.scope)], body);
        expect({ route: `${route.method} ${route.path}`, passed: ![401, 403].includes(allowed.status) }).toEqual({ route: `${route.method} ${route.path}`, passed: true });
        const admin = await call(route.method, route.path, K.operator, body);
        expect([401, 403]).not.toContain(admin.status);
      }
      expect((await call("GET", "/monitoring/metrics", K["only-chat"])).status).toBe(200);
      expect((await call("GET", "/monitoring/health", undefined)).status).toBe(200);
      expect((await call("POST", "/personality_chat", undefined, {})).status).toBe(401);
      expect((await call("POST", "/personality_chat", "sk-not-a-key-at-all", {})).json.error?.code).toBe("unauthorized");
      const expired = await call("POST", "/personality_chat", K.expired, {});
      expect([expired.status, expired.json.error?.code]).toEqual([401, "key_expired"]);
    }, 120_000);

    test("two tenants with the same fan_id and session_id see only their own media, log (history and stream) and usage; the operator sees both", async () => {
      const fan = `fan-${run}-${mode}`;
      const session = `session-${run}-${mode}`;
      const streams = Object.fromEntries(await Promise.all(["tenant-a", "tenant-b", "operator"].map(async (name) => {
        const res = await fetch(`${mesh.base}/logs/stream?token=${encodeURIComponent(K[name]!)}`);
        expect(res.status).toBe(200);
        const sse = new SseReader(res.body!);
        await sse.waitComment("connected", 10_000);
        return [name, sse] as const;
      })));

      // Media: same fan id, two fans.
      for (const m of ["a1", "a2"]) await json("POST", "/media/sent", K["tenant-a"]!, { fan_id: fan, media_id: `m-${m}` });
      await json("POST", "/media/sent", K["tenant-b"]!, { fan_id: fan, media_id: "m-b1" });
      const mediaOf = async (apiKey: string, query = "") => (await json<MediaHistoryResponse>("GET", `/media/history/${fan}${query}`, apiKey)).items.map((i) => i.media_id).sort();
      expect(await mediaOf(K["tenant-a"]!)).toEqual(["m-a1", "m-a2"]);
      expect(await mediaOf(K["tenant-b"]!)).toEqual(["m-b1"]);
      expect((await json<{ duplicates: string[] }>("POST", "/media/check_duplicates", K["tenant-b"]!, { fan_id: fan, media_ids: ["m-a1", "m-b1"] })).duplicates).toEqual(["m-b1"]);
      expect(await mediaOf(K.operator!, "?tenant=agency-a")).toEqual(["m-a1", "m-a2"]);
      expect(await mediaOf(K.operator!, "?tenant=agency-b")).toEqual(["m-b1"]);
      expect((await call("GET", `/media/history/${fan}?tenant=agency-b`, K["tenant-a"])).status).toBe(403);

      // Conversations: same session id, each tenant its own.
      const said = { "tenant-a": [`secret-a-1-${run}`, `secret-a-2-${run}`], "tenant-b": [`secret-b-1-${run}`] };
      for (const [name, messages] of Object.entries(said)) {
        for (const message of messages) await json("POST", "/v2/personality_chat", K[name]!, { session_id: session, message });
      }
      const historyOf = async (apiKey: string, query = "") => (await json<LogHistoryResponse>("GET", `/logs/history?session_id=${session}&limit=500${query}`, apiKey)).events;
      await waitFor("3 events stored", async () => (await historyOf(K.operator!)).length >= 3, 10_000);
      const distinct = (events: { message?: string }[]) => [...new Set(events.map((e) => e.message))].sort();
      expect(distinct(await historyOf(K["tenant-a"]!))).toEqual(said["tenant-a"]);
      expect(distinct(await historyOf(K["tenant-b"]!))).toEqual(said["tenant-b"]);
      expect(distinct(await historyOf(K.operator!))).toEqual([...said["tenant-a"], ...said["tenant-b"]].sort());
      expect(distinct(await historyOf(K.operator!, "&tenant=agency-b"))).toEqual(said["tenant-b"]);
      expect((await historyOf(K["tenant-a"]!)).every((e) => e.tenant === "agency-a")).toBe(true);
      const streamed = async (name: string, n: number) => (await streams[name]!.next(n, 10_000)).map((m) => JSON.parse(m.data) as { message?: string; tenant?: string });
      const seenA = await streamed("tenant-a", 2);
      const seenB = await streamed("tenant-b", 1);
      const seenOp = await streamed("operator", 3);
      expect(distinct(seenA)).toEqual(said["tenant-a"]);
      expect(distinct(seenB)).toEqual(said["tenant-b"]);
      expect(distinct(seenOp)).toEqual([...said["tenant-a"], ...said["tenant-b"]].sort());
      // Nothing else arrives on the tenants' streams (the other tenant's events were filtered, not delayed).
      expect((await streams["tenant-a"]!.drain(300)).map((m) => JSON.parse(m.data).tenant).filter((t) => t !== "agency-a")).toEqual([]);
      expect((await streams["tenant-b"]!.drain(300)).map((m) => JSON.parse(m.data).tenant).filter((t) => t !== "agency-b")).toEqual([]);
      for (const sse of Object.values(streams)) await sse.close();

      // Usage: a tenant key sees its own rows; the operator every row, or one tenant's.
      const groups = async (apiKey: string, query = "") => (await json<UsageResponse>("GET", `/monitoring/usage?group_by=key${query}`, apiKey)).rows.map((r) => r.group).sort();
      expect(await groups(K["tenant-a"]!)).toEqual(["tenant-a"]);
      expect(await groups(K["tenant-b"]!)).toEqual(["tenant-b"]);
      expect(await groups(K.operator!)).toEqual(expect.arrayContaining(["tenant-a", "tenant-b"]));
      expect(await groups(K.operator!, "&tenant=agency-b")).toEqual(["tenant-b"]);

      // Erasure: tenant b erases its own, and cannot touch a's.
      const erased = await json<{ erased: number }>("DELETE", `/logs/session/${session}`, K["tenant-b"]!);
      expect(erased.erased).toBeGreaterThanOrEqual(1);
      expect(await historyOf(K["tenant-b"]!)).toEqual([]);
      expect(distinct(await historyOf(K["tenant-a"]!))).toEqual(said["tenant-a"]);
      expect((await json<{ deleted: number }>("DELETE", `/media/history/${fan}`, K["tenant-b"]!)).deleted).toBe(1);
      expect(await mediaOf(K["tenant-a"]!)).toEqual(["m-a1", "m-a2"]);
      expect(await mediaOf(K["tenant-b"]!)).toEqual([]);
    }, 120_000);

    test("privileged actions leave one audit line each, with who, what and the outcome; no text and no key anywhere", async () => {
      await json("POST", "/monitoring/metrics/reset", K.operator!, {});
      await json("POST", "/qa/smoke", K["only-ops"]!, { message: `qa-secret-${run}` });
      const audits = () => mesh.lines.filter((l) => l.includes('"audit":true')).map((l) => JSON.parse(l) as Record<string, unknown>);
      await waitFor("qa audit line", async () => audits().some((a) => a.action === "qa_run"), 5_000);
      const fan = `fan-${run}-${mode}`;
      const session = `session-${run}-${mode}`;
      expect(audits()).toEqual(expect.arrayContaining([
        expect.objectContaining({ action: "erase_conversation", key_name: "tenant-b", tenant: "agency-b", target: session, outcome: "ok" }),
        expect.objectContaining({ action: "erase_fan_media", key_name: "tenant-b", tenant: "agency-b", target: fan, outcome: "ok" }),
        expect.objectContaining({ action: "metrics_reset", key_name: "operator", tenant: null, outcome: "ok" }),
        expect.objectContaining({ action: "qa_run", key_name: "only-ops", target: "smoke", outcome: "ok" }),
      ]));
      for (const a of audits()) expect(typeof a.time).toBe("string");
      const output = mesh.lines.join("\n");
      expect(output).not.toContain(`secret-a-1-${run}`);
      expect(output).not.toContain(`qa-secret-${run}`);
      for (const k of KEYS) expect(output).not.toContain(k.key);
    }, 60_000);

    test("rotation by rewriting the file while requests run refuses none; a broken file keeps the keys and shows degraded", async () => {
      const oldKey = key("rot-old");
      const newKey = key("rot-new");
      const withKeys = (...extra: KeySpec[]) => keysYaml([...KEYS, ...extra]);
      const rotOld = { name: "crm-2026", key: oldKey, scopes: [Scope.Scoring] };
      const rotNew = { name: "crm-2027", key: newKey, scopes: [Scope.Scoring] };
      volume.write(withKeys(rotOld));
      await waitFor("first key loaded", async () => (await call("POST", "/fan/interest_score", oldKey, { fan_id: "f", history: [], purchases: [] })).status === 200, 10_000);

      let current = oldKey;
      let running = true;
      const statuses: number[] = [];
      const worker = async () => {
        while (running) statuses.push((await call("POST", "/fan/interest_score", current, { fan_id: "f", history: [], purchases: [] })).status);
      };
      const workers = [worker(), worker(), worker(), worker()];
      await Bun.sleep(300);
      volume.write(withKeys(rotOld, rotNew));
      await waitFor("both keys loaded", async () => (await call("POST", "/fan/interest_score", newKey, { fan_id: "f", history: [], purchases: [] })).status === 200, 10_000);
      current = newKey;
      await Bun.sleep(300);
      volume.write(withKeys(rotNew));
      await waitFor("old key retired", async () => (await call("POST", "/fan/interest_score", oldKey, { fan_id: "f", history: [], purchases: [] })).status === 401, 10_000);
      await Bun.sleep(300);
      running = false;
      await Promise.all(workers);
      expect(statuses.length).toBeGreaterThan(20);
      expect(statuses.filter((s) => s !== 200)).toEqual([]);

      volume.write("keys:\n  - name: [broken\n");
      const keysComponent = async () => ((await (await fetch(`${mesh.base}/monitoring/health`)).json()) as { status: string; components: { name: string; status: string; error?: string; instances?: number }[] });
      await waitFor("rejected file reported", async () => (await keysComponent()).components.find((c) => c.name === "api_keys")?.status === "down", 10_000);
      const health = await keysComponent();
      expect(health.status).not.toBe("healthy");
      expect(health.components.find((c) => c.name === "api_keys")).toMatchObject({ instances: KEYS.length + 1, error: expect.stringContaining("previous keys kept") });
      expect((await call("POST", "/fan/interest_score", newKey, { fan_id: "f", history: [], purchases: [] })).status).toBe(200);
      const metrics = await (await fetch(`${mesh.base}/metrics`)).text();
      expect(metrics).toMatch(/sinhome_gateway_keys_reload_total\{outcome="rejected"\} [1-9]/);
      expect(metrics).toMatch(/sinhome_audit_events_total\{action="keys_reload",outcome="ok"\} [1-9]/);
      expect(mesh.lines.some((l) => l.includes('"action":"keys_reload"') && l.includes('"outcome":"rejected"'))).toBe(true);

      volume.write(withKeys(rotNew));
      await waitFor("good file back", async () => (await keysComponent()).components.find((c) => c.name === "api_keys")?.status === "ok", 10_000);
    }, 120_000);
  });
}
