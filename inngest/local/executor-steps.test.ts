import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finishedRun, startTestApp, startTestExecutor } from './test-support.ts';

let harness: Awaited<ReturnType<typeof startTestExecutor>>;
let app: Awaited<ReturnType<typeof startTestApp>>;
const calls: Record<string, number> = {};
const count = (key: string) => (calls[key] = (calls[key] ?? 0) + 1);
const inFlight = { now: 0, max: 0 };

beforeAll(async () => {
  harness = await startTestExecutor();
  app = await startTestApp(harness.executor.url, (inngest) => {
    const child = inngest.createFunction({ id: 'child', triggers: [{ event: 'test/child.never' }] }, async ({ event, step }) => {
      const doubled = await step.run('double', () => (event.data as { n: number }).n * 2);
      return { doubled };
    });
    return [
      inngest.createFunction({ id: 'three-steps', retries: 2, triggers: [{ event: 'test/steps.requested' }] }, async ({ event, step, attempt }) => {
        const a = await step.run('first', () => (count(`first:${event.id}`), 'A'));
        const b = await step.run('second', () => {
          count(`second:${event.id}`);
          if (attempt === 0) throw new Error('second fails once');
          return `${a}B`;
        });
        const c = await step.run('third', () => (count(`third:${event.id}`), `${b}C`));
        return { result: c };
      }),
      inngest.createFunction({ id: 'parallel', triggers: [{ event: 'test/parallel.requested' }] }, async ({ step }) => {
        let open = () => {};
        const gate = { promise: new Promise<void>((r) => (open = r)), resolve: () => open() };
        const part = (name: string) => step.run(name, async () => {
          inFlight.now += 1;
          inFlight.max = Math.max(inFlight.max, inFlight.now);
          if (inFlight.now >= 3) gate.resolve();
          await Promise.race([gate.promise, new Promise((r) => setTimeout(r, 10_000))]);
          inFlight.now -= 1;
          return name;
        });
        const parts = await Promise.all([part('p1'), part('p2'), part('p3')]);
        const after = await step.run('after', () => parts.join('+'));
        return { after, maxInFlight: inFlight.max };
      }),
      child,
      inngest.createFunction({ id: 'parent', triggers: [{ event: 'test/invoke.requested' }] }, async ({ step }) => {
        const result = await step.invoke('call-child', { function: child, data: { n: 21 } });
        const ids = await step.sendEvent('announce', { name: 'test/parent.done', data: { doubled: result.doubled } });
        await step.sleepUntil('nap', new Date(Date.now() + 50));
        return { result, sent: ids.ids.length };
      }),
    ];
  });
});

afterAll(async () => {
  await app?.stop();
  await harness?.stop();
});

describe('local Inngest executor: steps', () => {
  it('memoizes: a step that succeeded never runs again when a later step is retried', async () => {
    const eventId = await app.send({ name: 'test/steps.requested', data: {} });
    const run = await finishedRun(harness.executor.url, eventId);
    expect(run.status).toBe('Completed');
    expect(run.output).toEqual({ result: 'ABC' });
    const counts = Object.entries(calls).filter(([k]) => /^(first|second|third):/.test(k)).map(([k, n]) => [k.split(':')[0], n]);
    expect(Object.fromEntries(counts)).toEqual({ first: 1, second: 2, third: 1 });
    const second = run.steps!.find((s) => s.name === 'second')!;
    expect(second).toMatchObject({ status: 'done', attempts: 2, output: 'AB' });
    // The SDK checkpointed 'first' during the first call (v4's default async checkpointing).
    const { sql, t } = harness.executor.engine.db;
    const checkpointed = await sql`select 1 from ${t.history} where run_id = ${run.run_id} and kind = 'step.completed' and detail->>'checkpointed' = 'true'`;
    expect(checkpointed.length).toBeGreaterThan(0);
  });

  it('runs parallel steps (several planned ops in one response) at the same time, then continues', async () => {
    const eventId = await app.send({ name: 'test/parallel.requested' });
    const run = await finishedRun(harness.executor.url, eventId);
    expect(run.status).toBe('Completed');
    expect(run.output).toEqual({ after: 'p1+p2+p3', maxInFlight: 3 });
    expect(run.steps!.filter((s) => s.op === 'StepPlanned').map((s) => s.name)).toEqual(expect.arrayContaining(['p1', 'p2', 'p3']));
  });

  it('invokes another function, sends an event from a step and sleeps until a date', async () => {
    const eventId = await app.send({ name: 'test/invoke.requested' });
    const run = await finishedRun(harness.executor.url, eventId);
    expect(run.status).toBe('Completed');
    expect(run.output).toEqual({ result: { doubled: 42 }, sent: 1 });
    expect(run.steps!.map((s) => s.op).sort()).toEqual(['InvokeFunction', 'Sleep', 'StepRun'].sort());
  });
});
