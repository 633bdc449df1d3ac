/**
 * The workloads of every overlay: resources, probes, non-root and read-only containers, pinned images,
 * graceful drain of the mesh, the vLLM GPU pod in production and the LLM simulator in dev.
 * Needs `kubectl` (with its built-in kustomize) on PATH; no cluster, no network.
 */
import { describe, expect, test } from "bun:test";
import { containerEnv, secretValue } from "./testing/env.ts";
import { scriptBundle } from "./testing/scripts.ts";
import {
  allContainers,
  find,
  id,
  isMesh,
  MESH,
  mainContainer,
  mainContainers,
  meshDeployment,
  ofKind,
  overlays,
  podSpec,
  render,
  required,
  specOf,
  workloads,
} from "./testing/render.ts";

const PROBES = ["startupProbe", "livenessProbe", "readinessProbe"] as const;

for (const overlay of overlays) {
  const isProd = overlay.startsWith("prod-");
  describe(`overlay ${overlay}`, () => {
    test("containers: resources, probes, non-root, read-only root, no privilege, no host access", () => {
      const objs = render(overlay);
      const problems: string[] = [];
      for (const w of workloads(objs)) {
        const spec = podSpec(w);
        const where = id(w);
        if (spec.automountServiceAccountToken !== false) problems.push(`${where}: automountServiceAccountToken must be false`);
        if (spec.hostNetwork || spec.hostPID || spec.hostIPC) problems.push(`${where}: host namespaces`);
        if ((spec.volumes ?? []).some((v) => v.hostPath)) problems.push(`${where}: hostPath volume`);
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
          if ((c.ports ?? []).some((p) => p.hostPort)) problems.push(`${at}: hostPort`);
        }
        // Probes on the long-running containers (not on run-to-completion init containers or sidecars).
        for (const c of mainContainers(w)) {
          for (const probe of PROBES) if (!c[probe]) problems.push(`${where}/${c.name}: ${probe} missing`);
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
          const image = required(c.image, `${id(w)}/${c.name}: image`);
          const last = image.split("/").pop() ?? "";
          const tag = last.includes(":") ? last.split(":").pop() : undefined;
          if (!image.includes("@sha256:") && (!tag || tag === "latest")) problems.push(`${id(w)}/${c.name}: ${image} is not pinned`);
          if (isMesh(w.metadata?.name)) meshImages.add(image);
        }
      }
      expect(problems).toEqual([]);
      // One image, one version for the whole mesh.
      expect(meshImages.size).toBe(1);
      if (isProd) expect([...meshImages][0]).toMatch(/^[a-z0-9.-]+\.[a-z]+(:\d+)?\/.+/); // a registry host
    });

    test("graceful drain: preStop pause, grace period covers in-flight work, readiness on /readyz", () => {
      const objs = render(overlay);
      const problems: string[] = [];
      for (const name of MESH) {
        const d = meshDeployment(objs, name);
        const c = mainContainer(d);
        const env = containerEnv(objs, c);
        const preStop = c.lifecycle?.preStop?.sleep?.seconds ?? 0;
        if (preStop < 5) problems.push(`${name}: preStop sleep of at least 5 s`);
        const grace = podSpec(d).terminationGracePeriodSeconds ?? 30;
        const shutdown = Number(env.SHUTDOWN_GRACE_MS ?? 30000) / 1000;
        const deadline = Number(env.CHAT_DEADLINE_MS ?? 150000) / 1000;
        if (grace < preStop + shutdown) problems.push(`${name}: terminationGracePeriodSeconds ${grace} < preStop ${preStop} + SHUTDOWN_GRACE_MS ${shutdown}`);
        // chat finishes its replies; the gateway waits for the chat replies it is proxying.
        if ((name === "chat" || name === "gateway") && grace < Math.max(180, preStop + deadline)) problems.push(`${name}: terminationGracePeriodSeconds ${grace} must be >= 180 and cover CHAT_DEADLINE_MS`);
        if (name === "chat" && shutdown <= deadline) problems.push(`chat: SHUTDOWN_GRACE_MS (${shutdown} s) must exceed CHAT_DEADLINE_MS (${deadline} s)`);
        if (c.readinessProbe?.httpGet?.path !== "/readyz") problems.push(`${name}: readiness must be /readyz (503 while draining)`);
        if (c.livenessProbe?.httpGet?.path !== "/healthz") problems.push(`${name}: liveness must be /healthz`);
        if (specOf(d).strategy?.rollingUpdate?.maxUnavailable !== 0) problems.push(`${name}: rolling updates must not take capacity away (maxUnavailable 0)`);
        const bundle = scriptBundle(`start:${name}`);
        if (c.args?.length !== 1 || c.args[0] !== bundle) problems.push(`${name}: args must be ["${bundle}"] (the bundle of what start:${name} runs)`);
        const spread = podSpec(d).topologySpreadConstraints ?? [];
        if (!spread.some((t) => t.topologyKey === "kubernetes.io/hostname")) problems.push(`${name}: no topology spread over nodes`);
      }
      expect(problems).toEqual([]);
    });

    if (isProd) {
      test("vLLM: 2 GPUs = tensor parallel size, /dev/shm, weights volume, long startup probe, GPU pool", () => {
        const objs = render(overlay);
        const vllm = find(objs, "Deployment", "vllm");
        expect(vllm).toBeDefined();
        const deployment = required(vllm, "Deployment/vllm");
        const spec = podSpec(deployment);
        const c = required(
          mainContainers(deployment).find((x) => x.name === "vllm"),
          "Deployment/vllm: container vllm",
        );
        const env = containerEnv(objs, c);
        expect(c.image).toMatch(/^vllm\/vllm-openai:v\d+\.\d+\.\d+$/);
        // GPUs: TENSOR_PARALLEL_SIZE of the preset = --tensor-parallel-size in VLLM_ARGS = the GPU limit.
        const tp = Number(env.TENSOR_PARALLEL_SIZE);
        expect(tp).toBe(2);
        expect(c.resources?.limits?.["nvidia.com/gpu"]).toBe(String(tp));
        const args = (env.VLLM_CLI_ARGS ?? env.VLLM_ARGS ?? "").split(/\s+/);
        expect(args[args.indexOf("--tensor-parallel-size") + 1]).toBe(String(tp));
        expect(args).toContain("--enable-prefix-caching");
        // The command serves the preset's model under its served name, on port 8000, with the flags split
        // into words — whichever naming the preset uses (seed: VLLM_MODEL_ID/VLLM_CLI_ARGS; MODEL_ID/VLLM_ARGS).
        expect(env.VLLM_MODEL_ID ?? env.MODEL_ID).toBeTruthy();
        const script = (c.args ?? []).join(" ");
        expect(c.command).toEqual(["/bin/sh", "-c"]);
        const argv = (vars: Record<string, string>) => {
          // Run the pod's own shell line with `vllm` replaced by a stub that prints its arguments.
          const run = Bun.spawnSync(["/bin/sh", "-c", script.replace("exec vllm", 'exec printf "%s\\n"')], { env: { PATH: process.env.PATH ?? "/usr/bin:/bin", ...vars } });
          return run.stdout.toString().trim().split("\n");
        };
        const seed = argv({ VLLM_MODEL_ID: "org/model", VLLM_MODEL_NAME: "served", VLLM_CLI_ARGS: "--tensor-parallel-size 2 --enable-prefix-caching" });
        expect(seed).toEqual(["serve", "org/model", "--served-model-name", "served", "--host", "0.0.0.0", "--port", "8000", "--tensor-parallel-size", "2", "--enable-prefix-caching"]);
        expect(argv({ MODEL_ID: "org/model", VLLM_MODEL_NAME: "served", VLLM_ARGS: "--tensor-parallel-size 2 --enable-prefix-caching" })).toEqual(seed);
        // Without a served name, the model id is served under its own name.
        expect(argv({ VLLM_MODEL_ID: "org/model" }).slice(0, 4)).toEqual(["serve", "org/model", "--served-model-name", "org/model"]);
        // Shared memory for NCCL.
        const shmVolume = c.volumeMounts?.find((m) => m.mountPath === "/dev/shm")?.name;
        const shm = spec.volumes?.find((v) => v.name === shmVolume);
        expect(shm?.emptyDir?.medium).toBe("Memory");
        // Weights cache on a PVC, where HF_HOME points.
        const models = spec.volumes?.find((v) => v.persistentVolumeClaim);
        const mount = c.volumeMounts?.find((m) => m.name === models?.name);
        expect(find(objs, "PersistentVolumeClaim", models?.persistentVolumeClaim?.claimName)).toBeDefined();
        expect(env.HF_HOME?.startsWith(`${mount?.mountPath}/`)).toBe(true);
        expect(c.env?.find((e) => e.name === "HF_TOKEN")?.valueFrom?.secretKeyRef).toBeDefined();
        // 15–30 minutes to load: the startup probe allows at least 30 (an unset period or threshold fails: NaN).
        const sp = required(c.startupProbe, "vllm: startupProbe");
        expect((sp.initialDelaySeconds ?? 0) + Number(sp.periodSeconds) * Number(sp.failureThreshold)).toBeGreaterThanOrEqual(1800);
        expect(c.readinessProbe?.httpGet).toMatchObject({ path: "/health", port: "http" });
        expect(c.ports?.find((p) => p.name === "http")?.containerPort).toBe(8000);
        // GPU pool.
        expect(Object.keys(spec.nodeSelector ?? {}).some((k) => k.includes("nvidia.com") || k.includes("accelerator"))).toBe(true);
        expect((spec.tolerations ?? []).some((t) => t.key === "nvidia.com/gpu")).toBe(true);
        // A surge pod would need 2 more GPUs.
        expect(specOf(deployment).strategy?.type).toBe("Recreate");
        expect(find(objs, "Service", "vllm")?.spec?.ports?.[0]?.port).toBe(8000);
        // Nothing else asks for GPUs but the guard model (one GPU, below).
        const gpuUsers = workloads(objs).filter((w) => allContainers(w).some((x) => x.resources?.limits?.["nvidia.com/gpu"]));
        expect(gpuUsers.map(id).sort()).toEqual(["Deployment/guard-model", "Deployment/vllm"]);
      });

      test("guard model: Llama Guard 3 on vLLM, one GPU, chat pointed at its Service with the served name", () => {
        const objs = render(overlay);
        const deployment = required(find(objs, "Deployment", "guard-model"), "Deployment/guard-model");
        const c = mainContainer(deployment);
        expect(c.image).toMatch(/^vllm\/vllm-openai:v\d+\.\d+\.\d+$/);
        const args = c.args ?? [];
        const served = args[args.indexOf("--served-model-name") + 1];
        expect(args[args.indexOf("--model") + 1]).toMatch(/^meta-llama\/Llama-Guard-3-(1B|8B)$/);
        expect(c.resources?.limits?.["nvidia.com/gpu"]).toBe("1");
        expect(args[args.indexOf("--port") + 1]).toBe("8000");
        expect(c.readinessProbe?.httpGet).toMatchObject({ path: "/health", port: "http" });
        expect((podSpec(deployment).tolerations ?? []).some((t) => t.key === "nvidia.com/gpu")).toBe(true);
        expect(find(objs, "Service", "guard-model")?.spec?.ports?.[0]?.port).toBe(8000);
        expect(find(objs, "PodDisruptionBudget", "guard-model")).toBeDefined();
        const chat = containerEnv(objs, mainContainer(meshDeployment(objs, "chat")));
        expect(chat.GUARD_BASE_URL).toBe("http://guard-model:8000/v1");
        expect(chat.GUARD_MODEL).toBe(served);
        expect(Number(chat.GUARD_TIMEOUT_MS)).toBeGreaterThan(0);
        expect(chat.GUARD_FAIL_MODE).toBe("suspect");
      });
    } else {
      test("dev: the simulator instead of vLLM, no GPU, single replicas", () => {
        const objs = render(overlay);
        expect(find(objs, "Deployment", "vllm")).toBeUndefined();
        const sim = find(objs, "Deployment", "llm-sim");
        expect(sim).toBeDefined();
        const simContainer = mainContainer(required(sim, "Deployment/llm-sim"));
        expect(simContainer.args).toEqual([scriptBundle("sim")]);
        const chat = containerEnv(objs, mainContainer(meshDeployment(objs, "chat")));
        const simEnv = containerEnv(objs, simContainer);
        expect(chat.VLLM_BASE_URL).toBe("http://llm-sim:8000/v1");
        // The minors guard model is the simulator too (it answers as Llama Guard for a *guard* model name).
        expect(chat.GUARD_BASE_URL).toBe("http://llm-sim:8000/v1");
        expect(chat.GUARD_MODEL).toMatch(/guard/i);
        expect(find(objs, "Deployment", "guard-model")).toBeUndefined();
        expect(simEnv.SIM_MODELS).toBe(chat.VLLM_MODEL_NAME);
        expect(simEnv.SIM_HOSTNAME).toBe("0.0.0.0");
        for (const w of workloads(objs)) {
          expect(allContainers(w).filter((c) => c.resources?.limits?.["nvidia.com/gpu"] || c.resources?.requests?.["nvidia.com/gpu"])).toEqual([]);
          expect(specOf(w).replicas ?? 1).toBe(1);
        }
        for (const h of ofKind(objs, "HorizontalPodAutoscaler")) expect([specOf(h).minReplicas, specOf(h).maxReplicas]).toEqual([1, 1]);
        // Only placeholders ship in the repository.
        const secret = find(objs, "Secret", "sinhome-secrets");
        expect(secretValue(objs, "sinhome-secrets", "GATEWAY_API_KEYS")).toContain("change-me");
        expect(secret).toBeDefined();
      });
    }
  });
}
