import { loopbackClient, type HttpAnswer } from './http-client.ts';
import { drive, percentile, summarize } from './stats.ts';

export interface Target {
  name: string;
  path: string;
  headers?: Record<string, string>;
  /** What is wrong with an answer, or null when it is a result. */
  problem: (answer: HttpAnswer) => string | null;
}

export interface TargetResult {
  samples: number[];
  errors: number;
  wallMs: number;
  roundRates: number[];
  firstProblem?: string;
}

/** 200 with a JSON `data` array of `rows` entries; anything else (a fast 401 included) is an error. */
export function pageOf(rows: number) {
  return (answer: HttpAnswer): string | null => {
    if (answer.status !== 200) return `HTTP ${answer.status}: ${answer.text.slice(0, 200)}`;
    try {
      const body = JSON.parse(answer.text) as { data?: unknown };
      if (Array.isArray(body.data) && body.data.length === rows) return null;
    } catch {
      // not JSON
    }
    return `200 without ${rows} entries in data: ${answer.text.slice(0, 200)}`;
  };
}

/**
 * At one concurrency: a warm-up of each target, then `rounds` rounds of
 * `perRound` requests per target, alternating (a, b, c, a, b, c, …) so machine
 * noise hits every target alike.
 */
export async function alternateRounds(opts: {
  port: number;
  host: string;
  targets: Target[];
  concurrency: number;
  perRound: number;
  rounds: number;
  warmup: number;
  /** Progress: called after each round with its rates. */
  onRound?: (line: string) => void;
}): Promise<Map<string, TargetResult>> {
  const client = loopbackClient(opts.port, opts.concurrency);
  const results = new Map(opts.targets.map((t) => [t.name, { samples: [], errors: 0, wallMs: 0, roundRates: [] } as TargetResult]));
  const once = (target: Target, result?: TargetResult) => async () => {
    const answer = await client.get(opts.host, target.path, target.headers);
    const problem = target.problem(answer);
    if (problem) {
      if (result) result.firstProblem ??= problem;
      throw new Error(`${target.name}: ${problem}`);
    }
  };
  try {
    for (const target of opts.targets) await drive(opts.warmup, opts.concurrency, once(target));
    for (let round = 0; round < opts.rounds; round++) {
      for (const target of opts.targets) {
        const result = results.get(target.name)!;
        const run = await drive(opts.perRound, opts.concurrency, once(target, result));
        result.samples.push(...run.samples);
        result.errors += run.errors;
        result.wallMs += run.wallMs;
        result.roundRates.push((run.samples.length / run.wallMs) * 1000);
      }
      const rates = opts.targets.map((t) => `${t.name} ${results.get(t.name)!.roundRates[round]!.toFixed(0)}`).join(', ');
      opts.onRound?.(`c${opts.concurrency} round ${round + 1}/${opts.rounds}: ${rates} req/s`);
    }
  } finally {
    client.close();
  }
  return results;
}

export const rate = (r: TargetResult) => (r.samples.length / r.wallMs) * 1000;

export function describeResult(label: string, r: TargetResult): string {
  const rounds = r.roundRates.map((x) => x.toFixed(0)).join(' / ');
  return `${summarize(label, r.samples, r.wallMs, r.errors)} (rounds: ${rounds} req/s)`;
}

/** `a/b at cN: throughput 0.91x, p95 1.12x` */
export function ratioLine(a: string, b: string, concurrency: number, ra: TargetResult, rb: TargetResult): string {
  const throughput = rate(ra) / rate(rb);
  const p95 = percentile(ra.samples, 95) / percentile(rb.samples, 95);
  return `${a}/${b} at c${concurrency}: throughput ${throughput.toFixed(2)}x, p95 ${p95.toFixed(2)}x`;
}
