/**
 * What each overlay exposes, and to whom: one Ingress to the gateway's API (TLS, no operational
 * endpoints, a proxy timeout longer than a chat reply), ClusterIP Services only, and NetworkPolicies
 * that deny by default and allow exactly the intended flows (evaluated by testing/network-policy.ts).
 * Needs `kubectl` (with its built-in kustomize) on PATH; no cluster, no network.
 */
import { describe, expect, test } from "bun:test";
import type { IHTTPIngressPath } from "kubernetes-models/networking.k8s.io/v1";
import { ROUTES } from "../../proto/src/routes.ts";
import { containerEnv } from "./testing/env.ts";
import {
  allowed,
  type Endpoint,
  INGRESS_CONTROLLER,
  INTERNET,
  KUBE_DNS,
  OTHER_NAMESPACE,
  PROMETHEUS,
  podEndpoint,
  podSelectorOf,
} from "./testing/network-policy.ts";
import { appName, id, MESH, mainContainer, meshDeployment, ofKind, overlays, podLabels, render, required, specOf, workloads } from "./testing/render.ts";

type Flow = [src: Endpoint, dst: Endpoint, port: number, expected: boolean, protocol?: string];

for (const overlay of overlays) {
  const isProd = overlay.startsWith("prod-");
  describe(`overlay ${overlay}`, () => {
    test("only the gateway is exposed: one Ingress with TLS, API paths only, no LoadBalancer/NodePort", () => {
      const objs = render(overlay);
      const ingresses = ofKind(objs, "Ingress");
      expect(ingresses.map((i) => i.metadata?.name)).toEqual(["gateway"]);
      const ing = required(ingresses[0], "Ingress/gateway");
      expect(specOf(ing).tls?.length).toBeGreaterThan(0);
      const paths: IHTTPIngressPath[] = [];
      for (const rule of required(specOf(ing).rules, `${id(ing)}: spec.rules`)) {
        for (const p of required(rule.http, `${id(ing)}: rule http`).paths) {
          expect(p.backend.service?.name).toBe("gateway");
          paths.push(p);
        }
      }
      expect(specOf(ing).defaultBackend).toBeUndefined();
      for (const s of ofKind(objs, "Service")) expect([undefined, "ClusterIP"]).toContain(specOf(s).type);
      const routed = (path: string) =>
        paths.some((p) => {
          if (p.pathType === "Exact") return p.path === path;
          const prefix = required(p.path, `${id(ing)}: a ${p.pathType} path`);
          return path === prefix || path.startsWith(prefix.endsWith("/") ? prefix : `${prefix}/`);
        });
      const api = [...ROUTES.map((r) => r.path.replace(/:[a-z_]+/g, "x")), "/logs/stream", "/swagger", "/swagger/json"];
      expect(api.filter((p) => !routed(p))).toEqual([]);
      // Unauthenticated operational endpoints stay inside the cluster.
      expect(["/metrics", "/healthz", "/readyz"].filter(routed)).toEqual([]);
      // A chat reply may take CHAT_DEADLINE_MS: the proxy must wait longer.
      const deadline = Number(containerEnv(objs, mainContainer(meshDeployment(objs, "gateway"))).CHAT_DEADLINE_MS) / 1000;
      expect(Number(ing.metadata?.annotations?.["nginx.ingress.kubernetes.io/proxy-read-timeout"])).toBeGreaterThan(deadline);
    });

    test("NetworkPolicies: default deny, and exactly the intended flows", () => {
      const objs = render(overlay);
      const policies = ofKind(objs, "NetworkPolicy");
      const deny = policies.find((p) => !podSelectorOf(p).matchLabels && !podSelectorOf(p).matchExpressions && !specOf(p).ingress && !specOf(p).egress);
      expect(deny?.spec?.policyTypes).toEqual(["Ingress", "Egress"]);
      const pods = new Map(workloads(objs).map((w) => [appName(w), podEndpoint(w)]));
      const pod = (n: string) => {
        const p = pods.get(n);
        if (!p) throw new Error(`no pod ${n}`);
        return p;
      };
      const llmBackend = workloads(objs).find((w) => podLabels(w)["sinhome.io/llm-backend"] === "true");
      expect(llmBackend).toBeDefined();
      const llm = podEndpoint(required(llmBackend, "the LLM backend (label sinhome.io/llm-backend)"));
      const flows: Flow[] = [
        [INGRESS_CONTROLLER, pod("gateway"), 8001, true],
        [OTHER_NAMESPACE, pod("gateway"), 8001, false],
        [INTERNET, pod("gateway"), 8001, false],
        [OTHER_NAMESPACE, pod("nats"), 4222, false],
        [PROMETHEUS, pod("gateway"), 8001, true],
        [PROMETHEUS, pod("chat"), 9090, true],
        [PROMETHEUS, pod("postgres"), 5432, false],
        ...MESH.map((m): Flow => [pod(m), pod("nats"), 4222, true]),
        [pod("nats"), pod("nats"), 6222, true],
        // media's and outcomes' tables; chat writes and ops reads the usage ledger; gateway and scoring never.
        ...(["media", "chat", "ops", "outcomes"] as const).map((m): Flow => [pod(m), pod("postgres"), 5432, true]),
        ...(["gateway", "scoring"] as const).map((m): Flow => [pod(m), pod("postgres"), 5432, false]),
        [pod("gateway"), pod("redis"), 6379, true],
        [pod("ops"), pod("redis"), 6379, true],
        ...(["chat", "scoring", "media", "outcomes"] as const).map((m): Flow => [pod(m), pod("redis"), 6379, false]),
        [pod("chat"), llm, 8000, true],
        ...(["gateway", "scoring", "media", "ops", "outcomes"] as const).map((m): Flow => [pod(m), llm, 8000, false]),
        [pod("chat"), INTERNET, 443, true],
        [pod("chat"), INTERNET, 80, false],
        ...(["gateway", "scoring", "media", "ops", "outcomes"] as const).map((m): Flow => [pod(m), INTERNET, 443, false]),
        [pod("gateway"), pod("chat"), 9090, false],
        ...[...pods.values()].map((p): Flow => [p, KUBE_DNS, 53, true, "UDP"]),
        ...[...pods.values()].filter((p) => p.what !== "otel-collector").map((p): Flow => [p, pod("otel-collector"), 4318, true]),
        [pod("otel-collector"), pod("tempo"), 4317, true],
        [pod("grafana"), pod("tempo"), 3200, true],
        [pod("grafana"), PROMETHEUS, 9090, true],
        [pod("gateway"), pod("tempo"), 3200, false],
      ];
      if (isProd) {
        flows.push([pod("vllm"), INTERNET, 443, true], [pod("vllm"), pod("postgres"), 5432, false]);
        // The minors guard model: chat only, and the Hub for its first download.
        flows.push([pod("chat"), pod("guard-model"), 8000, true], [pod("guard-model"), INTERNET, 443, true], [pod("guard-model"), pod("postgres"), 5432, false]);
        flows.push(...(["gateway", "scoring", "media", "ops"] as const).map((m): Flow => [pod(m), pod("guard-model"), 8000, false]));
      }
      const wrong = flows
        .filter(([src, dst, port, expected, proto]) => allowed(objs, src, dst, port, proto ?? "TCP") !== expected)
        .map(([src, dst, port, expected, proto]) => `${src.what} → ${dst.what}:${port}/${proto ?? "TCP"} should be ${expected ? "allowed" : "denied"}`);
      expect(wrong).toEqual([]);
    });
  });
}
