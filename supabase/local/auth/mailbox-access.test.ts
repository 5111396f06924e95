import { describe, expect, it } from 'vitest';
import { anonClient, GOOD_PASSWORD, latestMail, startTestAuthServer, uniqueEmail, useAuthServer } from './test-support.ts';

const server = useAuthServer();
const EVIL = 'http://evil.example';

async function withMail(): Promise<{ email: string; link: string; otp: string }> {
  const email = uniqueEmail('private');
  await anonClient(server).auth.signUp({ email, password: GOOD_PASSWORD });
  const mail = await latestMail(server, email, 'signup');
  return { email, link: mail.action_link, otp: mail.otp };
}

describe('the mailbox JSON API needs the secret key and answers no other origin', () => {
  it('refuses requests without it, with the publishable key, or from a browser', async () => {
    const { email } = await withMail();
    const url = `${server.url}/mailbox?to=${encodeURIComponent(email)}`;
    const none = await fetch(url);
    expect(none.status).toBe(401);
    expect(await none.text()).not.toContain(email);
    expect((await fetch(url, { headers: { apikey: 'sb_secret_guess_12345678' } })).status).toBe(401);
    const publishable = await fetch(url, { headers: { apikey: server.publishableKey } });
    expect(publishable.status).toBe(403);
    expect(await publishable.json()).toMatchObject({ error_code: 'not_admin', msg: 'User not allowed' });
    const browser = await fetch(url, { headers: { apikey: server.secretKey, 'User-Agent': 'Mozilla/5.0 (X11; Linux x86_64)' } });
    expect(browser.status).toBe(401);
    for (const path of ['/mailbox/00000000-0000-4000-8000-000000000000', '/mailbox']) {
      expect((await fetch(`${server.url}${path}`, { method: path === '/mailbox' ? 'DELETE' : 'GET' })).status).toBe(401);
    }
    const allowed = await fetch(url, { headers: { apikey: server.secretKey } });
    expect(allowed.status).toBe(200);
    expect(((await allowed.json()) as { messages: unknown[] }).messages).toHaveLength(1);
  });

  it('sends no CORS headers, so a page on another origin cannot read an answer', async () => {
    const { email } = await withMail();
    const url = `${server.url}/mailbox?to=${encodeURIComponent(email)}`;
    const read = await fetch(url, { headers: { apikey: server.secretKey, Origin: EVIL } });
    expect(read.status).toBe(200);
    expect(read.headers.get('access-control-allow-origin')).toBeNull();
    expect(read.headers.get('cache-control')).toBe('no-store');
    const preflight = await fetch(url, {
      method: 'OPTIONS',
      headers: { Origin: EVIL, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'apikey' },
    });
    expect(preflight.status).toBe(405);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(preflight.headers.get('access-control-allow-headers')).toBeNull();
    // The auth API itself keeps GoTrue's CORS for browser clients.
    const auth = await fetch(`${server.url}/auth/v1/settings`, { headers: { apikey: server.publishableKey, Origin: EVIL } });
    expect(auth.headers.get('access-control-allow-origin')).toBe('*');
  });
});

describe('the HTML inbox needs the mailbox token', () => {
  it('shows a token form, never the mail, without it', async () => {
    const { link, otp } = await withMail();
    for (const cookie of [undefined, 'sb-local-mailbox=wrong']) {
      const page = await fetch(`${server.url}/mailbox/ui`, { headers: cookie ? { cookie } : {} });
      expect(page.status).toBe(401);
      const html = await page.text();
      expect(html).toContain('Mailbox token');
      expect(html).not.toContain(otp);
      expect(html).not.toContain(link.replaceAll('&', '&amp;'));
    }
    const wrong = await fetch(`${server.url}/mailbox/ui?token=wrong`, { redirect: 'manual' });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('set-cookie')).toBeNull();
  });

  it('the login link sets an HttpOnly SameSite=Strict cookie that opens the inbox', async () => {
    const { email, otp } = await withMail();
    const login = await fetch(`${server.mailboxLoginUrl}&to=${encodeURIComponent(email)}`, { redirect: 'manual' });
    expect(login.status).toBe(303);
    expect(login.headers.get('location')).toBe(`/mailbox/ui?to=${encodeURIComponent(email)}`);
    const cookie = login.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^sb-local-mailbox=[A-Za-z0-9_-]{43}; Path=\/mailbox; HttpOnly; SameSite=Strict; Max-Age=\d+$/);
    const page = await fetch(`${server.url}/mailbox/ui?to=${encodeURIComponent(email)}`, { headers: { cookie: cookie.split(';')[0]! } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(otp);
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(page.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('the token follows the secret key: the same after a restart, different for another server', async () => {
    const again = await startTestAuthServer({ keysFile: server.keysFile });
    const other = await startTestAuthServer();
    try {
      expect(again.mailboxToken).toBe(server.mailboxToken);
      expect(other.mailboxToken).not.toBe(server.mailboxToken);
    } finally {
      await again.stop();
      await other.stop();
    }
  });
});
