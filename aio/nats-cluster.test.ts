/**
 * The real NATS cluster, run: three nats-servers on loopback from the production manifests' own
 * configuration (`kubectl kustomize` of a prod overlay, the nats-config ConfigMap, with only names,
 * ports and directories rewritten), JetStream with the conversation log stream at 3 replicas. A mesh
 * (gateway, ops, two chat replicas) takes steady CRM traffic while the server holding the most client
 * connections is SIGKILLed, and — once it is back — separately the JetStream meta leader: every request
 * is answered by the model and every exchange is in the log (no request lost, no log event lost); the
 * clients reconnect by themselves.
 */
import { afterAll, beforeAll, expect, test } from "bun:test";
import type { Subprocess } from "bun";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startSimulator, type Simulator } from "@sinhome/llm-sim";
import { ConversationLogStream } from "@sinhome/proto";
import { render } from "../deploy/k8s/testing/render.ts";

const root = new URL("..", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "nats-cluster-"));
const freePort = () => {
  const s = Bun.serve({ port: 0, hostname: "127.0.0.1", fetch: () => new Response() });
  const p = s.port!;
  s.stop(true);
  return p;
};
type Node = { name: string; client: number; route: number; monitor: number; proc?: Subprocess };
const nodes: Node[] = [0, 1, 2].map((i) => ({ name: `nats-${i}`, client: freePort(), route: freePort(), monitor: freePort() }));
const NATS_URL = nodes.map((n) => `nats://127.0.0.1:${n.client}`).join(",");
const procs: Subprocess[] = [];
let sim: Simulator;
let base = "";

async function waitFor(check: () => Promise<boolean> | boolean, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await Promise.resolve(check()).catch(() => false)) return;
    await Bun.sleep(100);
  }
  throw new Error("condition not met in time");
}

/** The manifests' nats.conf and cluster.conf, rewritten for node `i` on loopback. */
function writeConfig(i: number): string {
  const config = render("prod-qwen2").find((o) => o.kind === "ConfigMap" && o.metadata?.name?.startsWith("nats-config")) as { data: Record<string, string> } | undefined;
  if (!config) throw new Error("no nats-config ConfigMap in the rendered manifests");
  const node = nodes[i]!;
  const nodeDir = join(dir, node.name);
  mkdirSync(nodeDir, { recursive: true });
  const main = config.data["nats.conf"]!
    .replace("$SERVER_NAME", node.name)
    .replace(/listen: 0\.0\.0\.0:4222/, `listen: 127.0.0.1:${node.client}`)
    .replace(/http: 0\.0\.0\.0:8222/, `http: 127.0.0.1:${node.monitor}`)
    .replace(/pid_file: .*/, `pid_file: ${join(nodeDir, "nats.pid")}`)
    .replace(/store_dir: .*/, `store_dir: ${join(nodeDir, "js")}`);
  const cluster = config.data["cluster.conf"]!
    .replace(/listen: 0\.0\.0\.0:6222/, `listen: 127.0.0.1:${node.route}`)
    .replace(/nats:\/\/nats-(\d)\.nats-headless:6222/g, (_, k: string) => `nats://127.0.0.1:${nodes[Number(k)]!.route}`);
  expect(main).toContain("ping_interval"); // the manifests' tuning is what runs here
  writeFileSync(join(nodeDir, "nats.conf"), main);
  writeFileSync(join(nodeDir, "cluster.conf"), cluster);
  return join(nodeDir, "nats.conf");
}

const startNode = (i: number) => {
  nodes[i]!.proc = Bun.spawn(["nats-server", "-c", join(dir, nodes[i]!.name, "nats.conf"), "-l", join(dir, `${nodes[i]!.name}.log`)], { stdout: "ignore", stderr: "ignore" });
};
const monitor = async <T>(node: Node, path: string): Promise<T> => (await (await fetch(`http://127.0.0.1:${node.monitor}${path}`)).json()) as T;
const metaLeader = async (): Promise<string | undefined> => {
  for (const n of nodes) {
    const jsz = await monitor<{ meta_cluster?: { leader?: string } }>(n, "/jsz").catch(() => undefined);
    if (jsz?.meta_cluster?.leader) return jsz.meta_cluster.leader;
  }
  return undefined;
};
const spawn = (entry: string, env: Record<string, string>) => {
  const p = Bun.spawn(["bun", entry], {
    cwd: root,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", NATS_URL, LOG_LEVEL: "error", HEALTH_PORT: "0", LOG_STREAM_REPLICAS: "3", ...env },
    stdout: "ignore",
    stderr: "inherit",
  });
  procs.push(p);
};

beforeAll(async () => {
  nodes.forEach((_, i) => writeConfig(i));
  nodes.forEach((_, i) => startNode(i));
  for (const node of nodes) await waitFor(async () => (await fetch(`http://127.0.0.1:${node.monitor}/healthz`)).ok, 15_000);
  await waitFor(async () => (await metaLeader()) !== undefined, 30_000);
  sim = startSimulator({ port: 0, hostname: "127.0.0.1", latency: { baseMs: 200, prefillMsPerToken: 0, decodeMsPerToken: 0 } });
  const port = freePort();
  base = `http://127.0.0.1:${port}`;
  spawn("services/ops/src/main.ts", {});
  spawn("gateway/src/main.ts", { PORT: String(port), HOST: "127.0.0.1", RATE_LIMIT_PER_MINUTE: "0" });
  for (let i = 0; i < 2; i++) spawn("services/chat/src/main.ts", { VLLM_BASE_URL: sim.url, LLM_FALLBACK: "none" });
  await waitFor(async () => (await fetch(`${base}/healthz`)).ok, 30_000);
  await waitFor(async () => (await fetch(`${base}/personality_chat`, { method: "POST", headers: { "content-type": "application/json" }, body: '{"message":"warm-up"}' })).status === 200, 30_000);
}, 90_000);

afterAll(async () => {
  for (const p of procs) p.kill("SIGKILL");
  await Promise.all(procs.map((p) => p.exited));
  for (const n of nodes) n.proc?.kill("SIGKILL");
  await Promise.all(nodes.map((n) => n.proc?.exited));
  await sim.stop();
  if (!process.env.KEEP_NATS_CLUSTER_DIR) rmSync(dir, { recursive: true, force: true });
});

test("losing the busiest NATS node, then the JetStream meta leader, under load: 0 requests and 0 log events lost", async () => {
  // The stream as the cluster reports it (monitoring endpoint of any live node; the leader's view).
  type Jsz = { account_details?: { stream_detail?: { name: string; config?: { num_replicas?: number }; state: { messages: number; num_subjects: number }; cluster?: { leader?: string } }[] }[] };
  const stream = async () => {
    for (const node of nodes) {
      const jsz = await monitor<Jsz>(node, "/jsz?streams=true&config=true").catch(() => undefined);
      const found = jsz?.account_details?.flatMap((a) => a.stream_detail ?? []).find((d) => d.name === ConversationLogStream.Name && d.cluster?.leader === node.name);
      if (found) return found;
    }
    throw new Error("no stream leader");
  };
  await waitFor(async () => (await stream()).config?.num_replicas === 3, 30_000).catch(async (e) => {
    for (const node of nodes) console.log(node.name, JSON.stringify(await monitor(node, "/jsz?streams=true&config=true").catch(String)).slice(0, 1500));
    throw e;
  });
  // One subject per session (`conversationSubject`), and every request here has its own session.
  // JetStream omits zero-valued fields: a fresh stream has no num_subjects at all.
  const logged = async () => (await stream()).state.num_subjects ?? 0;
  // The warm-up's log append is asynchronous: count from a stream at rest (three equal readings 300 ms apart), or the
  // warm-up's own exchange lands after `before` and reads as one exchange too many.
  let before = await logged();
  for (let equal = 0, reads = 0; equal < 3 && reads < 50; reads++) {
    await Bun.sleep(300);
    const now = await logged();
    equal = now === before ? equal + 1 : 0;
    before = now;
  }
  const messagesBefore = (await stream()).state.messages ?? 0;

  const statuses: number[] = [];
  let stop = false;
  let n = 0;
  const worker = async () => {
    while (!stop) {
      const i = n++;
      const res = await fetch(`${base}/personality_chat`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ session_id: `cluster-${i}`, message: `Coucou ${i}` }) });
      const body = (await res.json()) as { backend?: string };
      statuses.push(res.status === 200 && body.backend === "vllm" ? 200 : res.status);
    }
  };
  const load = Promise.all(Array.from({ length: 6 }, worker));
  await Bun.sleep(2000);

  // 1. The node with the most client connections.
  const counts = await Promise.all(nodes.map((node) => monitor<{ num_connections: number }>(node, "/connz").then((c) => c.num_connections, () => -1)));
  const busiest = counts.indexOf(Math.max(...counts));
  nodes[busiest]!.proc!.kill("SIGKILL");
  await nodes[busiest]!.proc!.exited;
  await Bun.sleep(4000);
  startNode(busiest);
  await waitFor(async () => (await monitor<{ meta_cluster?: { cluster_size?: number; leader?: string } }>(nodes[busiest]!, "/jsz")).meta_cluster?.leader !== undefined, 30_000);
  await Bun.sleep(3000); // the stream's replica on it catches up

  // 2. The JetStream meta leader.
  const leader = await metaLeader();
  const victim = nodes.findIndex((node) => node.name === leader);
  expect(victim).toBeGreaterThanOrEqual(0);
  nodes[victim]!.proc!.kill("SIGKILL");
  await nodes[victim]!.proc!.exited;
  await Bun.sleep(4000);

  stop = true;
  await load;
  console.log(`NATS cluster: ${statuses.length} requests (killed ${nodes[busiest]!.name} with ${counts[busiest]} connections, then meta leader ${leader}): ` +
    `${statuses.filter((s) => s === 200).length} answered by the model, others ${JSON.stringify(statuses.filter((s) => s !== 200))}`);
  expect(statuses.filter((s) => s !== 200)).toEqual([]);
  // Every exchange is in the log stream (appends are asynchronous: wait for them).
  await waitFor(async () => (await logged()) - before >= statuses.length, 20_000).catch(() => {});
  const extra = (await stream()).state.messages - messagesBefore - statuses.length;
  console.log(`log stream: ${(await logged()) - before} of ${statuses.length} exchanges stored; ${extra} duplicate events (requests re-sent to the other replica, both answered)`);
  expect((await logged()) - before).toBe(statuses.length);
}, 120_000);
