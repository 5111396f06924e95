/** The p-th percentile (0–100) of latency samples in milliseconds; 0 without samples. */
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** Percentiles and a one-line summary for latency samples in milliseconds. */
export function summarize(label: string, samples: number[], wallMs: number, errors = 0): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const pick = (p: number) => percentile(sorted, p);
  const rate = (samples.length / wallMs) * 1000;
  return (
    `${label}: ${samples.length} ops in ${(wallMs / 1000).toFixed(2)}s = ${rate.toFixed(0)} ops/s; ` +
    `p50 ${pick(50).toFixed(2)}ms p95 ${pick(95).toFixed(2)}ms p99 ${pick(99).toFixed(2)}ms max ${pick(100).toFixed(2)}ms; errors ${errors}`
  );
}

/** Runs `op` `total` times with `concurrency` in flight; returns latencies and wall time. */
export async function drive(total: number, concurrency: number, op: (i: number) => Promise<unknown>) {
  const samples: number[] = [];
  let errors = 0;
  let firstError: unknown;
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < total) {
      const i = next++;
      const t = performance.now();
      try {
        await op(i);
        samples.push(performance.now() - t);
      } catch (error) {
        errors++;
        firstError ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  if (firstError) console.error(`first error: ${String(firstError)}`);
  return { samples, errors, wallMs: performance.now() - started };
}
