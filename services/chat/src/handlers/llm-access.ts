/**
 * Bus handlers that expose chat's LLM access to the rest of the mesh: one completion (scoring's AI
 * call, QA runs), the backends' reachability (health), and embeddings (/encode, /encode_batch).
 */
import type {
  BusRequest,
  ComponentsReply,
  EncodeBatchRequest,
  EncodeBatchResponse,
  EncodeRequest,
  EncodeResponse,
  LlmCompleteRequest,
  LlmCompleteResponse,
} from "@sinhome/proto";
import type { ServiceCounters } from "@sinhome/runtime";
import type { LlmRouter } from "../llm/router.ts";
import type { GuardModelGate } from "../safety/index.ts";
import { usageCallerOf, type UsageLedger } from "../usage/ledger.ts";

/**
 * `routerFor(model_route)` picks an A/B arm's router for completions that name one (QA of one arm);
 * `usage` accounts every completion (key name from the bus header, `internal` for the mesh's own calls).
 */
export function llmAccessHandlers(
  router: LlmRouter,
  counters: ServiceCounters,
  routerFor: (modelRoute?: string) => LlmRouter = () => router,
  guardModel?: GuardModelGate,
  usage?: UsageLedger,
) {
  return {
    complete: async (req: BusRequest): Promise<LlmCompleteResponse> => {
      const body = req.body as LlmCompleteRequest;
      const result = await routerFor(body.model_route).complete({
        messages: body.messages,
        maxTokens: body.max_tokens,
        temperature: body.temperature,
        responseFormat: body.response_format,
        backend: body.backend,
        timeoutMs: body.timeout_ms,
        noRetry: body.no_retry,
        deadline: req.deadline,
      });
      counters.tokens(result.backend, result.model, result.usage.prompt_tokens, result.usage.completion_tokens);
      const tokens = { prompt: result.usage.prompt_tokens, cached: result.usage.cached_tokens, completion: result.usage.completion_tokens };
      usage?.record({ ...usageCallerOf(req.headers), endpoint: "llm_complete", backend: result.backend, model: result.model }, tokens, false, { requestId: req.requestId, call: 0 });
      return { text: result.text, backend: result.backend, model: result.model, usage: result.usage, latency_ms: result.latencyMs };
    },

    status: async (req: BusRequest): Promise<ComponentsReply> => {
      const budget = Math.max(100, Math.min(10_000, req.deadline - Date.now() - 200));
      const [backends, guard] = await Promise.all([router.status(budget), guardModel?.client.status(budget)]);
      const { llmBackend, modelName } = router.describe();
      const components: ComponentsReply["components"] = backends.map(({ name, status, latency_ms, error }) => ({ name, status, latency_ms, ...(error ? { error } : {}) }));
      // With the simulator standing in, vLLM itself is reported as not configured.
      if (!components.some((c) => c.name === "vllm")) components.unshift({ name: "vllm", status: "not_configured", latency_ms: null });
      // The minors guard model (layer 2): down only degrades health, since fail-open keeps the lexicon.
      components.push(guard ? { name: "guard_model", ...guard } : { name: "guard_model", status: "not_configured", latency_ms: null });
      return { components, llm_backend: llmBackend, model_name: modelName };
    },

    encode: async (req: BusRequest): Promise<EncodeResponse> => {
      const body = req.body as EncodeRequest;
      const r = await router.embed([body.text], body.model ?? "bge-m3");
      return { embedding: r.embeddings[0] ?? [], model: r.model, dim: r.dim };
    },

    encodeBatch: async (req: BusRequest): Promise<EncodeBatchResponse> => {
      const body = req.body as EncodeBatchRequest;
      const r = await router.embed(body.texts, body.model ?? "bge-m3");
      return { embeddings: r.embeddings, model: r.model, dim: r.dim };
    },
  };
}
