/**
 * Realtime broadcast from the database: send (realtime.send, commit included) → delivery to
 * subscribed supabase-js clients on private org topics, p50/p95/p99; and the server's resident
 * memory with 1,000 more idle subscribed clients. Fresh embedded Postgres; the auth + Realtime
 * server runs in its own process (bench/support/realtime-server.ts).
 * Run: node bench/realtime-latency.ts [messages=1000] [tenants=5] [subscribersPerTenant=10] [idle=1000]
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import postgres from 'postgres';
import { startLocalDatabase } from '../supabase/local/database.ts';
import { findFreePort } from '../supabase/local/ports.ts';
import { createFixtures, openSubscribers, residentMb, type Subscriber } from './support/realtime-clients.ts';
import { summarize } from './stats.ts';

const [messages, tenants, perTenant, idle] = [1000, 5, 10, 1000].map((d, i) => Number(process.argv[2 + i] ?? d)) as [number, number, number, number];
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-realtime-'));
fs.chmodSync(tmp, 0o755);
const db = await startLocalDatabase({ dataDir: path.join(tmp, 'pg'), port: await findFreePort(), seed: false });
const admin = postgres(db.adminUrl, { max: 4, onnotice: () => {} });
const keysFile = path.join(tmp, 'keys.json');
const child = spawn(process.execPath, [path.join(import.meta.dirname, 'support/realtime-server.ts'), String(await findFreePort()), db.authUrl, db.realtimeUrl, keysFile], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
const subscribers: Subscriber[] = [];
try {
  const first = await new Promise<string>((resolve, reject) => {
    readline.createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`server exited (${code})`)));
  });
  const server = JSON.parse(first) as { url: string; publishableKey: string };
  const pid = child.pid!;
  const fixtures = await createFixtures(admin, { tenants, usersPerTenant: perTenant, keysFile, url: server.url });
  console.log(`server RSS at start: ${residentMb(pid).toFixed(1)} MB`);

  subscribers.push(...(await openSubscribers(server, fixtures, { perTenant, topicSuffix: 'bench' })));
  console.log(`${subscribers.length} subscribers on ${tenants} tenants (vsn 1.0.0 and 2.0.0 alternating); server RSS ${residentMb(pid).toFixed(1)} MB`);

  const fromInsert: number[] = [];
  const fromSend: number[] = [];
  const expected = messages * perTenant;
  const done = new Promise<void>((resolve) => {
    for (const s of subscribers) {
      s.onMessage = (tick) => {
        const now = performance.timeOrigin + performance.now();
        fromInsert.push(now - tick.insertedAt);
        fromSend.push(now - tick.sentAt);
        if (fromInsert.length === expected) resolve();
      };
    }
  });
  const started = performance.now();
  for (let i = 0; i < messages; i += 1) {
    const topic = `org:${fixtures.orgs[i % tenants]!}:bench`;
    const sentAt = performance.timeOrigin + performance.now();
    await admin`select realtime.send(jsonb_build_object('i', ${i}::int, 'sentAt', ${sentAt}::float8,
      'insertedAt', extract(epoch from clock_timestamp()) * 1000), 'tick', ${topic}, true)`;
  }
  await Promise.race([done, new Promise((r) => setTimeout(r, 30_000))]);
  const wall = performance.now() - started;
  const lost = expected - fromInsert.length;
  console.log(`load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} CPUs`);
  console.log(summarize(`insert/commit → delivery (${messages} messages × ${perTenant} subscribers)`, fromInsert, wall, lost));
  console.log(summarize('send (client, before the query) → delivery', fromSend, wall, lost));

  const idleClients = await openSubscribers(server, fixtures, { perTenant: Math.ceil(idle / tenants), topicSuffix: 'idle', limit: idle });
  subscribers.push(...idleClients);
  await new Promise((r) => setTimeout(r, 3000)); // let the server settle before reading its memory
  console.log(`server RSS with ${subscribers.length} subscribed clients (${idleClients.length} idle): ${residentMb(pid).toFixed(1)} MB`);
} finally {
  await Promise.all(subscribers.map((s) => s.close()));
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  await admin.end();
  await db.postgres.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
}
