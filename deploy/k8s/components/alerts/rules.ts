/**
 * The mesh's SLOs and alerts as data, and the one builder of both shipped forms:
 *  - `sinhome.rules.yml`, a plain Prometheus rules file (Prometheus without the operator, promtool);
 *  - `prometheusrule.yaml`, the same groups as a monitoring.coreos.com/v1 PrometheusRule (kube-prometheus).
 * `bun deploy/k8s/components/alerts/build.ts` writes both; deploy/k8s/alerts.test.ts fails when either
 * differs from what this file builds, so they cannot drift. The SLOs, targets and alerts are argued in
 * deploy/RUNBOOK.md → "SLOs and alerts"; every alert's runbook_url points at its section there.
 */
import { ROUTES } from "@sinhome/proto";

/** Where the RUNBOOK is read by whoever is paged (the repository's web view of deploy/RUNBOOK.md). */
export const RUNBOOK_URL = "https://git.example.com/sinhome/mesh/-/blob/main/deploy/RUNBOOK.md";
/** severity label values: `critical` pages someone now, `warning` opens a ticket for working hours. */
export type Severity = "critical" | "warning";

const regexEscape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** The gateway's `route` label of every chat endpoint (v1, v2) and of the OpenAI-compatible API, from the route table. */
const chatPaths = [...ROUTES.filter((r) => r.tag === "chat").map((r) => r.path), "/v1/chat/completions"];
export const CHAT_ROUTES = chatPaths.map(regexEscape).join("|");
const V2_ROUTES = chatPaths.filter((p) => p.startsWith("/v2/")).map(regexEscape).join("|");

/** Windows of the multi-window multi-burn-rate alerts (Google SRE workbook, ch. 5) over a 30-day budget. */
const WINDOWS = ["5m", "30m", "1h", "2h", "6h", "1d", "3d"] as const;
type Window = (typeof WINDOWS)[number];
const BURN: { severity: Severity; suffix: string; rate: number; long: Window; short: Window; for: string }[] = [
  { severity: "critical", suffix: "ErrorBudgetBurnFast", rate: 14.4, long: "1h", short: "5m", for: "2m" }, // 2 % of the budget in 1 h
  { severity: "critical", suffix: "ErrorBudgetBurnFast", rate: 6, long: "6h", short: "30m", for: "15m" }, // 5 % in 6 h
  { severity: "warning", suffix: "ErrorBudgetBurnSlow", rate: 3, long: "1d", short: "2h", for: "1h" }, // 10 % in 1 d
  { severity: "warning", suffix: "ErrorBudgetBurnSlow", rate: 1, long: "3d", short: "6h", for: "3h" }, // 10 % in 3 d
];

type Slo = {
  /** `slo` label value and alert name stem. */
  id: string;
  alert: string;
  objective: number;
  anchor: string;
  summary: string;
  /** The error ratio over a window: bad events / valid events. */
  errorRatio: (w: Window) => string;
};

export const SLOS: Slo[] = [
  {
    id: "chat_availability",
    alert: "SinhomeChatAvailability",
    objective: 0.995,
    anchor: "slo-chat-availability",
    summary: "chat API (v1, v2, OpenAI) answering 5xx",
    errorRatio: (w) =>
      `(sum(rate(sinhome_gateway_requests_total{route=~"${CHAT_ROUTES}", status=~"5.."}[${w}])) or vector(0))` +
      ` / sum(rate(sinhome_gateway_requests_total{route=~"${CHAT_ROUTES}", status!~"4.."}[${w}]))`,
  },
  {
    id: "v2_real_replies",
    alert: "SinhomeV2RealReplies",
    objective: 0.99,
    anchor: "slo-v2-real-replies",
    summary: "v2 answering with the neutral fallback line instead of a real reply",
    errorRatio: (w) =>
      `(sum(rate(sinhome_fallback_replies_total[${w}])) or vector(0))` +
      ` / sum(rate(sinhome_gateway_requests_total{route=~"${V2_ROUTES}", status!~"4.."}[${w}]))`,
  },
  {
    id: "chat_latency",
    alert: "SinhomeChatLatency",
    objective: 0.99,
    anchor: "slo-chat-latency",
    summary: "chat replies taking longer than 30 s",
    errorRatio: (w) =>
      `1 - (sum(rate(sinhome_gateway_request_duration_seconds_bucket{route=~"${CHAT_ROUTES}", le="30"}[${w}]))` +
      ` / sum(rate(sinhome_gateway_request_duration_seconds_count{route=~"${CHAT_ROUTES}"}[${w}])))`,
  },
  {
    id: "guard_availability",
    alert: "SinhomeGuardAvailability",
    objective: 0.99,
    anchor: "slo-minors-guard-availability",
    summary: "minors guard model not answering in time (timeout, error, malformed, breaker open)",
    errorRatio: (w) =>
      `(sum(rate(sinhome_guard_model_checks_total{outcome!~"safe|unsafe"}[${w}])) or vector(0))` +
      ` / sum(rate(sinhome_guard_model_checks_total[${w}]))`,
  },
];

/** The recorded error ratio of an SLO over a window. */
export const ratioRecord = (w: Window) => `sinhome_slo:error_ratio:rate${w}`;

type CauseAlert = { alert: string; severity: Severity; expr: string; for: string; summary: string };
/** Cause alerts from the RUNBOOK's table that deserve a page or a ticket; their anchor is the alert name, lower-cased. */
export const CAUSE_ALERTS: CauseAlert[] = [
  {
    alert: "SinhomeNoLlmReplies",
    severity: "critical",
    expr: `sum(rate(sinhome_requests_total{service="chat"}[5m])) > 0 unless sum(rate(sinhome_llm_requests_total{outcome="ok"}[5m])) > 0`,
    for: "5m",
    summary: "chat requests arrive but no LLM call (vLLM or Grok) succeeds",
  },
  {
    alert: "SinhomeVllmCircuitOpen",
    severity: "warning",
    expr: `min(sinhome_llm_circuit_open{backend=~"vllm(@.*)?"}) == 1`,
    for: "5m",
    summary: "every vLLM breaker is open: replies come from Grok (cost, style) or the fallback line",
  },
  {
    alert: "SinhomeVllmReplicaOut",
    severity: "warning",
    expr: `max by (backend) (sinhome_llm_circuit_open{backend=~"vllm@.*"}) == 1`,
    for: "10m",
    summary: "one vLLM replica's breaker is open: its personas moved to another replica",
  },
  {
    alert: "SinhomeLlmFallbacks",
    severity: "warning",
    expr: `sum by (from, to) (rate(sinhome_llm_fallbacks_total[10m])) > 0`,
    for: "15m",
    summary: "replies served by the fallback backend for 15 minutes",
  },
  {
    alert: "SinhomeGatewayResends",
    severity: "warning",
    expr: `sum by (route) (rate(sinhome_gateway_resends_total[10m])) > 0`,
    for: "15m",
    summary: "replicas keep dying or starving while they hold requests",
  },
  {
    alert: "SinhomeServiceErrors",
    severity: "warning",
    expr:
      `sum by (service) (rate(sinhome_requests_total{status=~"5.."}[5m]))` +
      ` / sum by (service) (rate(sinhome_requests_total[5m])) > 0.05`,
    for: "10m",
    summary: "more than 5 % of a service's requests fail with 5xx",
  },
  {
    alert: "SinhomeLlmLatencyHigh",
    severity: "warning",
    expr: `histogram_quantile(0.95, sum by (le, backend) (rate(sinhome_llm_request_duration_seconds_bucket[5m]))) > 60`,
    for: "15m",
    summary: "LLM calls p95 above 60 s: near LLM_TIMEOUT_MS, calls start timing out",
  },
  {
    alert: "SinhomeProcessMemoryHigh",
    severity: "warning",
    expr: `sinhome_process_process_resident_memory_bytes > 220e6`,
    for: "10m",
    summary: "a process is close to its 256 MiB limit: an OOM kill is next",
  },
  {
    alert: "SinhomeEventLoopLag",
    severity: "warning",
    expr: `sinhome_process_nodejs_eventloop_lag_p99_seconds > 0.1`,
    for: "10m",
    summary: "a CPU-starved process (event-loop lag p99 above 100 ms)",
  },
  {
    alert: "SinhomePodRestarts",
    severity: "warning",
    expr: `increase(kube_pod_container_status_restarts_total{namespace="sinhome"}[30m]) > 2`,
    for: "0m",
    summary: "a container restarted more than twice in 30 minutes (crash loop, OOM kill)",
  },
];

const fmtPercent = (x: number) => `${Math.round(x * 10000) / 100}`;

function sloGroups() {
  const records = SLOS.flatMap((s) => WINDOWS.map((w) => ({ record: ratioRecord(w), expr: s.errorRatio(w), labels: { slo: s.id } })));
  const objectives = SLOS.map((s) => ({ record: "sinhome_slo:objective:ratio", expr: `vector(${s.objective})`, labels: { slo: s.id } }));
  const alerts = SLOS.flatMap((s) => {
    const budget = Math.round((1 - s.objective) * 1e6) / 1e6;
    return BURN.map((b) => {
      const threshold = Math.round(b.rate * budget * 1e6) / 1e6;
      const sel = `{slo="${s.id}"}`;
      return {
        alert: `${s.alert}${b.suffix}`,
        expr: `${ratioRecord(b.long)}${sel} > ${threshold} and ${ratioRecord(b.short)}${sel} > ${threshold}`,
        for: b.for,
        labels: { severity: b.severity, slo: s.id, burn_window: b.long },
        annotations: {
          summary: `${s.summary}: error budget burning ${b.rate}× (${b.long} and ${b.short} windows)`,
          description: `SLO ${s.id} (${fmtPercent(s.objective)} % over 30 days): error ratio over ${b.long} and over ${b.short} above ${b.rate}× the budget of ${fmtPercent(budget)} %.`,
          runbook_url: `${RUNBOOK_URL}#${s.anchor}`,
        },
      };
    });
  });
  return [
    { name: "sinhome-slo-recording", rules: [...records, ...objectives] },
    { name: "sinhome-slo-burn-rate", rules: alerts },
  ];
}

function causeGroup() {
  return {
    name: "sinhome-causes",
    rules: CAUSE_ALERTS.map((a) => ({
      alert: a.alert,
      expr: a.expr,
      for: a.for,
      labels: { severity: a.severity },
      annotations: { summary: a.summary, runbook_url: `${RUNBOOK_URL}#${a.alert.toLowerCase()}` },
    })),
  };
}

/** The rule groups, as Prometheus reads them. */
export const ruleGroups = () => ({ groups: [...sloGroups(), causeGroup()] });

export const HEADER = "# GENERATED by `bun deploy/k8s/components/alerts/build.ts` from rules.ts and rules-tests.ts beside it: edit those, not this file.\n";

export function renderPlainRules(): string {
  return HEADER + Bun.YAML.stringify(ruleGroups(), null, 2) + "\n";
}

export function renderPrometheusRule(): string {
  const obj = {
    apiVersion: "monitoring.coreos.com/v1",
    kind: "PrometheusRule",
    // `prometheus: k8s` / `role: alert-rules` are what kube-prometheus' default ruleSelector matches.
    metadata: { name: "sinhome", labels: { "app.kubernetes.io/part-of": "sinhome", prometheus: "k8s", role: "alert-rules" } },
    spec: ruleGroups(),
  };
  return HEADER + Bun.YAML.stringify(obj, null, 2) + "\n";
}
