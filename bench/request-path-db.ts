import postgres from 'postgres';
import { benchAuditPage } from '../lib/bench/audit-page.ts';
import { drive, percentile, summarize } from './stats.ts';
import type { BenchTenant } from './request-path-seed.ts';

/**
 * The database's share of the tenant route, in this process: the audit page query
 * inside withRls (claims of the tenant's token, as the app's login role) vs the
 * same query on a plain owner pool, alternating rounds, at each concurrency.
 * Pools have the app's options (lib/db/client.ts).
 */
export async function measureDbShare(opts: {
  appUrl: string;
  adminUrl: string;
  tenant: BenchTenant;
  perRound: number;
  rounds: number;
  concurrencies: number[];
}): Promise<string[]> {
  process.env.DATABASE_URL = opts.appUrl;
  process.env.DATABASE_POOL_MAX = String(Math.max(...opts.concurrencies));
  const { withRls, closeSql } = await import('../lib/db/index.ts');
  const plain = postgres(opts.adminUrl, { max: Math.max(...opts.concurrencies), prepare: false, onnotice: () => {} });
  const { orgId, claims } = opts.tenant;
  const ops = {
    'plain query': () => benchAuditPage(plain, orgId, 20),
    'withRls + query': () => withRls(claims, (tx) => benchAuditPage(tx, orgId, 20)),
  };
  const lines: string[] = [];
  try {
    for (const op of Object.values(ops)) await drive(200, 10, op); // warm both pools
    for (const concurrency of opts.concurrencies) {
      const samples = { 'plain query': [] as number[], 'withRls + query': [] as number[] };
      const wall = { 'plain query': 0, 'withRls + query': 0 };
      let errors = 0;
      for (let round = 0; round < opts.rounds; round++) {
        for (const [name, op] of Object.entries(ops) as [keyof typeof ops, () => Promise<unknown>][]) {
          const run = await drive(opts.perRound, concurrency, op);
          samples[name].push(...run.samples);
          wall[name] += run.wallMs;
          errors += run.errors;
        }
      }
      if (errors > 0) throw new Error(`the in-process query failed ${errors} times (first error above)`);
      for (const name of Object.keys(ops) as (keyof typeof ops)[]) {
        lines.push(summarize(`db c${concurrency} ${name.padEnd(15)}`, samples[name], wall[name]));
      }
      const delta = (p: number) => {
        const ms = percentile(samples['withRls + query'], p) - percentile(samples['plain query'], p);
        return `${ms >= 0 ? '+' : ''}${ms.toFixed(2)} ms`;
      };
      lines.push(`withRls + query vs plain at c${concurrency}: p50 ${delta(50)}, p95 ${delta(95)}`);
    }
  } finally {
    await plain.end({ timeout: 5 });
    await closeSql();
  }
  return lines;
}
