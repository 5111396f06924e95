import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findFreePort } from '../../supabase/local/ports.ts';
import { prune } from './store/prune.ts';
import { finishedRun, getRun, runsForEvent, startTestApp, startTestExecutor, waitFor } from './test-support.ts';

const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
});

async function spawnExecutor(databaseUrl: string, schema: string, port: number) {
  const child = spawn(process.execPath, [path.join(import.meta.dirname, 'main.ts')], {
    env: { ...process.env, INNGEST_LOCAL_DATABASE_URL: databaseUrl, INNGEST_LOCAL_SCHEMA: schema, LOCAL_INNGEST_PORT: String(port), INNGEST_LOCAL_BACKOFF_MS: '20' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  await waitFor(`the executor to start (${output})`, () => output.includes('ready '), 20_000);
  return { child, url: `http://127.0.0.1:${port}` };
}

describe('local Inngest executor: restarts', () => {
  it('finishes a run whose executor was killed mid-step: done steps stay done, the interrupted one runs again', async () => {
    const first = await startTestExecutor();
    await first.executor.stop();
    const port = await findFreePort();
    const killed = await spawnExecutor(first.databaseUrl, first.schema, port);
    cleanups.push(async () => killed.child.kill('SIGKILL'));
    const ran: string[] = [];
    let release = false;
    const app = await startTestApp(killed.url, (inngest) => [
      inngest.createFunction({ id: 'long', triggers: [{ event: 'test/long.requested' }] }, async ({ step }) => {
        await step.run('before', () => ran.push('before'));
        await step.run('slow', async () => {
          ran.push('slow');
          await waitFor('the test to let the step finish', () => release, 15_000);
        });
        await step.run('after', () => ran.push('after'));
        return 'done';
      }),
    ]);
    cleanups.push(app.stop);
    const eventId = await app.send({ name: 'test/long.requested' });
    await waitFor('the slow step to start', () => ran.includes('slow'));
    killed.child.kill('SIGKILL');
    await new Promise((r) => killed.child.once('exit', r));
    release = true;

    const second = await startTestExecutor({ schema: first.schema });
    cleanups.push(() => second.stop());
    const run = await finishedRun(second.executor.url, eventId);
    expect(run).toMatchObject({ status: 'Completed', output: 'done' });
    expect(ran).toEqual(['before', 'slow', 'slow', 'after']);
    expect(second.logs.join('\n')).toMatch(/resuming 1 call/);
    expect(await runsForEvent(second.executor.url, eventId)).toHaveLength(1);
  });

  it('keeps its schema away from the API roles', async () => {
    const h = await startTestExecutor();
    cleanups.push(() => h.stop());
    const { sql } = h.executor.engine.db;
    const rows = await sql<{ role: string; usage: boolean; tables: number }[]>`
      select r.rolname as role, has_schema_privilege(r.rolname, ${h.schema}, 'USAGE') as usage,
             (select count(*)::int from information_schema.role_table_grants g where g.grantee = r.rolname and g.table_schema = ${h.schema}) as tables
      from pg_roles r where r.rolname in ('anon', 'authenticated', 'service_role', 'authenticator') order by 1`;
    expect(rows).toHaveLength(4);
    for (const row of rows) expect(row).toMatchObject({ usage: false, tables: 0 });
  });

  it('prunes ended runs beyond the retention bound', async () => {
    const h = await startTestExecutor({ retention: { maxEndedRuns: 2 } });
    cleanups.push(() => h.stop());
    const app = await startTestApp(h.executor.url, (inngest) => [
      inngest.createFunction({ id: 'quick', triggers: [{ event: 'test/quick.requested' }] }, async () => 'ok'),
    ]);
    cleanups.push(app.stop);
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push(await app.send({ name: 'test/quick.requested' }));
    for (const id of ids) await finishedRun(h.executor.url, id);
    expect(await prune(h.executor.engine.db, { maxAgeHours: 72, maxEndedRuns: 2 })).toBe(3);
    const remaining = await Promise.all(ids.map((id) => runsForEvent(h.executor.url, id)));
    expect(remaining.map((r) => r.length)).toEqual([0, 0, 0, 1, 1]);
    expect((await getRun(h.executor.url, remaining[4]![0]!.run_id)).status).toBe('Completed');
  });
});
