/** A stand-in OTLP/HTTP collector: accepts trace exports so tracing costs what it costs in production. */
export function startOtlpSink(): { url: string; spansBatches: () => number; stop(): void } {
  let batches = 0;
  const server = Bun.serve({
    port: 0,
    hostname: "127.0.0.1",
    fetch: async (req) => {
      await req.arrayBuffer();
      batches++;
      return new Response("{}", { headers: { "content-type": "application/json" } });
    },
  });
  return { url: `http://127.0.0.1:${server.port}`, spansBatches: () => batches, stop: () => server.stop(true) };
}
