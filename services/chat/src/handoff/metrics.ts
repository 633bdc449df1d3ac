/** `sinhome_handoff_total{reason}`: chat replies that recommended a hand-off, by reason (one reply may count under several). */
import { Counter } from "prom-client";
import type { Handoff } from "@sinhome/proto";
import { registry } from "@sinhome/runtime";

const handoffs = new Counter({
  name: "sinhome_handoff_total",
  help: "Chat replies recommending a hand-off to a person, by reason",
  labelNames: ["reason"] as const,
  registers: [registry],
});

export function countHandoff(handoff: Handoff): void {
  for (const reason of handoff.reasons) handoffs.inc({ reason });
}
