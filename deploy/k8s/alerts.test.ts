/**
 * The shipped alerting: components/alerts builds one set of rule groups (rules.ts) into a plain rules file and
 * a PrometheusRule; both are what the builder writes (no drift), every production overlay ships the
 * PrometheusRule, every alert has a severity and a runbook_url whose RUNBOOK section exists, and promtool
 * checks the rules and runs their unit tests (every alert seen firing and silent, every recording rule valued).
 * promtool comes from the Debian package `prometheus` (.ci/run installs it).
 */
import { describe, expect, test } from "bun:test";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { GENERATED, generatedPath } from "./components/alerts/build.ts";
import { RUNBOOK_URL } from "./components/alerts/rules.ts";
import { prodOverlays, render, ROOT } from "./testing/render.ts";

type Rule = { alert?: string; record?: string; expr: string; labels?: Record<string, string>; annotations?: Record<string, string> };
type Groups = { groups: { name: string; rules: Rule[] }[] };
const ALERTS_DIR = join(import.meta.dir, "components", "alerts");
const plain = Bun.YAML.parse(readFileSync(generatedPath("sinhome.rules.yml"), "utf8")) as Groups;
const rules = plain.groups.flatMap((g) => g.rules);
const alerts = rules.filter((r) => r.alert);

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
export const anchorOf = (heading: string) => heading.trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, "").replace(/\s/g, "-");
const runbookAnchors = new Set(
  readFileSync(join(ROOT, "deploy", "RUNBOOK.md"), "utf8")
    .split("\n")
    .filter((l) => /^#{1,6} /.test(l))
    .map((l) => anchorOf(l.replace(/^#+ /, ""))),
);

const promtool = spawnSync("promtool", ["--version"], { encoding: "utf8" });
const hasPromtool = !promtool.error && promtool.status === 0;
if (!hasPromtool) console.warn("SKIPPED: promtool checks of deploy/k8s/components/alerts (promtool not installed: apt-get install prometheus)");

describe("alert rules (components/alerts)", () => {
  test("the generated files are what rules.ts and rules-tests.ts build (run build.ts after editing them)", () => {
    for (const [name, build] of Object.entries(GENERATED)) {
      expect({ name, text: readFileSync(generatedPath(name as keyof typeof GENERATED), "utf8") }).toEqual({ name, text: build() });
    }
  });

  test("every production overlay ships the PrometheusRule, with exactly the plain file's groups", () => {
    expect(prodOverlays.length).toBeGreaterThan(0);
    for (const overlay of prodOverlays) {
      const rule = render(overlay).find((o) => o.kind === "PrometheusRule") as { metadata?: { name?: string }; spec?: unknown } | undefined;
      expect({ overlay, name: rule?.metadata?.name }).toEqual({ overlay, name: "sinhome" });
      expect(rule?.spec).toEqual(plain);
    }
  });

  test("every alert has a severity (critical pages, warning tickets), a summary and a runbook_url to an existing RUNBOOK section", () => {
    expect(alerts.length).toBeGreaterThan(10);
    const problems: string[] = [];
    for (const a of alerts) {
      if (!["critical", "warning"].includes(a.labels?.severity ?? "")) problems.push(`${a.alert}: severity ${a.labels?.severity}`);
      if (!a.annotations?.summary) problems.push(`${a.alert}: no summary`);
      const url = a.annotations?.runbook_url ?? "";
      const [page, anchor] = url.split("#");
      if (page !== RUNBOOK_URL || !anchor) problems.push(`${a.alert}: runbook_url ${url}`);
      else if (!runbookAnchors.has(anchor)) problems.push(`${a.alert}: RUNBOOK.md has no section #${anchor}`);
    }
    expect(problems).toEqual([]);
  });

  test("the promtool tests see every alert fire and stay silent, and value every recording rule", () => {
    const tests = (Bun.YAML.parse(readFileSync(generatedPath("sinhome.rules.test.yml"), "utf8")) as {
      tests: { alert_rule_test?: { alertname: string; exp_alerts: unknown[] }[]; promql_expr_test?: { expr: string }[] }[];
    }).tests;
    const cases = tests.flatMap((t) => t.alert_rule_test ?? []);
    const names = [...new Set(alerts.map((a) => a.alert!))];
    expect(names.filter((n) => !cases.some((c) => c.alertname === n && c.exp_alerts.length > 0))).toEqual([]);
    expect(names.filter((n) => !cases.some((c) => c.alertname === n && c.exp_alerts.length === 0))).toEqual([]);
    const exprs = tests.flatMap((t) => t.promql_expr_test ?? []).map((t) => t.expr);
    const records = rules.filter((r) => r.record).map((r) => `${r.record}{slo="${r.labels?.slo}"}`);
    expect(records.filter((r) => !exprs.some((e) => e.includes(r)))).toEqual([]);
  });

  test.skipIf(!hasPromtool)("promtool check rules: the plain file and the PrometheusRule's groups parse", () => {
    const run = spawnSync("promtool", ["check", "rules", "sinhome.rules.yml"], { cwd: ALERTS_DIR, encoding: "utf8" });
    expect({ status: run.status, out: run.stdout + run.stderr }).toMatchObject({ status: 0 });
  });

  test.skipIf(!hasPromtool)(
    "promtool test rules: every case passes",
    () => {
      const run = spawnSync("promtool", ["test", "rules", "sinhome.rules.test.yml"], { cwd: ALERTS_DIR, encoding: "utf8" });
      expect({ status: run.status, out: (run.stdout + run.stderr).slice(0, 4000) }).toMatchObject({ status: 0 });
    },
    180_000,
  );
});
