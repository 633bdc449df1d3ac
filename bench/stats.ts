/** Small helpers for the benchmark: percentiles and timing loops. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export type Latency = { p50: number; p99: number; n: number };

/** Runs `fn` `n` times one at a time (after `warmup` runs) and returns latency percentiles in ms. */
export async function sequential(n: number, fn: () => Promise<unknown>, warmup = Math.min(500, n)): Promise<Latency> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p99: percentile(samples, 99), n };
}

/** Keeps `concurrency` calls in flight until `n` have completed; latency percentiles in ms. */
export async function concurrent(n: number, concurrency: number, fn: () => Promise<unknown>): Promise<Latency> {
  await sequential(Math.min(200, n), fn, 0);
  const samples: number[] = [];
  let started = 0;
  const worker = async () => {
    while (started < n) {
      started++;
      const t = performance.now();
      await fn();
      samples.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p99: percentile(samples, 99), n };
}

export const fmt = (ms: number) => (ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(2)} ms`);
