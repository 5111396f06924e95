/**
 * The local Inngest executor under load, driven by the real SDK: event sent → first step
 * running (p50/p95/p99), throughput of a 3-step function, and the executor's resident memory
 * with many completed runs stored. Fresh embedded Postgres; the executor runs as its own process.
 * Run: node bench/jobs.ts [latencyEvents=200] [throughputEvents=1000] [storedRuns=10000]
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Inngest } from 'inngest';
import { serve } from 'inngest/node';
import postgres from 'postgres';
import { startLocalPostgres } from '../supabase/local/postgres.ts';
import { findFreePort } from '../supabase/local/ports.ts';
import { summarize } from './stats.ts';

const arg = (i: number, fallback: number) => Number(process.argv[2 + i] ?? fallback);
// The executor keeps at most 20,000 ended runs (older ones are pruned), so more cannot be stored.
const [latencyEvents, throughputEvents, storedRuns] = [arg(0, 200), arg(1, 1000), Math.min(arg(2, 10_000), 20_000)];
const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-jobs-')), 'pg');
fs.chmodSync(path.dirname(dataDir), 0o755);
const pg = await startLocalPostgres({ dataDir, port: await findFreePort(), password: 'postgres' });
const admin = postgres(pg.adminUrl, { max: 2, onnotice: () => {} });
const port = await findFreePort();
const executor = spawn(process.execPath, [path.resolve(import.meta.dirname, '../inngest/local/main.ts')], {
  env: { ...process.env, INNGEST_LOCAL_DATABASE_URL: pg.adminUrl, LOCAL_INNGEST_PORT: String(port) },
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise<void>((resolve) => executor.stdout!.on('data', (d: Buffer) => d.toString().includes('ready ') && resolve()));
const rssMb = () => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${executor.pid}/status`, 'utf8'))![1]) / 1024;

const firstStepAt = new Map<number, number>();
let threeStepDone = 0;
const client = new Inngest({ id: 'bench', isDev: true, baseUrl: `http://127.0.0.1:${port}`, logger: { info() {}, warn() {}, error() {}, debug() {} } });
const functions = [
  client.createFunction({ id: 'latency', triggers: [{ event: 'bench/latency.requested' }] }, async ({ event, step }) => {
    await step.run('first', () => firstStepAt.set(event.data.i as number, performance.now()));
  }),
  client.createFunction({ id: 'three-steps', triggers: [{ event: 'bench/throughput.requested' }] }, async ({ step }) => {
    const a = await step.run('one', () => 1);
    const b = await step.run('two', () => a + 1);
    await step.run('three', () => (threeStepDone += 1, b + 1));
  }),
  client.createFunction({ id: 'noop', triggers: [{ event: 'bench/noop.requested' }] }, async () => 'ok'),
];
const handler = serve({ client, functions });
const app = http.createServer((req, res) => void handler(req, res));
const appPort = await findFreePort();
await new Promise<void>((r) => app.listen(appPort, '127.0.0.1', r));
await fetch(`http://127.0.0.1:${appPort}/api/inngest`, { method: 'PUT' });
const until = async (check: () => boolean | Promise<boolean>) => { while (!(await check())) await new Promise((r) => setTimeout(r, 20)); };
const completed = async () => Number((await admin`select count(*)::int as n from inngest_local.runs where status = 'completed'`)[0]!.n);

try {
  console.log(`executor RSS at start: ${rssMb().toFixed(1)} MiB; load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores`);
  const latencies: number[] = [];
  const started = performance.now();
  for (let i = 0; i < latencyEvents; i++) {
    const sentAt = performance.now();
    await client.send({ name: 'bench/latency.requested', data: { i } });
    await until(() => firstStepAt.has(i));
    latencies.push(firstStepAt.get(i)! - sentAt);
  }
  console.log(summarize('event sent → first step running', latencies, performance.now() - started));

  const t0 = performance.now();
  for (let i = 0; i < throughputEvents; i += 100) {
    await client.send(Array.from({ length: Math.min(100, throughputEvents - i) }, (_, j) => ({ name: 'bench/throughput.requested', data: { i: i + j } })));
  }
  const sentMs = performance.now() - t0;
  await until(() => threeStepDone >= throughputEvents);
  await until(async () => (await completed()) >= latencyEvents + throughputEvents);
  const wall = (performance.now() - t0) / 1000;
  console.log(`3-step function: ${throughputEvents} runs in ${wall.toFixed(1)}s = ${(throughputEvents / wall).toFixed(1)} runs/s, ` +
    `${((throughputEvents * 3) / wall).toFixed(0)} steps/s (the ${throughputEvents} events were sent in batches of 100 in ${(sentMs / 1000).toFixed(1)}s)`);

  const toAdd = Math.max(0, storedRuns - (await completed()));
  for (let i = 0; i < toAdd; i += 500) {
    await client.send(Array.from({ length: Math.min(500, toAdd - i) }, () => ({ name: 'bench/noop.requested', data: {} })));
  }
  await until(async () => (await completed()) >= storedRuns);
  const [row] = await admin<{ runs: number; steps: number; events: number; size: string }[]>`
    select (select count(*)::int from inngest_local.runs) as runs, (select count(*)::int from inngest_local.steps) as steps,
           (select count(*)::int from inngest_local.events) as events, pg_size_pretty(sum(pg_total_relation_size(c.oid))) as size
    from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'inngest_local'`;
  const { runs, steps, events, size } = row!;
  console.log(`stored: ${runs} runs, ${steps} steps, ${events} events (${size} in Postgres); executor RSS ${rssMb().toFixed(1)} MiB`);
} finally {
  app.closeAllConnections();
  app.close();
  executor.kill('SIGTERM');
  await new Promise((r) => executor.once('exit', r));
  await admin.end();
  await pg.stop();
  fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });
}
