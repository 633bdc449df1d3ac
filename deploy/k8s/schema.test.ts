/**
 * Every overlay renders with `kubectl kustomize`, and what it renders is valid Kubernetes: each object
 * against the API schemas and interfaces of kubernetes-models (Kubernetes 1.34; see testing/schema.ts),
 * in the sinhome namespace, with unique names and references that resolve (ConfigMaps, Secrets, PVCs,
 * ServiceAccounts; Services, HPAs, PDBs and NetworkPolicies selecting existing pods).
 * Needs `kubectl` (with its built-in kustomize) on PATH; no cluster, no network.
 */
import { describe, expect, test } from "bun:test";
import { secretValue } from "./testing/env.ts";
import { podSelectorOf } from "./testing/network-policy.ts";
import {
  allContainers,
  find,
  id,
  MESH,
  mainContainers,
  meshDeployment,
  NAMESPACE,
  ofKind,
  overlays,
  podLabels,
  podSpec,
  render,
  required,
  selects,
  specOf,
  workloads,
} from "./testing/render.ts";
import { schemaErrors, unknownFieldErrors } from "./testing/schema.ts";

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
        if (o.metadata?.namespace !== NAMESPACE) problems.push(`${id(o)} is in namespace ${o.metadata?.namespace ?? "(none)"}`);
        if (seen.has(id(o))) problems.push(`${id(o)} twice`);
        seen.add(id(o));
      }
      expect(find(objs, "Namespace", NAMESPACE)?.metadata?.labels?.["pod-security.kubernetes.io/enforce"]).toBe("restricted");
      // Secrets created out of band in production (documented in RUNBOOK.md / secrets.example.env).
      const external = new Set(isProd ? ["sinhome-secrets", "sinhome-api-keys", "sinhome-gateway-tls"] : ["sinhome-gateway-tls"]);
      const hasCm = (n: string | undefined) => !!find(objs, "ConfigMap", n);
      const hasSecret = (n: string | undefined) => !!find(objs, "Secret", n) || (n !== undefined && external.has(n));
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
      for (const ing of ofKind(objs, "Ingress")) for (const t of specOf(ing).tls ?? []) if (!hasSecret(t.secretName)) problems.push(`${id(ing)}: TLS Secret ${t.secretName} missing`);
      expect(problems).toEqual([]);
    });

    test("Services, HPAs and PDBs target existing workloads; every workload has a PDB; the mesh has HPAs", () => {
      const objs = render(overlay);
      const ws = workloads(objs);
      const problems: string[] = [];
      for (const s of ofKind(objs, "Service")) {
        const selector = { matchLabels: specOf(s).selector };
        if (!ws.some((w) => selects(selector, podLabels(w)))) problems.push(`${id(s)} selects no pod`);
        for (const p of required(specOf(s).ports, `${id(s)}: spec.ports`)) {
          if (typeof p.targetPort !== "string") continue;
          const named = ws.filter((w) => selects(selector, podLabels(w))).some((w) => mainContainers(w).some((c) => (c.ports ?? []).some((cp) => cp.name === p.targetPort)));
          if (!named) problems.push(`${id(s)}: targetPort ${p.targetPort} is no container port name`);
        }
      }
      for (const h of ofKind(objs, "HorizontalPodAutoscaler")) {
        const { scaleTargetRef: t, minReplicas, maxReplicas } = specOf(h);
        if (!find(objs, t.kind, t.name)) problems.push(`${id(h)}: target ${t.kind}/${t.name} missing`);
        if (minReplicas !== undefined && minReplicas > maxReplicas) problems.push(`${id(h)}: min > max`);
      }
      for (const w of ws) {
        if (!ofKind(objs, "PodDisruptionBudget").some((p) => selects(specOf(p).selector, podLabels(w)))) problems.push(`${id(w)} has no PodDisruptionBudget`);
        if (!selects(specOf(w).selector, podLabels(w))) problems.push(`${id(w)}: selector does not match its template`);
      }
      for (const p of ofKind(objs, "PodDisruptionBudget")) {
        if (!ws.some((w) => selects(specOf(p).selector, podLabels(w)))) problems.push(`${id(p)} selects no pod`);
        // minAvailable = replicas would block every node drain
        if (specOf(p).minAvailable !== undefined) problems.push(`${id(p)}: use maxUnavailable (single replicas must stay drainable)`);
      }
      for (const name of MESH) {
        const d = meshDeployment(objs, name);
        const hpa = ofKind(objs, "HorizontalPodAutoscaler").find((h) => specOf(h).scaleTargetRef.kind === "Deployment" && specOf(h).scaleTargetRef.name === name);
        if (!hpa) problems.push(`Deployment/${name} has no HPA`);
        else if (hpa.apiVersion !== "autoscaling/v2") problems.push(`${id(hpa)} is not autoscaling/v2`);
        // The HPA owns the replica count: a fixed one in the Deployment would be reset at each apply.
        if (specOf(d).replicas !== undefined) problems.push(`Deployment/${name} sets replicas although an HPA scales it`);
      }
      for (const np of ofKind(objs, "NetworkPolicy")) {
        const sel = podSelectorOf(np);
        const everything = !sel.matchLabels && !sel.matchExpressions;
        if (!everything && !ws.some((w) => selects(sel, podLabels(w)))) problems.push(`${id(np)} selects no pod`);
      }
      expect(problems).toEqual([]);
    });
  });
}
