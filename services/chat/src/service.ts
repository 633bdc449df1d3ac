/**
 * The chat service on the bus: the 11 chat endpoints, embeddings, and LLM access for the rest of the
 * mesh (scoring's AI call, QA runs, health). With no VLLM_BASE_URL it starts the project's LLM
 * simulator on loopback and says so loudly: replies then carry `backend: "simulator"`.
 */
import { routeLabel, ServiceName, StreamServer, Subject } from "@sinhome/proto";
import { startSimulator, type Simulator } from "@sinhome/llm-sim";
import { countedEndpoints, openConversationLog, prom, RETRY_CAUSES, ServiceCounters, zeroCounters, type MeshService, type ServiceDeps } from "@sinhome/runtime";
import type { ChatEnv } from "./env.ts";
import { llmAccessHandlers } from "./handlers/llm-access.ts";
import { openAiHandlers } from "./handlers/openai.ts";
import { LlmRouter } from "./llm/router.ts";
import { ModelCatalog, routerEntries } from "./openai/catalog.ts";
import { ModelArms } from "./routing/arms.ts";
import { directChatHandler } from "./pipeline/direct.ts";
import { PERSONA_ENDPOINTS } from "./pipeline/endpoints.ts";
import { personaReplyHandler } from "./pipeline/reply.ts";
import { createGuardModelGate } from "./safety/index.ts";
import { answerUsageQueries } from "./usage/answer.ts";
import { openDurableUsage } from "./usage/durable.ts";
import { UsageLedger } from "./usage/ledger.ts";
import { priceTable } from "./usage/prices.ts";

export const CHAT_VERSION = "0.1.0";

const SUBJECTS: Record<string, Subject> = {
  personality_chat: Subject.PersonalityChat,
  script_chat: Subject.ScriptChat,
  script_followup: Subject.ScriptFollowup,
  unpersona_chat: Subject.UnpersonaChat,
  grok_chat: Subject.GrokChat,
  script_media: Subject.ScriptMedia,
  script_paywall: Subject.ScriptPaywall,
  v2_personality_chat: Subject.V2PersonalityChat,
  v2_script_chat: Subject.V2ScriptChat,
  v2_script_followup: Subject.V2ScriptFollowup,
};

/**
 * Asks each configured backend which models it serves (`GET /models`) once at start, in the
 * background, and warns when the configured model is not among them (a wrong preset is the most
 * common misconfiguration after a model switch). Health checks ask again on every probe.
 */
async function announceModels(router: LlmRouter, env: ChatEnv, log: ServiceDeps["log"]): Promise<void> {
  for (const backend of await router.status(10_000)) {
    if (backend.status === "not_configured") continue;
    if (backend.status === "down") {
      log.warn({ backend: backend.name, error: backend.error }, "LLM backend unreachable at start");
      continue;
    }
    const expected = backend.name === "grok" ? env.GROK_MODEL : backend.name.split("@")[0] === "vllm" ? env.VLLM_MODEL_NAME : undefined;
    const served = backend.models ?? [];
    if (expected && served.length > 0 && !served.includes(expected)) {
      log.warn({ backend: backend.name, expected, served: served.slice(0, 20) }, "configured model is not served by this backend");
    } else {
      log.info({ backend: backend.name, served: served.slice(0, 20) }, "LLM backend models");
    }
  }
}

export async function createChatService(env: ChatEnv, { bus, log, conversations: shared, usageStore }: ServiceDeps): Promise<MeshService> {
  const counters = new ServiceCounters(ServiceName.Chat);
  // Zero before the first event, so "Retries/s by cause" and the v2 real-replies SLO show 0, not "No data".
  // A v2 fallback's usual cause is llm_unavailable (every backend failed); other causes appear when they happen.
  zeroCounters(prom.retries, RETRY_CAUSES.map((cause) => ({ cause })));
  zeroCounters(prom.fallbackReplies, PERSONA_ENDPOINTS.filter((e) => e.family === "v2").map((e) => ({ endpoint: routeLabel({ method: "POST", path: e.path }), cause: "llm_unavailable" })));
  // Every chat instance appends to the persisted log: the host's, or its own JetStream connection.
  const conversations = shared ?? (env.NATS_URL ? await openConversationLog(env, { name: "chat", manage: false, log }) : undefined);
  let simulator: Simulator | undefined;
  if (!env.VLLM_BASE_URL && !env.VLLM_DISCOVERY) {
    simulator = startSimulator({ port: 0, hostname: "127.0.0.1" });
    log.warn({ simulator: simulator.url }, "NO LLM CONFIGURED (VLLM_BASE_URL unset): replies come from the built-in simulator, backend=simulator");
  }
  const router = new LlmRouter(env, { simulatorUrl: simulator?.url, log });
  if (env.VLLM_DISCOVERY && env.VLLM_BASE_URL) log.info({ discovery: env.VLLM_DISCOVERY }, "vLLM replicas come from VLLM_DISCOVERY (VLLM_BASE_URL ignored)");
  await router.start();
  // Bun queues fetch calls past BUN_CONFIG_MAX_HTTP_REQUESTS silently: the replicas' slots must fit under it.
  const slotsWanted = env.VLLM_MAX_IN_FLIGHT * Math.max(1, router.primary?.replicas.length ?? 1);
  if (env.VLLM_MAX_IN_FLIGHT > 0 && slotsWanted > env.BUN_CONFIG_MAX_HTTP_REQUESTS) {
    log.warn({ slotsWanted, BUN_CONFIG_MAX_HTTP_REQUESTS: env.BUN_CONFIG_MAX_HTTP_REQUESTS }, "VLLM_MAX_IN_FLIGHT × replicas exceeds Bun's in-flight fetch limit: raise BUN_CONFIG_MAX_HTTP_REQUESTS");
  }
  void announceModels(router, env, log);
  const arms = ModelArms.create(env, router, { simulatorUrl: simulator?.url });
  if (env.MODEL_ROUTES) log.info({ shares: arms.table.shares(), models: Object.fromEntries(arms.list().map((a) => [a.route.name, a.route.model])) }, "A/B model routes");
  const guardModel = createGuardModelGate(env);
  if (guardModel) log.info({ guard: env.GUARD_BASE_URL, model: env.GUARD_MODEL, failMode: guardModel.settings.failMode }, "minors guard model on");
  const durableUsage = openDurableUsage(env, usageStore, log);
  const usage = new UsageLedger({ prices: priceTable(env), retentionMs: env.USAGE_RETENTION_HOURS * 3_600_000, journal: durableUsage.journal });
  const stopUsage = answerUsageQueries(bus, usage, crypto.randomUUID());
  const deps = { router, counters, env, bus, log, guardModel, conversations, usage };
  const llm = llmAccessHandlers(router, counters, (route) => arms.routerFor(route), guardModel, usage);
  const streams = new StreamServer(bus);
  // The default arm's models first: a model id served by two arms is served by the default one.
  const catalog = new ModelCatalog(arms.list().flatMap((arm) => routerEntries(arm.router, [arm.route.name])));
  const openai = openAiHandlers({ catalog, counters, env, bus, log, guardModel, conversations, usage });

  // Persona endpoints answered by vLLM are A/B routed (sticky per session); /grok_chat always asks Grok.
  const chatEndpoints = Object.fromEntries(
    PERSONA_ENDPOINTS.map((endpoint) => [endpoint.name, {
      subject: SUBJECTS[endpoint.name]!,
      handler: endpoint.backend === "grok"
        ? personaReplyHandler(endpoint, deps)
        : arms.routed((armRouter, armName) => personaReplyHandler(endpoint, { ...deps, router: armRouter, modelRoute: armName }), counters),
    }]),
  );
  return {
    counters,
    definition: {
      name: ServiceName.Chat,
      version: CHAT_VERSION,
      description: "In-persona replies with the LLM, embeddings, LLM access for the mesh",
      statsData: () => counters.snapshot(),
      endpoints: {
        ...countedEndpoints(counters, {
          ...chatEndpoints,
          direct_chat: { subject: Subject.DirectChat, handler: directChatHandler(deps) },
          encode: { subject: Subject.Encode, handler: llm.encode },
          encode_batch: { subject: Subject.EncodeBatch, handler: llm.encodeBatch },
          llm_complete: { subject: Subject.LlmComplete, handler: llm.complete },
          openai_chat: { subject: Subject.OpenAiChat, handler: openai.chat },
          // Counted when the stream opens (its latency is the time to the first chunk).
          openai_chat_stream: { subject: Subject.OpenAiChatStream, handler: streams.endpoint(openai.chatStream) },
          openai_models: { subject: Subject.OpenAiModels, handler: openai.models },
        }),
        // Health probes are not requests of the CRM: not counted.
        llm_status: { subject: Subject.LlmStatus, handler: llm.status },
      },
    },
    // Readiness does not depend on the LLM: with vLLM down, chat still answers through Grok or the v2 fallback.
    readiness: async () => [],
    close: async () => {
      stopUsage();
      // Streams outlive their opening request: let the running ones finish before the simulator goes.
      await streams.drain(env.SHUTDOWN_GRACE_MS);
      router.close();
      await simulator?.stop();
      if (!shared) await conversations?.close();
      await durableUsage.close(); // the last calls written before the process goes
    },
  };
}
