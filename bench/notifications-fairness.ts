/**
 * Fairness of notification deliveries between tenants: tenant B's delivery delay (event sent →
 * its webhook answered) when B is alone, and while tenant A bursts 10,000 deliveries. The
 * delivery function here has the production concurrency setting (inngest/notification-events.ts:
 * `deliveryConcurrency`, keyed on the org) and does what a delivery does on the wire: one POST to
 * the local Slack/webhook receiver. A run with no concurrency key shows what the key prevents.
 * Fresh embedded Postgres; the local executor runs as its own process (as in bench/jobs.ts).
 * Run: node bench/notifications-fairness.ts [burst=10000] [victim=100]
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Inngest } from 'inngest';
import { serve } from 'inngest/node';
import { deliveryConcurrency } from '../inngest/notification-events.ts';
import { startNotificationReceiver } from '../scripts/stack/notification-receiver.ts';
import { startLocalPostgres } from '../supabase/local/postgres.ts';
import { findFreePort } from '../supabase/local/ports.ts';
import { percentile } from './stats.ts';

const [burst, victim] = [Number(process.argv[2] ?? 10_000), Number(process.argv[3] ?? 100)];
const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-fairness-')), 'pg');
fs.chmodSync(path.dirname(dataDir), 0o755);
const pg = await startLocalPostgres({ dataDir, port: await findFreePort(), password: 'postgres' });
const port = await findFreePort();
const executor = spawn(process.execPath, [path.resolve(import.meta.dirname, '../inngest/local/main.ts')], {
  env: { ...process.env, INNGEST_LOCAL_DATABASE_URL: pg.adminUrl, LOCAL_INNGEST_PORT: String(port) },
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise<void>((resolve) => executor.stdout!.on('data', (d: Buffer) => d.toString().includes('ready ') && resolve()));
const receiver = await startNotificationReceiver();

const sentAt = new Map<string, number>();
const delays = new Map<string, number[]>();
let doneA = 0;
const client = new Inngest({ id: 'bench-fairness', isDev: true, baseUrl: `http://127.0.0.1:${port}`, logger: { info() {}, warn() {}, error() {}, debug() {} } });
const deliver = (id: string, concurrency?: typeof deliveryConcurrency) =>
  client.createFunction({ id, retries: 0, concurrency, triggers: [{ event: `bench/${id}.requested` }] }, async ({ event, step }) => {
    await step.run('attempt', async () => {
      const response = await fetch(`${receiver.url}/hooks/${event.data.orgId}`, { method: 'POST', body: JSON.stringify(event.data) });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
    });
    if (event.data.org === 'A') doneA += 1;
    else (delays.get(event.data.run as string) ?? delays.set(event.data.run as string, []).get(event.data.run as string)!).push(performance.now() - sentAt.get(event.data.key as string)!);
  });
const handler = serve({ client, functions: [deliver('keyed', deliveryConcurrency), deliver('unkeyed')] });
const app = http.createServer((req, res) => void handler(req, res));
const appPort = await findFreePort();
await new Promise<void>((r) => app.listen(appPort, '127.0.0.1', r));
await fetch(`http://127.0.0.1:${appPort}/api/inngest`, { method: 'PUT' });
const until = async (check: () => boolean) => { while (!check()) await new Promise((r) => setTimeout(r, 20)); };

const orgA = crypto.randomUUID();
const orgB = crypto.randomUUID();
/** B's 100 events, one every 20 ms (a steady trickle), each timed to its delivery. */
async function victimRun(fn: string, run: string): Promise<number[]> {
  for (let i = 0; i < victim; i++) {
    const key = `${run}:${i}`;
    sentAt.set(key, performance.now());
    await client.send({ name: `bench/${fn}.requested`, data: { orgId: orgB, org: 'B', run, key } });
    await new Promise((r) => setTimeout(r, 20));
  }
  await until(() => (delays.get(run)?.length ?? 0) >= victim);
  return delays.get(run)!;
}
async function burstA(fn: string, total: number) {
  doneA = 0;
  for (let i = 0; i < total; i += 500) {
    await client.send(Array.from({ length: Math.min(500, total - i) }, () => ({ name: `bench/${fn}.requested`, data: { orgId: orgA, org: 'A' } })));
  }
}
const line = (label: string, samples: number[]) =>
  `${label.padEnd(44)} p50 ${percentile(samples, 50).toFixed(0).padStart(6)} ms  p95 ${percentile(samples, 95).toFixed(0).padStart(6)} ms  max ${percentile(samples, 100).toFixed(0).padStart(6)} ms`;

try {
  console.log(`tenant A bursts ${burst} deliveries; tenant B sends ${victim} (one per 20 ms). ${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(1)}`);
  const alone = await victimRun('keyed', 'alone');
  console.log(line('B alone (keyed on orgId, 5 per org)', alone));
  const t0 = performance.now();
  await burstA('keyed', burst);
  const loaded = await victimRun('keyed', 'loaded');
  const backlog = burst - doneA;
  console.log(line(`B during A's burst (A backlog ${backlog} when B finished)`, loaded));
  await until(() => doneA >= burst);
  console.log(`A's ${burst} deliveries took ${((performance.now() - t0) / 1000).toFixed(1)} s (${(burst / ((performance.now() - t0) / 1000)).toFixed(0)}/s)`);
  const ratio = percentile(loaded, 95) / Math.max(1, percentile(alone, 95));
  console.log(`B's p95 under A's burst / alone: ${ratio.toFixed(2)}x (target ≤ 2x) ${ratio <= 2 ? 'OK' : 'OVER TARGET'}`);

  // For contrast: one shared queue without the key (smaller burst, it only has to show the queueing).
  const small = Math.min(burst, 2000);
  await burstA('unkeyed', small);
  const unkeyed = await victimRun('unkeyed', 'unkeyed');
  console.log(line(`without the key: B during a ${small} burst`, unkeyed));
  await until(() => doneA >= small);
} finally {
  app.closeAllConnections();
  app.close();
  await receiver.stop();
  executor.kill('SIGTERM');
  await new Promise((r) => executor.once('exit', r));
  await pg.stop();
  fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });
}
