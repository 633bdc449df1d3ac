/**
 * A stand-in OpenTelemetry collector for deploy/image/smoke.sh: accepts OTLP/HTTP JSON trace exports
 * on 127.0.0.1:<port> (argv[2]) and appends the `service.name` of every exported resource, one per
 * line, to the file argv[3]. Stops on SIGTERM.
 */
import { appendFileSync } from "node:fs";

type Export = { resourceSpans?: { resource?: { attributes?: { key: string; value?: { stringValue?: string } }[] } }[] };

const [port, out] = [Number(process.argv[2]), process.argv[3] ?? ""];
const server = Bun.serve({
  port,
  hostname: "127.0.0.1",
  fetch: async (req) => {
    const body = (await req.json().catch(() => ({}))) as Export;
    const names = (body.resourceSpans ?? []).flatMap((r) => (r.resource?.attributes ?? []).filter((a) => a.key === "service.name").map((a) => a.value?.stringValue ?? ""));
    if (names.length > 0) appendFileSync(out, names.map((n) => `${n}\n`).join(""));
    return Response.json({});
  },
});
process.on("SIGTERM", () => {
  void server.stop(true);
  process.exit(0);
});
