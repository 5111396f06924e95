import { adminDb, closeAdminDb, createOrg } from '../support/api-fixtures';
import { e2eStack } from '../support/stack';
import { createConfirmedUser, expect, signInAs, test } from '../auth/fixtures';

/**
 * The browser's way into Realtime: the same-origin token route hands the signed-in user's
 * access token to page scripts (the session cookies are HttpOnly), and with it the browser's
 * own WebSocket joins the user's private organization topic on the local Realtime server.
 */
test.afterAll(closeAdminDb);

test('the token route answers 401 signed out; signed in, its token joins a private org topic from the browser', async ({ page }) => {
  const signedOut = await page.request.get('/api/auth/realtime-token');
  expect(signedOut.status()).toBe(401);
  expect(signedOut.headers()['cache-control']).toBe('no-store');
  expect(await signedOut.json()).toEqual({ error: { code: 'unauthorized', message: 'Sign in to continue.' } });

  const user = await createConfirmedUser('realtime');
  const org = await createOrg('realtime');
  await adminDb()`insert into public.memberships (org_id, user_id, role) values (${org.id}, ${user.id}, 'member')`;
  await signInAs(page, user);

  const token = await page.evaluate(async () => {
    const response = await fetch('/api/auth/realtime-token', { cache: 'no-store' });
    return { status: response.status, cache: response.headers.get('cache-control'), body: await response.json() };
  });
  expect(token.status).toBe(200);
  const { authUrl: projectUrl } = e2eStack();
  const page1 = await page.request.get('/account');
  expect(page1.headers()['content-security-policy']).toContain(`connect-src 'self' ${projectUrl} ${projectUrl.replace(/^http/, 'ws')}`);
  expect(token.cache).toBe('no-store');
  expect(token.body.expires_at).toBeGreaterThan(Date.now() / 1000);

  const { authUrl, publishableKey } = e2eStack();
  const socketUrl = `${authUrl.replace(/^http/, 'ws')}/realtime/v1/websocket?apikey=${publishableKey}&vsn=1.0.0`;
  const replies = await page.evaluate(
    ({ url, accessToken, topics }) =>
      new Promise<unknown[]>((resolve, reject) => {
        const ws = new WebSocket(url);
        const seen: unknown[] = [];
        ws.onerror = () => reject(new Error('socket error'));
        ws.onopen = () =>
          topics.forEach((topic, i) =>
            ws.send(JSON.stringify({ topic: `realtime:${topic}`, event: 'phx_join', ref: String(i + 1), join_ref: String(i + 1), payload: { config: { private: true }, access_token: accessToken } })),
          );
        ws.onmessage = (event) => {
          seen.push(JSON.parse(String(event.data)));
          if (seen.length === topics.length) resolve(seen);
        };
      }),
    { url: socketUrl, accessToken: token.body.access_token as string, topics: [`org:${org.id}:members`, 'org:00000000-0000-4000-8000-000000000000'] },
  );
  expect(replies).toEqual([
    { topic: `realtime:org:${org.id}:members`, event: 'phx_reply', ref: '1', payload: { status: 'ok', response: { postgres_changes: [] } } },
    {
      topic: 'realtime:org:00000000-0000-4000-8000-000000000000',
      event: 'phx_reply',
      ref: '2',
      payload: { status: 'error', response: { reason: 'Unauthorized: You do not have permissions to read from this Channel topic: org:00000000-0000-4000-8000-000000000000' } },
    },
  ]);
});
