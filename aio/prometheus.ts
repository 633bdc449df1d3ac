/**
 * A real Prometheus (the Debian package's binary) for end-to-end tests: scrapes the given loopback targets
 * every second, loads rule files, keeps its data in a temporary directory, and answers PromQL through its
 * HTTP API. `stop()` ends it and removes the directory.
 */
import type { Subprocess } from "bun";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export type QueryResult = { status: "success" | "error"; error?: string; data?: { resultType: string; result: { metric: Record<string, string>; value: [number, string] }[] } };
export type RealPrometheus = { url: string; query(expr: string): Promise<QueryResult>; stop(): Promise<void> };

export const hasPrometheus = () => Bun.which("prometheus") !== null;

export async function startPrometheus(opts: { port: number; targets: string[]; ruleFiles?: string[] }): Promise<RealPrometheus> {
  const dir = mkdtempSync(join(tmpdir(), "sinhome-prom-"));
  const config = {
    global: { scrape_interval: "1s", scrape_timeout: "1s", evaluation_interval: "1s" },
    rule_files: opts.ruleFiles ?? [],
    scrape_configs: [{ job_name: "sinhome", static_configs: [{ targets: opts.targets }] }],
  };
  writeFileSync(join(dir, "prometheus.yml"), JSON.stringify(config)); // JSON is YAML
  const url = `http://127.0.0.1:${opts.port}`;
  const proc: Subprocess = Bun.spawn(
    ["prometheus", `--config.file=${join(dir, "prometheus.yml")}`, `--storage.tsdb.path=${join(dir, "data")}`, `--web.listen-address=127.0.0.1:${opts.port}`, "--log.level=warn"],
    { stdout: "ignore", stderr: "pipe" },
  );
  const until = Date.now() + 20_000;
  while (!(await fetch(`${url}/-/ready`).then((r) => r.ok).catch(() => false))) {
    if (proc.exitCode !== null || Date.now() > until) {
      proc.kill();
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`prometheus did not start: ${await new Response(proc.stderr as ReadableStream).text()}`);
    }
    await Bun.sleep(100);
  }
  return {
    url,
    query: async (expr) => (await (await fetch(`${url}/api/v1/query?${new URLSearchParams({ query: expr })}`)).json()) as QueryResult,
    stop: async () => {
      proc.kill("SIGTERM");
      await proc.exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
