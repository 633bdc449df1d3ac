/**
 * `null` means absent on every route: generated from the route table and each route's schema (no
 * hand list), every optional field at every depth is sent as `null`; the gateway accepts it, the
 * service receives the field absent (defaults applied), and OpenAPI documents it as nullable.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { Kind, KindGuard, type TSchema } from "@sinclair/typebox";
import { Value } from "@sinclair/typebox/value";
import { dropNullOptionals, MemoryBus, PersonalityChatRequest, ROUTES, withNullableOptionals, type BusRequest } from "@sinhome/proto";
import { createLogger } from "@sinhome/runtime";
import { createGateway } from "./app.ts";
import { parseGatewayEnv } from "./env.ts";

const bus = new MemoryBus();
const received: BusRequest[] = [];
const app = createGateway({ bus, env: parseGatewayEnv({ RATE_LIMIT_PER_MINUTE: "0" }), log: createLogger("nullable-test", "error") });

beforeAll(async () => {
  const endpoints = Object.fromEntries([...new Set(ROUTES.map((r) => r.subject))].map((subject) => [
    subject.replaceAll(".", "_"),
    { subject, handler: (req: BusRequest) => { received.push(req); return {}; } },
  ]));
  await bus.addService({ name: "echo", version: "1.0.0", description: "echo", endpoints });
});
afterAll(() => bus.close());

/** A smallest valid value of `schema`; `nulls` = every optional property present as null, objects and arrays filled in. */
function sample(schema: TSchema, nulls: "top" | "deep", depth = 0): unknown {
  if (KindGuard.IsObject(schema)) {
    const out: Record<string, unknown> = {};
    for (const [key, prop] of Object.entries(schema.properties) as [string, TSchema][]) {
      const optional = KindGuard.IsOptional(prop);
      const container = prop[Kind] === "Object" || prop[Kind] === "Array";
      if (!optional) out[key] = sample(prop, nulls, depth + 1);
      else if (nulls === "deep" && container) out[key] = sample(prop, nulls, depth + 1);
      else out[key] = null;
    }
    return out;
  }
  if (KindGuard.IsArray(schema)) {
    const n = Math.max(schema.minItems ?? 0, nulls === "deep" && depth < 4 ? 1 : 0);
    return KindGuard.IsUnknown(schema.items) ? [] : Array.from({ length: n }, () => sample(schema.items, nulls, depth + 1));
  }
  if (KindGuard.IsString(schema)) return "a".repeat(Math.max(1, schema.minLength ?? 1));
  if (KindGuard.IsInteger(schema) || KindGuard.IsNumber(schema)) return schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 1);
  if (KindGuard.IsBoolean(schema)) return true;
  if (KindGuard.IsLiteral(schema)) return schema.const;
  if (KindGuard.IsUnion(schema)) return sample(schema.anyOf[0]!, nulls, depth + 1);
  if (KindGuard.IsRecord(schema)) return {};
  return {};
}

/** Paths of every null left anywhere in a value. */
function nullsIn(value: unknown, path = ""): string[] {
  if (value === null) return [path || "(root)"];
  if (typeof value !== "object") return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => nullsIn(v, `${path}.${k}`));
}

const bodyRoutes = ROUTES.filter((r) => r.body);

describe("null means absent, on every route with a body", () => {
  test("the route table has body routes with optional fields (the generator has work to do)", () => {
    const optionalCount = bodyRoutes.map((r) => nullsIn(sample(r.body!, "deep")).length).reduce((a, b) => a + b, 0);
    expect(bodyRoutes.length).toBeGreaterThan(20);
    expect(optionalCount).toBeGreaterThan(60);
  });

  for (const route of bodyRoutes) {
    for (const depth of ["top", "deep"] as const) {
      test(`${route.method} ${route.path}: every optional field null (${depth}) → accepted, absent for the service`, async () => {
        const payload = sample(route.body!, depth);
        const res = await app.handle(new Request(`http://localhost${route.path}`, {
          method: route.method,
          headers: { "content-type": "application/json" },
          body: JSON.stringify(payload),
        }));
        if (res.status !== 200) throw new Error(`${route.path} answered ${res.status}: ${await res.text()}`);
        const forwarded = received.at(-1)!.body;
        expect(nullsIn(forwarded)).toEqual([]);
        // What reached the service is valid against the route's own (non-nullable) schema.
        expect([...Value.Errors(route.body!, forwarded)].map((e) => e.path)).toEqual([]);
      });
    }
  }

  test("defaults still apply to a field sent as null", async () => {
    await app.handle(new Request("http://localhost/personality_chat", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ message: "salut", history: null, session_id: null, persona_data: { name: null, tone: 5, emojis: null } }),
    }));
    expect(received.at(-1)!.body).toMatchObject({ message: "salut", history: [], persona_data: { name: "Seline", tone: 5, emojis: 3, dominance: 3 } });
    expect(received.at(-1)!.body).not.toHaveProperty("session_id");
  });

  test("a required field sent as null is still a 422 naming it", async () => {
    const res = await app.handle(new Request("http://localhost/personality_chat", { method: "POST", headers: { "content-type": "application/json" }, body: '{"message":null}' }));
    expect(res.status).toBe(422);
    expect(JSON.stringify(await res.json())).toContain('"field":"message"');
  });

  test("a wrong value in a nullable field keeps a precise reason", async () => {
    const res = await app.handle(new Request("http://localhost/personality_chat", { method: "POST", headers: { "content-type": "application/json" }, body: '{"message":"a","persona_data":{"dominance":9}}' }));
    const body = (await res.json()) as { error: { details: { field: string; reason: string }[] } };
    expect(body.error.details).toContainEqual({ field: "persona_data.dominance", reason: expect.stringContaining("less or equal to 5") });
  });
});

describe("OpenAPI documents it", () => {
  test("every optional property of every request body accepts null in /swagger/json", async () => {
    const doc = (await (await app.handle(new Request("http://localhost/swagger/json"))).json()) as {
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: JsonSchema }> } }>>;
    };
    type JsonSchema = { type?: string | string[]; properties?: Record<string, JsonSchema>; required?: string[]; items?: JsonSchema; anyOf?: JsonSchema[] };
    const missing: string[] = [];
    let checked = 0;
    const visit = (s: JsonSchema | undefined, where: string) => {
      if (!s) return;
      for (const [k, p] of Object.entries(s.properties ?? {})) {
        if (!(s.required ?? []).includes(k)) {
          checked++;
          const nullable = p.anyOf?.some((m) => m.type === "null") || (Array.isArray(p.type) && p.type.includes("null"));
          if (!nullable) missing.push(`${where}.${k}`);
        }
        visit(p, `${where}.${k}`);
        for (const m of p.anyOf ?? []) visit(m, `${where}.${k}`);
      }
      visit(s.items, `${where}[]`);
    };
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) visit(op.requestBody?.content["application/json"]?.schema, `${method.toUpperCase()} ${path}`);
    }
    expect(checked).toBeGreaterThan(60);
    expect(missing).toEqual([]);
  });
});

describe("the proto helpers", () => {
  test("dropNullOptionals removes optional nulls at every depth and keeps required ones", () => {
    const value: Record<string, unknown> = { message: null, session_id: null, persona_data: { name: null, tone: 2 }, history: [{ role: "user", content: "x" }] };
    dropNullOptionals(withNullableOptionals(PersonalityChatRequest), value);
    expect(value).toEqual({ message: null, persona_data: { tone: 2 }, history: [{ role: "user", content: "x" }] });
  });
});
