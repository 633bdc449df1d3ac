/**
 * Cost of least privilege per request (issue #15), in process, on the in-process bus with a trivial scoring
 * handler so the gateway's own work dominates. Ratios against baselines run in the same process, rounds
 * interleaved so machine noise hits every variant alike:
 *   gateway:   one POST /fan/interest_score through `app.handle` — open (no keys), GATEWAY_API_KEYS (one key,
 *              every scope), and a keys file of 25 entries used by a scoped tenant key (scope + tenant + expiry
 *              checks, tenant bus header);
 *   authorize: the whole check (key lookup, expiry, route scope, tenant) against the key lookup alone (what
 *              the gateway did before scopes).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createHash } from "node:crypto";
import { MemoryBus, Subject } from "@sinhome/proto";
import { createLogger } from "@sinhome/runtime";
import { createGateway } from "../gateway/src/app.ts";
import { authorize, keyRingFromEnv } from "../gateway/src/auth.ts";
import { parseGatewayEnv } from "../gateway/src/env.ts";
import { routeScopes } from "../gateway/src/keys/route-scopes.ts";
import { fmt } from "./stats.ts";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const PER_ROUND = Number(process.env.BENCH_PER_ROUND ?? 1500);
const KEY = "sk-bench-tenant-key-0123456789";
const hex = (k: string) => createHash("sha256").update(k).digest("hex");

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function benchAuth(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), "bench-auth-"));
  const log = createLogger("bench-auth", "error");
  const bus = new MemoryBus();
  try {
    await bus.addService({ name: "scoring", version: "1.0.0", description: "bench stub", endpoints: { score: { subject: Subject.FanScore, handler: () => ({ ok: true }) } } });
    const file = join(dir, "keys.yaml");
    const others = Array.from({ length: 24 }, (_, i) => `  - { name: other-${i}, sha256: "${hex(`other-${i}`)}", tenant: t${i} }`);
    writeFileSync(file, `keys:\n${others.join("\n")}\n  - { name: crm, sha256: "${hex(KEY)}", scopes: [scoring, chat], tenant: agency-a, not_after: "2099-01-01T00:00:00Z" }\n`);
    const base = { RATE_LIMIT_PER_MINUTE: "0" };
    const variants = {
      open: { env: parseGatewayEnv(base), key: undefined },
      "GATEWAY_API_KEYS, 1 key": { env: parseGatewayEnv({ ...base, GATEWAY_API_KEYS: `crm:${KEY}` }), key: KEY },
      "keys file, 25 keys, scoped tenant key": { env: parseGatewayEnv({ ...base, GATEWAY_KEYS_FILE: file }), key: KEY },
    };
    const body = JSON.stringify({ fan_id: "fan-1", history: [], purchases: [] });
    const gateways = Object.entries(variants).map(([name, v]) => {
      const app = createGateway({ bus, env: v.env, log });
      const headers: Record<string, string> = { "content-type": "application/json", ...(v.key ? { authorization: `Bearer ${v.key}` } : {}) };
      const one = async () => {
        const res = await app.handle(new Request("http://localhost/fan/interest_score", { method: "POST", headers, body }));
        if (res.status !== 200) throw new Error(`${name}: ${res.status}`);
        await res.arrayBuffer();
      };
      return { name, one, samples: [] as number[] };
    });
    for (const g of gateways) for (let i = 0; i < 1000; i++) await g.one();
    // Request by request, the variants take turns: a burst of load from elsewhere hits all of them alike.
    for (let i = 0; i < ROUNDS * PER_ROUND; i++) {
      for (const g of gateways) {
        const t = performance.now();
        await g.one();
        g.samples.push(performance.now() - t);
      }
    }
    const open = median(gateways[0]!.samples);
    const legacy = median(gateways[1]!.samples);
    const lines = [`gateway request, median of ${ROUNDS * PER_ROUND} requests per variant, taking turns (in process, trivial handler):`];
    for (const g of gateways) {
      const m = median(g.samples);
      lines.push(`  ${g.name.padEnd(40)} ${fmt(m).padStart(8)}/req   ×${(m / open).toFixed(3)} of open   ×${(m / legacy).toFixed(3)} of GATEWAY_API_KEYS`);
    }

    // The check alone: authorize() against the bare key lookup it wraps.
    const ring = keyRingFromEnv({ GATEWAY_KEYS_FILE: file }, log);
    const scopeOf = routeScopes();
    const request = new Request("http://localhost/fan/interest_score", { method: "POST", headers: { authorization: `Bearer ${KEY}` } });
    const N = 200_000;
    const time = (fn: () => unknown) => {
      for (let i = 0; i < 20_000; i++) fn();
      const t = performance.now();
      for (let i = 0; i < N; i++) fn();
      return (performance.now() - t) / N;
    };
    const lookups: number[] = [];
    const checks: number[] = [];
    for (let r = 0; r < 5; r++) {
      lookups.push(time(() => ring.match(KEY)));
      checks.push(time(() => authorize(ring, scopeOf, request, "/fan/interest_score", Date.now())));
    }
    const lookup = median(lookups);
    const check = median(checks);
    lines.push(`authorize (25 keys), median of 5 × ${N}:`);
    lines.push(`  key lookup alone (before scopes)         ${fmt(lookup).padStart(8)}`);
    lines.push(`  + expiry, route scope, tenant             ${fmt(check).padStart(8)}   ×${(check / lookup).toFixed(3)} of the lookup (+${fmt(check - lookup)})`);
    ring.stop();
    return lines;
  } finally {
    await bus.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
