/**
 * Every Grafana panel query and every alerting/recording rule, proven against a real Prometheus scraping a
 * real mesh: gateway, two chat instances, scoring, media and ops as separate processes over the real NATS,
 * PostgreSQL and Redis; simulators play vLLM, Grok and the guard model, misbehaving on demand. The traffic
 * makes every series appear (replies, retries, fallbacks to Grok, v2 fallback lines, 5xx, 429, guard-model
 * blocks and timeouts, lexicon and reply-check blocks, usage cost with prices set, AI scoring, media, and a
 * re-send after a chat replica is killed holding a request). Then each panel query must parse and return
 * data, each rule expression must parse, and each SLO recording rule must return a ratio.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { startSimulator, type Simulator } from "@sinhome/llm-sim";
import { testServerUrl } from "@sinhome/testing";
import { freePort, MeshProcesses, ROOT, waitFor } from "./harness.ts";
import { hasPrometheus, startPrometheus, type RealPrometheus } from "./prometheus.ts";

const NATS_URL = await testServerUrl("nats");
const REDIS_URL = await testServerUrl("redis");
const DATABASE_URL = await testServerUrl("postgres");
const DASHBOARDS = join(ROOT, "deploy/k8s/base/grafana/dashboards");
const RULES = join(ROOT, "deploy/k8s/components/alerts/sinhome.rules.yml");
const KEY = "dash-crm-key-0123456789";
const TINY_KEY = "dash-tiny-key-0123456789";

if (!hasPrometheus()) console.warn("SKIPPED: aio/dashboards.test.ts (no prometheus binary: apt-get install prometheus)");

// ---------------------------------------------------------------------------------------------------
// What is checked: the dashboards' Prometheus queries, with Grafana's variables given "everything" values.

type Panel = { title?: string; type?: string; targets?: { expr?: string }[]; panels?: Panel[] };
export type PanelQuery = { dashboard: string; panel: string; type: string; expr: string };

export function panelQueries(): PanelQuery[] {
  const out: PanelQuery[] = [];
  for (const file of readdirSync(DASHBOARDS).filter((f) => f.endsWith(".json")).sort()) {
    const dash = JSON.parse(readFileSync(join(DASHBOARDS, file), "utf8")) as { panels: Panel[] };
    const walk = (panels: Panel[]) => {
      for (const p of panels) {
        for (const t of p.targets ?? []) if (t.expr) out.push({ dashboard: file, panel: p.title ?? "(untitled)", type: p.type ?? "", expr: t.expr });
        walk(p.panels ?? []); // collapsed rows keep their panels inside
      }
    };
    walk(dash.panels);
  }
  return out;
}

/** The dashboards' variables filled by `label_values(metric, label)`, as the PromQL that lists the same values. */
export function variableQueries(): PanelQuery[] {
  const out: PanelQuery[] = [];
  for (const file of readdirSync(DASHBOARDS).filter((f) => f.endsWith(".json")).sort()) {
    const dash = JSON.parse(readFileSync(join(DASHBOARDS, file), "utf8")) as { templating?: { list?: { name: string; query?: string | { query?: string } }[] } };
    for (const v of dash.templating?.list ?? []) {
      const text = typeof v.query === "string" ? v.query : v.query?.query ?? "";
      const m = /^label_values\((.+),\s*([a-zA-Z_]+)\)$/.exec(text.trim());
      if (m) out.push({ dashboard: file, panel: `$${v.name}`, type: "variable", expr: `count by (${m[2]}) (${m[1]})` });
    }
  }
  return out;
}

/**
 * Grafana's substitutions: `$__rate_interval` a window wide enough for this short run, every `$var` = all
 * (or the value given).
 */
export const grafanaExpr = (expr: string, vars: Record<string, string> = {}) =>
  expr.replace(/\$__rate_interval|\$__interval|\$\{__rate_interval\}/g, "5m").replace(/\$\{?([a-z_]+)\}?/gi, (_, name: string) => vars[name] ?? ".*");

type RuleGroups = { groups: { rules: { alert?: string; record?: string; expr: string; labels?: Record<string, string> }[] }[] };
const rules = (Bun.YAML.parse(readFileSync(RULES, "utf8")) as RuleGroups).groups.flatMap((g) => g.rules);

// ---------------------------------------------------------------------------------------------------
// The mesh

const procs = new MeshProcesses({ NATS_URL, LOG_LEVEL: "error" });
let sims: Simulator[] = [];
let prom: RealPrometheus;
let base = "";
const ports = { gateway: 0, chatA: 0, chatB: 0, scoring: 0, media: 0, ops: 0, outcomes: 0, prometheus: 0 };

const post = (path: string, body: unknown, key = KEY) =>
  fetch(`${base}${path}`, { method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, body: JSON.stringify(body) });
const instances = async (name: string) => {
  const body = (await (await fetch(`${base}/monitoring/health`)).json()) as { components: { name: string; instances?: number }[] };
  return body.components.find((c) => c.name === name)?.instances ?? 0;
};
const metricsOf = async (port: number) => await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();

let llm: Simulator;
let grok: Simulator;
let guard: Simulator;
let chatEnv: Record<string, string>;
let resendStatus = 0;
let zeroInitialised = "";

beforeAll(async () => {
  if (!hasPrometheus()) return;
  llm = startSimulator({ port: 0, hostname: "127.0.0.1", name: "vllm-sim" });
  grok = startSimulator({ port: 0, hostname: "127.0.0.1", name: "grok-sim", modelIds: ["grok-test"] });
  guard = startSimulator({ port: 0, hostname: "127.0.0.1", name: "guard-sim", modelIds: ["meta-llama/Llama-Guard-3-1B"] });
  sims = [llm, grok, guard];
  for (const k of Object.keys(ports) as (keyof typeof ports)[]) ports[k] = freePort();
  base = `http://127.0.0.1:${ports.gateway}`;
  chatEnv = {
    VLLM_BASE_URL: llm.url, VLLM_MODEL_NAME: "sinhome-simulator",
    GROK_BASE_URL: grok.url, GROK_API_KEY: "grok-test-key", GROK_MODEL: "grok-test", LLM_FALLBACK: "grok",
    LLM_TRANSPORT_RETRIES: "0", LLM_BREAKER_THRESHOLD: "100", LLM_RETRY_BASE_MS: "10",
    GUARD_BASE_URL: guard.url, GUARD_MODEL: "meta-llama/Llama-Guard-3-1B", GUARD_TIMEOUT_MS: "300",
    VLLM_PRICE_INPUT_PER_MTOK: "0.4", VLLM_PRICE_OUTPUT_PER_MTOK: "1.2", GROK_PRICE_INPUT_PER_MTOK: "3", GROK_PRICE_OUTPUT_PER_MTOK: "15",
  };
  procs.spawn("gateway/src/main.ts", { PORT: String(ports.gateway), HOST: "127.0.0.1", REDIS_URL, RATE_LIMIT_PER_MINUTE: "0", GATEWAY_API_KEYS: `crm:${KEY}:0,tiny:${TINY_KEY}:2` });
  const chatA = procs.spawn("services/chat/src/main.ts", { ...chatEnv, HEALTH_PORT: String(ports.chatA) });
  procs.spawn("services/scoring/src/main.ts", { HEALTH_PORT: String(ports.scoring) });
  procs.spawn("services/media/src/main.ts", { HEALTH_PORT: String(ports.media), DATABASE_URL });
  procs.spawn("services/ops/src/main.ts", { HEALTH_PORT: String(ports.ops), REDIS_URL });
  procs.spawn("services/outcomes/src/main.ts", { HEALTH_PORT: String(ports.outcomes), DATABASE_URL });
  prom = await startPrometheus({
    port: ports.prometheus,
    targets: [ports.gateway, ports.chatA, ports.chatB, ports.scoring, ports.media, ports.ops, ports.outcomes].map((p) => `127.0.0.1:${p}`),
    ruleFiles: [RULES],
  });
  await waitFor("mesh ready", async () => (await instances("chat")) === 1 && (await instances("scoring")) === 1 && (await instances("media")) === 1 && (await instances("outcomes")) === 1 && (await fetch(`${base}/logs/health`, { headers: { authorization: `Bearer ${KEY}` } })).ok, 30_000);
  zeroInitialised = (await metricsOf(ports.chatA)) + (await metricsOf(ports.scoring));

  // A re-send: chat A holds a reply (the simulator stalls it), chat B starts, A is killed without draining;
  // the gateway hears no progress and sends the request once more, to B.
  const held = post("/v2/personality_chat", { message: "raconte [[sim:stall=8000,times=1]]", session_id: "dash-resend" });
  await waitFor("reply held by chat A", async () => llm.pendingRequests > 0, 10_000);
  procs.spawn("services/chat/src/main.ts", { ...chatEnv, HEALTH_PORT: String(ports.chatB) });
  await waitFor("chat B ready", async () => (await instances("chat")) === 2, 20_000);
  chatA.kill("SIGKILL");
  resendStatus = (await held).status;

  await drive();
}, 90_000);

afterAll(async () => {
  await prom?.stop();
  await procs.stopAll();
  await Promise.all(sims.map((s) => s.stop()));
});

/** The traffic that makes every series of the dashboards and rules appear. */
async function drive(): Promise<void> {
  const ok = (res: Response, status = 200) => {
    if (res.status !== status) throw new Error(`${res.url}: ${res.status}, expected ${status}`);
  };
  await Promise.all([
    post("/personality_chat", { message: "salut toi", session_id: "d1" }).then(ok),
    post("/v2/personality_chat", { message: "tu fais quoi ce soir ?", session_id: "d2" }).then(ok),
    post("/v1/chat/completions", { model: "sinhome-simulator", messages: [{ role: "user", content: "coucou" }], max_tokens: 40 }).then(ok),
    post("/personality_chat", { message: "[[sim:refuse=1]] ça va ?", session_id: "d3" }).then(ok), // a refusal retried
    post("/personality_chat", { message: "[[sim:cjk=1]] bonsoir", session_id: "d4" }).then(ok), // Chinese retried
    post("/personality_chat", { message: "une phrase [[sim:guard=unsafe]]", session_id: "d5" }).then(ok), // guard model blocks
    post("/personality_chat", { message: "coucou [[sim:guard=hang]]", session_id: "d6" }).then(ok), // guard model late: fail-open
    post("/v2/personality_chat", { message: "j'ai 16 ans", session_id: "d7" }).then(ok), // lexicon: safety deflection
    post("/v2/personality_chat", { message: "raconte ta soirée [[sim:minor]]", session_id: "d8" }).then(ok), // reply check
    post("/fan/interest_score", { fan_id: "dash-fan", use_ai: true, history: [{ role: "user", content: "je prends le pack" }] }).then(ok),
    post("/media/sent", { fan_id: "dash-fan", media_id: `m-${Date.now()}` }).then(ok),
    post("/media/check_duplicates", { fan_id: "dash-fan", media_ids: ["m1", "m2"] }).then(ok),
    post("/personality_chat", { nope: true }).then((r) => ok(r, 422)),
    fetch(`${base}/monitoring/health`),
  ]);
  // Both backends failing: v1 answers a 5xx, v2 its fallback line.
  await Promise.all([
    post("/personality_chat", { message: "[[sim:status=500]] allô", session_id: "d9" }).then((r) => ok(r, r.status >= 500 ? r.status : 500)),
    post("/v2/personality_chat", { message: "[[sim:status=500]] allô", session_id: "d10" }).then(ok),
  ]);
  // vLLM fails once (programmed, so Grok does not share the fault): answered by Grok.
  llm.program([{ kind: "status", status: 500 }]);
  const viaGrok = await post("/personality_chat", { message: "tu es là ?", session_id: "d11" });
  ok(viaGrok);
  // The CRM reports what happened to three replies (the "A/B outcomes" row): sent with a purchase, edited, discarded.
  await Promise.all((["sent", "edited", "discarded"] as const).map(async (outcome, i) => {
    const reply = await post("/v2/personality_chat", { message: "coucou toi", session_id: `dash-outcome-${i}` });
    ok(reply);
    const { request_id } = (await reply.json()) as { request_id: string };
    const event = { request_id, outcome, ...(outcome === "edited" ? { final_text: "version du chatteur" } : {}), ...(outcome === "discarded" ? {} : { fan_replied: true }), ...(outcome === "sent" ? { purchase_amount: 10 } : {}) };
    ok(await post("/feedback", event));
  }));
  // The tiny key's limit is 2 a minute: the third is refused.
  const statuses: number[] = [];
  for (let i = 0; i < 3; i++) statuses.push((await post("/fan/interest_score", { fan_id: `dash-tiny-${i}` }, TINY_KEY)).status);
  if (statuses[2] !== 429) throw new Error(`the tiny key was not limited: ${statuses}`);
}

// ---------------------------------------------------------------------------------------------------

describe.skipIf(!hasPrometheus())("dashboards and rules against a real Prometheus scraping a real mesh", () => {
  test("the re-send reached the second chat instance and was counted", async () => {
    expect(resendStatus).toBe(200);
    await waitFor("re-send scraped", async () => (await prom.query('sum(sinhome_gateway_resends_total{route="/v2/personality_chat"})')).data?.result[0]?.value[1] === "1", 10_000);
  });

  test("labelled counters are exported at zero before their first event", () => {
    for (const line of [
      'sinhome_llm_retries_total{cause="cjk"} 0',
      'sinhome_llm_fallbacks_total{from="vllm",to="grok"} 0',
      'sinhome_fallback_replies_total{endpoint="POST /v2/personality_chat",cause="llm_unavailable"} 0',
      'sinhome_guard_model_checks_total{outcome="timeout"} 0',
      'sinhome_guard_model_unavailable_total{mode="suspect"} 0', // GUARD_FAIL_MODE defaults to suspect with a guard model (#14)
      'sinhome_scoring_ai_total{outcome="ai_timeout"} 0',
    ]) expect(zeroInitialised).toContain(line);
  });

  test("every panel query of every dashboard parses and returns data", async () => {
    const queries = panelQueries();
    expect(queries.length).toBeGreaterThan(40);
    const empty = async () => {
      const missing: string[] = [];
      for (const q of queries) {
        const r = await prom.query(grafanaExpr(q.expr));
        if (r.status !== "success") missing.push(`${q.dashboard} / ${q.panel}: ${r.error}`);
        else if (!r.data?.result.length) missing.push(`${q.dashboard} / ${q.panel}: no data for ${q.expr}`);
      }
      return missing;
    };
    // Scrapes are every second; give the last events a few to arrive (more on a loaded machine).
    let missing = await empty();
    for (let i = 0; i < 20 && missing.length; i++) {
      await Bun.sleep(500);
      missing = await empty();
    }
    expect(missing).toEqual([]);
  }, 30_000);

  test("every dashboard variable lists values", async () => {
    const vars = variableQueries();
    expect(vars.length).toBeGreaterThan(3);
    const empty: string[] = [];
    for (const q of vars) if (!(await prom.query(q.expr)).data?.result.length) empty.push(`${q.dashboard} / ${q.panel}: ${q.expr}`);
    expect(empty).toEqual([]);
  });

  test("single-value panels show a value, not \"No data\", for a route where nothing went wrong", async () => {
    const stats = panelQueries().filter((q) => q.type === "stat");
    expect(stats.length).toBeGreaterThan(3);
    const empty: string[] = [];
    for (const q of stats) {
      const r = await prom.query(grafanaExpr(q.expr, { route: "/media/check_duplicates" }));
      if (!r.data?.result.length) empty.push(`${q.dashboard} / ${q.panel}`);
    }
    expect(empty).toEqual([]);
  });

  test("every rule expression parses; every SLO recording rule returns its ratio from real traffic", async () => {
    const problems: string[] = [];
    for (const rule of rules) {
      const r = await prom.query(rule.expr);
      const name = rule.alert ?? `${rule.record}{slo="${rule.labels?.slo}"}`;
      if (r.status !== "success") problems.push(`${name}: ${r.error}`);
      else if (rule.record && !r.data?.result.length) problems.push(`${name}: no data for ${rule.expr}`);
    }
    expect(problems).toEqual([]);
    // Prometheus loaded the same file and evaluates it: the recorded series exist.
    await waitFor("recorded SLO ratios", async () => (await prom.query('count(sinhome_slo:error_ratio:rate5m)')).data?.result[0]?.value[1] === "4", 10_000);
  }, 30_000);
});
