import { test } from '@playwright/test';
import { adminDb, randomUuid, useTenants, type ApiUser } from '../support/api-fixtures';
import { e2eStack } from '../support/stack';
import { send, type ApiRequest } from '../api/client';
import { countedExpect } from '../api/counter';

/**
 * API id matrix for the notification routes: an id of another tenant (its channel, delivery,
 * notification) answers byte for byte like an id that does not exist, and changes nothing there;
 * the caller's own ids work. Secrets never come back.
 */
const { expect, report } = countedExpect('notifications id matrix');
const { acme, globex } = useTenants(report);

type Call = Omit<ApiRequest, 'slug' | 'token' | 'method' | 'path'>;
const as = (user: ApiUser, method: string, path: string, extra: Call = {}, tenant = acme) =>
  send({ slug: tenant.org.slug, token: user.token, method, path, sameOrigin: true, ...extra });
const CHANNELS = '/api/notifications/channels';

test('channels, deliveries and notifications of another tenant read like missing ids', async () => {
  const secret = 'whsec_ids_matrix_secret_42';
  const url = `${e2eStack().receiverUrl}/hooks/ids`;
  const created = await as(globex.users.admin, 'POST', CHANNELS, { body: { kind: 'webhook', name: 'Globex hook', url, secret } }, globex);
  expect(created.status).toBe(201);
  expect(created.text).not.toContain(secret);
  const foreign = (created.json as { data: { id: string } }).data.id;
  const own = (await as(acme.users.admin, 'POST', CHANNELS, { body: { kind: 'email', name: 'Acme mail' } })).json as { data: { id: string } };

  const sql = adminDb();
  const [delivery] = await sql<{ id: string }[]>`
    insert into public.notification_deliveries (org_id, event_id, event_name, recipient_id, channel_id, message, status)
    values (${globex.org.id}, 'ids-matrix', 'tasks/task.assigned', ${globex.users.member.id}, ${foreign}, '{}', 'failed') returning id`;
  const [note] = await sql<{ id: string }[]>`
    insert into public.notifications (org_id, user_id, event_id, event_name, title, path, occurred_at)
    values (${globex.org.id}, ${globex.users.member.id}, 'ids-matrix', 'tasks/task.assigned', 'Globex only', '/', now()) returning id`;
  const missing = randomUuid();

  const pairs: [string, string, (id: string) => Call][] = [
    ['PATCH', CHANNELS, (id) => ({ body: { id, enabled: false } })],
    ['DELETE', CHANNELS, (id) => ({ body: { id } })],
    ['POST', `${CHANNELS}/test`, (id) => ({ body: { id } })],
    ['POST', '/api/notifications/deliveries/retry', (id) => ({ body: { id } })],
  ];
  for (const [method, path, input] of pairs) {
    const id = path.includes('retry') ? delivery!.id : foreign;
    const other = await as(acme.users.admin, method, path, input(id));
    const unknown = await as(acme.users.admin, method, path, input(missing));
    expect(other.status, `${method} ${path}`).toBe(404);
    expect(other.text, `${method} ${path}`).toBe(unknown.text);
  }
  // Own channel: works, and the list never carries a secret.
  expect((await as(acme.users.admin, 'PATCH', CHANNELS, { body: { id: own.data.id, enabled: false } })).status).toBe(200);
  const list = await as(acme.users.admin, 'GET', CHANNELS);
  expect(list.text).not.toMatch(/whsec|ciphertext/);

  // Marking someone else's notification read changes nothing, like an unknown id.
  const markOther = await as(acme.users.member, 'POST', '/api/notifications/read', { body: { ids: [note!.id] } });
  const markUnknown = await as(acme.users.member, 'POST', '/api/notifications/read', { body: { ids: [missing] } });
  expect(markOther.text).toBe(markUnknown.text);
  // The delivery log filtered by another tenant's channel is empty, like an unknown channel.
  const byForeign = await as(acme.users.admin, 'GET', '/api/notifications/deliveries', { query: { channelId: foreign } });
  const byUnknown = await as(acme.users.admin, 'GET', '/api/notifications/deliveries', { query: { channelId: missing } });
  expect(byForeign.text).toBe(byUnknown.text);

  const [after] = await sql<{ enabled: boolean; status: string; read_at: Date | null }[]>`
    select c.enabled, d.status, n.read_at from public.notification_channels c, public.notification_deliveries d, public.notifications n
    where c.id = ${foreign} and d.id = ${delivery!.id} and n.id = ${note!.id}`;
  expect(after).toEqual({ enabled: true, status: 'failed', read_at: null });
});
