import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { e2eStack } from '../support/stack';
import { expect, test, uniqueEmail } from './fixtures';

/**
 * Another origin, as any tab open during `npm run dev` could be: a page served from
 * another port on this machine (so only CORS and the credential decide, not the
 * browser's rules for public sites reaching local ones, nor our app's CSP).
 */
async function openOtherOrigin(page: Page): Promise<() => Promise<void>> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<!doctype html><title>Elsewhere</title><p>Another site</p>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  return () => new Promise((resolve) => server.close(() => resolve()));
}

/** What a script on that page gets when it tries to read the mailbox in each way it could. */
async function readAttempts(page: Page): Promise<string[]> {
  const { authUrl, publishableKey } = e2eStack();
  return page.evaluate(
    async ({ authUrl, publishableKey }) => {
      const attempts: RequestInit[] = [{}, { credentials: 'include' }, { headers: { apikey: publishableKey } }];
      const results: string[] = [];
      for (const path of ['/mailbox', '/mailbox/ui']) {
        for (const init of attempts) {
          try {
            const response = await fetch(authUrl + path, init);
            results.push(`read ${path}: ${response.status} ${(await response.text()).slice(0, 40)}`);
          } catch {
            results.push('blocked');
          }
        }
      }
      return results;
    },
    { authUrl, publishableKey },
  );
}

test.describe('local mailbox', () => {
  test('opens with the link the dev command prints; another site cannot read it', async ({ page, browser, shot }) => {
    const { authUrl, secretKey, mailboxLoginUrl } = e2eStack();
    const to = uniqueEmail('mailbox');
    const link = 'http://localhost/private-sign-in-link';
    const sent = await fetch(`${authUrl}/mailbox`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', apikey: secretKey },
      body: JSON.stringify({ to, subject: 'Your sign-in link', text: link, html: `<a href="${link}">Sign in</a>`, link }),
    });
    expect(sent.status).toBe(201);

    // Without the token: a form asks for it, and no mail is shown.
    const stranger = await browser.newContext();
    const strangerPage = await stranger.newPage();
    await strangerPage.goto(`${authUrl}/mailbox/ui`);
    await expect(strangerPage.getByLabel('Mailbox token')).toBeVisible();
    await expect(strangerPage.getByText(link)).toHaveCount(0);
    await shot('01-mailbox-needs-token', { page: strangerPage, dark: false });
    await stranger.close();

    // With the printed link: the inbox, and the token is gone from the address bar.
    await page.goto(`${mailboxLoginUrl}&to=${encodeURIComponent(to)}`);
    await expect(page).toHaveURL(`${authUrl}/mailbox/ui?to=${encodeURIComponent(to)}`);
    await expect(page.getByRole('link', { name: link })).toBeVisible();
    await shot('02-mailbox-inbox', { dark: false });

    // A page on another origin, in the same browser that holds the mailbox cookie, reads nothing.
    const close = await openOtherOrigin(page);
    try {
      expect(await readAttempts(page)).toEqual(Array(6).fill('blocked'));
    } finally {
      await close();
    }
  });
});
