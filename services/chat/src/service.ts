/** The chat service on the bus: every chat endpoint, embeddings, and LLM access for other services. */
import { ServiceName, Subject } from "@sinhome/proto";
import { countedEndpoints, notImplemented, ServiceCounters, type MeshService, type ServiceDeps } from "@sinhome/runtime";
import type { ChatEnv } from "./env.ts";

export const CHAT_VERSION = "0.1.0";

export async function createChatService(_env: ChatEnv, _deps: ServiceDeps): Promise<MeshService> {
  const counters = new ServiceCounters(ServiceName.Chat);
  const todo = notImplemented("chat");
  return {
    counters,
    definition: {
      name: ServiceName.Chat,
      version: CHAT_VERSION,
      description: "In-persona replies with the LLM, embeddings, LLM access for the mesh",
      statsData: () => counters.snapshot(),
      endpoints: countedEndpoints(counters, {
        personality_chat: { subject: Subject.PersonalityChat, handler: todo },
      }),
    },
    readiness: async () => [],
    close: async () => {},
  };
}
