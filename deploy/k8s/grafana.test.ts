/**
 * The Grafana dashboards shipped in base/grafana: valid, each listed in the kustomization, charting only
 * metrics the runtime's registry defines (and all the key ones), from the provisioned data sources.
 */
import { describe, expect, test } from "bun:test";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { registry } from "../../runtime/src/metrics.ts";
// The chat service's own metrics (minors guard) register on the same registry when imported.
import "../../services/chat/src/safety/metrics.ts";
// The hand-off counter (chat) and the outcome loop's counters (outcomes) too.
import "../../services/chat/src/handoff/metrics.ts";
import "../../services/outcomes/src/metrics.ts";
import { K8S } from "./testing/render.ts";

/** The parts of Grafana's dashboard JSON model these checks read. */
type Panel = { type?: string; datasource?: { uid?: string }; targets?: { expr?: string }[]; panels?: Panel[] };
type Dashboard = { uid?: string; title?: string; panels?: Panel[]; templating: { list: { name?: string; query?: string }[] } };
type Datasources = { datasources: { uid?: string; type?: string }[] };

const dashDir = join(K8S, "base", "grafana", "dashboards");
const dashboards = readdirSync(dashDir)
  .filter((f) => f.endsWith(".json"))
  .map((f) => ({ file: f, json: JSON.parse(readFileSync(join(dashDir, f), "utf8")) as Dashboard }));
/** Top-level panels and the panels of collapsed rows. */
const panels = (d: Dashboard): Panel[] => (d.panels ?? []).flatMap((p) => [p, ...(p.panels ?? [])]);
const exprs = (d: Dashboard): string[] => panels(d).flatMap((p) => (p.targets ?? []).flatMap((t) => (t.expr ? [t.expr] : [])));

describe("grafana", () => {
  test("dashboards are valid JSON with unique uids, and the kustomization ships each of them", () => {
    expect(dashboards.length).toBeGreaterThanOrEqual(4);
    const uids = dashboards.map((d) => d.json.uid);
    expect(new Set(uids).size).toBe(uids.length);
    const kustomization = readFileSync(join(K8S, "base", "kustomization.yaml"), "utf8");
    for (const d of dashboards) {
      expect(kustomization).toContain(`grafana/dashboards/${d.file}`);
      expect(d.json.title).toBeTruthy();
      expect(panels(d.json).length).toBeGreaterThan(3);
      // Two panels with one id make Grafana drop one of them (a merge of two panel additions does this).
      const ids = panels(d.json).map((p) => (p as { id?: number }).id);
      expect({ file: d.file, duplicates: ids.filter((id, i) => ids.indexOf(id) !== i) }).toEqual({ file: d.file, duplicates: [] });
    }
  });

  test("every metric charted exists in the runtime's registry, and the key metrics are charted", async () => {
    const known = new Map((await registry.getMetricsAsJSON()).map((m) => [m.name, String(m.type)]));
    const used = new Set<string>();
    const unknown: string[] = [];
    for (const d of dashboards) {
      for (const e of exprs(d.json)) {
        for (const raw of e.match(/sinhome_[a-z0-9_]+/g) ?? []) {
          const base = known.has(raw) ? raw : raw.replace(/_(bucket|sum|count)$/, "");
          if (!known.has(base) || (base !== raw && known.get(base) !== "histogram")) unknown.push(`${d.file}: ${raw}`);
          used.add(base);
        }
      }
    }
    expect(unknown).toEqual([]);
    const required = [
      "sinhome_gateway_requests_total",
      "sinhome_gateway_request_duration_seconds",
      "sinhome_llm_request_duration_seconds",
      "sinhome_llm_tokens_total",
      "sinhome_llm_retries_total",
      "sinhome_llm_fallbacks_total",
      "sinhome_fallback_replies_total",
      "sinhome_llm_circuit_open",
      "sinhome_safety_deflections_total",
      "sinhome_minors_blocks_total",
      "sinhome_guard_model_checks_total",
      "sinhome_requests_total",
      "sinhome_request_duration_seconds",
      "sinhome_process_process_resident_memory_bytes",
      "sinhome_process_process_cpu_seconds_total",
    ];
    expect(required.filter((m) => !used.has(m))).toEqual([]);
  });

  test("the provisioned data sources are the ones the dashboards use (Prometheus, Tempo)", () => {
    const ds = Bun.YAML.parse(readFileSync(join(K8S, "base", "grafana", "provisioning", "datasources.yaml"), "utf8")) as Datasources;
    const byUid = new Map(ds.datasources.map((d) => [d.uid, d.type]));
    expect(byUid.get("prometheus")).toBe("prometheus");
    expect(byUid.get("tempo")).toBe("tempo");
    for (const d of dashboards) {
      for (const p of panels(d.json).filter((x) => x.type !== "row")) {
        const uid = p.datasource?.uid;
        expect<(string | undefined)[]>(["${datasource}", "prometheus", "tempo"]).toContain(uid);
      }
      const dsVar = d.json.templating.list.find((v) => v.name === "datasource");
      expect(dsVar?.query).toBe("prometheus");
    }
  });
});
