/**
 * Property-based tests of EVERY route of the HTTP API (fast-check): bodies generated from each
 * route's proto schema, valid ones and broken ones (wrong types, missing fields, huge strings, deep
 * nesting, odd Unicode, prototype keys). Whatever the body, the answer is a reply matching the
 * route's response schema or the one JSON error shape with a 4xx/503 status — never a 500, never a
 * hang — and no prototype gets polluted. The whole mesh runs in this process on the in-process bus:
 * gateway, chat (against the LLM simulator), scoring, media (PostgreSQL scratch schema), ops.
 * A failure prints fast-check's seed and the shrunk body: rerun with FC_SEED=<seed>.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import fc from "fast-check";
import { ErrorBody, MemoryBus, ROUTES, type Route, type ServiceRegistration } from "@sinhome/proto";
import { hostileBody, matchesSchema, ODD_TEXT, validValue } from "@sinhome/proto/src/testing/arbitrary.ts";
import { createLogger, type MeshService } from "@sinhome/runtime";
import { createGateway } from "@sinhome/gateway";
import { parseGatewayEnv } from "@sinhome/gateway/src/env.ts";
import { createChatService } from "@sinhome/chat";
import { parseChatEnv } from "@sinhome/chat/src/env.ts";
import { createMediaService } from "@sinhome/media";
import { parseMediaEnv } from "@sinhome/media/src/env.ts";
import { createScratchSchema, TEST_DATABASE_URL, type ScratchSchema } from "@sinhome/media/src/store/testing.ts";
import { createOpsService } from "@sinhome/ops";
import { parseOpsEnv } from "@sinhome/ops/src/env.ts";
import { createScoringService } from "@sinhome/scoring";
import { parseScoringEnv } from "@sinhome/scoring/src/env.ts";
import { startSimulator, type Simulator } from "@sinhome/llm-sim";

/** A request that takes longer than this is a hang (the simulator answers in milliseconds). */
const HANG_MS = 10_000;
const RUNS = { valid: 12, hostile: 40 };
const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined;

const log = createLogger("property", "fatal");
const bus = new MemoryBus();
let sim: Simulator;
let scratch: ScratchSchema;
const services: MeshService[] = [];
const registrations: ServiceRegistration[] = [];
let gateway: ReturnType<typeof createGateway>;

beforeAll(async () => {
  sim = startSimulator({ port: 0, hostname: "127.0.0.1" });
  scratch = await createScratchSchema("property_test");
  const source = { VLLM_BASE_URL: sim.url, EMBEDDINGS_BASE_URL: sim.url, LLM_FALLBACK: "none", DATABASE_URL: TEST_DATABASE_URL, LOG_LEVEL: "error" };
  services.push(
    await createChatService(parseChatEnv(source), { bus, log }),
    await createScoringService(parseScoringEnv(source), { bus, log }),
    await createMediaService(parseMediaEnv(source), { bus, log }, { pgOptions: scratch.options }),
    await createOpsService(parseOpsEnv(source), { bus, log }),
  );
  for (const s of services) registrations.push(await bus.addService(s.definition));
  gateway = createGateway({ bus, env: parseGatewayEnv({ RATE_LIMIT_PER_MINUTE: "0" }), log });
}, 30_000);

afterAll(async () => {
  await Promise.all(registrations.map((r) => r.stop(2000)));
  for (const s of services) await s.close();
  await bus.close();
  await scratch?.drop();
  await sim?.stop();
});

/** Statuses a broken or refused request may get; 500 and anything unlisted is a defect. */
const ERROR_STATUSES = new Set([400, 404, 405, 413, 415, 422, 429, 502, 503, 504]);

async function call(method: string, path: string, body?: string): Promise<{ status: number; json: unknown }> {
  const init: RequestInit = { method, headers: { "content-type": "application/json" } };
  if (body !== undefined) init.body = body;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${method} ${path} hung for ${HANG_MS} ms`)), HANG_MS);
  });
  try {
    const res = await Promise.race([gateway.handle(new Request(`http://localhost${path}`, init)), hang]);
    const text = await Promise.race([res.text(), hang]);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new Error(`${method} ${path} answered ${res.status} with a body that is not JSON`);
    }
    return { status: res.status, json };
  } finally {
    clearTimeout(timer);
  }
}

/** The property every answer must have. */
function checkAnswer(route: Route, answer: { status: number; json: unknown }, body: string): void {
  const where = `${route.method} ${route.path} with ${body.length > 300 ? `${body.slice(0, 300)}…(${body.length} chars)` : body}`;
  if (answer.status >= 200 && answer.status < 300) {
    if (!matchesSchema(route.response, answer.json)) throw new Error(`${where}: ${answer.status} reply does not match ${route.path}'s response schema`);
    return;
  }
  if (route.replyStatus && answer.status === 503 && matchesSchema(route.response, answer.json)) return; // health: unhealthy, report kept
  if (!ERROR_STATUSES.has(answer.status)) throw new Error(`${where}: status ${answer.status}`);
  if (!matchesSchema(ErrorBody, answer.json)) throw new Error(`${where}: ${answer.status} is not the JSON error shape`);
  if (JSON.stringify(answer.json).includes("polluted")) throw new Error(`${where}: the error echoes the input`);
}

/** Percent-encodes every UTF-8 byte (unpaired surrogates become U+FFFD, as a client library would send them). */
const percentEncoded = (text: string) => [...new TextEncoder().encode(text)].map((b) => `%${b.toString(16).padStart(2, "0")}`).join("");
const fanIds = fc.oneof(
  fc.string({ minLength: 1, maxLength: 40 }).map(percentEncoded),
  fc.constantFrom(...ODD_TEXT).map(percentEncoded),
  // raw path segments: invalid UTF-8, encoded slashes and dots, an over-long id
  fc.constantFrom("%ED%A0%80", "%FF%FE", "%C0%AF", "%", "%zz", "..", "%2e%2e", "a%2Fb", "a".repeat(300), "f%00%2F.."),
);
const pathWith = (route: Route, fanId: string) => route.path.replace(":fan_id", fanId);

describe("every route, bodies generated from its schema", () => {
  for (const route of ROUTES) {
    if (route.body) {
      const schema = route.body;
      test(`${route.method} ${route.path}: valid bodies get a valid reply or a JSON error`, async () => {
        await fc.assert(
          fc.asyncProperty(validValue(schema), async (value) => {
            const body = JSON.stringify(value);
            checkAnswer(route, await call(route.method, route.path, body), body);
          }),
          { numRuns: RUNS.valid, seed },
        );
      }, 60_000);
      test(`${route.method} ${route.path}: hostile bodies never get a 500 or a hang`, async () => {
        await fc.assert(
          fc.asyncProperty(hostileBody(schema), async (body) => {
            checkAnswer(route, await call(route.method, route.path, body), body);
          }),
          // No shrinking: shrinking megabyte bodies costs more than it tells; the failing body is in the message.
          { numRuns: RUNS.hostile, seed, endOnFailure: true },
        );
      }, 120_000);
    } else {
      test(`${route.method} ${route.path}: any path parameter gets a valid reply or a JSON error`, async () => {
        await fc.assert(
          fc.asyncProperty(fanIds, async (fanId) => {
            const path = pathWith(route, fanId);
            checkAnswer(route, await call(route.method, path), path);
          }),
          { numRuns: route.path.includes(":") ? RUNS.hostile : 3, seed },
        );
      }, 60_000);
    }
  }

  test("no request polluted a prototype", () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
    expect(([] as unknown as Record<string, unknown>).polluted).toBeUndefined();
  });
});
