/**
 * Tests only: the whole chat path as the CRM sees it — gateway → in-process bus → chat service →
 * simulator — with a second simulator playing Grok. Each test file builds its own stack.
 */
import { MemoryBus, type ChatLogEvent, Subject } from "@sinhome/proto";
import { startSimulator, type Simulator } from "@sinhome/llm-sim";
import { createLogger, EmbeddedConversationLog, ServiceCounters, type ConversationLog } from "@sinhome/runtime";
import { createGateway } from "@sinhome/gateway";
import { parseGatewayEnv } from "@sinhome/gateway/src/env.ts";
import { parseChatEnv } from "./env.ts";
import { createChatService } from "./service.ts";

export type ChatStack = {
  bus: MemoryBus;
  vllm: Simulator;
  grok: Simulator;
  events: ChatLogEvent[];
  /** The persisted log chat appends to (embedded, in memory). */
  conversations: ConversationLog;
  counters: ServiceCounters;
  post(path: string, body: unknown): Promise<{ status: number; body: Record<string, unknown> & { response?: string; backend?: string } }>;
  postWithHeaders(path: string, body: unknown, headers: Record<string, string>): Promise<Response>;
  gatewayGet(path: string): Promise<Response>;
  /** Chat completion requests received by a simulator since the last reset. */
  chatCalls(sim: Simulator): { messages: { role: string; content: string }[]; max_tokens?: number; temperature?: number; model?: string }[];
  reset(): void;
  close(): Promise<void>;
};

const log = createLogger("chat-test", "error");

export async function startChatStack(env: Record<string, string> = {}, opts: { vllmDown?: boolean } = {}): Promise<ChatStack> {
  const vllm = startSimulator({ port: 0, hostname: "127.0.0.1", name: "vllm-sim" });
  const grok = startSimulator({ port: 0, hostname: "127.0.0.1", name: "grok-sim", apiKey: "xai-test-key" });
  const bus = new MemoryBus();
  const chatEnv = parseChatEnv({
    VLLM_BASE_URL: opts.vllmDown ? "http://127.0.0.1:9/v1" : vllm.url,
    VLLM_MODEL_NAME: "qwen-test",
    GROK_BASE_URL: grok.url,
    GROK_API_KEY: "xai-test-key",
    GROK_MODEL: "grok-test",
    LLM_TIMEOUT_MS: "400",
    CHAT_DEADLINE_MS: "4000",
    LLM_FALLBACK_RESERVE_MS: "1500",
    LLM_RETRY_BASE_MS: "5",
    LLM_BREAKER_THRESHOLD: "3",
    LLM_BREAKER_COOLDOWN_MS: "60000",
    EMBEDDINGS_BASE_URL: vllm.url,
    ...env,
  });
  const conversations = new EmbeddedConversationLog(":memory:", { retentionHours: 1, maxBytes: 1024 ** 3 });
  const chat = await createChatService(chatEnv, { bus, log, conversations });
  await bus.addService(chat.definition);
  const events: ChatLogEvent[] = [];
  bus.subscribe(Subject.LogsChat, (e) => events.push(e as ChatLogEvent));
  const gateway = createGateway({ bus, env: parseGatewayEnv({ RATE_LIMIT_PER_MINUTE: "0", CHAT_DEADLINE_MS: chatEnv.CHAT_DEADLINE_MS.toString() }), log });
  const calls = (sim: Simulator) =>
    sim.requests.filter((r) => r.path.endsWith("/chat/completions")).map((r) => r.body as ReturnType<ChatStack["chatCalls"]>[number]);
  return {
    bus,
    vllm,
    grok,
    events,
    conversations,
    counters: chat.counters,
    post: async (path, body) => {
      const res = await gateway.handle(new Request(`http://localhost${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }));
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    },
    postWithHeaders: (path, body, headers) =>
      gateway.handle(new Request(`http://localhost${path}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) })),
    gatewayGet: (path) => gateway.handle(new Request(`http://localhost${path}`)),
    chatCalls: calls,
    reset: () => {
      vllm.reset();
      grok.reset();
      events.length = 0;
    },
    close: async () => {
      await chat.close();
      await conversations.close();
      await bus.close();
      await Promise.all([vllm.stop(), grok.stop()]);
    },
  };
}
