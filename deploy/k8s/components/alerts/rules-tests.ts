/**
 * The `promtool test rules` cases of sinhome.rules.yml, as data: synthetic series, a time, and which alerts
 * must be firing then (with which labels) and which must stay silent. The expected annotations are copied
 * from the rules (promtool compares them exactly); whether an alert fires is what the cases decide.
 * `bun deploy/k8s/components/alerts/build.ts` writes sinhome.rules.test.yml from here.
 */
import { ratioRecord, ruleGroups, SLOS } from "./rules.ts";

type Labels = Record<string, string>;
type Series = { series: string; values: string };
type Case = {
  name: string;
  series: Series[];
  /** Evaluation time, e.g. "90m". */
  at: string;
  /** Alerts firing at `at`, each with the labels its expression gives (rule labels are added). */
  firing: Record<string, Labels[]>;
  /** Alerts that must not be firing at `at`. */
  silent: string[];
  /** Recording rules checked at `at`: expression (rounded so floats compare exactly) and expected value. */
  records?: { expr: string; labels: string; value: number }[];
};

const STEP = 2; // minutes between samples and between rule evaluations (1 would double promtool's time for nothing)
const MINUTES = 300; // 5 h of samples
const N = MINUTES / STEP;
/** A counter rising `perMinute` a minute. */
const s = (series: string, perMinute: number, start = 0): Series => ({ series, values: `${start}+${perMinute * STEP}x${N}` });
const flat = (series: string, value: number): Series => ({ series, values: `${value}x${N}` });

const V2 = 'route="/v2/personality_chat"';
/** 600 events a minute, `bad` of them bad, for each SLO's own counters. */
const SLO_SERIES: Record<string, (bad: number) => Series[]> = {
  chat_availability: (bad) => [
    s(`sinhome_gateway_requests_total{method="POST",${V2},status="200"}`, 600 - bad),
    s(`sinhome_gateway_requests_total{method="POST",route="/v1/chat/completions",status="502"}`, bad),
    // Caller mistakes are not failures: a flood of 4xx must not dilute (or count as) errors.
    s(`sinhome_gateway_requests_total{method="POST",${V2},status="422"}`, 3000),
    // Other routes are not the chat API.
    s(`sinhome_gateway_requests_total{method="POST",route="/media/sent",status="500"}`, 600),
  ],
  v2_real_replies: (bad) => [
    s(`sinhome_gateway_requests_total{method="POST",${V2},status="200"}`, 600),
    s(`sinhome_gateway_requests_total{method="POST",${V2},status="400"}`, 3000),
    s(`sinhome_fallback_replies_total{endpoint="POST /v2/personality_chat",cause="llm_unavailable"}`, bad),
  ],
  chat_latency: (bad) => [
    s(`sinhome_gateway_request_duration_seconds_bucket{method="POST",${V2},le="30"}`, 600 - bad),
    s(`sinhome_gateway_request_duration_seconds_count{method="POST",${V2}}`, 600),
    s(`sinhome_gateway_request_duration_seconds_count{method="GET",route="/monitoring/health"}`, 6000),
  ],
  guard_availability: (bad) => [
    s('sinhome_guard_model_checks_total{outcome="safe"}', 500 - bad),
    s('sinhome_guard_model_checks_total{outcome="unsafe"}', 100),
    s('sinhome_guard_model_checks_total{outcome="timeout"}', bad),
  ],
};

const WINDOWS = ["5m", "30m", "1h", "2h", "6h", "1d", "3d"] as const;

function sloCases(): Case[] {
  return SLOS.flatMap((slo) => {
    const budget = 1 - slo.objective;
    const series = SLO_SERIES[slo.id]!;
    const fast = slo.alert + "ErrorBudgetBurnFast";
    const slow = slo.alert + "ErrorBudgetBurnSlow";
    const sel = { slo: slo.id };
    // Bad shares exact in binary: 25× / 12.5× (fast), 3.75× / 5× (slow) and 0.625× (within) the budget.
    const [fastShare, slowShare, okShare] = [budget >= 0.01 ? 0.25 : 0.125, budget >= 0.01 ? 0.0375 : 0.025, budget >= 0.01 ? 0.00625 : 0.003125];
    const records = (value: number) => [
      ...WINDOWS.map((w) => ({ expr: `round(1e6 * ${ratioRecord(w)}{slo="${slo.id}"})`, labels: `{slo="${slo.id}"}`, value: Math.round(1e6 * value) })),
      { expr: `sinhome_slo:objective:ratio{slo="${slo.id}"}`, labels: `sinhome_slo:objective:ratio{slo="${slo.id}"}`, value: slo.objective },
    ];
    return [
      {
        name: `${slo.id}: a fast burn pages (1h/5m and 6h/30m) and tickets (1d/2h)`,
        series: series(fastShare * 600),
        at: "90m",
        firing: { [fast]: [{ ...sel, burn_window: "1h" }, { ...sel, burn_window: "6h" }], [slow]: [{ ...sel, burn_window: "1d" }] },
        silent: [],
        records: records(fastShare),
      },
      {
        name: `${slo.id}: a slow burn tickets (1d/2h, 3d/6h) without paging`,
        series: series(slowShare * 600),
        at: "4h",
        firing: { [slow]: [{ ...sel, burn_window: "1d" }, { ...sel, burn_window: "3d" }] },
        silent: [fast],
        records: records(slowShare),
      },
      {
        name: `${slo.id}: errors within the budget stay silent`,
        series: series(okShare * 600),
        at: "4h",
        firing: {},
        silent: [fast, slow],
        records: records(okShare),
      },
    ];
  });
}

const POD = 'job="sinhome",instance="chat-7d9:9090"';
const CAUSE_CASES: Case[] = [
  {
    name: "no LLM reply while chat requests arrive pages; one good call is enough to stay silent",
    series: [s('sinhome_requests_total{service="chat",endpoint="POST /personality_chat",status="502"}', 60), s('sinhome_llm_requests_total{backend="vllm",model="q",outcome="transport"}', 60), flat('sinhome_llm_requests_total{backend="vllm",model="q",outcome="ok"}', 0)],
    at: "15m",
    firing: { SinhomeNoLlmReplies: [{}] },
    silent: [],
  },
  {
    name: "LLM replies succeed: no page",
    series: [s('sinhome_requests_total{service="chat",endpoint="POST /personality_chat",status="200"}', 60), s('sinhome_llm_requests_total{backend="vllm",model="q",outcome="ok"}', 60)],
    at: "15m",
    firing: {},
    silent: ["SinhomeNoLlmReplies"],
  },
  {
    name: "every vLLM replica's breaker open: circuit-open ticket, and each replica out",
    series: [flat('sinhome_llm_circuit_open{backend="vllm@10.0.0.1:8000"}', 1), flat('sinhome_llm_circuit_open{backend="vllm@10.0.0.2:8000"}', 1), flat('sinhome_llm_circuit_open{backend="grok"}', 0)],
    at: "20m",
    firing: { SinhomeVllmCircuitOpen: [{}], SinhomeVllmReplicaOut: [{ backend: "vllm@10.0.0.1:8000" }, { backend: "vllm@10.0.0.2:8000" }] },
    silent: [],
  },
  {
    name: "one replica of two out: replica ticket only",
    series: [flat('sinhome_llm_circuit_open{backend="vllm@10.0.0.1:8000"}', 1), flat('sinhome_llm_circuit_open{backend="vllm@10.0.0.2:8000"}', 0)],
    at: "20m",
    firing: { SinhomeVllmReplicaOut: [{ backend: "vllm@10.0.0.1:8000" }] },
    silent: ["SinhomeVllmCircuitOpen"],
  },
  {
    name: "single vLLM with a closed breaker: silent",
    series: [flat('sinhome_llm_circuit_open{backend="vllm"}', 0)],
    at: "20m",
    firing: {},
    silent: ["SinhomeVllmCircuitOpen", "SinhomeVllmReplicaOut"],
  },
  {
    name: "fallbacks for 30 minutes ticket; a zero-initialised counter stays silent",
    series: [s('sinhome_llm_fallbacks_total{from="vllm",to="grok"}', 3), flat('sinhome_llm_fallbacks_total{from="vllm@10.0.0.1:8000",to="grok"}', 0)],
    at: "40m",
    firing: { SinhomeLlmFallbacks: [{ from: "vllm", to: "grok" }] },
    silent: [],
  },
  {
    name: "no fallback: silent",
    series: [flat('sinhome_llm_fallbacks_total{from="vllm",to="grok"}', 0)],
    at: "40m",
    firing: {},
    silent: ["SinhomeLlmFallbacks"],
  },
  {
    name: "steady re-sends ticket",
    series: [s(`sinhome_gateway_resends_total{method="POST",${V2}}`, 1)],
    at: "40m",
    firing: { SinhomeGatewayResends: [{ route: "/v2/personality_chat" }] },
    silent: [],
  },
  {
    name: "a few re-sends half an hour ago (one rollout): silent",
    series: [{ series: `sinhome_gateway_resends_total{method="POST",${V2}}`, values: `0+2x3 6x${N}` }],
    at: "40m",
    firing: {},
    silent: ["SinhomeGatewayResends"],
  },
  {
    name: "media failing 10 % with 5xx tickets; 1 % of scoring does not",
    series: [
      s('sinhome_requests_total{service="media",endpoint="POST /media/sent",status="200"}', 540),
      s('sinhome_requests_total{service="media",endpoint="POST /media/sent",status="503"}', 60),
      s('sinhome_requests_total{service="scoring",endpoint="POST /fan/interest_score",status="200"}', 594),
      s('sinhome_requests_total{service="scoring",endpoint="POST /fan/interest_score",status="500"}', 6),
    ],
    at: "30m",
    firing: { SinhomeServiceErrors: [{ service: "media" }] },
    silent: [],
  },
  {
    name: "1 % of 5xx in every service: silent",
    series: [
      s('sinhome_requests_total{service="media",endpoint="POST /media/sent",status="200"}', 594),
      s('sinhome_requests_total{service="media",endpoint="POST /media/sent",status="503"}', 6),
    ],
    at: "30m",
    firing: {},
    silent: ["SinhomeServiceErrors"],
  },
  {
    name: "LLM calls under 10 s: silent",
    series: ["1", "10", "30", "60", "120", "+Inf"].map((le) => s(`sinhome_llm_request_duration_seconds_bucket{backend="vllm",model="q",le="${le}"}`, le === "1" ? 0 : 10)),
    at: "30m",
    firing: {},
    silent: ["SinhomeLlmLatencyHigh"],
  },
  {
    name: "LLM calls between 60 and 120 s ticket; calls under 10 s do not",
    series: [
      ...["1", "10", "30", "60"].map((le) => flat(`sinhome_llm_request_duration_seconds_bucket{backend="vllm",model="q",le="${le}"}`, 0)),
      ...["120", "+Inf"].map((le) => s(`sinhome_llm_request_duration_seconds_bucket{backend="vllm",model="q",le="${le}"}`, 10)),
      ...["1", "10", "30", "60", "120", "+Inf"].map((le) => s(`sinhome_llm_request_duration_seconds_bucket{backend="grok",model="g",le="${le}"}`, le === "1" ? 0 : 10)),
    ],
    at: "30m",
    firing: { SinhomeLlmLatencyHigh: [{ backend: "vllm" }] },
    silent: [],
  },
  {
    name: "a process near its memory limit and a starved event loop ticket",
    series: [flat(`sinhome_process_process_resident_memory_bytes{${POD}}`, 240e6), flat(`sinhome_process_nodejs_eventloop_lag_p99_seconds{${POD}}`, 0.25)],
    at: "20m",
    firing: { SinhomeProcessMemoryHigh: [{ job: "sinhome", instance: "chat-7d9:9090" }], SinhomeEventLoopLag: [{ job: "sinhome", instance: "chat-7d9:9090" }] },
    silent: [],
  },
  {
    name: "an ordinary process: silent",
    series: [flat(`sinhome_process_process_resident_memory_bytes{${POD}}`, 120e6), flat(`sinhome_process_nodejs_eventloop_lag_p99_seconds{${POD}}`, 0.012)],
    at: "20m",
    firing: {},
    silent: ["SinhomeProcessMemoryHigh", "SinhomeEventLoopLag"],
  },
  {
    name: "a crash loop tickets; one restart does not",
    series: [
      { series: 'kube_pod_container_status_restarts_total{namespace="sinhome",pod="chat-1",container="mesh"}', values: `0+${0.2 * STEP}x${N}` },
      { series: 'kube_pod_container_status_restarts_total{namespace="sinhome",pod="chat-2",container="mesh"}', values: `0x5 1x${N}` },
    ],
    at: "60m",
    firing: { SinhomePodRestarts: [{ namespace: "sinhome", pod: "chat-1", container: "mesh" }] },
    silent: [],
  },
  {
    name: "one restart (a rollout, a node drain): silent",
    series: [{ series: 'kube_pod_container_status_restarts_total{namespace="sinhome",pod="chat-2",container="mesh"}', values: `0x5 1x${N}` }],
    at: "60m",
    firing: {},
    silent: ["SinhomePodRestarts"],
  },
];

type Rule = { alert?: string; record?: string; labels?: Labels; annotations?: Labels };
const alertRules = (): Rule[] => ruleGroups().groups.flatMap((g) => g.rules as Rule[]).filter((r) => r.alert);

/** Every case, promtool-shaped. */
export function promtoolTests() {
  const rules = alertRules();
  const tests = [...sloCases(), ...CAUSE_CASES].map((c) => ({
    name: c.name,
    interval: `${STEP}m`,
    input_series: c.series,
    alert_rule_test: [
      ...Object.entries(c.firing).map(([alertname, list]) => ({
        eval_time: c.at,
        alertname,
        exp_alerts: list.map((labels) => {
          // The rule that produced it: same name, and its own labels (burn_window) agree with the expected ones.
          const rule = rules.find((r) => r.alert === alertname && Object.entries(r.labels ?? {}).every(([k, v]) => labels[k] === undefined || labels[k] === v));
          if (!rule) throw new Error(`no rule ${alertname} for ${JSON.stringify(labels)}`);
          return { exp_labels: { ...labels, ...rule.labels }, exp_annotations: rule.annotations };
        }),
      })),
      ...c.silent.map((alertname) => ({ eval_time: c.at, alertname, exp_alerts: [] })),
    ],
    ...(c.records ? { promql_expr_test: c.records.map((r) => ({ expr: r.expr, eval_time: c.at, exp_samples: [{ labels: r.labels, value: r.value }] })) } : {}),
  }));
  return { rule_files: ["sinhome.rules.yml"], evaluation_interval: `${STEP}m`, tests };
}

