import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finishedRun, getRun, runsForEvent, startTestApp, startTestExecutor, waitFor } from './test-support.ts';

let harness: Awaited<ReturnType<typeof startTestExecutor>>;
let app: Awaited<ReturnType<typeof startTestApp>>;
const log: { job: string; at: number; what: 'start' | 'end' }[] = [];
const cancelled: string[] = [];
const cronRuns: string[] = [];
const started = (job: string) => log.find((l) => l.job === job && l.what === 'start')?.at;
const ended = (job: string) => log.find((l) => l.job === job && l.what === 'end')?.at;

beforeAll(async () => {
  harness = await startTestExecutor();
  app = await startTestApp(harness.executor.url, (inngest) => [
    inngest.createFunction({ id: 'once-per-user', idempotency: 'event.data.userId', triggers: [{ event: 'test/welcome.requested' }] }, async () => 'sent'),
    inngest.createFunction(
      { id: 'per-tenant', concurrency: { limit: 1, key: 'event.data.tenant' }, triggers: [{ event: 'test/job.requested' }] },
      async ({ event, step }) => {
        const job = event.data.job as string;
        await step.run('work', async () => {
          log.push({ job, at: Date.now(), what: 'start' });
          if (job === 'a1') await waitFor('b1 to start while a1 runs', () => started('b1'), 15_000);
          log.push({ job, at: Date.now(), what: 'end' });
        });
      },
    ),
    inngest.createFunction({ id: 'throttled', throttle: { limit: 1, period: '1s', key: 'event.data.tenant' }, triggers: [{ event: 'test/throttled.requested' }] }, async () => 'ran'),
    inngest.createFunction({ id: 'approval', triggers: [{ event: 'test/approval.requested' }] }, async ({ event, step }) => {
      const answer = await step.waitForEvent('wait-for-answer', {
        event: 'test/approval.answered',
        if: 'event.data.requestId == async.data.requestId',
        timeout: (event.data.timeout as string) ?? '30s',
      });
      return answer ? { approved: answer.data.approved } : { timedOut: true };
    }),
    inngest.createFunction(
      { id: 'sleepy', cancelOn: [{ event: 'test/order.cancelled', if: 'event.data.orderId == async.data.orderId' }], triggers: [{ event: 'test/order.placed' }] },
      async ({ step }) => {
        await step.sleep('wait-a-long-time', '1h');
        return 'woke';
      },
    ),
    inngest.createFunction({ id: 'on-cancel', triggers: [{ event: 'inngest/function.cancelled' }] }, async ({ event }) => {
      cancelled.push(event.data.run_id as string);
    }),
    inngest.createFunction({ id: 'every-second', triggers: [{ cron: '*/1 * * * * *' }] }, async ({ event, runId }) => {
      cronRuns.push(`${event.name}:${runId}`);
      return event.data;
    }),
  ]);
});

afterAll(async () => {
  await app?.stop();
  await harness?.stop();
});

async function stepStatus(runId: string, name: string) {
  return (await getRun(harness.executor.url, runId)).steps?.find((s) => s.name === name)?.status;
}

describe('local Inngest executor: flow control', () => {
  it('starts one run for three events with the same idempotency key', async () => {
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push(await app.send({ name: 'test/welcome.requested', data: { userId: 'u-1' } }));
    ids.push(await app.send({ name: 'test/welcome.requested', data: { userId: 'u-2' } }));
    const runs = await Promise.all(ids.map((id) => runsForEvent(harness.executor.url, id)));
    expect(runs.map((r) => r.length)).toEqual([1, 0, 0, 1]);
  });

  it('runs one tenant\'s jobs one at a time in order while another tenant\'s job runs alongside', async () => {
    const a1 = await app.send({ name: 'test/job.requested', data: { tenant: 'a', job: 'a1' } });
    const a2 = await app.send({ name: 'test/job.requested', data: { tenant: 'a', job: 'a2' } });
    const b1 = await app.send({ name: 'test/job.requested', data: { tenant: 'b', job: 'b1' } });
    for (const id of [a1, a2, b1]) expect((await finishedRun(harness.executor.url, id)).status).toBe('Completed');
    expect(started('b1')).toBeLessThan(ended('a1')!);
    expect(ended('a1')).toBeLessThanOrEqual(started('a2')!);
  });

  it('throttles starts per key to the limit per period', async () => {
    const first = await app.send({ name: 'test/throttled.requested', data: { tenant: 't' } });
    const second = await app.send({ name: 'test/throttled.requested', data: { tenant: 't' } });
    await finishedRun(harness.executor.url, second);
    const { sql, t } = harness.executor.engine.db;
    const rows = await sql<{ started_at: Date }[]>`select started_at from ${t.runs} where event_id in (${first}, ${second}) order by started_at`;
    expect(rows[1]!.started_at.getTime() - rows[0]!.started_at.getTime()).toBeGreaterThanOrEqual(1000);
  });

  it('resumes waitForEvent on the matching event only', async () => {
    const requested = await app.send({ name: 'test/approval.requested', data: { requestId: 'r-1' } });
    const [run] = await waitFor('the run', async () => (await runsForEvent(harness.executor.url, requested))[0] ? runsForEvent(harness.executor.url, requested) : undefined);
    await waitFor('the run to wait', async () => (await stepStatus(run!.run_id, 'wait-for-answer')) === 'waiting');
    await app.send({ name: 'test/approval.answered', data: { requestId: 'r-other', approved: false } });
    await app.send({ name: 'test/approval.answered', data: { requestId: 'r-1', approved: true } });
    expect(await finishedRun(harness.executor.url, requested)).toMatchObject({ status: 'Completed', output: { approved: true } });
  });

  it('times waitForEvent out with null', async () => {
    const requested = await app.send({ name: 'test/approval.requested', data: { requestId: 'r-2', timeout: '1s' } });
    expect(await finishedRun(harness.executor.url, requested)).toMatchObject({ status: 'Completed', output: { timedOut: true } });
  });

  it('cancels a sleeping run on its cancelOn event and sends inngest/function.cancelled', async () => {
    const placed = await app.send({ name: 'test/order.placed', data: { orderId: 'o-1' } });
    const [run] = await waitFor('the run', () => runsForEvent(harness.executor.url, placed).then((r) => (r.length ? r : undefined)));
    await waitFor('the run to sleep', async () => (await stepStatus(run!.run_id, 'wait-a-long-time')) === 'sleeping');
    await app.send({ name: 'test/order.cancelled', data: { orderId: 'o-2' } });
    expect((await getRun(harness.executor.url, run!.run_id)).status).toBe('Running');
    await app.send({ name: 'test/order.cancelled', data: { orderId: 'o-1' } });
    expect(await finishedRun(harness.executor.url, placed)).toMatchObject({ status: 'Cancelled' });
    await waitFor('the cancelled event to reach its listener', () => cancelled.includes(run!.run_id));
  });

  it('cancels and replays a run from the page, and lists runs there', async () => {
    const placed = await app.send({ name: 'test/order.placed', data: { orderId: 'o-page' } });
    const [run] = await waitFor('the run', () => runsForEvent(harness.executor.url, placed).then((r) => (r.length ? r : undefined)));
    await waitFor('the run to sleep', async () => (await stepStatus(run!.run_id, 'wait-a-long-time')) === 'sleeping');
    const page = await (await fetch(`${harness.executor.url}/runs/${run!.run_id}`)).text();
    expect(page).toContain('wait-a-long-time');
    expect(page).toContain(`action="/runs/${run!.run_id}/cancel"`);
    const foreign = await fetch(`${harness.executor.url}/runs/${run!.run_id}/cancel`, { method: 'POST', headers: { origin: 'http://evil.test' }, redirect: 'manual' });
    expect(foreign.status).toBe(403);
    const cancel = await fetch(`${harness.executor.url}/runs/${run!.run_id}/cancel`, { method: 'POST', redirect: 'manual' });
    expect(cancel.status).toBe(303);
    expect((await getRun(harness.executor.url, run!.run_id)).status).toBe('Cancelled');
    const replay = await fetch(`${harness.executor.url}/runs/${run!.run_id}/replay`, { method: 'POST', redirect: 'manual' });
    const replayId = /\/runs\/([^/]+)$/.exec(replay.headers.get('location')!)![1]!;
    expect(replayId).not.toBe(run!.run_id);
    await waitFor('the replay to sleep', async () => (await stepStatus(replayId, 'wait-a-long-time')) === 'sleeping');
    await fetch(`${harness.executor.url}/v1/runs/${replayId}`, { method: 'DELETE' });
    expect((await getRun(harness.executor.url, replayId)).status).toBe('Cancelled');
    const list = await (await fetch(`${harness.executor.url}/?status=cancelled`)).text();
    expect(list).toContain(run!.run_id);
    expect(list).toContain(replayId);
  });

  it('fires cron schedules with inngest/scheduled.timer', async () => {
    await waitFor('a cron run', () => cronRuns.length > 0, 5000);
    expect(cronRuns[0]).toMatch(/^inngest\/scheduled\.timer:/);
  });
});
