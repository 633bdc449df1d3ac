/**
 * The configuration the manifests carry: each mesh process's environment (resolved through ConfigMaps and
 * Secrets as the kubelet would) is accepted by that process's own env schema; config files in ConfigMaps
 * parse; the model presets are the ones of models_env/; dashboards chart metrics that exist; the image
 * runs the processes the manifests start.
 * Needs `kubectl` (with its built-in kustomize) on PATH; no cluster, no network.
 */
import { describe, expect, test } from "bun:test";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseGatewayEnv } from "../../gateway/src/env.ts";
import { parseChatEnv } from "../../services/chat/src/env.ts";
import { parseMediaEnv } from "../../services/media/src/env.ts";
import { parseOpsEnv } from "../../services/ops/src/env.ts";
import { parseOutcomesEnv } from "../../services/outcomes/src/env.ts";
import { parseScoringEnv } from "../../services/scoring/src/env.ts";
import { containerEnv, type Env } from "./testing/env.ts";
import { scriptBundles, scriptEntry } from "./testing/scripts.ts";
import {
  find,
  id,
  MESH,
  type MeshName,
  mainContainer,
  mainContainers,
  meshDeployment,
  OVERLAYS_DIR,
  ofKind,
  overlays,
  presets,
  prodOverlays,
  ROOT,
  render,
  required,
  specOf,
  workloads,
} from "./testing/render.ts";

/**
 * The example keys Secret (components/keys-file) stands in for the production one: the gateway's own
 * parser reads its keys.yaml from a file, as the mounted Secret would be read.
 */
const exampleKeys = (() => {
  const secret = Bun.YAML.parse(readFileSync(join(ROOT, "deploy/k8s/components/keys-file/api-keys.example.yaml"), "utf8")) as { stringData: { "keys.yaml": string } };
  const dir = mkdtempSync(join(tmpdir(), "k8s-keys-"));
  writeFileSync(join(dir, "keys.yaml"), secret.stringData["keys.yaml"]);
  return join(dir, "keys.yaml");
})();

const PARSERS: Record<MeshName, (env: Env) => unknown> = {
  gateway: (env) => parseGatewayEnv({ ...env, ...(env.GATEWAY_KEYS_FILE ? { GATEWAY_KEYS_FILE: exampleKeys } : {}) }),
  chat: parseChatEnv,
  scoring: parseScoringEnv,
  media: parseMediaEnv,
  ops: parseOpsEnv,
  outcomes: parseOutcomesEnv,
};

for (const overlay of overlays) {
  const isProd = overlay.startsWith("prod-");
  describe(`overlay ${overlay}`, () => {
    test("the configuration passes each process's own env schema", () => {
      const objs = render(overlay);
      const problems: string[] = [];
      for (const name of MESH) {
        const env = containerEnv(objs, mainContainer(meshDeployment(objs, name)));
        try {
          PARSERS[name](env);
        } catch (e) {
          problems.push(`${name}: ${e instanceof Error ? e.message : String(e)}`);
        }
        // In the mesh every process needs NATS, and tracing goes to the collector.
        if (!env.NATS_URL) problems.push(`${name}: NATS_URL unset`);
        if (env.OTEL_EXPORTER_OTLP_ENDPOINT !== "http://otel-collector:4318") problems.push(`${name}: OTEL_EXPORTER_OTLP_ENDPOINT should be the collector`);
        for (const [k, v] of Object.entries(env)) if (typeof v === "string" && /\$\([A-Z_]+\)/.test(v)) problems.push(`${name}: ${k} has an unresolved ${v}`);
      }
      const gw = containerEnv(objs, mainContainer(meshDeployment(objs, "gateway")));
      if (!gw.GATEWAY_API_KEYS && !gw.GATEWAY_KEYS_FILE) problems.push("gateway: no API keys (an open API in a cluster)");
      if (isProd) {
        // Production: scoped keys from the mounted Secret, as a directory (a subPath mount never sees an update).
        const gateway = meshDeployment(objs, "gateway");
        const mount = (mainContainer(gateway).volumeMounts ?? []).find((m) => gw.GATEWAY_KEYS_FILE?.startsWith(`${m.mountPath}/`));
        const volume = (specOf(gateway).template.spec?.volumes ?? []).find((v) => v.name === mount?.name);
        if (gw.GATEWAY_API_KEYS) problems.push("gateway: GATEWAY_API_KEYS in production (every key has every scope); use the keys file");
        if (!mount || mount.subPath || volume?.secret?.secretName !== "sinhome-api-keys") problems.push("gateway: GATEWAY_KEYS_FILE must be in a directory mount of the Secret sinhome-api-keys");
      }
      if (!gw.REDIS_URL) problems.push("gateway: REDIS_URL unset (rate limits would be per replica)");
      const media = containerEnv(objs, mainContainer(meshDeployment(objs, "media")));
      if (!media.DATABASE_URL) problems.push("media: DATABASE_URL unset (PGlite in a pod would lose data)");
      const outcomes = containerEnv(objs, mainContainer(meshDeployment(objs, "outcomes")));
      if (!outcomes.DATABASE_URL) problems.push("outcomes: DATABASE_URL unset (PGlite in a pod would lose data)");
      // The URL chat calls must be an in-cluster Service on the LLM backend's port.
      const chat = containerEnv(objs, mainContainer(meshDeployment(objs, "chat")));
      const llm = new URL(chat.VLLM_BASE_URL ?? "http://unset");
      const svc = find(objs, "Service", llm.hostname);
      if (!svc) problems.push(`chat: VLLM_BASE_URL host ${llm.hostname} is no Service`);
      else if (!required(specOf(svc).ports, `${id(svc)}: spec.ports`).some((p) => p.port === Number(llm.port || 80))) problems.push(`chat: Service ${llm.hostname} has no port ${llm.port}`);
      if (llm.pathname !== "/v1") problems.push("chat: VLLM_BASE_URL must end with /v1");
      expect(problems).toEqual([]);
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
      const nats = find(objs, "ConfigMap", ofKind(objs, "ConfigMap").find((c) => c.metadata?.name?.startsWith("nats-config"))?.metadata?.name ?? "");
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

      test(`chat and vLLM use the model of models_env/${preset}.env`, () => {
        const objs = render(overlay);
        const fromFile = Object.fromEntries(
          readFileSync(join(ROOT, "models_env", `${preset}.env`), "utf8")
            .split("\n")
            .filter((l) => l.trim() && !l.trim().startsWith("#"))
            .map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)]),
        );
        const vllm = containerEnv(objs, mainContainer(required(find(objs, "Deployment", "vllm"), "Deployment/vllm")));
        const chat = containerEnv(objs, mainContainer(meshDeployment(objs, "chat")));
        for (const k of ["VLLM_MODEL_ID", "VLLM_MODEL_NAME", "TENSOR_PARALLEL_SIZE", "VLLM_CLI_ARGS"]) expect(vllm[k]).toBe(fromFile[k]);
        expect(chat.VLLM_MODEL_NAME).toBe(fromFile.VLLM_MODEL_NAME);
      });

      test("no Secret is rendered (production secrets are created out of band)", () => {
        expect(ofKind(render(overlay), "Secret").map(id)).toEqual([]);
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

describe("image", () => {
  const dockerfile = readFileSync(join(ROOT, "deploy", "Dockerfile"), "utf8");

  // The image itself is built and run by deploy/image/smoke.sh (in .ci/run); these are the rules a
  // build on a machine without buildah would not show.
  test("the Dockerfile installs the locked production dependencies of every workspace, without a hand list", () => {
    // A hand-kept `COPY <workspace>/package.json` list breaks the frozen install when a workspace is added.
    expect(dockerfile).not.toMatch(/^COPY (?!--from)\S+\/package\.json /m);
    expect(dockerfile).toMatch(/-name package\.json/);
    expect(dockerfile).toMatch(/cp bun\.lock /);
    expect(dockerfile).toMatch(/bun install --frozen-lockfile --production --omit=peer/);
    expect(dockerfile).toMatch(/^FROM oven\/bun:\$\{BUN_VERSION\}/m);
    const user = dockerfile.match(/^USER (\d+)(:\d+)?$/m);
    expect(Number(user?.[1])).toBeGreaterThan(0);
    // The image's Bun is CI's Bun.
    const ci = readFileSync(join(ROOT, ".ci", "run"), "utf8").match(/^BUN_VERSION=(\S+)/m)?.[1];
    expect(dockerfile).toContain(`ARG BUN_VERSION=${ci}`);
  });

  test("every process a manifest starts is the bundle of a package.json script's entry file, built by the image", () => {
    for (const overlay of overlays) {
      for (const w of workloads(render(overlay))) {
        for (const c of mainContainers(w)) {
          if (!String(c.image).includes("sinhome/mesh")) continue;
          expect(c.command).toBeUndefined(); // the image's entrypoint, bun
          expect(c.args).toHaveLength(1);
          expect(scriptBundles()).toContain(c.args![0]!);
        }
      }
    }
    // The Dockerfile bundles every one of them (its loop names the workspaces).
    const loop = dockerfile.match(/for w in ([^;]+); do/)?.[1]?.split(/\s+/) ?? [];
    for (const bundle of scriptBundles()) expect(loop).toContain(bundle.replace(/\/dist\/main\.js$/, ""));
    // The image's default command is the all-in-one, the same way.
    expect(dockerfile).toMatch(/^ENTRYPOINT \["bun"\]$/m);
    expect(dockerfile).toContain(`CMD ["${scriptEntry("start")}"]`);
  });
});
