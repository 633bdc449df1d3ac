/**
 * The environment of a container, as the kubelet would build it from the rendered objects: `envFrom`
 * ConfigMaps and Secrets, then `env` (literal values with `$(VAR)` expansion, ConfigMap and Secret keys).
 * Production Secrets are created out of band, so their keys get placeholder values.
 */
import type { IContainer } from "kubernetes-models/v1";
import { find, type Manifest } from "./render.ts";

export type Env = Record<string, string | undefined>;

/** Values standing in for the keys of the production Secret (not rendered; see secrets.example.env). */
const PROD_SECRET_PLACEHOLDERS: Record<string, string> = {
  GATEWAY_API_KEYS: "key-a,key-b",
  DATABASE_URL: "postgres://sinhome:secret@postgres:5432/sinhome",
  POSTGRES_PASSWORD: "secret",
  GRAFANA_ADMIN_PASSWORD: "secret",
  GROK_API_KEY: "xai-placeholder",
  VLLM_API_KEY: "vllm-placeholder",
  HF_TOKEN: "hf-placeholder",
};

export function secretValue(objs: Manifest[], name: string | undefined, key: string): string | undefined {
  const s = find(objs, "Secret", name);
  if (!s) return PROD_SECRET_PLACEHOLDERS[key];
  const plain = s.stringData?.[key];
  if (plain !== undefined) return plain;
  const b64 = s.data?.[key];
  return b64 === undefined ? undefined : Buffer.from(b64, "base64").toString("utf8");
}

export function containerEnv(objs: Manifest[], c: IContainer): Env {
  const env: Env = {};
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
