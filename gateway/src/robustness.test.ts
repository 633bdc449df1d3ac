/** No input crashes the gateway or gets a non-JSON answer: a seeded stream of malformed requests. */
import { expect, test } from "bun:test";
import { MemoryBus, ROUTES } from "@sinhome/proto";
import { createLogger } from "@sinhome/runtime";
import { createGateway } from "./app.ts";
import { parseGatewayEnv } from "./env.ts";

let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;

const BODIES = [
  "", "{", "}", "null", "[]", "0", '"x"', "true", '{"message":', '{"message": null}', '{"message": 12}',
  '{"message": "a", "history": "nope"}', '{"message": "a", "history": [{"role": "system", "content": "x"}]}',
  '{"message": "a", "persona_data": {"dominance": 1e309}}', '{"message": "a", "persona_data": []}',
  '{"fan_id": {"$gt": ""}}', '{"fans": [1, "x", null, {}]}', '{"media_ids": [null]}', "\u0000\u0001\u0002",
  '{"message": "\\ud800"}', '{"__proto__": {"admin": true}, "message": "a"}', '{"constructor": {"prototype": {}}}',
  JSON.stringify({ message: "a".repeat(5000) }), JSON.stringify({ texts: Array(300).fill("a") }),
];
const TYPES = ["application/json", "text/plain", "application/x-www-form-urlencoded", "", "application/json; charset=latin1", "multipart/form-data; boundary=x"];
const PATHS = [...ROUTES.map((r) => r.path.replace(":fan_id", "f%00%2F..")), "/", "/..%2F..%2Fetc/passwd", "/swagger/assets/../../package.json", "/v3/chat", "/media/history/"];
const METHODS = ["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"];

test("500 malformed requests: every answer is the JSON error shape (or a real result), never a crash", async () => {
  const bus = new MemoryBus();
  const gateway = createGateway({ bus, env: parseGatewayEnv({ RATE_LIMIT_PER_MINUTE: "0" }), log: createLogger("fuzz", "fatal") });
  for (let i = 0; i < 500; i++) {
    const method = pick(METHODS);
    const type = pick(TYPES);
    const init: RequestInit = { method, headers: type ? { "content-type": type } : {} };
    if (method !== "GET") init.body = pick(BODIES);
    const res = await gateway.handle(new Request(`http://localhost${pick(PATHS)}`, init));
    expect(res.status).not.toBe(500);
    if (res.status >= 400) {
      const body = (await res.json()) as { error?: { code?: string; message?: string } };
      expect(typeof body.error?.code).toBe("string");
      expect(typeof body.error?.message).toBe("string");
      expect(JSON.stringify(body)).not.toContain("at ");
    } else {
      await res.arrayBuffer();
    }
  }
});
