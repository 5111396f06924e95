/**
 * The tenant request path side by side, on `next start`:
 *   tenant    GET /api/audit?limit=20 on the tenant host with a Bearer token
 *   bare-sql  the same SQL on a plain owner pool, no auth, no withRls (benchmark-only route)
 *   constant  a fixed small JSON, no database (benchmark-only route)
 * at 10 and 50 concurrent, in alternating rounds, with the ratios; then the
 * database's share in-process (withRls + query vs the plain query) and the
 * server's peak RSS. Builds into .next-bench and starts Postgres, the auth
 * server and `next start` on free ports in a temporary folder; stops them at the end.
 * Run: node bench/request-path.ts [requests per round=1000] [rounds=3]
 */
import './react-server.ts';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { authService, type AuthTarget } from '../scripts/stack/auth-service.ts';
import { embeddedDatabaseService, type DatabaseTarget } from '../scripts/stack/database-service.ts';
import { nextService } from '../scripts/stack/next-service.ts';
import { runWithServices } from '../scripts/stack/supervisor.ts';
import { findFreePort } from '../supabase/local/ports.ts';
import { ensureBuild } from './next-build.ts';
import { sampleRss } from './process-memory.ts';
import { measureDbShare } from './request-path-db.ts';
import { alternateRounds, describeResult, pageOf, ratioLine, type Target, type TargetResult } from './request-path-rounds.ts';
import { seedBenchTenant } from './request-path-seed.ts';

const [perRound, rounds] = [process.argv[2] ?? '1000', process.argv[3] ?? '3'].map(Number) as [number, number];
if (![perRound, rounds].every((n) => Number.isInteger(n) && n > 0)) {
  console.error('usage: node bench/request-path.ts [requests per round=1000] [rounds=3] (whole numbers above 0)');
  process.exit(2);
}
const CONCURRENCIES = [10, 50];
const ENTRIES = 5000;
const DIST_DIR = '.next-bench';

ensureBuild(DIST_DIR, (line) => console.log(line));
const port = await findFreePort();
const rootDomain = `localhost:${port}`;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tenantforge-bench-'));
fs.chmodSync(tmp, 0o755); // the postgres system user must reach the data folder
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));

const db: Partial<DatabaseTarget> = {};
const auth: Partial<AuthTarget> = {};
const services = [
  embeddedDatabaseService({ dataDir: path.join(tmp, 'postgres'), port: await findFreePort(), target: db }),
  authService({
    port: await findFreePort(),
    databaseUrl: () => db.authUrl!,
    keysFile: path.join(tmp, 'auth-keys.json'),
    siteUrl: `http://${rootDomain}`,
    redirectUrls: [`http://${rootDomain}/**`, `http://*.${rootDomain}/**`],
    target: auth,
  }),
  {
    name: 'next',
    start: (log: (line: string) => void) =>
      nextService({
        mode: 'start',
        port,
        env: {
          DATABASE_URL: db.appUrl!,
          NEXT_PUBLIC_ROOT_DOMAIN: rootDomain,
          NEXT_PUBLIC_SUPABASE_URL: auth.url!,
          NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY: auth.publishableKey!,
          SUPABASE_SECRET_KEY: auth.secretKey!,
          NEXT_DIST_DIR: DIST_DIR,
          // The measured routes send no events: no executor runs, and the dev mode spares the Cloud keys.
          INNGEST_DEV: '1',
          // Only this benchmark sets these two: the benchmark routes and their owner pool.
          BENCH_ROUTES: '1',
          BENCH_DATABASE_URL: db.adminUrl!,
        },
      }).start(log),
  },
];

await runWithServices(services, async (running) => {
  const serverPid = running.get('next')?.pids()[0];
  if (!serverPid) throw new Error('next start has no process id');
  const tenant = await seedBenchTenant({
    adminUrl: db.adminUrl!, authUrl: auth.url!, secretKey: auth.secretKey!, publishableKey: auth.publishableKey!, entries: ENTRIES,
  });
  const targets: Target[] = [
    { name: 'tenant', path: '/api/audit?limit=20', headers: { authorization: `Bearer ${tenant.token}` }, problem: pageOf(20) },
    { name: 'bare-sql', path: `/api/bench/bare-sql?orgId=${tenant.orgId}&limit=20`, problem: pageOf(20) },
    { name: 'constant', path: '/api/bench/constant', problem: pageOf(1) },
  ];
  const host = `${tenant.slug}.${rootDomain}`;
  console.log(`\n${tenant.entries} audit entries in ${host}; ${rounds} rounds of ${perRound} requests per target and concurrency`);

  // A fast 401 (or any non-result) is not a figure: stop before measuring it.
  const preflight = await alternateRounds({ port, host, targets, concurrency: 1, perRound: 1, rounds: 1, warmup: 0 });
  const broken = [...preflight].filter(([, r]) => r.errors > 0).map(([name, r]) => `${name}: ${r.firstProblem}`);
  if (broken.length > 0) throw new Error(`Not every route answers with data, nothing measured:\n  ${broken.join('\n  ')}`);

  const memory = sampleRss(serverPid);
  const byConcurrency = new Map<number, Map<string, TargetResult>>();
  for (const concurrency of CONCURRENCIES) {
    const warmup = Math.min(200, perRound);
    const onRound = (line: string) => console.log(line);
    byConcurrency.set(concurrency, await alternateRounds({ port, host, targets, concurrency, perRound, rounds, warmup, onRound }));
  }
  const rss = memory.stop();
  const dbLines = await measureDbShare({
    appUrl: db.appUrl!, adminUrl: db.adminUrl!, tenant, perRound, rounds, concurrencies: [1, 10],
  });

  const report = ['Request path (next start, this machine; shared and noisy: compare ratios, not absolute figures)'];
  for (const [concurrency, results] of byConcurrency) {
    for (const [name, result] of results) report.push(describeResult(`c${concurrency} ${name.padEnd(8)}`, result));
  }
  report.push(...dbLines);
  report.push(
    `next start peak RSS: ${rss.hwmMb.toFixed(0)} MB (VmHWM, ${rss.processes} process${rss.processes === 1 ? '' : 'es'}); ` +
      `sampled peak during the rounds ${rss.sampledPeakMb.toFixed(0)} MB`,
  );
  const tenantErrors = [...byConcurrency].flatMap(([c, results]) => {
    const r = results.get('tenant')!;
    return r.errors > 0 ? [`c${c}: ${r.errors} tenant requests without data, first: ${r.firstProblem}`] : [];
  });
  if (tenantErrors.length > 0) throw new Error(`${report.join('\n')}\n\nFAILED: ${tenantErrors.join('; ')}`);
  for (const [concurrency, results] of byConcurrency) {
    report.push(ratioLine('tenant', 'constant', concurrency, results.get('tenant')!, results.get('constant')!));
    report.push(ratioLine('bare-sql', 'constant', concurrency, results.get('bare-sql')!, results.get('constant')!));
  }
  for (const [concurrency, results] of byConcurrency) {
    report.push(ratioLine('tenant', 'bare-sql', concurrency, results.get('tenant')!, results.get('bare-sql')!));
  }
  return report.join('\n');
});
