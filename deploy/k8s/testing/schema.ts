/**
 * Validation of rendered objects against the Kubernetes 1.34 API, with the npm package kubernetes-models
 * (and @kubernetes-models/prometheus-operator for the PrometheusRule of components/alerts):
 *  - `schemaErrors`: its JSON Schema validators (Ajv: types, required fields, enums, formats such as
 *    resource quantities);
 *  - `unknownFieldErrors`: its TypeScript interfaces. The objects are compiled in memory as typed
 *    constants, so a misspelt field (`readinessprobe`) is an excess-property error — the schemas alone
 *    allow additional properties, the API server's strict field validation doesn't.
 */
import { join } from "node:path";
import ts from "typescript";
import { Deployment, StatefulSet } from "kubernetes-models/apps/v1";
import { HorizontalPodAutoscaler } from "kubernetes-models/autoscaling/v2";
import { Ingress, NetworkPolicy } from "kubernetes-models/networking.k8s.io/v1";
import { PodDisruptionBudget } from "kubernetes-models/policy/v1";
import { PrometheusRule } from "@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PrometheusRule";
import { ConfigMap, Namespace, PersistentVolumeClaim, Secret, Service, ServiceAccount } from "kubernetes-models/v1";
import { id, isKind, K8S, type Manifest, overlays, render } from "./render.ts";

// ---------------------------------------------------------------------------------------------------
// JSON Schema validation

type Validatable = { validate(): void };
/** A kubernetes-models class: its apiVersion/kind guard and its constructor. */
type ModelClass<T> = { is(value: unknown): value is T; new (data: T): Validatable };
const model =
  <T>(Model: ModelClass<T>) =>
  (o: unknown): Validatable | undefined =>
    Model.is(o) ? new Model(o) : undefined;

const MODELS: Record<string, (o: unknown) => Validatable | undefined> = {
  "v1/Namespace": model(Namespace),
  "v1/ServiceAccount": model(ServiceAccount),
  "v1/ConfigMap": model(ConfigMap),
  "v1/Secret": model(Secret),
  "v1/Service": model(Service),
  "v1/PersistentVolumeClaim": model(PersistentVolumeClaim),
  "apps/v1/Deployment": model(Deployment),
  "apps/v1/StatefulSet": model(StatefulSet),
  "autoscaling/v2/HorizontalPodAutoscaler": model(HorizontalPodAutoscaler),
  "policy/v1/PodDisruptionBudget": model(PodDisruptionBudget),
  "networking.k8s.io/v1/NetworkPolicy": model(NetworkPolicy),
  "networking.k8s.io/v1/Ingress": model(Ingress),
  // The CRD of prometheus-operator (kube-prometheus), as @kubernetes-models/prometheus-operator models it.
  "monitoring.coreos.com/v1/PrometheusRule": model(PrometheusRule),
};

/** One message per object the Kubernetes schemas reject (or that has no schema here). */
export function schemaErrors(objs: Manifest[]): string[] {
  const errors: string[] = [];
  for (const o of objs) {
    const toModel = MODELS[`${o.apiVersion}/${o.kind}`];
    if (!toModel) {
      errors.push(`${id(o)}: no schema for ${o.apiVersion}/${o.kind} (add it to MODELS)`);
      continue;
    }
    const copy = structuredClone(o);
    // kustomize wraps long base64 values over several lines; the API server's decoder (Go's base64)
    // skips the newlines, the schema's "byte" format does not: compare what the server will see.
    if (isKind(copy, "Secret") && copy.data) for (const [k, v] of Object.entries(copy.data)) copy.data[k] = v.replace(/\s+/g, "");
    try {
      toModel(copy)?.validate();
    } catch (e) {
      errors.push(`${id(o)}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return errors;
}

// ---------------------------------------------------------------------------------------------------
// Unknown fields: type-check the objects against the kubernetes-models interfaces

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
  "monitoring.coreos.com/v1/PrometheusRule": ["@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PrometheusRule", "IPrometheusRule"],
};

type Span = { start: number; end: number; obj: Manifest };
type VirtualFile = { text: string; spans: Span[]; overlay: string };

/** One virtual module per overlay: `export const o<i>: I<Kind> = <object>;`, with each object's span. */
function virtualFile(overlay: string, objs: Manifest[]): VirtualFile {
  const imports = new Set<string>();
  let body = "";
  const spans: Span[] = [];
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
  return { text: head + body, spans, overlay };
}

/** Compiles the virtual files in one TypeScript program; the diagnostics, per overlay. */
function compile(files: Map<string, VirtualFile>): Map<string, string[]> {
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
  const results = new Map(overlays.map((o) => [o, [] as string[]]));
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const message = ts.flattenDiagnosticMessageText(d.messageText, " ");
    const f = d.file ? files.get(d.file.fileName) : undefined;
    if (!f) {
      for (const list of results.values()) list.push(`(typescript) ${message}`);
      continue;
    }
    const span = f.spans.find((s) => d.start !== undefined && d.start >= s.start && d.start < s.end);
    results.get(f.overlay)?.push(`${span ? id(span.obj) : "?"}: ${message}`);
  }
  return results;
}

let strictResults: Map<string, string[]> | undefined;
/** The unknown or misspelt fields of an overlay's objects (one program for all overlays, built once). */
export function unknownFieldErrors(overlay: string): string[] {
  if (!strictResults) {
    const files = new Map<string, VirtualFile>();
    for (const o of overlays) {
      let objs: Manifest[];
      try {
        objs = render(o);
      } catch {
        continue; // reported by that overlay's render test
      }
      files.set(join(K8S, `.strict-check.${o}.ts`), virtualFile(o, objs));
    }
    strictResults = compile(files);
  }
  return strictResults.get(overlay) ?? [];
}
