/**
 * Offline checks of the Kubernetes manifests (deploy/k8s). Every overlay is rendered with
 * `kubectl kustomize` (a failure shows kubectl's stderr), then every object is
 *  1. validated against the Kubernetes OpenAPI schemas (Kubernetes 1.34 API) with the validators
 *     shipped by `kubernetes-models` (JSON Schema compiled with Ajv: types, required fields, enums,
 *     formats such as resource quantities);
 *  2. checked for unknown fields: the objects are typed against the same package's TypeScript
 *     interfaces and compiled, so a misspelt field (`readinessprobe`) is an excess-property error —
 *     the schemas alone allow additional properties, the API server's strict field validation doesn't;
 *  3. held to the project's policies: resources, probes, non-root and read-only containers, pinned
 *     images, only the gateway exposed, NetworkPolicy flows, graceful drain, the vLLM GPU pod, the
 *     configuration accepted by each process's own env schema, model presets in sync with models_env/,
 *     dashboards charting metrics that exist.
 * Needs `kubectl` (with its built-in kustomize) on PATH; no cluster, no network.
 */
import { describe, expect, test } from "bun:test";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ts from "typescript";
import { Deployment, StatefulSet } from "kubernetes-models/apps/v1";
import { HorizontalPodAutoscaler } from "kubernetes-models/autoscaling/v2";
import { Ingress, NetworkPolicy } from "kubernetes-models/networking.k8s.io/v1";
import { PodDisruptionBudget } from "kubernetes-models/policy/v1";
import { ConfigMap, Namespace, PersistentVolumeClaim, Secret, Service, ServiceAccount } from "kubernetes-models/v1";
import { ROUTES } from "../../proto/src/routes.ts";
import { registry } from "../../runtime/src/metrics.ts";
import { parseGatewayEnv } from "../../gateway/src/env.ts";
import { parseChatEnv } from "../../services/chat/src/env.ts";
import { parseScoringEnv } from "../../services/scoring/src/env.ts";
import { parseMediaEnv } from "../../services/media/src/env.ts";
import { parseOpsEnv } from "../../services/ops/src/env.ts";

const ROOT = join(import.meta.dir, "..", "..");
const K8S = import.meta.dir;
const OVERLAYS_DIR = join(K8S, "overlays");
const NAMESPACE = "sinhome";
const MESH = ["gateway", "chat", "scoring", "media", "ops"] as const;

// ---------------------------------------------------------------------------------------------------
// Types and rendering

type Labels = Record<string, string>;
type Meta = { name: string; namespace?: string; labels?: Labels; annotations?: Record<string, string> };
// Rendered manifests are plain JSON-like data; fields are reached dynamically in the checks below.
// biome-ignore lint/suspicious/noExplicitAny: untyped YAML
type Any = any;
type Obj = { apiVersion: string; kind: string; metadata: Meta; spec?: Any; data?: Record<string, string> };

const overlays = readdirSync(OVERLAYS_DIR)
  .filter((d) => existsSync(join(OVERLAYS_DIR, d, "kustomization.yaml")))
  .sort();
const prodOverlays = overlays.filter((o) => o.startsWith("prod-"));
const presets = readdirSync(join(ROOT, "models_env"))
  .filter((f) => f.endsWith(".env"))
  .map((f) => f.replace(/\.env$/, ""))
  .sort();

const rendered = new Map<string, Obj[]>();
function render(overlay: string): Obj[] {
  const cached = rendered.get(overlay);
  if (cached) return cached;
  const dir = join(OVERLAYS_DIR, overlay);
  const run = spawnSync("kubectl", ["kustomize", dir], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (run.error) throw new Error(`cannot run kubectl (install kubectl, which includes kustomize): ${run.error.message}`);
  if (run.status !== 0) throw new Error(`kubectl kustomize ${dir} failed (exit ${run.status}):\n${run.stderr}`);
  const parsed = Bun.YAML.parse(run.stdout) as unknown;
  const docs = (Array.isArray(parsed) ? parsed : [parsed]).filter((d): d is Obj => d !== null && typeof d === "object");
  rendered.set(overlay, docs);
  return docs;
}

const id = (o: Obj) => `${o.kind}/${o.metadata.name}`;
const ofKind = (objs: Obj[], kind: string) => objs.filter((o) => o.kind === kind);
const find = (objs: Obj[], kind: string, name: string) => objs.find((o) => o.kind === kind && o.metadata.name === name);
const workloads = (objs: Obj[]) => objs.filter((o) => o.kind === "Deployment" || o.kind === "StatefulSet");
const podSpec = (w: Obj): Any => w.spec.template.spec;
const podLabels = (w: Obj): Labels => w.spec.template.metadata?.labels ?? {};
const appName = (w: Obj) => podLabels(w)["app.kubernetes.io/name"] ?? w.metadata.name;
/** The long-running containers (probes are required there, not on init containers or sidecars). */
const mainContainers = (w: Obj): Any[] => podSpec(w).containers ?? [];
const allContainers = (w: Obj): Any[] => [...mainContainers(w), ...(podSpec(w).initContainers ?? [])];
const meshDeployment = (objs: Obj[], name: string) => {
  const d = find(objs, "Deployment", name);
  if (!d) throw new Error(`Deployment/${name} missing`);
  return d;
};

/** Kubernetes label selector semantics (matchLabels + matchExpressions; {} matches everything). */
function selects(selector: Any, labels: Labels): boolean {
  if (!selector) return false;
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) if (labels[k] !== v) return false;
  for (const e of selector.matchExpressions ?? []) {
    const has = e.key in labels;
    const val = labels[e.key];
    if (e.operator === "In" && !(has && e.values.includes(val))) return false;
    if (e.operator === "NotIn" && has && e.values.includes(val)) return false;
    if (e.operator === "Exists" && !has) return false;
    if (e.operator === "DoesNotExist" && has) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------------
// 1. JSON Schema validation (kubernetes-models)

type Validatable = { validate(): void };
const MODELS: Record<string, new (data: Any) => Validatable> = {
  "v1/Namespace": Namespace,
  "v1/ServiceAccount": ServiceAccount,
  "v1/ConfigMap": ConfigMap,
  "v1/Secret": Secret,
  "v1/Service": Service,
  "v1/PersistentVolumeClaim": PersistentVolumeClaim,
  "apps/v1/Deployment": Deployment,
  "apps/v1/StatefulSet": StatefulSet,
  "autoscaling/v2/HorizontalPodAutoscaler": HorizontalPodAutoscaler,
  "policy/v1/PodDisruptionBudget": PodDisruptionBudget,
  "networking.k8s.io/v1/NetworkPolicy": NetworkPolicy,
  "networking.k8s.io/v1/Ingress": Ingress,
};

function schemaErrors(objs: Obj[]): string[] {
  const errors: string[] = [];
  for (const o of objs) {
    const Model = MODELS[`${o.apiVersion}/${o.kind}`];
    if (!Model) {
      errors.push(`${id(o)}: no schema for ${o.apiVersion}/${o.kind} (add it to MODELS)`);
      continue;
    }
    const copy = structuredClone(o);
    // kustomize wraps long base64 values over several lines; the API server's decoder (Go's base64)
    // skips the newlines, the schema's "byte" format does not: compare what the server will see.
    if (o.kind === "Secret" && copy.data) for (const k of Object.keys(copy.data)) copy.data[k] = copy.data[k]!.replace(/\s+/g, "");
    try {
      new Model(copy).validate();
    } catch (e) {
      errors.push(`${id(o)}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return errors;
}

// ---------------------------------------------------------------------------------------------------
// 2. Unknown fields: type-check the objects against the kubernetes-models interfaces

const INTERFACES: Record<string, [module: string, iface: string]> = {
  "v1/Namespace": ["kubernetes-models/v1/Namespace", "INamespace"],
  "v1/ServiceAccount": ["kubernetes-models/v1/ServiceAccount", "IServiceAccount"],
  "v1/ConfigMap": ["kubernetes-models/v1/ConfigMap", "IConfigMap"],
  "v1/Secret": ["kubernetes-models/v1/Secret", "ISecret"],
  "v1/Service": ["kubernetes-models/v1/Service", "IService"],
  "v1/PersistentVolumeClaim": ["kubernetes-models/v1/PersistentVolumeClaim", "IPersistentVolumeClaim"],
  "apps/v1/Deployment": ["kubernetes-models/apps/v1/Deployment", "IDeployment"],
  "apps/v1/StatefulSet": ["kubernetes-models/apps/v1/StatefulSet", "IStatefulSet"],
  "autoscaling/v2/HorizontalPodAutoscaler": ["kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler", "IHorizontalPodAutoscaler"],
  "policy/v1/PodDisruptionBudget": ["kubernetes-models/policy/v1/PodDisruptionBudget", "IPodDisruptionBudget"],
  "networking.k8s.io/v1/NetworkPolicy": ["kubernetes-models/networking.k8s.io/v1/NetworkPolicy", "INetworkPolicy"],
  "networking.k8s.io/v1/Ingress": ["kubernetes-models/networking.k8s.io/v1/Ingress", "IIngress"],
};

let strictResults: Map<string, string[]> | undefined;
/** One TypeScript program for all overlays (one virtual file each); errors mapped back to objects. */
function unknownFieldErrors(overlay: string): string[] {
  if (!strictResults) {
    const files = new Map<string, { text: string; spans: { start: number; end: number; obj: Obj }[]; overlay: string }>();
    for (const o of overlays) {
      let objs: Obj[];
      try {
        objs = render(o);
      } catch {
        continue; // reported by that overlay's render test
      }
      const imports = new Set<string>();
      let body = "";
      const spans: { start: number; end: number; obj: Obj }[] = [];
      objs.forEach((obj, i) => {
        const entry = INTERFACES[`${obj.apiVersion}/${obj.kind}`];
        if (!entry) return; // reported by the schema test
        imports.add(`import type { ${entry[1]} } from "${entry[0]}";\n`);
        const decl = `export const o${i}: ${entry[1]} = ${JSON.stringify(obj, null, 1)};\n`;
        spans.push({ start: body.length, end: body.length + decl.length, obj });
        body += decl;
      });
      const head = [...imports].join("");
      for (const s of spans) {
        s.start += head.length;
        s.end += head.length;
      }
      files.set(join(K8S, `.strict-check.${o}.ts`), { text: head + body, spans, overlay: o });
    }
    const options: ts.CompilerOptions = {
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      target: ts.ScriptTarget.ESNext,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      types: [],
      lib: ["lib.esnext.d.ts"],
    };
    const host = ts.createCompilerHost(options);
    const getSourceFile = host.getSourceFile.bind(host);
    const fileExists = host.fileExists.bind(host);
    host.getSourceFile = (name, lang, ...rest) => {
      const f = files.get(name);
      return f ? ts.createSourceFile(name, f.text, lang) : getSourceFile(name, lang, ...rest);
    };
    host.fileExists = (name) => files.has(name) || fileExists(name);
    const program = ts.createProgram([...files.keys()], options, host);
    strictResults = new Map(overlays.map((o) => [o, [] as string[]]));
    for (const d of ts.getPreEmitDiagnostics(program)) {
      const message = ts.flattenDiagnosticMessageText(d.messageText, " ");
      const f = d.file ? files.get(d.file.fileName) : undefined;
      if (!f) {
        for (const list of strictResults.values()) list.push(`(typescript) ${message}`);
        continue;
      }
      const span = f.spans.find((s) => d.start !== undefined && d.start >= s.start && d.start < s.end);
      strictResults.get(f.overlay)!.push(`${span ? id(span.obj) : "?"}: ${message}`);
    }
  }
  return strictResults.get(overlay) ?? [];
}

// ---------------------------------------------------------------------------------------------------
// Environment of a container, as the kubelet would build it

const PROD_SECRET_PLACEHOLDERS: Record<string, string> = {
  GATEWAY_API_KEYS: "key-a,key-b",
  DATABASE_URL: "postgres://sinhome:secret@postgres:5432/sinhome",
  POSTGRES_PASSWORD: "secret",
  GRAFANA_ADMIN_PASSWORD: "secret",
  GROK_API_KEY: "xai-placeholder",
  VLLM_API_KEY: "vllm-placeholder",
  HF_TOKEN: "hf-placeholder",
};

function secretValue(objs: Obj[], name: string, key: string): string | undefined {
  const s = find(objs, "Secret", name) as (Obj & { stringData?: Record<string, string> }) | undefined;
  if (!s) return PROD_SECRET_PLACEHOLDERS[key];
  if (s.stringData?.[key] !== undefined) return s.stringData[key];
  const b64 = s.data?.[key];
  return b64 === undefined ? undefined : Buffer.from(b64, "base64").toString("utf8");
}

function containerEnv(objs: Obj[], c: Any): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = {};
  const expand = (v: string) => v.replace(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (m, k: string) => env[k] ?? m);
  for (const from of c.envFrom ?? []) {
    if (from.configMapRef) Object.assign(env, find(objs, "ConfigMap", from.configMapRef.name)?.data ?? {});
    if (from.secretRef) {
      const s = find(objs, "Secret", from.secretRef.name);
      for (const k of Object.keys(s?.data ?? {})) env[k] = secretValue(objs, from.secretRef.name, k);
    }
  }
  for (const e of c.env ?? []) {
    if (e.value !== undefined) env[e.name] = expand(String(e.value));
    else if (e.valueFrom?.configMapKeyRef) {
      const r = e.valueFrom.configMapKeyRef;
      env[e.name] = find(objs, "ConfigMap", r.name)?.data?.[r.key];
    } else if (e.valueFrom?.secretKeyRef) {
      const r = e.valueFrom.secretKeyRef;
      env[e.name] = secretValue(objs, r.name, r.key);
    } else env[e.name] = "from-field";
  }
  return env;
}

// ---------------------------------------------------------------------------------------------------
// NetworkPolicy evaluation (enough of the semantics for the flows of this namespace)

type Endpoint = { what: string; namespace: string; nsLabels: Labels; labels: Labels; ip?: string };
const nsLabelsOf = (ns: string): Labels => ({ "kubernetes.io/metadata.name": ns });
const podEndpoint = (w: Obj): Endpoint => ({ what: appName(w), namespace: NAMESPACE, nsLabels: nsLabelsOf(NAMESPACE), labels: podLabels(w) });
const INTERNET: Endpoint = { what: "internet", namespace: "", nsLabels: {}, labels: {}, ip: "203.0.113.10" };
const external = (what: string, namespace: string, labels: Labels = {}): Endpoint => ({ what, namespace, nsLabels: nsLabelsOf(namespace), labels });
const INGRESS_CONTROLLER = external("ingress controller", "ingress-nginx", { "app.kubernetes.io/name": "ingress-nginx" });
const PROMETHEUS = external("prometheus", "monitoring", { "app.kubernetes.io/name": "prometheus" });
const KUBE_DNS = external("kube-dns", "kube-system", { "k8s-app": "kube-dns" });
const OTHER_NAMESPACE = external("a pod of another namespace", "default", { app: "other" });

function ipInCidr(ip: string, cidr: string): boolean {
  const [base, bits] = cidr.split("/") as [string, string];
  const toInt = (a: string) => a.split(".").reduce((n, p) => (n << 8) + Number(p), 0) >>> 0;
  const mask = Number(bits) === 0 ? 0 : (~0 << (32 - Number(bits))) >>> 0;
  return ((toInt(ip) & mask) >>> 0) === ((toInt(base) & mask) >>> 0);
}

function peerMatches(peer: Any, ep: Endpoint): boolean {
  if (peer.ipBlock) {
    // Pods have cluster-internal addresses (inside the excepted private ranges).
    const ip = ep.ip ?? "10.42.0.10";
    return ipInCidr(ip, peer.ipBlock.cidr) && !(peer.ipBlock.except ?? []).some((c: string) => ipInCidr(ip, c));
  }
  if (ep.ip) return false;
  const nsOk = peer.namespaceSelector ? selects(peer.namespaceSelector, ep.nsLabels) : ep.namespace === NAMESPACE;
  const podOk = peer.podSelector ? selects(peer.podSelector, ep.labels) : true;
  return nsOk && podOk;
}

const portMatches = (ports: Any[] | undefined, port: number, protocol: string) =>
  !ports?.length || ports.some((p) => (p.protocol ?? "TCP") === protocol && (p.port === undefined || (p.endPort ? port >= p.port && port <= p.endPort : p.port === port)));

function allowedOneWay(policies: Obj[], self: Endpoint, other: Endpoint, port: number, protocol: string, dir: "Ingress" | "Egress"): boolean {
  if (self.namespace !== NAMESPACE || self.ip) return true; // not ours to police
  const applying = policies.filter((p) => (p.spec.policyTypes ?? ["Ingress"]).includes(dir) && selects(p.spec.podSelector, self.labels));
  if (applying.length === 0) return true;
  const key = dir === "Ingress" ? "ingress" : "egress";
  const peersKey = dir === "Ingress" ? "from" : "to";
  return applying.some((p) =>
    (p.spec[key] ?? []).some((rule: Any) => (!rule[peersKey]?.length || rule[peersKey].some((peer: Any) => peerMatches(peer, other))) && portMatches(rule.ports, port, protocol)),
  );
}

function allowed(objs: Obj[], src: Endpoint, dst: Endpoint, port: number, protocol = "TCP"): boolean {
  const policies = ofKind(objs, "NetworkPolicy");
  return allowedOneWay(policies, src, dst, port, protocol, "Egress") && allowedOneWay(policies, dst, src, port, protocol, "Ingress");
}

// ---------------------------------------------------------------------------------------------------
// Per overlay

for (const overlay of overlays) {
  const isProd = overlay.startsWith("prod-");
  describe(`overlay ${overlay}`, () => {
    test("renders with kubectl kustomize", () => {
      const objs = render(overlay);
      expect(objs.length).toBeGreaterThan(20);
    });

    test("every object is valid against the Kubernetes schemas (kubernetes-models)", () => {
      const objs = render(overlay);
      const kinds = new Set(objs.map((o) => o.kind));
      const expected = ["Namespace", "ServiceAccount", "ConfigMap", "Service", "Deployment", "StatefulSet", "HorizontalPodAutoscaler", "PodDisruptionBudget", "NetworkPolicy", "Ingress"];
      // production: the vLLM weights PVC; dev: the example Secret
      expected.push(isProd ? "PersistentVolumeClaim" : "Secret");
      expect(expected.filter((k) => !kinds.has(k))).toEqual([]);
      expect(schemaErrors(objs)).toEqual([]);
    });

    test("no unknown or misspelt fields (typed against the kubernetes-models interfaces)", () => {
      expect(unknownFieldErrors(overlay)).toEqual([]);
    }, 60_000);

    test("everything is in the sinhome namespace, names are unique, references resolve", () => {
      const objs = render(overlay);
      const problems: string[] = [];
      const seen = new Set<string>();
      for (const o of objs) {
        if (o.kind === "Namespace") continue;
        if (o.metadata.namespace !== NAMESPACE) problems.push(`${id(o)} is in namespace ${o.metadata.namespace ?? "(none)"}`);
        if (seen.has(id(o))) problems.push(`${id(o)} twice`);
        seen.add(id(o));
      }
      expect(find(objs, "Namespace", NAMESPACE)?.metadata.labels?.["pod-security.kubernetes.io/enforce"]).toBe("restricted");
      // Secrets created out of band in production (documented in RUNBOOK.md / secrets.example.env).
      const external = new Set(isProd ? ["sinhome-secrets", "sinhome-gateway-tls"] : ["sinhome-gateway-tls"]);
      const hasCm = (n: string) => !!find(objs, "ConfigMap", n);
      const hasSecret = (n: string) => !!find(objs, "Secret", n) || external.has(n);
      for (const w of workloads(objs)) {
        const spec = podSpec(w);
        if (spec.serviceAccountName && !find(objs, "ServiceAccount", spec.serviceAccountName)) problems.push(`${id(w)}: ServiceAccount ${spec.serviceAccountName} missing`);
        for (const v of spec.volumes ?? []) {
          if (v.configMap && !hasCm(v.configMap.name)) problems.push(`${id(w)}: volume ConfigMap ${v.configMap.name} missing`);
          if (v.secret && !hasSecret(v.secret.secretName)) problems.push(`${id(w)}: volume Secret ${v.secret.secretName} missing`);
          if (v.persistentVolumeClaim && !find(objs, "PersistentVolumeClaim", v.persistentVolumeClaim.claimName)) problems.push(`${id(w)}: PVC ${v.persistentVolumeClaim.claimName} missing`);
        }
        for (const c of allContainers(w)) {
          for (const from of c.envFrom ?? []) {
            if (from.configMapRef && !hasCm(from.configMapRef.name)) problems.push(`${id(w)}/${c.name}: ConfigMap ${from.configMapRef.name} missing`);
            if (from.secretRef && !hasSecret(from.secretRef.name)) problems.push(`${id(w)}/${c.name}: Secret ${from.secretRef.name} missing`);
          }
          for (const e of c.env ?? []) {
            const cm = e.valueFrom?.configMapKeyRef;
            if (cm && !(cm.optional || find(objs, "ConfigMap", cm.name)?.data?.[cm.key] !== undefined)) problems.push(`${id(w)}/${c.name}: ${e.name} → ConfigMap ${cm.name} key ${cm.key} missing`);
            const sk = e.valueFrom?.secretKeyRef;
            if (sk && !hasSecret(sk.name)) problems.push(`${id(w)}/${c.name}: ${e.name} → Secret ${sk.name} missing`);
            if (sk && find(objs, "Secret", sk.name) && !sk.optional && secretValue(objs, sk.name, sk.key) === undefined) problems.push(`${id(w)}/${c.name}: ${e.name} → Secret ${sk.name} has no key ${sk.key}`);
          }
        }
      }
      for (const ing of ofKind(objs, "Ingress")) for (const t of ing.spec.tls ?? []) if (!hasSecret(t.secretName)) problems.push(`${id(ing)}: TLS Secret ${t.secretName} missing`);
      expect(problems).toEqual([]);
    });

    test("Services, HPAs and PDBs target existing workloads; every workload has a PDB; the mesh has HPAs", () => {
      const objs = render(overlay);
      const ws = workloads(objs);
      const problems: string[] = [];
      for (const s of ofKind(objs, "Service")) {
        if (!ws.some((w) => selects({ matchLabels: s.spec.selector }, podLabels(w)))) problems.push(`${id(s)} selects no pod`);
        for (const p of s.spec.ports) {
          if (typeof p.targetPort !== "string") continue;
          const named = ws.filter((w) => selects({ matchLabels: s.spec.selector }, podLabels(w))).some((w) => mainContainers(w).some((c) => (c.ports ?? []).some((cp: Any) => cp.name === p.targetPort)));
          if (!named) problems.push(`${id(s)}: targetPort ${p.targetPort} is no container port name`);
        }
      }
      for (const h of ofKind(objs, "HorizontalPodAutoscaler")) {
        const t = h.spec.scaleTargetRef;
        if (!find(objs, t.kind, t.name)) problems.push(`${id(h)}: target ${t.kind}/${t.name} missing`);
        if (h.spec.minReplicas > h.spec.maxReplicas) problems.push(`${id(h)}: min > max`);
      }
      for (const w of ws) {
        if (!ofKind(objs, "PodDisruptionBudget").some((p) => selects(p.spec.selector, podLabels(w)))) problems.push(`${id(w)} has no PodDisruptionBudget`);
        if (!selects(w.spec.selector, podLabels(w))) problems.push(`${id(w)}: selector does not match its template`);
      }
      for (const p of ofKind(objs, "PodDisruptionBudget")) {
        if (!ws.some((w) => selects(p.spec.selector, podLabels(w)))) problems.push(`${id(p)} selects no pod`);
        // minAvailable = replicas would block every node drain
        if (p.spec.minAvailable !== undefined) problems.push(`${id(p)}: use maxUnavailable (single replicas must stay drainable)`);
      }
      for (const name of MESH) {
        const d = meshDeployment(objs, name);
        const hpa = ofKind(objs, "HorizontalPodAutoscaler").find((h) => h.spec.scaleTargetRef.kind === "Deployment" && h.spec.scaleTargetRef.name === name);
        if (!hpa) problems.push(`Deployment/${name} has no HPA`);
        else if (hpa.apiVersion !== "autoscaling/v2") problems.push(`${id(hpa)} is not autoscaling/v2`);
        // The HPA owns the replica count: a fixed one in the Deployment would be reset at each apply.
        if (d.spec.replicas !== undefined) problems.push(`Deployment/${name} sets replicas although an HPA scales it`);
      }
      for (const np of ofKind(objs, "NetworkPolicy")) {
        const sel = np.spec.podSelector;
        const everything = !sel.matchLabels && !sel.matchExpressions;
        if (!everything && !ws.some((w) => selects(sel, podLabels(w)))) problems.push(`${id(np)} selects no pod`);
      }
      expect(problems).toEqual([]);
    });

    test("containers: resources, probes, non-root, read-only root, no privilege, no host access", () => {
      const objs = render(overlay);
      const problems: string[] = [];
      for (const w of workloads(objs)) {
        const spec = podSpec(w);
        const where = id(w);
        if (spec.automountServiceAccountToken !== false) problems.push(`${where}: automountServiceAccountToken must be false`);
        if (spec.hostNetwork || spec.hostPID || spec.hostIPC) problems.push(`${where}: host namespaces`);
        if ((spec.volumes ?? []).some((v: Any) => v.hostPath)) problems.push(`${where}: hostPath volume`);
        const podSc = spec.securityContext ?? {};
        if (podSc.runAsUser === 0) problems.push(`${where}: runAsUser 0`);
        for (const c of allContainers(w)) {
          const at = `${where}/${c.name}`;
          const sc = c.securityContext ?? {};
          const r = c.resources ?? {};
          if (!r.requests?.cpu || !r.requests?.memory) problems.push(`${at}: cpu and memory requests required`);
          if (!r.limits?.memory) problems.push(`${at}: memory limit required`);
          if ((sc.runAsNonRoot ?? podSc.runAsNonRoot) !== true) problems.push(`${at}: runAsNonRoot`);
          if ((sc.runAsUser ?? podSc.runAsUser) === 0) problems.push(`${at}: runs as uid 0`);
          if (sc.readOnlyRootFilesystem !== true) problems.push(`${at}: readOnlyRootFilesystem`);
          if (sc.privileged === true) problems.push(`${at}: privileged`);
          if (sc.allowPrivilegeEscalation !== false) problems.push(`${at}: allowPrivilegeEscalation must be false`);
          if (!(sc.capabilities?.drop ?? []).includes("ALL")) problems.push(`${at}: capabilities must drop ALL`);
          if ((sc.capabilities?.add ?? []).length) problems.push(`${at}: adds capabilities`);
          if ((sc.seccompProfile ?? podSc.seccompProfile)?.type !== "RuntimeDefault") problems.push(`${at}: seccompProfile RuntimeDefault`);
          if ((c.ports ?? []).some((p: Any) => p.hostPort)) problems.push(`${at}: hostPort`);
        }
        // Probes on the long-running containers (not on run-to-completion init containers or sidecars).
        for (const c of mainContainers(w)) {
          for (const probe of ["startupProbe", "livenessProbe", "readinessProbe"]) if (!c[probe]) problems.push(`${where}/${c.name}: ${probe} missing`);
        }
      }
      expect(problems).toEqual([]);
    });

    test("images are pinned (a version tag or a digest, never latest)", () => {
      const objs = render(overlay);
      const problems: string[] = [];
      const meshImages = new Set<string>();
      for (const w of workloads(objs)) {
        for (const c of allContainers(w)) {
          const image: string = c.image;
          const last = image.split("/").pop() ?? "";
          const tag = last.includes(":") ? last.split(":").pop() : undefined;
          if (!image.includes("@sha256:") && (!tag || tag === "latest")) problems.push(`${id(w)}/${c.name}: ${image} is not pinned`);
          if (MESH.includes(w.metadata.name as (typeof MESH)[number])) meshImages.add(image);
        }
      }
      expect(problems).toEqual([]);
      // One image, one version for the whole mesh.
      expect(meshImages.size).toBe(1);
      if (isProd) expect([...meshImages][0]).toMatch(/^[a-z0-9.-]+\.[a-z]+(:\d+)?\/.+/); // a registry host
    });

    test("only the gateway is exposed: one Ingress with TLS, API paths only, no LoadBalancer/NodePort", () => {
      const objs = render(overlay);
      const ingresses = ofKind(objs, "Ingress");
      expect(ingresses.map((i) => i.metadata.name)).toEqual(["gateway"]);
      const ing = ingresses[0]!;
      expect(ing.spec.tls?.length).toBeGreaterThan(0);
      const paths: { path: string; pathType: string }[] = [];
      for (const rule of ing.spec.rules) {
        for (const p of rule.http.paths) {
          expect(p.backend.service.name).toBe("gateway");
          paths.push(p);
        }
      }
      expect(ing.spec.defaultBackend).toBeUndefined();
      for (const s of ofKind(objs, "Service")) expect([undefined, "ClusterIP"]).toContain(s.spec.type);
      const routed = (path: string) =>
        paths.some((p) => (p.pathType === "Exact" ? p.path === path : path === p.path || path.startsWith(p.path.endsWith("/") ? p.path : `${p.path}/`)));
      const api = [...ROUTES.map((r) => r.path.replace(/:[a-z_]+/g, "x")), "/logs/stream", "/swagger", "/swagger/json"];
      expect(api.filter((p) => !routed(p))).toEqual([]);
      // Unauthenticated operational endpoints stay inside the cluster.
      expect(["/metrics", "/healthz", "/readyz"].filter(routed)).toEqual([]);
      // A chat reply may take CHAT_DEADLINE_MS: the proxy must wait longer.
      const deadline = Number(containerEnv(objs, mainContainers(meshDeployment(objs, "gateway"))[0]).CHAT_DEADLINE_MS) / 1000;
      expect(Number(ing.metadata.annotations?.["nginx.ingress.kubernetes.io/proxy-read-timeout"])).toBeGreaterThan(deadline);
    });

    test("graceful drain: preStop pause, grace period covers in-flight work, readiness on /readyz", () => {
      const objs = render(overlay);
      const problems: string[] = [];
      for (const name of MESH) {
        const d = meshDeployment(objs, name);
        const c = mainContainers(d)[0];
        const env = containerEnv(objs, c);
        const preStop = c.lifecycle?.preStop?.sleep?.seconds ?? 0;
        if (preStop < 5) problems.push(`${name}: preStop sleep of at least 5 s`);
        const grace: number = podSpec(d).terminationGracePeriodSeconds ?? 30;
        const shutdown = Number(env.SHUTDOWN_GRACE_MS ?? 30000) / 1000;
        const deadline = Number(env.CHAT_DEADLINE_MS ?? 150000) / 1000;
        if (grace < preStop + shutdown) problems.push(`${name}: terminationGracePeriodSeconds ${grace} < preStop ${preStop} + SHUTDOWN_GRACE_MS ${shutdown}`);
        // chat finishes its replies; the gateway waits for the chat replies it is proxying.
        if ((name === "chat" || name === "gateway") && grace < Math.max(180, preStop + deadline)) problems.push(`${name}: terminationGracePeriodSeconds ${grace} must be >= 180 and cover CHAT_DEADLINE_MS`);
        if (name === "chat" && shutdown <= deadline) problems.push(`chat: SHUTDOWN_GRACE_MS (${shutdown} s) must exceed CHAT_DEADLINE_MS (${deadline} s)`);
        if (c.readinessProbe?.httpGet?.path !== "/readyz") problems.push(`${name}: readiness must be /readyz (503 while draining)`);
        if (c.livenessProbe?.httpGet?.path !== "/healthz") problems.push(`${name}: liveness must be /healthz`);
        if (d.spec.strategy?.rollingUpdate?.maxUnavailable !== 0) problems.push(`${name}: rolling updates must not take capacity away (maxUnavailable 0)`);
        if (c.args?.[0] !== "run" || c.args?.[1] !== `start:${name}`) problems.push(`${name}: args must be ["run", "start:${name}"]`);
        const spread = podSpec(d).topologySpreadConstraints ?? [];
        if (!spread.some((t: Any) => t.topologyKey === "kubernetes.io/hostname")) problems.push(`${name}: no topology spread over nodes`);
      }
      expect(problems).toEqual([]);
    });

    test("the configuration passes each process's own env schema", () => {
      const objs = render(overlay);
      const parsers: Record<(typeof MESH)[number], (env: Record<string, string | undefined>) => unknown> = {
        gateway: parseGatewayEnv,
        chat: parseChatEnv,
        scoring: parseScoringEnv,
        media: parseMediaEnv,
        ops: parseOpsEnv,
      };
      const problems: string[] = [];
      for (const name of MESH) {
        const env = containerEnv(objs, mainContainers(meshDeployment(objs, name))[0]);
        try {
          parsers[name](env);
        } catch (e) {
          problems.push(`${name}: ${e instanceof Error ? e.message : String(e)}`);
        }
        // In the mesh every process needs NATS, and tracing goes to the collector.
        if (!env.NATS_URL) problems.push(`${name}: NATS_URL unset`);
        if (env.OTEL_EXPORTER_OTLP_ENDPOINT !== "http://otel-collector:4318") problems.push(`${name}: OTEL_EXPORTER_OTLP_ENDPOINT should be the collector`);
        for (const [k, v] of Object.entries(env)) if (typeof v === "string" && /\$\([A-Z_]+\)/.test(v)) problems.push(`${name}: ${k} has an unresolved ${v}`);
      }
      const gw = containerEnv(objs, mainContainers(meshDeployment(objs, "gateway"))[0]);
      if (!gw.GATEWAY_API_KEYS) problems.push("gateway: GATEWAY_API_KEYS must come from the Secret (an open API in a cluster)");
      if (!gw.REDIS_URL) problems.push("gateway: REDIS_URL unset (rate limits would be per replica)");
      const media = containerEnv(objs, mainContainers(meshDeployment(objs, "media"))[0]);
      if (!media.DATABASE_URL) problems.push("media: DATABASE_URL unset (PGlite in a pod would lose data)");
      // The URL chat calls must be an in-cluster Service on the LLM backend's port.
      const chat = containerEnv(objs, mainContainers(meshDeployment(objs, "chat"))[0]);
      const llm = new URL(chat.VLLM_BASE_URL ?? "http://unset");
      const svc = find(objs, "Service", llm.hostname);
      if (!svc) problems.push(`chat: VLLM_BASE_URL host ${llm.hostname} is no Service`);
      else if (!svc.spec.ports.some((p: Any) => p.port === Number(llm.port || 80))) problems.push(`chat: Service ${llm.hostname} has no port ${llm.port}`);
      if (llm.pathname !== "/v1") problems.push("chat: VLLM_BASE_URL must end with /v1");
      expect(problems).toEqual([]);
    });

    test("NetworkPolicies: default deny, and exactly the intended flows", () => {
      const objs = render(overlay);
      const policies = ofKind(objs, "NetworkPolicy");
      const deny = policies.find((p) => !p.spec.podSelector.matchLabels && !p.spec.podSelector.matchExpressions && !p.spec.ingress && !p.spec.egress);
      expect(deny?.spec.policyTypes).toEqual(["Ingress", "Egress"]);
      const pods = new Map(workloads(objs).map((w) => [appName(w), podEndpoint(w)]));
      const pod = (n: string) => {
        const p = pods.get(n);
        if (!p) throw new Error(`no pod ${n}`);
        return p;
      };
      const llmBackend = workloads(objs).find((w) => podLabels(w)["sinhome.io/llm-backend"] === "true");
      expect(llmBackend).toBeDefined();
      const llm = podEndpoint(llmBackend!);
      const flows: [Endpoint, Endpoint, number, boolean, string?][] = [
        [INGRESS_CONTROLLER, pod("gateway"), 8001, true],
        [OTHER_NAMESPACE, pod("gateway"), 8001, false],
        [INTERNET, pod("gateway"), 8001, false],
        [OTHER_NAMESPACE, pod("nats"), 4222, false],
        [PROMETHEUS, pod("gateway"), 8001, true],
        [PROMETHEUS, pod("chat"), 9090, true],
        [PROMETHEUS, pod("postgres"), 5432, false],
        ...MESH.map((m): [Endpoint, Endpoint, number, boolean] => [pod(m), pod("nats"), 4222, true]),
        [pod("nats"), pod("nats"), 6222, true],
        [pod("media"), pod("postgres"), 5432, true],
        ...(["gateway", "chat", "scoring", "ops"] as const).map((m): [Endpoint, Endpoint, number, boolean] => [pod(m), pod("postgres"), 5432, false]),
        [pod("gateway"), pod("redis"), 6379, true],
        [pod("ops"), pod("redis"), 6379, true],
        ...(["chat", "scoring", "media"] as const).map((m): [Endpoint, Endpoint, number, boolean] => [pod(m), pod("redis"), 6379, false]),
        [pod("chat"), llm, 8000, true],
        ...(["gateway", "scoring", "media", "ops"] as const).map((m): [Endpoint, Endpoint, number, boolean] => [pod(m), llm, 8000, false]),
        [pod("chat"), INTERNET, 443, true],
        [pod("chat"), INTERNET, 80, false],
        ...(["gateway", "scoring", "media", "ops"] as const).map((m): [Endpoint, Endpoint, number, boolean] => [pod(m), INTERNET, 443, false]),
        [pod("gateway"), pod("chat"), 9090, false],
        ...[...pods.values()].map((p): [Endpoint, Endpoint, number, boolean, string] => [p, KUBE_DNS, 53, true, "UDP"]),
        ...[...pods.values()].filter((p) => p.what !== "otel-collector").map((p): [Endpoint, Endpoint, number, boolean] => [p, pod("otel-collector"), 4318, true]),
        [pod("otel-collector"), pod("tempo"), 4317, true],
        [pod("grafana"), pod("tempo"), 3200, true],
        [pod("grafana"), PROMETHEUS, 9090, true],
        [pod("gateway"), pod("tempo"), 3200, false],
      ];
      if (isProd) flows.push([pod("vllm"), INTERNET, 443, true], [pod("vllm"), pod("postgres"), 5432, false]);
      const wrong = flows
        .filter(([src, dst, port, expected, proto]) => allowed(objs, src, dst, port, proto ?? "TCP") !== expected)
        .map(([src, dst, port, expected, proto]) => `${src.what} → ${dst.what}:${port}/${proto ?? "TCP"} should be ${expected ? "allowed" : "denied"}`);
      expect(wrong).toEqual([]);
    });

    test("config files in ConfigMaps parse (YAML, JSON; NATS with `nats-server -t` when installed)", () => {
      const objs = render(overlay);
      const problems: string[] = [];
      for (const cm of ofKind(objs, "ConfigMap")) {
        for (const [key, text] of Object.entries(cm.data ?? {})) {
          try {
            if (/\.ya?ml$/.test(key)) Bun.YAML.parse(text);
            if (key.endsWith(".json")) JSON.parse(text);
          } catch (e) {
            problems.push(`${id(cm)} ${key}: ${e instanceof Error ? e.message : String(e)}`);
          }
        }
      }
      const nats = find(objs, "ConfigMap", ofKind(objs, "ConfigMap").find((c) => c.metadata.name.startsWith("nats-config"))?.metadata.name ?? "");
      expect(nats?.data?.["nats.conf"]).toBeDefined();
      const natsServer = [Bun.which("nats-server"), "/usr/sbin/nats-server"].find((p) => p && existsSync(p));
      if (natsServer && nats?.data) {
        const dir = mkdtempSync(join(tmpdir(), "nats-conf-"));
        try {
          for (const [k, v] of Object.entries(nats.data)) writeFileSync(join(dir, k), v);
          const run = spawnSync(natsServer, ["-t", "-c", join(dir, "nats.conf")], { encoding: "utf8", env: { ...process.env, SERVER_NAME: "nats-0" } });
          if (run.status !== 0) problems.push(`nats.conf rejected by nats-server: ${run.stderr}${run.stdout}`);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }
      expect(problems).toEqual([]);
    });

    if (isProd) {
      const preset = overlay.slice("prod-".length);

      test("vLLM: 2 GPUs = tensor parallel size, /dev/shm, weights volume, long startup probe, GPU pool", () => {
        const objs = render(overlay);
        const vllm = find(objs, "Deployment", "vllm");
        expect(vllm).toBeDefined();
        const spec = podSpec(vllm!);
        const c = mainContainers(vllm!).find((x) => x.name === "vllm");
        const env = containerEnv(objs, c);
        expect(c.image).toMatch(/^vllm\/vllm-openai:v\d+\.\d+\.\d+$/);
        // GPUs: TENSOR_PARALLEL_SIZE of the preset = --tensor-parallel-size in VLLM_ARGS = the GPU limit.
        const tp = Number(env.TENSOR_PARALLEL_SIZE);
        expect(tp).toBe(2);
        expect(c.resources.limits["nvidia.com/gpu"]).toBe(String(tp));
        const args = (env.VLLM_ARGS ?? "").split(/\s+/);
        expect(args[args.indexOf("--tensor-parallel-size") + 1]).toBe(String(tp));
        expect(args).toContain("--enable-prefix-caching");
        // The command serves the preset's model under its served name, on port 8000, with VLLM_ARGS split into words.
        const cmd = [...(c.command ?? []), ...(c.args ?? [])].join(" ");
        for (const part of ['vllm serve "$MODEL_ID"', '--served-model-name "$VLLM_MODEL_NAME"', "--port 8000", "$VLLM_ARGS"]) expect(cmd).toContain(part);
        expect(env.MODEL_ID).toBeTruthy();
        // Shared memory for NCCL.
        const shmVolume = c.volumeMounts.find((m: Any) => m.mountPath === "/dev/shm")?.name;
        const shm = spec.volumes.find((v: Any) => v.name === shmVolume);
        expect(shm?.emptyDir?.medium).toBe("Memory");
        // Weights cache on a PVC, where HF_HOME points.
        const models = spec.volumes.find((v: Any) => v.persistentVolumeClaim);
        const mount = c.volumeMounts.find((m: Any) => m.name === models?.name);
        expect(find(objs, "PersistentVolumeClaim", models.persistentVolumeClaim.claimName)).toBeDefined();
        expect(env.HF_HOME?.startsWith(`${mount.mountPath}/`)).toBe(true);
        expect(c.env.find((e: Any) => e.name === "HF_TOKEN")?.valueFrom?.secretKeyRef).toBeDefined();
        // 15–30 minutes to load: the startup probe allows at least 30.
        const sp = c.startupProbe;
        expect((sp.initialDelaySeconds ?? 0) + sp.periodSeconds * sp.failureThreshold).toBeGreaterThanOrEqual(1800);
        expect(c.readinessProbe.httpGet).toMatchObject({ path: "/health", port: "http" });
        expect(c.ports.find((p: Any) => p.name === "http")?.containerPort).toBe(8000);
        // GPU pool.
        expect(Object.keys(spec.nodeSelector ?? {}).some((k) => k.includes("nvidia.com") || k.includes("accelerator"))).toBe(true);
        expect(spec.tolerations.some((t: Any) => t.key === "nvidia.com/gpu")).toBe(true);
        // A surge pod would need 2 more GPUs.
        expect(vllm!.spec.strategy.type).toBe("Recreate");
        expect(find(objs, "Service", "vllm")?.spec.ports[0].port).toBe(8000);
        // Nothing else asks for GPUs.
        const gpuUsers = workloads(objs).filter((w) => allContainers(w).some((x) => x.resources?.limits?.["nvidia.com/gpu"]));
        expect(gpuUsers.map(id)).toEqual(["Deployment/vllm"]);
      });

      test(`chat and vLLM use the model of models_env/${preset}.env`, () => {
        const objs = render(overlay);
        const fromFile = Object.fromEntries(
          readFileSync(join(ROOT, "models_env", `${preset}.env`), "utf8")
            .split("\n")
            .filter((l) => l.trim() && !l.trim().startsWith("#"))
            .map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)]),
        );
        const vllm = containerEnv(objs, mainContainers(find(objs, "Deployment", "vllm")!)[0]);
        const chat = containerEnv(objs, mainContainers(meshDeployment(objs, "chat"))[0]);
        for (const k of ["MODEL_ID", "VLLM_MODEL_NAME", "TENSOR_PARALLEL_SIZE", "VLLM_ARGS"]) expect(vllm[k]).toBe(fromFile[k]);
        expect(chat.VLLM_MODEL_NAME).toBe(fromFile.VLLM_MODEL_NAME);
      });

      test("no Secret is rendered (production secrets are created out of band)", () => {
        expect(ofKind(render(overlay), "Secret").map(id)).toEqual([]);
      });
    } else {
      test("dev: the simulator instead of vLLM, no GPU, single replicas", () => {
        const objs = render(overlay);
        expect(find(objs, "Deployment", "vllm")).toBeUndefined();
        const sim = find(objs, "Deployment", "llm-sim");
        expect(sim).toBeDefined();
        expect(mainContainers(sim!)[0].args).toEqual(["run", "sim"]);
        const chat = containerEnv(objs, mainContainers(meshDeployment(objs, "chat"))[0]);
        const simEnv = containerEnv(objs, mainContainers(sim!)[0]);
        expect(chat.VLLM_BASE_URL).toBe("http://llm-sim:8000/v1");
        expect(simEnv.SIM_MODELS).toBe(chat.VLLM_MODEL_NAME);
        expect(simEnv.SIM_HOSTNAME).toBe("0.0.0.0");
        for (const w of workloads(objs)) {
          expect(allContainers(w).filter((c) => c.resources?.limits?.["nvidia.com/gpu"] || c.resources?.requests?.["nvidia.com/gpu"])).toEqual([]);
          expect(w.spec.replicas ?? 1).toBe(1);
        }
        for (const h of ofKind(objs, "HorizontalPodAutoscaler")) expect([h.spec.minReplicas, h.spec.maxReplicas]).toEqual([1, 1]);
        // Only placeholders ship in the repository.
        const secret = find(objs, "Secret", "sinhome-secrets");
        expect(secretValue(objs, "sinhome-secrets", "GATEWAY_API_KEYS")).toContain("change-me");
        expect(secret).toBeDefined();
      });
    }
  });
}

// ---------------------------------------------------------------------------------------------------
// Repository-level checks

describe("model presets", () => {
  test("every models_env preset has a prod overlay, and its model.env is a byte-for-byte copy", () => {
    expect(prodOverlays.map((o) => o.slice("prod-".length)).sort()).toEqual(presets);
    const stale = presets.filter(
      (p) => readFileSync(join(OVERLAYS_DIR, `prod-${p}`, "model.env"), "utf8") !== readFileSync(join(ROOT, "models_env", `${p}.env`), "utf8"),
    );
    // Fix with: cp models_env/<preset>.env deploy/k8s/overlays/prod-<preset>/model.env
    expect(stale).toEqual([]);
  });

  test("the default production overlay is qwen2", () => {
    expect(prodOverlays).toContain("prod-qwen2");
    expect(readFileSync(join(ROOT, "deploy", "RUNBOOK.md"), "utf8")).toContain("kubectl apply -k deploy/k8s/overlays/prod-qwen2");
  });
});

describe("grafana", () => {
  const dashDir = join(K8S, "base", "grafana", "dashboards");
  const dashboards = readdirSync(dashDir)
    .filter((f) => f.endsWith(".json"))
    .map((f) => ({ file: f, json: JSON.parse(readFileSync(join(dashDir, f), "utf8")) as Any }));
  const panels = (d: Any): Any[] => (d.panels ?? []).flatMap((p: Any) => [p, ...(p.panels ?? [])]);
  const exprs = (d: Any): string[] => panels(d).flatMap((p) => (p.targets ?? []).map((t: Any) => t.expr).filter(Boolean));

  test("dashboards are valid JSON with unique uids, and the kustomization ships each of them", () => {
    expect(dashboards.length).toBeGreaterThanOrEqual(4);
    const uids = dashboards.map((d) => d.json.uid);
    expect(new Set(uids).size).toBe(uids.length);
    const kustomization = readFileSync(join(K8S, "base", "kustomization.yaml"), "utf8");
    for (const d of dashboards) {
      expect(kustomization).toContain(`grafana/dashboards/${d.file}`);
      expect(d.json.title).toBeTruthy();
      expect(panels(d.json).length).toBeGreaterThan(3);
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
      "sinhome_llm_circuit_open",
      "sinhome_safety_deflections_total",
      "sinhome_requests_total",
      "sinhome_request_duration_seconds",
      "sinhome_process_process_resident_memory_bytes",
      "sinhome_process_process_cpu_seconds_total",
    ];
    expect(required.filter((m) => !used.has(m))).toEqual([]);
  });

  test("the provisioned data sources are the ones the dashboards use (Prometheus, Tempo)", () => {
    const ds = Bun.YAML.parse(readFileSync(join(K8S, "base", "grafana", "provisioning", "datasources.yaml"), "utf8")) as Any;
    const byUid = new Map(ds.datasources.map((d: Any) => [d.uid, d.type]));
    expect(byUid.get("prometheus")).toBe("prometheus");
    expect(byUid.get("tempo")).toBe("tempo");
    for (const d of dashboards) {
      for (const p of panels(d.json).filter((x) => x.type !== "row")) {
        const uid = p.datasource?.uid;
        expect(["${datasource}", "prometheus", "tempo"]).toContain(uid);
      }
      const dsVar = d.json.templating.list.find((v: Any) => v.name === "datasource");
      expect(dsVar?.query).toBe("prometheus");
    }
  });
});

describe("image", () => {
  const dockerfile = readFileSync(join(ROOT, "deploy", "Dockerfile"), "utf8");
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { workspaces: string[]; scripts: Record<string, string> };

  test("the Dockerfile copies every workspace manifest before the frozen production install", () => {
    const workspaces = pkg.workspaces.flatMap((w) =>
      w.endsWith("/*")
        ? readdirSync(join(ROOT, w.slice(0, -2)))
            .map((d) => `${w.slice(0, -2)}/${d}`)
            .filter((d) => statSync(join(ROOT, d)).isDirectory() && existsSync(join(ROOT, d, "package.json")))
        : [w],
    );
    const missing = workspaces.filter((w) => !new RegExp(`^COPY ${w}/package\\.json `, "m").test(dockerfile));
    expect(missing).toEqual([]);
    expect(dockerfile).toMatch(/^COPY package\.json bun\.lock /m);
    expect(dockerfile).toMatch(/bun install --frozen-lockfile --production/);
    expect(dockerfile).toMatch(/^FROM oven\/bun:\$\{BUN_VERSION\}/m);
    const user = dockerfile.match(/^USER (\d+)(:\d+)?$/m);
    expect(Number(user?.[1])).toBeGreaterThan(0);
    // The image's Bun is CI's Bun.
    const ci = readFileSync(join(ROOT, ".ci", "run"), "utf8").match(/^BUN_VERSION=(\S+)/m)?.[1];
    expect(dockerfile).toContain(`ARG BUN_VERSION=${ci}`);
  });

  test("every process a manifest starts is a package.json script", () => {
    for (const overlay of overlays) {
      for (const w of workloads(render(overlay))) {
        for (const c of mainContainers(w)) {
          if (!String(c.image).includes("sinhome/mesh")) continue;
          expect(c.args?.[0]).toBe("run");
          expect(Object.keys(pkg.scripts)).toContain(c.args?.[1]);
        }
      }
    }
  });
});
