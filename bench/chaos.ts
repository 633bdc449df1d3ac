/**
 * `bun run bench chaos`: a chaos soak on loopback, bounded in time (CHAOS_SECONDS, default 30).
 * A mesh of its own — private nats-server, private PostgreSQL, the LLM simulator, two gateways and
 * two replicas of every service — takes mixed CRM traffic while a random service replica is
 * SIGKILLed and started again every CHAOS_KILL_EVERY_MS (default 2000), and the nats-server is
 * killed and restarted once, halfway (down for 2 s). Every fourth fault SIGKILLs a gateway instead (started
 * again); every third step also freezes a random replica (SIGSTOP for FREEZE_MS, then SIGCONT), as a node
 * that stops answering with its sockets open. CHAOS_SECONDS defaults to 40. The CRM side behaves like a
 * careful CRM behind a load balancer: a 503 or a refused connection is retried after 200 ms on the other
 * gateway with the same Idempotency-Key, within a 20 s budget per call.
 * Printed: requests sent, answered (first try / after a CRM retry / after a gateway re-send), v2
 * fallbacks, lost, the worst time to answer, every media count checked against what was sent, and what
 * each freeze cost (the worst answer of the requests sent while it lasted).
 */
import type { Subprocess } from "bun";
import { startNats, startPostgres } from "@sinhome/testing";
import { freePort, spawn, waitHttp } from "./procs.ts";
import { percentile } from "./stats.ts";
import { crmCall, type CallResult } from "./chaos-crm.ts";

const SECONDS = Number(process.env.CHAOS_SECONDS ?? 40);
const KILL_EVERY_MS = Number(process.env.CHAOS_KILL_EVERY_MS ?? 2000);
/** How long the nats-server stays down when it is restarted (a pod restart takes seconds). */
const NATS_DOWN_MS = 2000;
const WORKERS = 12;
/** How long a frozen replica stays stopped (several stall windows). */
const FREEZE_MS = Number(process.env.CHAOS_FREEZE_MS ?? 4000);
const SERVICES = ["chat", "scoring", "media", "ops"] as const;

type Replica = { service: (typeof SERVICES)[number]; proc: Subprocess; killed?: boolean; frozen?: boolean };
type Freeze = { service: string; from: number; to: number };

const root = new URL("..", import.meta.url).pathname;
/** Crashes of mesh processes (not our kills): a crash is a finding, printed in the report. */
const crashes: string[] = [];

/** A mesh process whose stderr lines are prefixed with its name, and whose unexpected exit is recorded. */
function spawnNamed(name: string, entry: string, env: Record<string, string>, expectedExit: () => boolean): Subprocess {
  const proc = Bun.spawn(["bun", entry], {
    cwd: root,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", ...env },
    stdout: "ignore",
    stderr: "pipe",
  });
  void (async () => {
    let buffered = "";
    for await (const chunk of proc.stderr as ReadableStream<Uint8Array>) {
      buffered += new TextDecoder().decode(chunk);
      const lines = buffered.split("\n");
      buffered = lines.pop() ?? "";
      for (const line of lines) if (line.trim()) console.error(`[${name}] ${line}`);
    }
  })();
  void proc.exited.then((code) => {
    if (!expectedExit()) crashes.push(`${name} exited with ${code}`);
  });
  return proc;
}

export async function benchChaos(): Promise<string[]> {
  const nats = await startNats();
  const natsUrl = nats.url;
  const pg = await startPostgres();
  const children: Subprocess[] = [];
  const replicas: Replica[] = [];
  let shuttingDown = false;
  const gatewayProcs: { proc: Subprocess; killed?: boolean }[] = [];
  try {
    const simPort = freePort();
    children.push(spawn("sim/src/main.ts", { PORT: String(simPort) }));
    await waitHttp(`http://127.0.0.1:${simPort}/health`);
    const common = { NATS_URL: natsUrl, LOG_LEVEL: "error", HEALTH_PORT: "0" };
    const envOf: Record<Replica["service"], Record<string, string>> = {
      chat: { ...common, VLLM_BASE_URL: `http://127.0.0.1:${simPort}/v1`, LLM_FALLBACK: "none" },
      scoring: common,
      media: { ...common, DATABASE_URL: pg.url },
      ops: common,
    };
    let replicaCount = 0;
    const startReplica = (service: Replica["service"]): Replica => {
      const replica: Replica = { service, proc: undefined as unknown as Subprocess };
      replica.proc = spawnNamed(`${service}#${++replicaCount}`, `services/${service}/src/main.ts`, envOf[service], () => replica.killed === true || shuttingDown);
      return replica;
    };
    for (const service of SERVICES) replicas.push(startReplica(service), startReplica(service));
    const gatewayPorts = [freePort(), freePort()];
    const startGateway = (i: number) => {
      const g: { proc: Subprocess; killed?: boolean } = { proc: undefined as unknown as Subprocess };
      g.proc = spawnNamed(`gateway#${i + 1}`, "gateway/src/main.ts", { ...common, PORT: String(gatewayPorts[i]), HOST: "127.0.0.1", RATE_LIMIT_PER_MINUTE: "0" }, () => g.killed === true || shuttingDown);
      gatewayProcs[i] = g;
    };
    gatewayPorts.forEach((_, i) => startGateway(i));
    const gateways = gatewayPorts.map((port) => `http://127.0.0.1:${port}`);
    for (const g of gateways) await waitHttp(`${g}/healthz`);
    await waitMeshReady(gateways[0]!);

    const results: CallResult[] = [];
    const sentMedia = new Map<string, number>();
    let stop = false;
    let seq = 0;
    const worker = async (w: number) => {
      while (!stop) {
        const n = seq++;
        const result = await crmCall(gateways, w, n);
        results.push(result);
        if (result.media && result.ok) sentMedia.set(result.media, (sentMedia.get(result.media) ?? 0) + 1);
      }
    };

    const kills: string[] = [];
    const freezes: Freeze[] = [];
    const thawing: Promise<void>[] = [];
    const freeze = (victim: Replica) => {
      victim.frozen = true;
      victim.proc.kill("SIGSTOP");
      const from = performance.now();
      thawing.push(Bun.sleep(FREEZE_MS).then(() => {
        victim.proc.kill("SIGCONT");
        victim.frozen = false;
        freezes.push({ service: victim.service, from, to: performance.now() });
      }));
    };
    const chaos = (async () => {
      const started = Date.now();
      let natsRestarted = false;
      let step = 0;
      while (Date.now() - started < SECONDS * 1000) {
        await Bun.sleep(KILL_EVERY_MS);
        if (Date.now() - started >= SECONDS * 1000) break;
        step++;
        if (step % 3 === 0 && Date.now() - started < SECONDS * 1000 - FREEZE_MS) {
          const candidates = replicas.filter((r) => !r.frozen && replicas.some((o) => o !== r && o.service === r.service && !o.frozen));
          if (candidates.length) freeze(candidates[Math.floor(Math.random() * candidates.length)]!);
        }
        if (step % 4 === 0) {
          const i = Math.floor(Math.random() * gatewayProcs.length);
          const victim = gatewayProcs[i]!;
          victim.killed = true;
          victim.proc.kill("SIGKILL");
          await victim.proc.exited;
          startGateway(i);
          kills.push("gateway");
          continue;
        }
        if (!natsRestarted && Date.now() - started >= (SECONDS * 1000) / 2) {
          natsRestarted = true;
          await nats.stop("crash");
          await Bun.sleep(NATS_DOWN_MS);
          await nats.start();
          kills.push("nats-server");
          continue;
        }
        const alive = replicas.map((r, i) => [r, i] as const).filter(([r]) => !r.frozen);
        const i = alive[Math.floor(Math.random() * alive.length)]![1];
        const victim = replicas[i]!;
        victim.killed = true;
        victim.proc.kill("SIGKILL");
        await victim.proc.exited;
        replicas[i] = startReplica(victim.service);
        kills.push(victim.service);
      }
    })();

    const started = performance.now();
    const traffic = Promise.all(Array.from({ length: WORKERS }, (_, w) => worker(w)));
    await chaos;
    await Promise.all(thawing);
    stop = true;
    await traffic;
    const soakSeconds = (performance.now() - started) / 1000;
    const check = await checkMedia(gateways[0]!, sentMedia);
    shuttingDown = true;
    return [...report(results, kills, check, soakSeconds), ...freezeCosts(results, freezes)];
  } finally {
    shuttingDown = true;
    for (const r of replicas) r.proc.kill("SIGCONT");
    for (const r of replicas) r.proc.kill("SIGKILL");
    for (const g of gatewayProcs) children.push(g.proc);
    for (const c of children) c.kill("SIGTERM");
    // The gateways drain their NATS connection on SIGTERM: the server goes last.
    await Promise.all([...replicas.map((r) => r.proc.exited), ...children.map((c) => c.exited)]);
    await nats.destroy();
    await pg.destroy();
  }
}

async function waitMeshReady(gateway: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const health = await fetch(`${gateway}/monitoring/health`).then((r) => r.json() as Promise<{ components?: { name: string; instances?: number }[] }>, () => undefined);
    const counts = SERVICES.map((s) => health?.components?.find((c) => c.name === s)?.instances ?? 0);
    if (counts.every((n) => n >= 2)) return;
    await Bun.sleep(100);
  }
  throw new Error("the chaos mesh did not come up");
}

/** Every (fan, media) the CRM saw acknowledged must be counted exactly that many times. */
async function checkMedia(gateway: string, sent: Map<string, number>): Promise<{ pairs: number; mismatches: string[] }> {
  const byFan = new Map<string, Map<string, number>>();
  for (const [key, n] of sent) {
    const [fan, media] = key.split("/") as [string, string];
    byFan.set(fan, (byFan.get(fan) ?? new Map()).set(media, n));
  }
  const mismatches: string[] = [];
  for (const [fan, want] of byFan) {
    const res = await fetch(`${gateway}/media/history/${fan}`);
    const body = (await res.json()) as { items?: { media_id: string; times_sent: number }[] };
    const got = new Map((body.items ?? []).map((i) => [i.media_id, i.times_sent]));
    for (const [media, n] of want) if (got.get(media) !== n) mismatches.push(`${fan}/${media}: sent ${n}, counted ${got.get(media) ?? 0}`);
    for (const [media, n] of got) if (!want.has(media)) mismatches.push(`${fan}/${media}: never acknowledged, counted ${n}`);
  }
  return { pairs: sent.size, mismatches };
}

function report(results: CallResult[], kills: string[], check: { pairs: number; mismatches: string[] }, seconds: number): string[] {
  const count = (f: (r: CallResult) => boolean) => results.filter(f).length;
  const answered = results.filter((r) => r.ok);
  const times = answered.map((r) => r.ms).sort((a, b) => a - b);
  const resent = answered.filter((r) => r.resent).map((r) => r.ms).sort((a, b) => a - b);
  const lost = results.filter((r) => !r.ok);
  const worst = times.at(-1) ?? 0;
  const statuses = new Map<string, number>();
  for (const r of results) for (const s of r.failedAttempts) statuses.set(s, (statuses.get(s) ?? 0) + 1);
  return [
    `soak ${seconds.toFixed(0)} s, ${WORKERS} CRM workers, 2 gateways, 2 replicas each of ${SERVICES.join("/")}; ` +
      `faults: ${kills.length} (${kills.filter((k) => k !== "nats-server" && k !== "gateway").length} SIGKILL+restart of a random replica: ${summarize(kills)}; ` +
      `gateway SIGKILLed+restarted ${kills.filter((k) => k === "gateway").length}×; nats-server restarted ${kills.filter((k) => k === "nats-server").length}×)`,
    `requests sent ${results.length}; answered ${answered.length} (first try ${count((r) => r.ok && r.attempts === 1 && !r.resent)}, ` +
      `after a CRM retry ${count((r) => r.ok && r.attempts > 1)}, after a gateway re-send ${resent.length}); ` +
      `v2 fallbacks ${count((r) => r.ok && r.fallback)}; lost ${lost.length}`,
    `time to answer: p50 ${percentile(times, 50).toFixed(0)} ms, p99 ${percentile(times, 99).toFixed(0)} ms, worst ${worst.toFixed(0)} ms; ` +
      `answered after a re-send: worst ${(resent.at(-1) ?? 0).toFixed(0)} ms (chat calls hold ~400 ms of simulated LLM time)`,
    `failed attempts the CRM retried: ${[...statuses].map(([s, n]) => `${s}×${n}`).join(", ") || "none"}` +
      (statuses.size ? `; the slowest of them answered in ${Math.max(...results.map((r) => r.worstFailedMs)).toFixed(0)} ms` : ""),
    `media counts checked: ${check.pairs} (fan, media) pairs, ${check.mismatches.length} wrong${check.mismatches.length ? `: ${check.mismatches.slice(0, 5).join("; ")}` : " (exact)"}`,
    `mesh processes that crashed (not killed by the soak): ${crashes.length ? crashes.join("; ") : "none"}`,
    ...lost.slice(0, 5).map((r) => `  lost: ${r.route} — ${r.failedAttempts.join(", ")}`),
  ];
}

const summarize = (names: string[]) =>
  SERVICES.map((s) => `${s} ${names.filter((n) => n === s).length}`).join(", ");

/** What each freeze cost: the worst answer among the requests the CRM sent while the replica was stopped. */
function freezeCosts(results: CallResult[], freezes: Freeze[]): string[] {
  if (freezes.length === 0) return ["freezes: none (soak too short)"];
  const normal = percentile(results.filter((r) => r.ok).map((r) => r.ms).sort((a, b) => a - b), 50);
  return [
    `freezes: ${freezes.length} (SIGSTOP ${FREEZE_MS} ms then SIGCONT; p50 of all answers ${normal.toFixed(0)} ms)`,
    ...freezes.map((f, i) => {
      const during = results.filter((r) => r.startedAt >= f.from && r.startedAt < f.to);
      const worst = Math.max(0, ...during.map((r) => r.ms));
      const lost = during.filter((r) => !r.ok).length;
      return `  freeze ${i + 1} (${f.service}): ${during.length} requests sent meanwhile, worst answer ${worst.toFixed(0)} ms, ${during.filter((r) => r.resent).length} re-sent by a gateway, lost ${lost}`;
    }),
  ];
}
