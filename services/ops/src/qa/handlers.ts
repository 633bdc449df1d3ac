/** Bus handlers of the three QA endpoints: `/qa/run`, `/qa/run/builtin` and `/qa/smoke`. */
import type { Bus, BusRequest, QaBuiltinRequest, QaRunRequest, QaRunResponse, QaSmokeRequest } from "@sinhome/proto";
import { BUILTIN_CASES, customCase, smokeCase } from "./cases.ts";
import { busCompleter } from "./llm.ts";
import { runCases } from "./run.ts";

export function qaHandlers(bus: Pick<Bus, "requestJson">) {
  const completer = (req: BusRequest, backend?: QaRunRequest["backend"], modelRoute?: string) =>
    busCompleter({ bus, requestId: req.requestId, deadline: req.deadline, backend, modelRoute });

  return {
    run: (req: BusRequest): Promise<QaRunResponse> => {
      const body = req.body as QaRunRequest;
      return runCases(body.test_cases.map(customCase), completer(req, body.backend, body.model_route));
    },
    builtin: (req: BusRequest): Promise<QaRunResponse> => {
      const body = (req.body ?? {}) as QaBuiltinRequest;
      return runCases(BUILTIN_CASES, completer(req, body.backend, body.model_route));
    },
    smoke: (req: BusRequest): Promise<QaRunResponse> => {
      const body = (req.body ?? {}) as QaSmokeRequest;
      return runCases([smokeCase(body.message)], completer(req, undefined, body.model_route));
    },
  };
}
