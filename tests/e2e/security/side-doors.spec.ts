import { expect, test } from '@playwright/test';
import { originOf, send } from '../api/client';
import { createConfirmedUser } from '../auth/fixtures';
import { actionFormFields, multipart } from '../support/action-form';
import { closeAdminDb, createOrg } from '../support/api-fixtures';
import { tenantUrl } from '../support/stack';
import { SiteFooter } from '../pages/site-footer.po';

/**
 * Side doors of issue 7, point 8: server actions without an Origin, free text
 * from `?error=` on the sign-in page, the soft 404 of unknown hosts, and the
 * script policy (a per-request nonce instead of 'unsafe-inline').
 */
test.afterAll(() => closeAdminDb());

const FORBIDDEN = { error: { code: 'forbidden', message: 'Cross-origin requests are not allowed.' } };

test.describe('server actions', () => {
  test('refuse a POST without Origin, or with another origin, before running; the same origin runs', async () => {
    const user = await createConfirmedUser('action-origin');
    const org = await createOrg('action-origin');
    const page = await send({ slug: null, method: 'GET', path: '/sign-in' });
    const fields = actionFormFields(page.text, 'password');
    const { body, contentType } = await multipart({ ...fields, next: '/account', email: user.email, password: user.password });
    // Its own client address, so sign-ins of other specs in the same minutes cannot rate-limit it.
    const post = (headers: Record<string, string>) =>
      send({ slug: null, method: 'POST', path: '/sign-in', raw: body, headers: { 'content-type': contentType, 'x-forwarded-for': '198.51.99.7', ...headers } });
    const actionId = /"id":"([0-9a-f]+)"/.exec(Object.values(fields).join(' '))?.[1];
    expect(actionId).toBeTruthy();

    const refused: Record<string, string>[] = [
      {},
      { 'sec-fetch-site': 'same-origin' },
      { 'next-action': actionId! },
      { origin: 'http://evil.example' },
      { origin: 'null' },
      { origin: originOf(org.slug) },
      { origin: `${originOf(null)}.evil.example` },
    ];
    for (const headers of refused) {
      const response = await post(headers);
      const label = JSON.stringify(headers);
      expect(response.status, label).toBe(403);
      expect(response.json, label).toEqual(FORBIDDEN);
      // Nothing ran: no session was started.
      expect(String(response.headers['set-cookie'] ?? ''), label).not.toMatch(/auth-token/);
    }
    const sameOrigin = await post({ origin: originOf(null) });
    expect(sameOrigin.status).toBe(303);
    expect(sameOrigin.headers.location).toBe('/account');
    expect(String(sameOrigin.headers['set-cookie'] ?? '')).toMatch(/auth-token/);
  });
});

test.describe('the sign-in page', () => {
  test('shows only fixed messages for known error codes, never text from the URL', async ({ page }) => {
    const spoof = 'Your account is locked. Call +1 555 0100 and give your password to unlock it.';
    await page.goto(`/sign-in?error=${encodeURIComponent(spoof)}`);
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await expect(page.getByText('Your account is locked')).toHaveCount(0);
    const alert = page.getByRole('main').getByRole('alert');
    await expect(alert).toHaveCount(0);

    await page.goto('/sign-in?error=otp_expired');
    await expect(alert).toHaveText('This link has expired or was already used. Sign in below, or ask for a new link.');
    await page.goto('/sign-in?error=__proto__');
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await expect(alert).toHaveCount(0);
  });
});

test.describe('unknown hosts', () => {
  test('an unknown tenant host answers 404 with the branded page, on every path', async () => {
    for (const path of ['/', '/members', '/sign-in', '/account']) {
      const response = await send({ slug: 'no-such-workspace-404', method: 'GET', path });
      expect(response.status, path).toBe(404);
      expect(response.text, path).toContain('Workspace not found');
    }
  });
});

test.describe('content security policy', () => {
  test('scripts need this response’s nonce: no unsafe-inline, a new nonce each time, every script tag carries it', async () => {
    const policies: string[] = [];
    for (const path of ['/', '/sign-in', '/no-such-page']) {
      const response = await send({ slug: null, method: 'GET', path });
      const policy = String(response.headers['content-security-policy'] ?? '');
      const scriptSrc = /script-src ([^;]+)/.exec(policy)?.[1] ?? '';
      expect(scriptSrc, path).not.toContain('unsafe-inline');
      expect(scriptSrc, path).not.toContain('unsafe-eval');
      const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(scriptSrc)?.[1];
      expect(nonce, path).toBeTruthy();
      const tags = response.text.match(/<script\b[^>]*>/g) ?? [];
      expect(tags.length, path).toBeGreaterThan(0);
      for (const tag of tags) expect(tag, path).toContain(`nonce="${nonce}"`);
      policies.push(policy);
    }
    expect(new Set(policies).size).toBe(policies.length);
  });

  test('pages hydrate under the policy, and an injected inline script does not run', async ({ page }) => {
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    // Simulate an injection: the server's own page and headers, plus a script without the nonce.
    // The script goes into <head>, which React leaves alone when it hydrates (in <body> it
    // would be a hydration mismatch, and React's client render would drop what it did not make).
    let served = false;
    await page.route('**/sign-in', async (route) => {
      const response = await route.fetch();
      const original = await response.text();
      const html = original.replace('</head>', '<script>window.__injected = true</script></head>');
      served = html !== original;
      await route.fulfill({ response, body: html });
    });
    await page.goto('/sign-in');
    expect(served).toBe(true);
    // Hydrated: the client-side theme control answers (it checks nothing until React runs).
    await new SiteFooter(page).chooseTheme('Dark');
    expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
    expect(violations.some((text) => /inline script/i.test(text) || /script-src/i.test(text))).toBe(true);
    await page.unroute('**/sign-in');

    // A tenant page hydrates too, with no violation at all.
    violations.length = 0;
    const org = await createOrg('csp');
    await page.goto(tenantUrl(org.slug, '/sign-in'));
    await new SiteFooter(page).chooseTheme('Light');
    expect(violations).toEqual([]);
  });
});
