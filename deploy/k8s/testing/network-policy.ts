/**
 * NetworkPolicy evaluation, with enough of the semantics for the flows of this namespace: endpoints
 * (our pods, pods of other namespaces, the internet), peers (pod/namespace selectors, ipBlock with
 * exceptions), ports (single, ranges, protocols), policy types, and a flow allowed only when the
 * source's egress and the destination's ingress both allow it.
 */
import type { INetworkPolicy, INetworkPolicyPeer, INetworkPolicyPort } from "kubernetes-models/networking.k8s.io/v1";
import { appName, id, type LabelSelector, type Labels, type Manifest, NAMESPACE, ofKind, podLabels, required, selects, specOf, type Workload } from "./render.ts";

export type Endpoint = { what: string; namespace: string; nsLabels: Labels; labels: Labels; ip?: string };

const nsLabelsOf = (ns: string): Labels => ({ "kubernetes.io/metadata.name": ns });
export const podEndpoint = (w: Workload): Endpoint => ({
  what: String(appName(w)),
  namespace: NAMESPACE,
  nsLabels: nsLabelsOf(NAMESPACE),
  labels: podLabels(w),
});
const external = (what: string, namespace: string, labels: Labels = {}): Endpoint => ({ what, namespace, nsLabels: nsLabelsOf(namespace), labels });
export const INTERNET: Endpoint = { what: "internet", namespace: "", nsLabels: {}, labels: {}, ip: "203.0.113.10" };
export const INGRESS_CONTROLLER = external("ingress controller", "ingress-nginx", { "app.kubernetes.io/name": "ingress-nginx" });
export const PROMETHEUS = external("prometheus", "monitoring", { "app.kubernetes.io/name": "prometheus" });
export const KUBE_DNS = external("kube-dns", "kube-system", { "k8s-app": "kube-dns" });
export const OTHER_NAMESPACE = external("a pod of another namespace", "default", { app: "other" });

/** The policy's pod selector (required by these checks: `{}` is how a policy selects every pod). */
export const podSelectorOf = (np: INetworkPolicy): LabelSelector => required(specOf(np).podSelector, `${id(np)}: spec.podSelector`);

function ipInCidr(ip: string, cidr: string): boolean {
  const [base, bits] = cidr.split("/") as [string, string];
  const toInt = (a: string) => a.split(".").reduce((n, p) => (n << 8) + Number(p), 0) >>> 0;
  const mask = Number(bits) === 0 ? 0 : (~0 << (32 - Number(bits))) >>> 0;
  return ((toInt(ip) & mask) >>> 0) === ((toInt(base) & mask) >>> 0);
}

function peerMatches(peer: INetworkPolicyPeer, ep: Endpoint): boolean {
  if (peer.ipBlock) {
    // Pods have cluster-internal addresses (inside the excepted private ranges).
    const ip = ep.ip ?? "10.42.0.10";
    return ipInCidr(ip, peer.ipBlock.cidr) && !(peer.ipBlock.except ?? []).some((c) => ipInCidr(ip, c));
  }
  if (ep.ip) return false;
  const nsOk = peer.namespaceSelector ? selects(peer.namespaceSelector, ep.nsLabels) : ep.namespace === NAMESPACE;
  const podOk = peer.podSelector ? selects(peer.podSelector, ep.labels) : true;
  return nsOk && podOk;
}

// A named port (a string) never matches a number; a range compares numerically.
const portMatches = (ports: INetworkPolicyPort[] | undefined, port: number, protocol: string) =>
  !ports?.length ||
  ports.some((p) => (p.protocol ?? "TCP") === protocol && (p.port === undefined || (p.endPort ? port >= Number(p.port) && port <= p.endPort : p.port === port)));

type Rule = { peers: INetworkPolicyPeer[] | undefined; ports: INetworkPolicyPort[] | undefined };
function rulesOf(np: INetworkPolicy, dir: "Ingress" | "Egress"): Rule[] {
  const spec = specOf(np);
  return dir === "Ingress"
    ? (spec.ingress ?? []).map((r) => ({ peers: r.from, ports: r.ports }))
    : (spec.egress ?? []).map((r) => ({ peers: r.to, ports: r.ports }));
}

function allowedOneWay(policies: INetworkPolicy[], self: Endpoint, other: Endpoint, port: number, protocol: string, dir: "Ingress" | "Egress"): boolean {
  if (self.namespace !== NAMESPACE || self.ip) return true; // not ours to police
  const applying = policies.filter((p) => (specOf(p).policyTypes ?? ["Ingress"]).includes(dir) && selects(specOf(p).podSelector, self.labels));
  if (applying.length === 0) return true;
  return applying.some((p) =>
    rulesOf(p, dir).some((rule) => (!rule.peers?.length || rule.peers.some((peer) => peerMatches(peer, other))) && portMatches(rule.ports, port, protocol)),
  );
}

/** Whether the NetworkPolicies of the rendered objects let `src` open a connection to `dst:port/protocol`. */
export function allowed(objs: Manifest[], src: Endpoint, dst: Endpoint, port: number, protocol = "TCP"): boolean {
  const policies = ofKind(objs, "NetworkPolicy");
  return allowedOneWay(policies, src, dst, port, protocol, "Egress") && allowedOneWay(policies, dst, src, port, protocol, "Ingress");
}
