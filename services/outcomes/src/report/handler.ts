/** `GET /experiments/report`: the window read, the aggregates summed by the store, the statistics computed here. */
import { ReportQuery, type ReportResponse } from "@sinhome/proto";
import type { OutcomesStore } from "../store/outcomes-store.ts";
import { validated, windowOf } from "../validate.ts";
import { buildReport } from "./build.ts";

export async function experimentsReport(store: OutcomesStore, body: unknown, opts: { control: string; minSample: number; tenant?: string }): Promise<ReportResponse> {
  const window = windowOf(validated(ReportQuery, body));
  const aggregates = await store.armAggregates({ ...window, tenant: opts.tenant });
  return buildReport(aggregates, { ...window, control: opts.control, minSample: opts.minSample });
}
