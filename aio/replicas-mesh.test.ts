/**
 * A mesh with three simulated vLLM replicas: gateway, two chat instances and ops as separate processes over
 * the real NATS server; three simulators with vLLM's prefix-cache model on three loopback addresses (like
 * the pods behind a headless Service). Conversations through the gateway: each chat instance's /metrics
 * shows the prefix-cache hit ratio of every replica, health lists each replica, and /monitoring/usage sums
 * both chat instances by API key name.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { startSimulator, type Simulator } from "@sinhome/llm-sim";
import type { UsageResponse } from "@sinhome/proto";
import { buildV2PersonalityPrompt, resolvePersona } from "@sinhome/chat/src/persona/index.ts";
import { HashRing, hash32 } from "@sinhome/chat/src/llm/ring.ts";
import { testServerUrl } from "@sinhome/testing";
import { freePort, MeshProcesses, waitFor } from "./harness.ts";

const NATS_URL = await testServerUrl("nats");
const KEY = "mesh-test-key-1234";
const mesh = new MeshProcesses({ NATS_URL, LOG_LEVEL: "warn", HEALTH_PORT: "0" });
let base = "";
let sims: Simulator[] = [];
const chatPorts: number[] = [];

const authed = { authorization: `Bearer ${KEY}`, "content-type": "application/json" };
const health = async () => (await (await fetch(`${base}/monitoring/health`)).json()) as { components: { name: string; status: string; instances?: number }[] };

beforeAll(async () => {
  const first = startSimulator({ hostname: "127.0.0.1", name: "replica-1" });
  sims = [first, startSimulator({ hostname: "127.0.0.2", port: first.port, name: "replica-2" }), startSimulator({ hostname: "127.0.0.3", port: first.port, name: "replica-3" })];
  const port = freePort();
  base = `http://127.0.0.1:${port}`;
  mesh.spawn("gateway/src/main.ts", { PORT: String(port), HOST: "127.0.0.1", RATE_LIMIT_PER_MINUTE: "0", GATEWAY_API_KEYS: `mesh-crm:${KEY}` });
  mesh.spawn("services/ops/src/main.ts");
  for (let i = 0; i < 2; i++) {
    chatPorts.push(freePort());
    mesh.spawn("services/chat/src/main.ts", { VLLM_BASE_URL: sims.map((s) => s.url).join(","), LLM_FALLBACK: "none", HEALTH_PORT: String(chatPorts[i]) });
  }
  await waitFor("two chat instances up", async () => (await health()).components.find((c) => c.name === "chat")?.instances === 2, 20_000);
}, 40_000);

afterAll(async () => {
  await mesh.stopAll();
  await Promise.all(sims.map((s) => s.stop()));
});

/** Personas chosen so that each replica owns at least one (the chat instances hash the same way). */
function personasCoveringEveryReplica(): { name: string }[] {
  const ring = new HashRing(sims.map((s) => new URL(s.url).host));
  const owners = new Map<string, { name: string }>();
  for (let i = 0; owners.size < 3 && i < 500; i++) {
    const persona = { name: `Créatrice${i}` };
    const owner = ring.order(hash32(buildV2PersonalityPrompt(resolvePersona(persona)).system))[0]!;
    if (!owners.has(owner)) owners.set(owner, persona);
  }
  return [...owners.values()];
}

describe("three vLLM replicas behind two chat instances", () => {
  test("per-replica prefix-cache hit ratios in /metrics, replicas in health, usage summed over both chats", async () => {
    const personas = personasCoveringEveryReplica();
    expect(personas).toHaveLength(3);
    let requests = 0;
    for (const persona of personas) {
      const history: { role: string; content: string }[] = [];
      for (const message of ["coucou toi", "tu fais quoi ce soir ?", "raconte-moi ta journée", "et demain ?"]) {
        const res = await fetch(`${base}/v2/personality_chat`, { method: "POST", headers: authed, body: JSON.stringify({ message, history, persona_data: persona }) });
        expect(res.status).toBe(200);
        const body = (await res.json()) as { response: string; backend: string; fallback: boolean };
        expect(body).toMatchObject({ backend: "vllm", fallback: false });
        history.push({ role: "user", content: message }, { role: "assistant", content: body.response });
        requests++;
      }
    }
    // Every replica got one persona's conversation (4 turns) whichever chat instance took each turn.
    for (const sim of sims) expect(sim.prefixCache!.stats().requests).toBe(4);

    // Sum each replica's counters over the two chat processes' /metrics, as Prometheus would.
    const cached = new Map<string, number>();
    const prompt = new Map<string, number>();
    for (const port of chatPorts) {
      const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      for (const [, kind, replica, value] of text.matchAll(/^sinhome_llm_replica_(cached|prompt)_tokens_total\{backend="vllm",replica="([^"]+)"\} (\d+)/gm)) {
        const into = kind === "cached" ? cached : prompt;
        into.set(replica!, (into.get(replica!) ?? 0) + Number(value));
      }
    }
    expect([...prompt.keys()].sort()).toEqual(sims.map((s) => new URL(s.url).host).sort());
    for (const [replica, tokens] of prompt) {
      const ratio = (cached.get(replica) ?? 0) / tokens;
      expect(ratio).toBeGreaterThan(0.4); // turns 2–4 reuse the static prefix, the persona and the history
      expect(ratio).toBeLessThan(1);
    }

    const components = (await health()).components;
    for (const sim of sims) expect(components.find((c) => c.name === `vllm@${new URL(sim.url).host}`)?.status).toBe("ok");

    const usage = (await (await fetch(`${base}/monitoring/usage?group_by=key`, { headers: authed })).json()) as UsageResponse;
    expect(usage.instances).toBe(2);
    const row = usage.rows.find((r) => r.group === "mesh-crm");
    expect(row?.requests).toBe(requests);
    expect(row?.cached_tokens).toBe([...cached.values()].reduce((a, b) => a + b, 0));
  }, 30_000);
});
