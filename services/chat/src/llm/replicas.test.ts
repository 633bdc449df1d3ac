import { afterAll, describe, expect, test } from "bun:test";
import { startSimulator, type Simulator } from "@sinhome/llm-sim";
import { registry } from "@sinhome/runtime";
import { parseChatEnv } from "../env.ts";
import { DnsDiscovery, FIRST_RESOLUTION_MS, parseDiscovery } from "./discovery.ts";
import { ReplicaPool } from "./replicas.ts";
import { HashRing, hash32, pickBounded } from "./ring.ts";
import { LlmRouter, type CompletionCall } from "./router.ts";

const urls = ["http://10.0.0.1:8000/v1", "http://10.0.0.2:8000/v1", "http://10.0.0.3:8000/v1"];
const pool = (list = urls, opts: Partial<ConstructorParameters<typeof ReplicaPool>[0]> = {}) =>
  new ReplicaPool({ name: "vllm", model: "m", breaker: { threshold: 5, cooldownMs: 60_000 }, loadFactor: 1.25, routing: "affinity", ...opts }, list);
const personas = Array.from({ length: 600 }, (_, i) => `persona ${i}: Tu es une créatrice, réglages ${i % 7}/${i % 5}`);

describe("consistent hashing with bounded load", () => {
  test("same persona → same replica, every time and from every pool built the same way", () => {
    const a = pool();
    const b = pool([...urls].reverse());
    for (const p of personas.slice(0, 50)) {
      const first = a.pick(p)!.id;
      expect(a.pick(p)!.id).toBe(first);
      expect(b.pick(p)!.id).toBe(first); // another chat instance agrees (order of the list does not matter)
    }
  });

  test("personas spread over the replicas", () => {
    const p = pool();
    const counts = new Map<string, number>();
    for (const persona of personas) {
      const id = p.pick(persona)!.id;
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    expect(counts.size).toBe(3);
    for (const n of counts.values()) expect(n / personas.length).toBeGreaterThan(0.25);
    for (const n of counts.values()) expect(n / personas.length).toBeLessThan(0.42);
  });

  test("removing a replica moves only its own personas", () => {
    const ring = new HashRing(["a", "b", "c"]);
    const before = personas.map((p) => ring.order(hash32(p))[0]);
    ring.set(["a", "c"]);
    const after = personas.map((p) => ring.order(hash32(p))[0]);
    personas.forEach((_, i) => {
      if (before[i] !== "b") expect(after[i]).toBe(before[i]);
      else expect(after[i]).not.toBe("b");
    });
  });

  test("bounded load: an owner over its share spills to the next replica on the ring, then takes keys again", () => {
    const load = new Map([["a", 0], ["b", 0], ["c", 0]]);
    const inFlight = (id: string) => load.get(id) ?? 0;
    expect(pickBounded(["a", "b", "c"], inFlight, 1.25)).toBe("a");
    load.set("a", 10);
    load.set("b", 2);
    // total 12 (+1) / 3 × 1.25 → bound 6: a is over, b (next clockwise) is under.
    expect(pickBounded(["a", "b", "c"], inFlight, 1.25)).toBe("b");
    load.set("a", 2); // total 4 (+1) → bound 3: back under it
    expect(pickBounded(["a", "b", "c"], inFlight, 1.25)).toBe("a");
  });

  test("the pool spills a hot persona's calls when its owner is saturated", () => {
    const p = pool();
    const owner = p.pick(personas[0])!;
    owner.inFlight = 20;
    const other = p.pick(personas[0])!;
    expect(other.id).not.toBe(owner.id);
    owner.inFlight = 0;
    expect(p.pick(personas[0])!.id).toBe(owner.id);
  });

  test("a replica whose breaker is open is skipped: its personas go to the next one at once", () => {
    const p = pool();
    const owner = p.pick(personas[1])!;
    owner.breaker.trip();
    const next = p.pick(personas[1])!;
    expect(next.id).not.toBe(owner.id);
    // Personas owned by the other replicas did not move.
    for (const persona of personas.slice(0, 100)) expect(p.pick(persona)!.id).not.toBe(owner.id);
  });

  test("random routing (what a Kubernetes Service does) ignores the persona", () => {
    let seed = 1;
    const p = pool(urls, { routing: "random", random: () => ((seed = (seed * 16807) % 2147483647) / 2147483647) });
    const seen = new Set(Array.from({ length: 60 }, () => p.pick(personas[0])!.id));
    expect(seen.size).toBe(3);
  });
});

describe("DNS discovery", () => {
  test("parses dns:<host>:<port> and rejects anything else", () => {
    expect(parseDiscovery("dns:vllm-headless.sinhome.svc.cluster.local:8000")).toEqual({ host: "vllm-headless.sinhome.svc.cluster.local", port: 8000 });
    expect(() => parseDiscovery("http://vllm:8000")).toThrow();
    expect(() => parseDiscovery("dns:vllm:0")).toThrow();
  });

  test("a resolver that hangs does not hold the start up", async () => {
    const p = new ReplicaPool({ name: "vllm", model: "m", breaker: { threshold: 5, cooldownMs: 1000 }, loadFactor: 1.25, routing: "affinity" }, [], true);
    const discovery = new DnsDiscovery("dns:vllm-headless:8000", p, { intervalMs: 60_000, resolver: () => new Promise<string[]>(() => {}) });
    const started = performance.now();
    await discovery.start();
    discovery.stop();
    expect(performance.now() - started).toBeLessThan(FIRST_RESOLUTION_MS + 1500);
    expect(p.replicas).toHaveLength(0);
  });

  test("re-resolution adds and removes replicas; a failed or empty answer keeps the last set", async () => {
    let answer: string[] | Error = ["10.1.0.2", "10.1.0.1"];
    const p = new ReplicaPool({ name: "vllm", model: "m", breaker: { threshold: 5, cooldownMs: 1000 }, loadFactor: 1.25, routing: "affinity" }, [], true);
    const discovery = new DnsDiscovery("dns:vllm-headless:8000", p, {
      intervalMs: 60_000,
      resolver: async () => {
        if (answer instanceof Error) throw answer;
        return answer;
      },
    });
    expect(await discovery.refresh()).toBe(true);
    expect(p.replicas.map((r) => r.baseUrl).sort()).toEqual(["http://10.1.0.1:8000/v1", "http://10.1.0.2:8000/v1"]);
    const kept = p.replicas.find((r) => r.id === "10.1.0.1:8000")!;
    answer = ["10.1.0.1", "10.1.0.3"];
    await discovery.refresh();
    expect(p.replicas.map((r) => r.id).sort()).toEqual(["10.1.0.1:8000", "10.1.0.3:8000"]);
    expect(p.replicas.find((r) => r.id === "10.1.0.1:8000")).toBe(kept); // same breaker and counters
    answer = new Error("SERVFAIL");
    expect(await discovery.refresh()).toBe(false);
    answer = [];
    expect(await discovery.refresh()).toBe(false);
    expect(p.replicas).toHaveLength(2);
    answer = ["fd00::7"];
    await discovery.refresh();
    expect(p.replicas.map((r) => r.baseUrl)).toEqual(["http://[fd00::7]:8000/v1"]);
  });
});

describe("router over several simulated replicas", () => {
  // Three replicas on one port and three loopback addresses, like the pods behind a headless Service.
  const first = startSimulator({ hostname: "127.0.0.1", name: "r1" });
  const sims: Simulator[] = [first, startSimulator({ hostname: "127.0.0.2", port: first.port, name: "r2" }), startSimulator({ hostname: "127.0.0.3", port: first.port, name: "r3" })];
  afterAll(async () => {
    await Promise.all(sims.map((s) => s.stop()));
  });
  const env = (extra: Record<string, string>) =>
    parseChatEnv({ VLLM_MODEL_NAME: "m", LLM_TIMEOUT_MS: "1000", LLM_RETRY_BASE_MS: "5", LLM_BREAKER_THRESHOLD: "5", LLM_BREAKER_COOLDOWN_MS: "60000", ...extra });
  const call = (persona: string): CompletionCall => ({
    messages: [{ role: "system", content: persona }, { role: "user", content: "coucou" }],
    deadline: Date.now() + 3000,
  });

  test("VLLM_DISCOVERY resolves the replicas, and one persona's calls all go to one replica and hit its cache", async () => {
    const addresses = ["127.0.0.1", "127.0.0.2", "127.0.0.3"];
    const router = new LlmRouter(env({ VLLM_DISCOVERY: `dns:vllm-headless:${first.port}` }), { resolver: async () => addresses });
    await router.start();
    try {
      expect(router.primary?.replicas).toHaveLength(3);
      const persona = `Tu es Léa. ${"Règles fixes de la persona. ".repeat(40)}`;
      const results = [];
      for (let i = 0; i < 4; i++) results.push(await router.complete(call(persona)));
      expect(new Set(results.map((r) => r.replica)).size).toBe(1);
      expect(results[0]!.usage.cached_tokens).toBe(0);
      expect(results[3]!.usage.cached_tokens).toBeGreaterThan(200);
      const health = await router.status(1000);
      expect(health.map((h) => h.name)).toEqual(["vllm", "grok", ...[...addresses].map((a) => `vllm@${a}:${first.port}`).sort()]);
      expect(health.filter((h) => h.name.startsWith("vllm@")).every((h) => h.status === "ok")).toBe(true);
      const metrics = await registry.metrics();
      expect(metrics).toContain(`sinhome_llm_replica_cached_tokens_total{backend="vllm",replica="${results[0]!.replica}"}`);
    } finally {
      router.close();
    }
  });

  test("a dead replica: the call is rerouted and succeeds, and its personas move to the next replica at once", async () => {
    const dead = Bun.serve({ port: 0, hostname: "127.0.0.4", fetch: () => new Response("") });
    const deadPort = dead.port;
    void dead.stop(true);
    const deadUrl = `http://127.0.0.4:${deadPort}/v1`;
    const router = new LlmRouter(env({ VLLM_BASE_URL: [deadUrl, ...sims.map((s) => s.url)].join(","), LLM_FALLBACK: "none" }));
    const deadId = `127.0.0.4:${deadPort}`;
    // A persona owned by the dead replica.
    const persona = personas.find((p) => router.primary!.pick(p)?.id === deadId)!;
    const out = await router.complete(call(persona));
    expect(out.replica).not.toBe(deadId);
    expect(out.backend).toBe("vllm");
    expect(out.transportRetries).toBe(1);
    expect(router.primary!.replicas.find((r) => r.id === deadId)!.breaker.state).toBe("open");
    const again = await router.complete(call(persona));
    expect(again.transportRetries).toBe(0); // not tried again: it went to the next replica directly
    expect(again.replica).toBe(out.replica);
    const health = await router.status(500);
    expect(health.find((h) => h.name === `vllm@${deadId}`)?.status).toBe("down");
    expect(health.find((h) => h.name === "vllm")?.status).toBe("ok");
  });
});
