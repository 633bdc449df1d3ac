/**
 * The A/B arms of a running chat service: one LLM router per arm of MODEL_ROUTES (its own model,
 * its own vLLM pool when the route names one, the same Grok fallback and retry rules), and the
 * wrapper that sends each persona request to its session's arm — or to the arm it names in
 * `model_route` — then says which arm answered in the reply (`model_route`) and in the metrics.
 * Without MODEL_ROUTES there is one arm, `default`, the service's own router.
 */
import { AppError, type BusHandler, type BusRequest } from "@sinhome/proto";
import type { ServiceCounters } from "@sinhome/runtime";
import type { ChatEnv } from "../env.ts";
import { LlmRouter, type RouterOptions } from "../llm/router.ts";
import { DEFAULT_ROUTE, RouteTable, parseModelRoutes, type ModelRoute } from "./model-routes.ts";
import { presetReader } from "./presets.ts";

export type Arm = { route: ModelRoute; router: LlmRouter };

export class ModelArms {
  private readonly arms = new Map<string, Arm>();

  private constructor(readonly table: RouteTable, arms: Arm[]) {
    for (const arm of arms) this.arms.set(arm.route.name, arm);
  }

  /** Builds every arm's router; `main` serves the `default` arm (unless the route gives it its own pool). */
  static create(env: ChatEnv, main: LlmRouter, options: RouterOptions = {}): ModelArms {
    const defaultModel = main.primary?.model ?? env.VLLM_MODEL_NAME;
    if (!env.MODEL_ROUTES) return new ModelArms(new RouteTable([{ name: DEFAULT_ROUTE, weight: 1, model: defaultModel }]), [{ route: { name: DEFAULT_ROUTE, weight: 1, model: defaultModel }, router: main }]);
    const parsed = parseModelRoutes(env.MODEL_ROUTES, defaultModel, presetReader(env.MODELS_ENV_DIR));
    if (!parsed.ok) throw new AppError("internal_error", parsed.problems.join("; ")); // parseChatEnv already refused this
    const arms = parsed.routes.map((route): Arm => {
      if (route.name === DEFAULT_ROUTE && !route.baseUrl) return { route, router: main };
      const armEnv = { ...env, VLLM_BASE_URL: route.baseUrl ?? env.VLLM_BASE_URL, VLLM_MODEL_NAME: route.model };
      return { route, router: new LlmRouter(armEnv, { ...options, simulatorModel: route.model }) };
    });
    return new ModelArms(new RouteTable(parsed.routes), arms);
  }

  list(): Arm[] {
    return [...this.arms.values()];
  }

  /** The arm named by the request, or the session's sticky arm (the request id's when there is no session). */
  choose(req: BusRequest, body: { session_id?: string | null; model_route?: string | null }): Arm {
    if (body.model_route) {
      const named = this.arms.get(body.model_route);
      if (!named) throw new AppError("validation_failed", "model_route is not one of the configured MODEL_ROUTES", [{ field: "model_route", reason: `one of ${[...this.arms.keys()].join(", ")}` }]);
      return named;
    }
    return this.arms.get(this.table.pick(body.session_id || req.requestId).name)!;
  }

  /** The router for a request that may name an arm (LLM access for QA); the default arm otherwise. */
  routerFor(modelRoute: string | undefined): LlmRouter {
    if (!modelRoute) return (this.arms.get(DEFAULT_ROUTE) ?? this.list()[0]!).router;
    const arm = this.arms.get(modelRoute);
    if (!arm) throw new AppError("validation_failed", "model_route is not one of the configured MODEL_ROUTES", [{ field: "model_route", reason: `one of ${[...this.arms.keys()].join(", ")}` }]);
    return arm.router;
  }

  /**
   * One persona endpoint, routed: `makeHandler(router)` builds the endpoint's handler for an arm's
   * router (once per arm, at start); each request runs the handler of its arm.
   */
  routed(makeHandler: (router: LlmRouter, armName: string) => BusHandler, counters: ServiceCounters): BusHandler {
    const handlers = new Map(this.list().map((arm) => [arm.route.name, makeHandler(arm.router, arm.route.name)]));
    return async (req) => {
      const arm = this.choose(req, req.body as { session_id?: string; model_route?: string });
      counters.modelRoute(arm.route.name, arm.route.model);
      const reply = await handlers.get(arm.route.name)!(req);
      return { ...(reply as object), model_route: arm.route.name };
    };
  }
}
