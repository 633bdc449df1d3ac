/** How component states add up to the overall health (pure). */
import type { HealthComponent, HealthResponse } from "@sinhome/proto";

const LLM_COMPONENTS = new Set(["vllm", "grok", "simulator"]);
/** Parts the mesh cannot work without; anything else down only degrades it. */
const ESSENTIAL_SERVICES = new Set(["chat", "ops"]);

export function overallStatus(components: HealthComponent[]): HealthResponse["status"] {
  const llmUp = components.some((c) => LLM_COMPONENTS.has(c.name) && c.status === "ok");
  const database = components.find((c) => c.name === "database");
  if (!llmUp || database?.status !== "ok") return "unhealthy";
  if (components.some((c) => ESSENTIAL_SERVICES.has(c.name) && c.status === "down")) return "unhealthy";
  const simulator = components.some((c) => c.name === "simulator" && c.status === "ok");
  if (simulator || components.some((c) => c.status === "down")) return "degraded";
  return "healthy";
}
