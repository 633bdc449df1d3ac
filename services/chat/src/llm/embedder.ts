/**
 * Embeddings through an OpenAI-compatible `/embeddings` server (vLLM pooling or TEI) at
 * `EMBEDDINGS_BASE_URL`. The API speaks short aliases (`bge-m3`, …); the server wants model ids,
 * mapped here (overridable with `EMBEDDINGS_MODELS`). No server configured = 503 `not_configured`.
 */
import { AppError } from "@sinhome/proto";
import type { ChatEnv } from "../env.ts";
import { OpenAiClient } from "./client.ts";
import { LlmFailure } from "./failure.ts";

export const DEFAULT_EMBEDDING_MODELS: Readonly<Record<string, string>> = {
  "bge-m3": "BAAI/bge-m3",
  "jina-code": "jinaai/jina-embeddings-v2-base-code",
  "e5-small": "intfloat/multilingual-e5-small",
};

/** `alias=id,alias=id` (already validated by the env schema) over the defaults. */
export function embeddingModels(spec?: string): Record<string, string> {
  const map: Record<string, string> = { ...DEFAULT_EMBEDDING_MODELS };
  for (const pair of spec?.split(",") ?? []) {
    const [alias, id] = pair.split("=", 2).map((s) => s.trim());
    if (alias && id) map[alias] = id;
  }
  return map;
}

export type EmbedResult = { embeddings: number[][]; model: string; servedModel: string; dim: number };
export type EmbedderEnv = Pick<ChatEnv, "EMBEDDINGS_BASE_URL" | "EMBEDDINGS_API_KEY" | "EMBEDDINGS_MODELS" | "EMBEDDINGS_TIMEOUT_MS">;

export class Embedder {
  private readonly client?: OpenAiClient<"embeddings">;
  private readonly models: Record<string, string>;

  constructor(private readonly env: EmbedderEnv) {
    this.models = embeddingModels(env.EMBEDDINGS_MODELS);
    if (env.EMBEDDINGS_BASE_URL) {
      this.client = new OpenAiClient({ name: "embeddings", baseUrl: env.EMBEDDINGS_BASE_URL, apiKey: env.EMBEDDINGS_API_KEY, model: "" });
    }
  }

  get configured(): boolean {
    return this.client !== undefined;
  }

  async embed(texts: string[], alias: string, signal?: AbortSignal): Promise<EmbedResult> {
    if (!this.client) throw new AppError("not_configured", "embeddings are not configured (EMBEDDINGS_BASE_URL is unset)");
    const id = this.models[alias] ?? alias;
    try {
      const out = await this.client.embeddings(texts, id, this.env.EMBEDDINGS_TIMEOUT_MS, signal);
      return { embeddings: out.vectors, model: alias, servedModel: out.model, dim: out.vectors[0]?.length ?? 0 };
    } catch (e) {
      if (!(e instanceof LlmFailure)) throw e;
      const message = e.message;
      if (e.kind === "timeout") throw new AppError("timeout", message, [], { cause: e });
      if (e.kind === "client" || e.kind === "malformed") throw new AppError("upstream_error", message, [], { cause: e });
      throw new AppError("service_unavailable", message, [], { cause: e });
    }
  }
}
