/**
 * `bun run bench outcomes-ab`: a simulated A/B run through the gateway. The all-in-one runs with
 * MODEL_ROUTES=default=50,euryale=50; 600 conversations get a v2 reply each (sticky arm per session),
 * then a simulated CRM reports what happened with a known difference between the arms (seeded, so the
 * run is reproducible): chatters send `default`'s replies as is 55 % of the time and `euryale`'s 70 %.
 * Prints the report's figures per arm and the verdicts, and what the log events weigh with the texts.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ReportResponse } from "@sinhome/proto";
import { startAllInOne } from "../aio/start.ts";

const CONVERSATIONS = 600;
/** The truth the report should find: per arm, P(sent as is), P(edited), P(fan replies | received), P(purchase), amount. */
const TRUTH = {
  default: { sent: 0.55, edited: 0.2, replied: 0.4, purchase: 0.05, amount: 15 },
  euryale: { sent: 0.7, edited: 0.15, replied: 0.45, purchase: 0.06, amount: 15 },
} as const;

/** mulberry32: a small seeded generator, so two runs simulate the same CRM. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function benchOutcomesAb(): Promise<string[]> {
  const dataDir = mkdtempSync(join(tmpdir(), "sinhome-ab-"));
  const aio = await startAllInOne({ PORT: "0", HOST: "127.0.0.1", DATA_DIR: dataDir, LOG_LEVEL: "error", RATE_LIMIT_PER_MINUTE: "0", MODEL_ROUTES: "default=50,euryale=50", OUTCOMES_MIN_SAMPLE: "100" }, { quiet: true });
  const random = seeded(19);
  const post = async (path: string, body: unknown) => (await fetch(`${aio.url}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) })).json() as Promise<Record<string, unknown>>;
  try {
    const since = new Date().toISOString();
    const replies: { request_id: string; arm: keyof typeof TRUTH; response: string }[] = [];
    for (let i = 0; i < CONVERSATIONS; i += 10) {
      const batch = await Promise.all(Array.from({ length: 10 }, (_, j) => post("/v2/personality_chat", { session_id: `ab-fan-${i + j}`, message: `Coucou, tu fais quoi ce soir ? (${i + j})` })));
      for (const r of batch) replies.push({ request_id: r.request_id as string, arm: r.model_route as keyof typeof TRUTH, response: r.response as string });
    }
    const events = replies.map(({ request_id, arm, response }) => {
      const t = TRUTH[arm];
      const u = random();
      const outcome = u < t.sent ? "sent" : u < t.sent + t.edited ? "edited" : "discarded";
      const event: Record<string, unknown> = { request_id, event_id: `ab-${request_id}`, outcome };
      if (outcome === "edited") event.final_text = `${response} 😘`;
      if (outcome !== "discarded") event.fan_replied = random() < t.replied;
      if (random() < t.purchase) Object.assign(event, { purchase_amount: t.amount, currency: "EUR" });
      return event;
    });
    for (let i = 0; i < events.length; i += 500) await post("/feedback/batch", { events: events.slice(i, i + 500) });
    const until = new Date().toISOString();
    const report = (await (await fetch(`${aio.url}/experiments/report?since=${encodeURIComponent(since)}&until=${encodeURIComponent(until)}`)).json()) as ReportResponse;
    const history = (await (await fetch(`${aio.url}/logs/history?limit=200`)).json()) as { events: unknown[] };
    const bytes = history.events.map((e) => JSON.stringify(e).length);
    const lines = [`simulated A/B run: ${CONVERSATIONS} conversations, truth P(sent as is) default ${TRUTH.default.sent} vs euryale ${TRUTH.euryale.sent}; min_sample ${report.min_sample}; control ${report.control}`];
    const fmt = (e: { value: number | null; ci95: { low: number; high: number } | null }, d = 3) => (e.value === null ? "—" : `${e.value.toFixed(d)} [${e.ci95!.low.toFixed(d)}, ${e.ci95!.high.toFixed(d)}]`);
    for (const a of report.arms) {
      lines.push(`  ${a.arm.padEnd(8)} replies ${a.replies}, with feedback ${a.with_feedback}; sent ${fmt(a.sent_rate)} edited ${fmt(a.edited_rate)} discarded ${fmt(a.discarded_rate)} edit-ratio ${fmt(a.mean_edit_ratio)} fan-reply ${fmt(a.fan_reply_rate)} purchases/100 ${fmt(a.purchases_per_100, 1)} revenue/100 ${fmt(a.revenue_per_100, 1)}`);
    }
    for (const c of report.comparisons) {
      lines.push(`  ${c.arm} vs ${c.control}: verdict ${c.verdict} (primary ${c.primary_metric})`);
      for (const m of c.metrics) lines.push(`    ${m.metric.padEnd(18)} diff ${m.difference === null ? "—" : m.difference.toFixed(3)} [${m.ci95 ? `${m.ci95.low.toFixed(3)}, ${m.ci95.high.toFixed(3)}` : "—"}] P(better) ${m.probability_better ?? "—"} ${m.method} → ${m.verdict}${m.reason ? ` (${m.reason})` : ""}`);
    }
    lines.push(`  conversation log events with texts and the messages as sent: mean ${Math.round(bytes.reduce((s, b) => s + b, 0) / Math.max(1, bytes.length))} bytes (v2 prompt)`);
    return lines;
  } finally {
    await aio.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  for (const line of await benchOutcomesAb()) console.log(line);
  process.exit(0);
}
