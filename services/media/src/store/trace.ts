/**
 * Client spans around database statements, so a CRM request's trace reaches the database.
 * Without a tracer provider (tests, tracing off) the OpenTelemetry API makes this a no-op.
 */
import { SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";

const tracer = trace.getTracer("sinhome.media.db");

/** First keyword of the statement (skipping a leading WITH … is not worth it): SELECT, INSERT, WITH, BEGIN. */
const operation = (sql: string): string => /^\s*(\w+)/.exec(sql)?.[1]?.toUpperCase() ?? "QUERY";

export async function withDbSpan<T>(system: "postgresql" | "pglite", sql: string, run: () => Promise<T>): Promise<T> {
  const op = operation(sql);
  return tracer.startActiveSpan(
    `${op} media`,
    { kind: SpanKind.CLIENT, attributes: { "db.system.name": "postgresql", "db.operation.name": op, "sinhome.db.embedded": system === "pglite" } },
    async (span) => {
      try {
        return await run();
      } catch (e) {
        span.setStatus({ code: SpanStatusCode.ERROR, message: e instanceof Error ? e.name : "error" });
        throw e;
      } finally {
        span.end();
      }
    },
  );
}
