import { describe, expect, it } from 'vitest';
import { mailsTo, uniqueEmail, useAuthServer } from './test-support.ts';

const server = useAuthServer();

function post(body: unknown, headers: Record<string, string> = {}, raw?: string) {
  return fetch(`${server.url}/mailbox`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Supabase-Api-Version': '2024-01-01', ...headers },
    body: raw ?? JSON.stringify(body),
  });
}

const mail = (to: string) => ({
  to,
  subject: 'You are invited to Acme',
  text: 'Join Acme: http://acme.localhost:3000/invite/abc',
  html: '<p>Join <a href="http://acme.localhost:3000/invite/abc">Acme</a></p>',
  link: 'http://acme.localhost:3000/invite/abc',
});

describe('POST /mailbox (app emails)', () => {
  it('stores a mail sent with the secret key and lists it as kind app with its link', async () => {
    const to = uniqueEmail('app-mail');
    const response = await post(mail(to.toUpperCase()), { apikey: server.secretKey });
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const [stored] = await mailsTo(server, to);
    expect(stored).toMatchObject({
      id,
      to,
      subject: 'You are invited to Acme',
      kind: 'app',
      action_link: 'http://acme.localhost:3000/invite/abc',
      otp: '',
    });
    const single = (await (await fetch(`${server.url}/mailbox/${id}`, { headers: { apikey: server.secretKey } })).json()) as Record<
      string,
      string
    >;
    expect(single.text).toContain('/invite/abc');
    expect(single.html).toContain('<a href=');
    expect(server.logs.some((line) => line.includes(`mail to ${to}`))).toBe(true);
  });

  it('a link is optional', async () => {
    const to = uniqueEmail('no-link');
    const { link: _link, ...withoutLink } = mail(to);
    const response = await post(withoutLink, { apikey: server.secretKey });
    expect(response.status).toBe(201);
    expect((await mailsTo(server, to))[0]?.action_link).toBe('');
  });

  it('refuses callers without the secret key', async () => {
    const to = uniqueEmail('refused');
    expect((await post(mail(to))).status).toBe(401);
    expect((await post(mail(to), { apikey: 'sb_secret_not-a-real-key_1234' })).status).toBe(401);
    const publishable = await post(mail(to), { apikey: server.publishableKey });
    expect(publishable.status).toBe(403);
    expect(await publishable.json()).toEqual({ code: 'not_admin', message: 'User not allowed' });
    const browser = await post(mail(to), { apikey: server.secretKey, 'User-Agent': 'Mozilla/5.0 (X11)' });
    expect(browser.status).toBe(401);
    expect(await mailsTo(server, to)).toEqual([]);
  });

  it('validates the body', async () => {
    const to = uniqueEmail('invalid');
    const key = { apikey: server.secretKey };
    const cases: [unknown, number][] = [
      [{ ...mail(to), to: 'not-an-email' }, 422],
      [{ ...mail(to), subject: 'Hi\r\nBcc: victim@example.com' }, 422],
      [{ ...mail(to), subject: '' }, 422],
      [{ ...mail(to), text: 42 }, 422],
      [{ ...mail(to), html: undefined }, 422],
      [{ ...mail(to), link: 'javascript:alert(1)' }, 422],
      [[mail(to)], 422],
      [null, 422],
    ];
    for (const [body, status] of cases) expect((await post(body, key)).status, JSON.stringify(body)).toBe(status);
    expect((await post(null, key, '{"to":')).status).toBe(400);
    expect((await post(null, key, JSON.stringify({ ...mail(to), text: 'a\u0000b' }))).status).toBe(400);
    expect((await post(null, key, JSON.stringify({ ...mail(to), text: 'x'.repeat(1024 * 1024) }))).status).toBe(413);
    expect(await mailsTo(server, to)).toEqual([]);
  });
});
