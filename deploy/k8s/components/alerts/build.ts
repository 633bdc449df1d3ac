/**
 * Writes the generated files of this component from rules.ts and rules-tests.ts: the plain rules file, the
 * PrometheusRule and the promtool tests. Run after changing either: `bun deploy/k8s/components/alerts/build.ts`.
 * deploy/k8s/alerts.test.ts fails while a written file differs from what these modules build.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { HEADER, renderPlainRules, renderPrometheusRule } from "./rules.ts";
import { promtoolTests } from "./rules-tests.ts";

export const GENERATED = {
  "sinhome.rules.yml": renderPlainRules,
  "prometheusrule.yaml": renderPrometheusRule,
  "sinhome.rules.test.yml": () => HEADER + Bun.YAML.stringify(promtoolTests(), null, 2) + "\n",
} as const;

export const generatedPath = (name: keyof typeof GENERATED) => join(import.meta.dir, name);

if (import.meta.main) {
  for (const [name, render] of Object.entries(GENERATED)) writeFileSync(generatedPath(name as keyof typeof GENERATED), render());
  console.log(`wrote ${Object.keys(GENERATED).join(", ")} in ${import.meta.dir}`);
}
