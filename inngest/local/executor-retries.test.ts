import http from 'node:http';
import { NonRetriableError, RetryAfterError } from 'inngest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finishedRun, runsForEvent, startTestApp, startTestExecutor, syncApp, waitFor } from './test-support.ts';

let harness: Awaited<ReturnType<typeof startTestExecutor>>;
let app: Awaited<ReturnType<typeof startTestApp>>;
const attempts: Record<string, number[]> = {};
const failures: { error: string; runId: string; original: string }[] = [];
const note = (key: string, attempt: number) => (attempts[key] ??= []).push(attempt);

interface HistoryEntry { kind: string; attempt: number | null; detail: { delayMs?: number } | null }
async function history(runId: string): Promise<HistoryEntry[]> {
  return harness.executor.engine.db.sql<HistoryEntry[]>`select kind, attempt, detail from ${harness.executor.engine.db.t.history} where run_id = ${runId} order by id`;
}

beforeAll(async () => {
  harness = await startTestExecutor({ backoffBaseMs: 40, backoffMaxMs: 1000 });
  app = await startTestApp(harness.executor.url, (inngest) => [
    inngest.createFunction(
      {
        id: 'always-fails',
        retries: 3,
        triggers: [{ event: 'test/fail.requested' }],
        onFailure: async ({ error, event, runId }) => {
          failures.push({ error: error.message, runId, original: (event.data.event as { name: string }).name });
        },
      },
      async ({ step, attempt }) => {
        await step.run('flaky', () => {
          note('flaky', attempt);
          throw new Error(`boom on attempt ${attempt}`);
        });
      },
    ),
    inngest.createFunction({ id: 'non-retriable', retries: 5, triggers: [{ event: 'test/nonretriable.requested' }] }, async ({ attempt }) => {
      note('non-retriable', attempt);
      throw new NonRetriableError('bad input, do not retry');
    }),
    inngest.createFunction({ id: 'retry-after', retries: 1, triggers: [{ event: 'test/retryafter.requested' }] }, async ({ step, attempt }) => {
      return step.run('rate-limited', () => {
        note('retry-after', attempt);
        if (attempt === 0) throw new RetryAfterError('slow down', 1000);
        return 'ok';
      });
    }),
  ]);
});

afterAll(async () => {
  await app?.stop();
  await harness?.stop();
});

describe('local Inngest executor: retries and failure', () => {
  it('retries a failing step with growing backoff, then fails the run and runs onFailure', async () => {
    const eventId = await app.send({ name: 'test/fail.requested' });
    const run = await finishedRun(harness.executor.url, eventId);
    expect(run.status).toBe('Failed');
    expect(run.output).toMatchObject({ message: 'boom on attempt 3' });
    expect(attempts.flaky).toEqual([0, 1, 2, 3]);
    const delays = (await history(run.run_id)).filter((h) => h.kind === 'step.errored').map((h) => h.detail!.delayMs!);
    expect(delays).toHaveLength(3);
    expect(delays[0]).toBeGreaterThanOrEqual(40);
    expect(delays[1]).toBeGreaterThan(delays[0]!);
    expect(delays[2]).toBeGreaterThan(delays[1]!);
    await waitFor('onFailure to run', () => failures.find((f) => f.runId !== run.run_id && f.original === 'test/fail.requested'));
    expect(failures[0]!.error).toBe('boom on attempt 3');
  });

  it('does not retry a NonRetriableError', async () => {
    const eventId = await app.send({ name: 'test/nonretriable.requested' });
    const run = await finishedRun(harness.executor.url, eventId);
    expect(run).toMatchObject({ status: 'Failed', output: { name: 'NonRetriableError', message: 'bad input, do not retry' } });
    expect(attempts['non-retriable']).toEqual([0]);
  });

  it('waits as long as a RetryAfterError asks before retrying', async () => {
    const eventId = await app.send({ name: 'test/retryafter.requested' });
    const run = await finishedRun(harness.executor.url, eventId);
    expect(run).toMatchObject({ status: 'Completed', output: 'ok' });
    const errored = (await history(run.run_id)).find((h) => h.kind === 'step.errored')!;
    expect(errored.detail!.delayMs).toBeGreaterThan(500);
    expect(attempts['retry-after']).toEqual([0, 1]);
  });
});

describe('local Inngest executor: a broken serve endpoint', () => {
  it('retries an endpoint that answers 500 or does not answer, names it in the error, and loses no run', async () => {
    let mode: 'error' | 'hang' | 'ok' = 'error';
    const seen: string[] = [];
    const broken = await startTestApp(harness.executor.url, (inngest) => [
      inngest.createFunction({ id: 'fragile', retries: 4, triggers: [{ event: 'test/fragile.requested' }] }, async () => 'finally'),
    ], 'fragile-app');
    const proxy = http.createServer(async (req, res) => {
      seen.push(mode);
      if (mode === 'error') {
        mode = 'hang';
        res.writeHead(500, { 'content-type': 'text/plain' }).end('database exploded');
      } else if (mode === 'hang') {
        mode = 'ok';
        // This call already has its 300 ms deadline; later calls get time to go through the proxy.
        harness.executor.engine.settings.callTimeoutMs = 5000;
        setTimeout(() => res.destroy(), 1500);
      } else {
        const body = await new Promise<Buffer>((r) => { const c: Buffer[] = []; req.on('data', (d) => c.push(d)); req.on('end', () => r(Buffer.concat(c))); });
        const upstream = await fetch(broken.url + (req.url!.includes('?') ? req.url!.slice(req.url!.indexOf('?')) : ''), { method: req.method, headers: req.headers as Record<string, string>, body: body.length ? body.toString() : undefined });
        res.writeHead(upstream.status, Object.fromEntries(upstream.headers)).end(Buffer.from(await upstream.arrayBuffer()));
      }
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    const proxyUrl = `http://127.0.0.1:${(proxy.address() as { port: number }).port}/api/inngest`;
    harness.executor.engine.settings.callTimeoutMs = 300;
    try {
      await harness.executor.engine.db.sql`update ${harness.executor.engine.db.t.functions} set config = jsonb_set(config, '{steps,step,runtime,url}', to_jsonb(replace(config->'steps'->'step'->'runtime'->>'url', ${broken.url}, ${proxyUrl}))) where app_id = 'fragile-app'`;
      await harness.executor.engine.registry.reload();
      const eventId = await broken.send({ name: 'test/fragile.requested' });
      const run = await finishedRun(harness.executor.url, eventId);
      expect(run).toMatchObject({ status: 'Completed', output: 'finally' });
      expect(seen).toEqual(['error', 'hang', 'ok']);
      const failed = (await history(run.run_id)).filter((h) => h.kind === 'call.failed').map((h) => (h.detail as unknown as { message: string }).message);
      expect(failed[0]).toMatch(/answered 500 without the Inngest SDK.*database exploded/);
      expect(failed[1]).toMatch(/did not answer within 300 ms/);
      expect(await runsForEvent(harness.executor.url, eventId)).toHaveLength(1);
    } finally {
      harness.executor.engine.settings.callTimeoutMs = 5000;
      proxy.closeAllConnections();
      proxy.close();
      await syncApp(broken.url);
      await broken.stop();
    }
  });
});
