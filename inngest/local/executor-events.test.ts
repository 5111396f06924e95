import { eventType } from 'inngest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { finishedRun, runsForEvent, startTestApp, startTestExecutor } from './test-support.ts';

let harness: Awaited<ReturnType<typeof startTestExecutor>>;
let app: Awaited<ReturnType<typeof startTestApp>>;
const signupCreated = eventType('test/signup.created', { schema: z.object({ email: z.email() }) });

beforeAll(async () => {
  harness = await startTestExecutor({ eventKey: 'local-key' });
  app = await startTestApp(harness.executor.url, (inngest) => [
    inngest.createFunction({ id: 'welcome', triggers: [signupCreated] }, async ({ event }) => `hello ${event.data.email}`),
    inngest.createFunction({ id: 'counted', triggers: [{ event: 'test/counted.happened' }] }, async () => 'ok'),
  ], 'test-app', 'local-key');
});

afterAll(async () => {
  await app?.stop();
  await harness?.stop();
});

const post = (body: unknown, opts: { key?: string; headers?: Record<string, string>; raw?: string } = {}) =>
  fetch(`${harness.executor.url}/e/${opts.key ?? 'local-key'}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...opts.headers },
    body: opts.raw ?? JSON.stringify(body),
  }).then(async (res) => ({ status: res.status, body: (await res.json()) as { ids?: string[]; status: number; error?: string } }));

describe('local Inngest executor: event API', () => {
  it('answers one ULID per event, for one event and for a batch', async () => {
    const one = await post({ name: 'test/counted.happened', data: { n: 1 } });
    expect(one).toMatchObject({ status: 200, body: { status: 200 } });
    expect(one.body.ids).toHaveLength(1);
    expect(one.body.ids![0]).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    const batch = await post([1, 2, 3].map((n) => ({ name: 'test/counted.happened', data: { n } })));
    expect(new Set(batch.body.ids)).toHaveProperty('size', 3);
    for (const id of batch.body.ids!) expect(await runsForEvent(harness.executor.url, id)).toHaveLength(1);
  });

  it.each([
    ['not JSON', undefined, '{"name":', 400, /not valid JSON/],
    ['no name', { data: {} }, undefined, 400, /name/],
    ['data that is not an object', { name: 'test/x.y', data: 5 }, undefined, 400, /data/],
    ['a reserved name', { name: 'inngest/function.failed', data: {} }, undefined, 400, /reserved/],
    ['an event over 256 KiB', { name: 'test/x.y', data: { blob: 'x'.repeat(300 * 1024) } }, undefined, 413, /larger than/],
  ])('refuses %s with a clear error and stores nothing', async (_what, body, raw, status, message) => {
    const res = await post(body, { raw });
    expect(res.status).toBe(status);
    expect(res.body).toMatchObject({ status });
    expect(res.body.error).toMatch(message);
  });

  it('refuses an unknown event key when one is configured', async () => {
    const res = await post({ name: 'test/counted.happened' }, { key: 'wrong' });
    expect(res).toMatchObject({ status: 401, body: { error: 'Event key not found', status: 401 } });
  });

  it('ingests a retried send (same id seed) once, and an event with a repeated id once', async () => {
    const seed = `${Date.now()},${Buffer.alloc(10, 3).toString('base64')}`;
    const a = await post({ name: 'test/counted.happened' }, { headers: { 'x-inngest-event-id-seed': seed } });
    const b = await post({ name: 'test/counted.happened' }, { headers: { 'x-inngest-event-id-seed': seed } });
    expect(b.body.ids).toEqual(a.body.ids);
    expect(await runsForEvent(harness.executor.url, a.body.ids![0]!)).toHaveLength(1);
    const first = await app.send({ name: 'test/counted.happened', id: 'order-77' });
    const again = await app.send({ name: 'test/counted.happened', id: 'order-77' });
    expect(await runsForEvent(harness.executor.url, first)).toHaveLength(1);
    expect(await runsForEvent(harness.executor.url, again)).toHaveLength(0);
  });

  it('validates typed events with their zod schema: the SDK refuses to send, the function refuses to run', async () => {
    await expect(app.client.send(signupCreated.create({ email: 'not-an-email' }))).rejects.toThrow(/email/);
    const ok = (await app.client.send(signupCreated.create({ email: 'ada@example.test' }))).ids[0]!;
    expect(await finishedRun(harness.executor.url, ok)).toMatchObject({ status: 'Completed', output: 'hello ada@example.test' });
    const raw = await post({ name: 'test/signup.created', data: { email: 42 } });
    const run = await finishedRun(harness.executor.url, raw.body.ids![0]!);
    expect(run).toMatchObject({ status: 'Failed', output: { name: 'EventValidationError' } });
    expect((run.output as { message: string }).message).toMatch(/email/);
  });
});
