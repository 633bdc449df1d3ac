/**
 * Several vLLM replicas in production: a headless Service chat discovers them through (VLLM_DISCOVERY), a
 * replica count per preset, prompt-token details on (cached tokens in usage), and the per-replica prefix-cache
 * hit ratio in Grafana. Dev keeps its single simulator behind VLLM_BASE_URL.
 */
import { describe, expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseChatEnv } from "../../services/chat/src/env.ts";
import { containerEnv } from "./testing/env.ts";
import { find, K8S, mainContainer, meshDeployment, podLabels, prodOverlays, render, required, ROOT, selects, specOf } from "./testing/render.ts";

describe("vLLM replicas", () => {
  for (const overlay of prodOverlays) {
    test(`${overlay}: headless Service over the vLLM pods, chat discovers it, a replica count`, () => {
      const objs = render(overlay);
      const headless = required(find(objs, "Service", "vllm-headless"), "Service/vllm-headless");
      const vllm = required(find(objs, "Deployment", "vllm"), "Deployment/vllm");
      expect(specOf(headless).clusterIP).toBe("None");
      expect(selects({ matchLabels: specOf(headless).selector }, podLabels(vllm))).toBe(true);
      expect(specOf(headless).ports?.[0]?.port).toBe(8000);
      const chat = containerEnv(objs, mainContainer(meshDeployment(objs, "chat")));
      expect(chat.VLLM_DISCOVERY).toBe("dns:vllm-headless:8000");
      expect(parseChatEnv(chat).VLLM_DISCOVERY).toBe("dns:vllm-headless:8000"); // chat accepts it at start
      const replicas = specOf(vllm).replicas ?? 1;
      expect(replicas).toBeGreaterThanOrEqual(1);
      const kustomization = readFileSync(join(K8S, "overlays", overlay, "kustomization.yaml"), "utf8");
      expect(kustomization).toContain(`count: ${replicas}`);
    });
  }

  test("the main preset runs several replicas (what the cache benchmark measures)", () => {
    expect(specOf(required(find(render("prod-qwen2"), "Deployment", "vllm"), "Deployment/vllm")).replicas).toBeGreaterThanOrEqual(3);
  });

  test("every preset reports cached prompt tokens (--enable-prompt-tokens-details) with prefix caching on", () => {
    for (const preset of ["qwen2", "qwen3", "midnight", "euryale", "luminum", "mistrealrp"]) {
      const args = readFileSync(join(ROOT, "models_env", `${preset}.env`), "utf8");
      expect(args).toContain("--enable-prefix-caching");
      expect(args).toContain("--enable-prompt-tokens-details");
    }
  });

  test("Grafana charts the prefix-cache hit ratio per replica", () => {
    const dashboard = readFileSync(join(K8S, "base", "grafana", "dashboards", "sinhome-chat-llm.json"), "utf8");
    expect(dashboard).toContain("sum by (replica) (rate(sinhome_llm_replica_cached_tokens_total[$__rate_interval])) / sum by (replica) (rate(sinhome_llm_replica_prompt_tokens_total[$__rate_interval]))");
  });
});
