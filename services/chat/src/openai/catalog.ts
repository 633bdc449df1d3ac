/**
 * The models the OpenAI-compatible API serves, and which backend serves each: the primary's model
 * (vLLM's `VLLM_MODEL_NAME`, or the simulator's in the all-in-one), Grok's `GROK_MODEL` when Grok is
 * configured, and the model of every A/B arm (`MODEL_ROUTES`) — an arm's name is accepted as an alias
 * of its model. `model` in a request picks the backend; anything else is a 404 `model_not_found`.
 */
import { AppError, type ModelList } from "@sinhome/proto";
import type { LlmRouter } from "../llm/router.ts";
import type { UpstreamTarget } from "./upstream.ts";

export type CatalogEntry = {
  /** The model id clients send and `/v1/models` lists. */
  id: string;
  /** Also accepted in `model` (an A/B arm's name). */
  aliases: string[];
  /** `owned_by` in the list: who serves it (`vllm`, `xai`, `simulator`). */
  ownedBy: string;
  target: UpstreamTarget;
};

const OWNER: Readonly<Record<string, string>> = { vllm: "vllm", grok: "xai", simulator: "simulator" };

/**
 * The entries of one router: its primary, then its Grok. A backend with several replicas (VLLM_BASE_URL list,
 * VLLM_DISCOVERY) gives a replica each time `target` is read (one read per call): one whose breaker lets calls
 * through, at random — no persona affinity on this pass-through API yet.
 */
export function routerEntries(router: LlmRouter, aliases: string[] = []): CatalogEntry[] {
  const out: CatalogEntry[] = [];
  for (const pool of [router.primary, router.grok]) {
    if (!pool) continue;
    const entry: CatalogEntry = {
      id: pool.model,
      aliases: pool === router.primary ? aliases : [],
      ownedBy: OWNER[pool.name] ?? pool.name,
      get target(): UpstreamTarget {
        const replica = pool.pick(undefined) ?? pool.replicas[0];
        if (!replica) throw new AppError("llm_unavailable", `${pool.name}: no replica discovered yet`);
        return { config: replica.client.config, breaker: replica.breaker };
      },
    };
    out.push(entry);
  }
  return out;
}

export class ModelCatalog {
  private readonly byName = new Map<string, CatalogEntry>();
  private readonly entries: CatalogEntry[] = [];
  private readonly created = Math.floor(Date.now() / 1000);

  constructor(entries: CatalogEntry[]) {
    for (const entry of entries) {
      if (this.byName.has(entry.id)) continue; // the first backend named for a model serves it
      this.entries.push(entry);
      this.byName.set(entry.id, entry);
    }
    for (const entry of this.entries) for (const alias of entry.aliases) if (!this.byName.has(alias)) this.byName.set(alias, entry);
  }

  resolve(model: string): CatalogEntry {
    const entry = this.byName.get(model);
    if (!entry) throw new AppError("model_not_found", "the requested model is not served here; GET /v1/models lists the served models", [{ field: "model", reason: "not served" }]);
    return entry;
  }

  list(): ModelList {
    return { object: "list", data: this.entries.map((e) => ({ id: e.id, object: "model", created: this.created, owned_by: e.ownedBy })) };
  }
}
