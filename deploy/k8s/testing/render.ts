/**
 * Rendering of the overlays for the manifest tests: `kubectl kustomize` once per overlay (cached), the
 * rendered objects typed with the kubernetes-models interfaces, and the accessors the checks share
 * (objects by kind and name, workloads, their pod spec and containers, label selectors).
 * Needs `kubectl` (with its built-in kustomize) on PATH; no cluster, no network.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { IDeployment, IStatefulSet } from "kubernetes-models/apps/v1";
import type { IHorizontalPodAutoscaler } from "kubernetes-models/autoscaling/v2";
import type { IIngress, INetworkPolicy } from "kubernetes-models/networking.k8s.io/v1";
import type { IPodDisruptionBudget } from "kubernetes-models/policy/v1";
import type { IPrometheusRule } from "@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PrometheusRule";
import type {
  IConfigMap,
  IContainer,
  INamespace,
  IPersistentVolumeClaim,
  IPodSpec,
  ISecret,
  IService,
  IServiceAccount,
} from "kubernetes-models/v1";

export const K8S = join(import.meta.dir, "..");
export const ROOT = join(K8S, "..", "..");
export const OVERLAYS_DIR = join(K8S, "overlays");
export const NAMESPACE = "sinhome";
export const MESH = ["gateway", "chat", "scoring", "media", "ops", "outcomes"] as const;
export type MeshName = (typeof MESH)[number];
export const isMesh = (name: string | undefined): name is MeshName => (MESH as readonly (string | undefined)[]).includes(name);

export const overlays = readdirSync(OVERLAYS_DIR)
  .filter((d) => existsSync(join(OVERLAYS_DIR, d, "kustomization.yaml")))
  .sort();
export const prodOverlays = overlays.filter((o) => o.startsWith("prod-"));
export const presets = readdirSync(join(ROOT, "models_env"))
  .filter((f) => f.endsWith(".env"))
  .map((f) => f.replace(/\.env$/, ""))
  .sort();

// ---------------------------------------------------------------------------------------------------
// Types

/** The kinds the overlays render, as the kubernetes-models interfaces describe them. */
export type KnownManifest =
  | INamespace
  | IServiceAccount
  | IConfigMap
  | ISecret
  | IService
  | IPersistentVolumeClaim
  | IDeployment
  | IStatefulSet
  | IHorizontalPodAutoscaler
  | IPodDisruptionBudget
  | INetworkPolicy
  | IIngress
  | IPrometheusRule;
export type Kind = KnownManifest["kind"];
export type OfKind<K extends Kind> = Extract<KnownManifest, { kind: K }>;
export type ObjectMeta = NonNullable<IConfigMap["metadata"]>;
/** Any rendered document: a known kind, or one the schema test rejects ("no schema for …"). */
export type Manifest = KnownManifest | { apiVersion: string; kind: string; metadata?: ObjectMeta };
export type Workload = IDeployment | IStatefulSet;
export type Labels = Record<string, string>;
export type LabelSelector = NonNullable<IDeployment["spec"]>["selector"];

// ---------------------------------------------------------------------------------------------------
// Rendering

const rendered = new Map<string, Manifest[]>();
/** The objects of an overlay, as `kubectl kustomize` renders them (a failure shows kubectl's stderr). */
export function render(overlay: string): Manifest[] {
  const cached = rendered.get(overlay);
  if (cached) return cached;
  const dir = join(OVERLAYS_DIR, overlay);
  const run = spawnSync("kubectl", ["kustomize", dir], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (run.error) throw new Error(`cannot run kubectl (install kubectl, which includes kustomize): ${run.error.message}`);
  if (run.status !== 0) throw new Error(`kubectl kustomize ${dir} failed (exit ${run.status}):\n${run.stderr}`);
  const parsed = Bun.YAML.parse(run.stdout) as unknown;
  // Typed by what they claim to be; the schema tests check that claim.
  const docs = (Array.isArray(parsed) ? parsed : [parsed]).filter((d): d is Manifest => d !== null && typeof d === "object");
  rendered.set(overlay, docs);
  return docs;
}

// ---------------------------------------------------------------------------------------------------
// Accessors

export const id = (o: { kind: string; metadata?: ObjectMeta }) => `${o.kind}/${o.metadata?.name}`;

/** The value, or an error naming what the manifest lacks (the checks below rely on it being there). */
export function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} missing`);
  return value;
}

/** The object's spec (an object without one fails the check that reads it). */
export const specOf = <S>(o: { kind: string; metadata?: ObjectMeta; spec?: S }): S => required(o.spec, `${id(o)}: spec`);

export const isKind = <K extends Kind>(o: Manifest, kind: K): o is OfKind<K> => o.kind === kind;
export const ofKind = <K extends Kind>(objs: Manifest[], kind: K): OfKind<K>[] => objs.filter((o) => isKind(o, kind));

export function find<K extends Kind>(objs: Manifest[], kind: K, name: string | undefined): OfKind<K> | undefined;
export function find(objs: Manifest[], kind: string, name: string | undefined): Manifest | undefined;
export function find(objs: Manifest[], kind: string, name: string | undefined): Manifest | undefined {
  return objs.find((o) => o.kind === kind && o.metadata?.name === name);
}

export const workloads = (objs: Manifest[]): Workload[] => objs.filter((o): o is Workload => o.kind === "Deployment" || o.kind === "StatefulSet");

export const podSpec = (w: Workload): IPodSpec => required(specOf(w).template.spec, `${id(w)}: spec.template.spec`);
export const podLabels = (w: Workload): Labels => specOf(w).template.metadata?.labels ?? {};
export const appName = (w: Workload) => podLabels(w)["app.kubernetes.io/name"] ?? w.metadata?.name;

/** The long-running containers (probes are required there, not on init containers or sidecars). */
export const mainContainers = (w: Workload): IContainer[] => podSpec(w).containers ?? [];
export const mainContainer = (w: Workload): IContainer => required(mainContainers(w)[0], `${id(w)}: container`);
export const allContainers = (w: Workload): IContainer[] => [...mainContainers(w), ...(podSpec(w).initContainers ?? [])];

export const meshDeployment = (objs: Manifest[], name: string): IDeployment => {
  const d = find(objs, "Deployment", name);
  if (!d) throw new Error(`Deployment/${name} missing`);
  return d;
};

/** Kubernetes label selector semantics (matchLabels + matchExpressions; {} matches everything). */
export function selects(selector: LabelSelector | undefined, labels: Labels): boolean {
  if (!selector) return false;
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) if (labels[k] !== v) return false;
  for (const e of selector.matchExpressions ?? []) {
    const has = e.key in labels;
    const val = labels[e.key];
    const listed = () => required(e.values, `selector ${e.key} ${e.operator}: values`).some((x) => x === val);
    if (e.operator === "In" && !(has && listed())) return false;
    if (e.operator === "NotIn" && has && listed()) return false;
    if (e.operator === "Exists" && !has) return false;
    if (e.operator === "DoesNotExist" && has) return false;
  }
  return true;
}
