import crypto from 'node:crypto';
import http from 'node:http';
import { Inngest } from 'inngest';
import { serve } from 'inngest/node';
import postgres from 'postgres';
import { inject } from 'vitest';
import { startLocalInngest, type LocalInngest, type LocalInngestOptions } from './server.ts';
import { syncApp } from './sync.ts';

type AnyFunction = Parameters<typeof serve>[0]['functions'][number];

/** An executor on a free port with its own schema in the test database (dropped by `stop`). */
export async function startTestExecutor(opts: Partial<LocalInngestOptions> = {}) {
  const schema = opts.schema ?? `inngest_test_${crypto.randomBytes(4).toString('hex')}`;
  const databaseUrl = inject('databaseAdminUrl');
  const logs: string[] = [];
  const executor = await startLocalInngest({
    databaseUrl, schema, port: 0, backoffBaseMs: 20, backoffMaxMs: 200, pollMs: 200, callTimeoutMs: 5000,
    onLog: (line) => logs.push(line), ...opts,
  });
  return {
    executor, schema, databaseUrl, logs,
    async stop(drop = true) {
      await executor.stop();
      if (!drop) return;
      const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
      await sql.unsafe(`drop schema if exists ${schema} cascade`);
      await sql.end();
    },
  };
}

/** An app on a free port serving `functions` with `inngest/node`, synced to the executor (PUT). */
export async function startTestApp(executorUrl: string, build: (inngest: Inngest) => AnyFunction[], id = 'test-app', eventKey?: string) {
  const client = new Inngest({ id, isDev: true, baseUrl: executorUrl, logger: quietLogger, eventKey });
  const handler = serve({ client, functions: build(client) });
  const server = http.createServer((req, res) => void handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/api/inngest`;
  await syncApp(url);
  return {
    client, url,
    send: async (event: { name: string; data?: Record<string, unknown>; id?: string }) => (await client.send({ data: {}, ...event })).ids[0]!,
    stop: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

export { syncApp };

/** Polls `check` until it returns a value (not undefined/false); fails with `what` after `timeoutMs`. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`Timed out waiting for ${what}${last ? `: ${(last as Error).message}` : ''}`);
}

export interface ApiRun {
  run_id: string;
  function_id: string;
  status: string;
  output: unknown;
  steps?: { id: string; name: string | null; op: string; status: string; attempts: number; output: unknown; error: unknown }[];
}

export async function runsForEvent(executorUrl: string, eventId: string): Promise<ApiRun[]> {
  const res = await fetch(`${executorUrl}/v1/events/${eventId}/runs`);
  return ((await res.json()) as { data: ApiRun[] }).data;
}

export async function getRun(executorUrl: string, runId: string): Promise<ApiRun> {
  const res = await fetch(`${executorUrl}/v1/runs/${runId}`);
  return ((await res.json()) as { data: ApiRun }).data;
}

/** The single run an event started, once it has ended (or reached `status`). */
export async function finishedRun(executorUrl: string, eventId: string, status?: string, timeoutMs?: number): Promise<ApiRun> {
  const run = await waitFor(`a run of event ${eventId} to end`, async () => {
    const [r] = await runsForEvent(executorUrl, eventId);
    return r && (status ? r.status === status : ['Completed', 'Failed', 'Cancelled'].includes(r.status)) ? r : undefined;
  }, timeoutMs);
  return getRun(executorUrl, run.run_id);
}

export const quietLogger = { info() {}, warn() {}, error() {}, debug() {} };
export type { LocalInngest };
