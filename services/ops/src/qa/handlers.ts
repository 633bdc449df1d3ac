/** Bus handlers of the three QA endpoints: `/qa/run`, `/qa/run/builtin` and `/qa/smoke`; each run is audited (it spends GPU time). */
import type { Bus, BusRequest, QaBuiltinRequest, QaRunRequest, QaRunResponse, QaSmokeRequest } from "@sinhome/proto";
import { audited, auditCaller, AuditAction, type Logger } from "@sinhome/runtime";
import { BUILTIN_CASES, customCase, smokeCase } from "./cases.ts";
import { busCompleter } from "./llm.ts";
import { runCases } from "./run.ts";

export function qaHandlers(bus: Pick<Bus, "requestJson">, log?: Logger) {
  /** The audit target is the suite (`custom:<n> cases`, `builtin`, `smoke`): never a case's prompt or messages. */
  const auditedRun = (req: BusRequest, target: string, run: () => Promise<QaRunResponse>) =>
    log ? audited(log, { action: AuditAction.QaRun, ...auditCaller(req.headers), target }, run) : run();
  const completer = (req: BusRequest, backend?: QaRunRequest["backend"], modelRoute?: string) =>
    busCompleter({ bus, requestId: req.requestId, deadline: req.deadline, backend, modelRoute });

  return {
    run: (req: BusRequest): Promise<QaRunResponse> => {
      const body = req.body as QaRunRequest;
      return auditedRun(req, `custom:${body.test_cases.length} cases`, () => runCases(body.test_cases.map(customCase), completer(req, body.backend, body.model_route)));
    },
    builtin: (req: BusRequest): Promise<QaRunResponse> => {
      const body = (req.body ?? {}) as QaBuiltinRequest;
      return auditedRun(req, "builtin", () => runCases(BUILTIN_CASES, completer(req, body.backend, body.model_route)));
    },
    smoke: (req: BusRequest): Promise<QaRunResponse> => {
      const body = (req.body ?? {}) as QaSmokeRequest;
      return auditedRun(req, "smoke", () => runCases([smokeCase(body.message)], completer(req, undefined, body.model_route)));
    },
  };
}
