import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNotificationReceiver } from './notification-receiver.ts';

let receiver: Awaited<ReturnType<typeof startNotificationReceiver>>;
beforeAll(async () => {
  receiver = await startNotificationReceiver();
});
afterAll(() => receiver.stop());

const post = (path: string, body: unknown) =>
  fetch(`${receiver.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('local Slack/webhook receiver', () => {
  it('records requests, answers like Slack, and fails N times on request', async () => {
    expect(await (await post('/slack/T0/B0/x', { text: 'hello' })).text()).toBe('ok');
    const bad = await post('/slack/T0/B0/x', { blocks: [] });
    expect([bad.status, await bad.text()]).toEqual([400, 'invalid_payload']);
    await post('/_receiver/fail', { path: '/hooks/flaky', times: 2, status: 503 });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await post('/hooks/flaky', { n: i })).status);
    expect(statuses).toEqual([503, 503, 200]);
    const list = (await (await fetch(`${receiver.url}/_receiver/requests?path=/hooks/flaky`)).json()) as { requests: { body: string; status: number }[] };
    expect(list.requests.map((r) => [JSON.parse(r.body).n, r.status])).toEqual([[0, 503], [1, 503], [2, 200]]);
    expect((await fetch(`${receiver.url}/other`, { method: 'POST' })).status).toBe(404);
  });
});
