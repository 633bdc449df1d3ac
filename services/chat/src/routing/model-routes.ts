/**
 * A/B routing between model presets (`MODEL_ROUTES`): traffic shares between "arms", each a model
 * preset served by the default vLLM pool or by its own, sticky per conversation.
 *
 *   MODEL_ROUTES=default=90,euryale@http://vllm-euryale:8000/v1=10
 *
 * Each comma-separated route is `name[@base_url]=weight`:
 * - `name` is `default` (the configured `VLLM_MODEL_NAME`) or a preset of `models_env/` (`euryale` →
 *   `models_env/euryale.env`, whose `VLLM_MODEL_NAME` is the model sent);
 * - `@base_url` (with `/v1`) sends that arm to its own vLLM pool; without it the arm uses `VLLM_BASE_URL`
 *   (a server serving several models, or the simulator in the all-in-one);
 * - `weight` is a non-negative integer; an arm's share is its weight over the sum. Weight 0 = never
 *   picked by chance, only when a request names it (`model_route`, for QA).
 *
 * Stickiness: a conversation's `session_id` is hashed to a point in [0, 1), and the arms own
 * consecutive slices of that interval in the order written. The same session always lands in the same
 * arm; changing 90/10 to 80/20 moves only the sessions in the slice that changed hands. A request
 * without `session_id` has no conversation to keep: it is placed by its request id (random).
 * Plain data in, plain data out; the preset files are read through an injected function.
 */
import { createHash } from "node:crypto";

export type ModelRoute = {
  name: string;
  weight: number;
  /** The model id sent upstream (and shown in replies' `model`). */
  model: string;
  /** The arm's own vLLM pool; absent = VLLM_BASE_URL. */
  baseUrl?: string;
};

/** The syntax of MODEL_ROUTES (checked by the env schema; names and presets are checked by `parseModelRoutes`). */
export const MODEL_ROUTES_PATTERN = "^[a-z0-9][a-z0-9_-]*(@https?://[^,=@\\s]+)?=\\d{1,6}(,[a-z0-9][a-z0-9_-]*(@https?://[^,=@\\s]+)?=\\d{1,6})*$";
const ROUTE_RE = /^([a-z0-9][a-z0-9_-]*)(?:@(https?:\/\/[^,=@\s]+))?=(\d{1,6})$/;

export const DEFAULT_ROUTE = "default";

/**
 * Parses MODEL_ROUTES. `presetModel(name)` returns a preset's served model name, or undefined when
 * there is no such preset. Returns the routes, or the list of problems (for a config error).
 */
export function parseModelRoutes(
  spec: string,
  defaultModel: string,
  presetModel: (name: string) => string | undefined,
): { ok: true; routes: ModelRoute[] } | { ok: false; problems: string[] } {
  const routes: ModelRoute[] = [];
  const problems: string[] = [];
  for (const part of spec.split(",").map((p) => p.trim())) {
    const match = ROUTE_RE.exec(part);
    if (!match) {
      problems.push(`MODEL_ROUTES: '${part}' is not name[@base_url]=weight`);
      continue;
    }
    const [, name = "", baseUrl, weight = "0"] = match;
    if (routes.some((r) => r.name === name)) problems.push(`MODEL_ROUTES: '${name}' is listed twice`);
    const model = name === DEFAULT_ROUTE ? defaultModel : presetModel(name);
    if (model === undefined) {
      problems.push(`MODEL_ROUTES: '${name}' is neither 'default' nor a preset of models_env/ (no ${name}.env)`);
      continue;
    }
    routes.push({ name, weight: Number(weight), model, ...(baseUrl ? { baseUrl } : {}) });
  }
  if (problems.length === 0 && routes.reduce((n, r) => n + r.weight, 0) === 0) problems.push("MODEL_ROUTES: the weights add up to 0");
  return problems.length > 0 ? { ok: false, problems } : { ok: true, routes };
}

/** A session's fixed point in [0, 1): the first 48 bits of SHA-256 (uniform, the same in every process). */
export function stickyPoint(key: string): number {
  const digest = createHash("sha256").update(key).digest();
  return digest.readUIntBE(0, 6) / 2 ** 48;
}

export class RouteTable {
  private readonly total: number;

  constructor(readonly routes: readonly ModelRoute[]) {
    this.total = routes.reduce((n, r) => n + r.weight, 0);
  }

  /** The arm of a conversation (sticky); `key` is its session_id (or the request id when there is none). */
  pick(key: string): ModelRoute {
    // One arm (MODEL_ROUTES unset): every conversation is on it; no SHA-256 per request.
    if (this.routes.length === 1) return this.routes[0]!;
    let point = stickyPoint(key) * this.total;
    for (const route of this.routes) {
      if (point < route.weight) return route;
      point -= route.weight;
    }
    return this.routes.findLast((r) => r.weight > 0) ?? this.routes[0]!;
  }

  byName(name: string): ModelRoute | undefined {
    return this.routes.find((r) => r.name === name);
  }

  /** Each arm's share of the traffic, for the start log. */
  shares(): Record<string, number> {
    return Object.fromEntries(this.routes.map((r) => [r.name, this.total ? r.weight / this.total : 0]));
  }
}

/**
 * The served name of a models_env preset file's text: `VLLM_MODEL_NAME`, or else its model id
 * (`VLLM_MODEL_ID`, the seed's name, or `MODEL_ID`), under which vLLM then serves it.
 */
export function presetModelName(envFileText: string): string | undefined {
  const values = new Map<string, string>();
  for (const line of envFileText.split("\n")) {
    const match = /^\s*(VLLM_MODEL_NAME|VLLM_MODEL_ID|MODEL_ID)\s*=\s*(.+?)\s*$/.exec(line);
    if (match?.[2]) values.set(match[1]!, match[2].replace(/^["']|["']$/g, ""));
  }
  return values.get("VLLM_MODEL_NAME") ?? values.get("VLLM_MODEL_ID") ?? values.get("MODEL_ID");
}
