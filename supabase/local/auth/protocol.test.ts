import { describe, expect, it } from 'vitest';
import { DEFAULT_RATE_LIMITS } from './options.ts';
import { GOOD_PASSWORD, anonClient, latestMail, raw, uniqueEmail, useAuthServer } from './test-support.ts';

const server = useAuthServer();

describe('GoTrue wire details', () => {
  it('health, settings and JWKS', async () => {
    const health = await fetch(`${server.url}/auth/v1/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ name: 'GoTrue' });

    const settings = await raw(server, 'GET', '/settings');
    expect(settings.body).toMatchObject({
      external: { email: true, phone: false, google: false },
      disable_signup: false,
      mailer_autoconfirm: false,
      phone_autoconfirm: false,
    });

    const jwks = await fetch(server.jwksUrl);
    expect(jwks.status).toBe(200);
    const body = (await jwks.json()) as { keys: Record<string, unknown>[] };
    expect(body.keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig', key_ops: ['verify'] });
  });

  it('answers errors as {code, message} and echoes X-Supabase-Api-Version: 2024-01-01', async () => {
    const response = await raw(server, 'POST', '/token?grant_type=password', {
      body: JSON.stringify({ email: uniqueEmail('x'), password: 'nope-nope-nope' }),
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('x-supabase-api-version')).toBe('2024-01-01');
    expect(response.body).toEqual({ code: 'invalid_credentials', message: 'Invalid login credentials' });
  });

  it('answers the legacy shape {code: status, error_code, msg} to clients without the version header', async () => {
    const response = await fetch(`${server.url}/auth/v1/signup`, {
      method: 'POST',
      headers: { apikey: server.publishableKey, 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: uniqueEmail('legacy'), password: 'short' }),
    });
    expect(response.status).toBe(422);
    expect(response.headers.get('x-supabase-api-version')).toBeNull();
    expect(await response.json()).toEqual({
      code: 422,
      error_code: 'weak_password',
      msg: 'Password should be at least 6 characters.',
      weak_password: { reasons: ['length'] },
    });
  });

  it('weak_password errors carry weak_password.reasons in the 2024 shape too', async () => {
    const response = await raw(server, 'POST', '/signup', { body: JSON.stringify({ email: uniqueEmail('w'), password: 'abc' }) });
    expect(response.body).toEqual({
      code: 'weak_password',
      message: 'Password should be at least 6 characters.',
      weak_password: { reasons: ['length'] },
    });
  });

  it('a missing refresh_token is the OAuth-shaped invalid_request', async () => {
    const response = await raw(server, 'POST', '/token?grant_type=refresh_token', { body: '{}' });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ error: 'invalid_request', error_description: 'refresh_token required' });
  });

  it('needs an API key (like the gateway), except for verify, JWKS and health', async () => {
    const none = await raw(server, 'GET', '/settings', { key: 'none' });
    expect(none.status).toBe(401);
    expect(none.body).toEqual({ message: 'No API key found in request', hint: 'No `apikey` request header or url param was found.' });
    const wrong = await raw(server, 'GET', '/settings', { key: 'none', headers: { apikey: 'sb_publishable_wrong' } });
    expect(wrong.status).toBe(401);
    expect(wrong.body.message).toBe('Invalid API key');
    const query = await fetch(`${server.url}/auth/v1/settings?apikey=${server.publishableKey}`);
    expect(query.status).toBe(200);
    const userWithoutToken = await raw(server, 'GET', '/user');
    expect(userWithoutToken.status).toBe(403);
    expect(userWithoutToken.body.code).toBe('bad_jwt');
  });

  it('answers CORS preflights for browser clients', async () => {
    const response = await fetch(`${server.url}/auth/v1/token?grant_type=password`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://acme.localhost:3000',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'apikey, authorization, content-type, x-client-info, x-supabase-api-version',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-headers')).toContain('x-supabase-api-version');
  });

  it('names unimplemented GoTrue endpoints in a 404', async () => {
    const response = await raw(server, 'POST', '/factors', { body: '{}' });
    expect(response.status).toBe(404);
    expect(String(response.body.message)).toContain('does not implement');
  });

  it('ships hosted default rate limits (GoTrue: per IP per 5 minutes, one email per address per minute)', () => {
    expect(DEFAULT_RATE_LIMITS).toEqual({
      token: { perIp: { max: 150, windowSeconds: 300 }, perEmail: null },
      signup: { perIp: { max: 30, windowSeconds: 300 }, perEmail: { max: 1, windowSeconds: 60 } },
      otp: { perIp: { max: 30, windowSeconds: 300 }, perEmail: { max: 1, windowSeconds: 60 } },
      recover: { perIp: { max: 30, windowSeconds: 300 }, perEmail: { max: 1, windowSeconds: 60 } },
      verify: { perIp: { max: 30, windowSeconds: 300 }, perEmail: null },
      emailChange: { perIp: null, perEmail: { max: 1, windowSeconds: 60 } },
    });
  });
});

describe('mailbox', () => {
  it('lists mail newest first as JSON, filters by recipient, and renders an HTML inbox', async () => {
    const email = uniqueEmail('inbox');
    const client = anonClient(server);
    await client.auth.signUp({ email, password: GOOD_PASSWORD });
    await client.auth.signInWithOtp({ email });
    const asAdmin = { headers: { apikey: server.secretKey } };
    const list = (await (await fetch(`${server.url}/mailbox?to=${encodeURIComponent(email.toUpperCase())}`, asAdmin)).json()) as {
      messages: { kind: string; to: string; created_at: string }[];
    };
    expect(list.messages.map((m) => m.kind)).toEqual(['signup', 'signup']);
    expect(list.messages.every((m) => m.to === email)).toBe(true);
    expect(Date.parse(list.messages[0]!.created_at)).toBeGreaterThanOrEqual(Date.parse(list.messages[1]!.created_at));

    const one = await latestMail(server, email);
    const single = await fetch(`${server.url}/mailbox/${one.id}`, asAdmin);
    expect(((await single.json()) as { action_link: string }).action_link).toBe(one.action_link);

    const html = await fetch(`${server.url}/mailbox/ui?to=${encodeURIComponent(email)}`, {
      headers: { cookie: `sb-local-mailbox=${server.mailboxToken}` },
    });
    expect(html.headers.get('content-type')).toContain('text/html');
    const page = await html.text();
    expect(page).toContain(`href="${one.action_link.replaceAll('&', '&amp;')}"`);
    expect(page).toContain(one.otp);

    const cleared = await fetch(`${server.url}/mailbox?to=${encodeURIComponent(email)}`, { method: 'DELETE', ...asAdmin });
    expect(cleared.status).toBe(204);
    const after = (await (await fetch(`${server.url}/mailbox?to=${encodeURIComponent(email)}`, asAdmin)).json()) as { messages: unknown[] };
    expect(after.messages).toEqual([]);
  });
});
