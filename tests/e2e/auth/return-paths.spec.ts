import crypto from 'node:crypto';
import type { Page } from '@playwright/test';
import { safeReturnPath } from '../../../lib/auth/return-path';
import { hashSecretToken } from '../../../lib/crypto/secret-token';
import { hostOf, originOf, send, type ApiRequest, type ApiResponse } from '../api/client';
import { actionFormFields, multipart } from '../support/action-form';
import { addMember, adminDb, closeAdminDb, createOrg, type ApiOrg } from '../support/api-fixtures';
import { hostileReturnPaths } from '../support/hostile-return-paths';
import { waitForMail } from '../support/mailbox';
import { createConfirmedUser, expect, newPassword, test, uniqueEmail, type TestUser } from './fixtures';

/**
 * Open redirects: every entry point that takes a return path (`next`) is fed
 * every hostile form (tests/e2e/support/hostile-return-paths.ts) over real HTTP,
 * on the apex and on a tenant host, and every answer stays on the host it was
 * asked on. Magic link and sign-up send an email per try, which the auth
 * server's per-IP email limits allow only a few of: they get a sample (their
 * links end at /auth/confirm, which gets every form).
 */
test.describe.configure({ timeout: 180_000 });
test.afterAll(() => closeAdminDb());

const hostile = () => hostileReturnPaths(hostOf('globex-elsewhere'));
const SAMPLE = () => ['/..//evil.example/x', '/%2e%2e//evil.example', '//evil.example', '/\\evil.example', 'javascript:alert(1)', `http://${hostOf('globex-elsewhere')}/members`];

/** Where a browser goes with this answer: it must be a redirect on `host` (http, this port). */
function landing(response: ApiResponse, slug: string | null, label: string): URL {
  expect([302, 303, 307, 308], `${label}: status ${response.status} ${response.text.slice(0, 200)}`).toContain(response.status);
  const location = response.headers.location;
  expect(location, label).toBeTruthy();
  const url = new URL(location!, `${originOf(slug)}/some/page`);
  expect(url.origin, `${label} → ${location}`).toBe(originOf(slug));
  return url;
}

const pathOf = (url: URL) => `${url.pathname}${url.search}`;

/** Where a refused `next` falls back to (lib/auth/home-path.ts): "Your workspaces" on the apex, the workspace on its host. */
const home = (slug: string | null) => (slug ? '/' : '/workspaces?from=sign-in');

/** A `next` handed on (to the sign-in page) must already be a safe path. */
function expectSafeNext(url: URL, label: string) {
  const next = url.searchParams.get('next');
  if (next !== null) expect(safeReturnPath(next, '\u0000refused'), `${label} next=${next}`).toBe(next);
}

async function signInOn(page: Page, slug: string | null, user: TestUser): Promise<string> {
  await page.goto(`${originOf(slug)}/sign-in?next=%2Faccount`);
  const form = page.getByRole('form', { name: 'Sign in with password' });
  await form.getByLabel('Email', { exact: true }).fill(user.email);
  await form.getByLabel('Password', { exact: true }).fill(user.password);
  await form.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('account-email')).toHaveText(user.email);
  const cookies = await page.context().cookies(originOf(slug));
  return cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');
}

/** POSTs a server action the way a browser without JavaScript does. */
/**
 * Posts a server action as a browser without JavaScript would. Each post comes
 * from its own client address (the e2e server trusts 127.0.0.1 as a proxy), so
 * this spec's many sign-ins stay under the per-IP limits and leave the shared
 * 127.0.0.1 budget to the other specs.
 */
let clientNumber = 0;
async function postAction(slug: string | null, path: string, fields: Record<string, string>, cookie?: string): Promise<ApiResponse> {
  const { body, contentType } = await multipart(fields);
  clientNumber += 1;
  const client = `198.51.${100 + Math.floor(clientNumber / 250)}.${clientNumber % 250}`;
  const headers = { 'content-type': contentType, 'x-forwarded-for': client, ...(cookie ? { cookie } : {}) };
  const request: ApiRequest = { slug, method: 'POST', path, raw: body, sameOrigin: true, headers };
  return send(request);
}

async function tenantWithMember(tag: string): Promise<{ org: ApiOrg; user: TestUser }> {
  const org = await createOrg(tag);
  const user = await createConfirmedUser(tag);
  await addMember(org, { id: user.id, email: user.email, token: '' }, 'member');
  return { org, user };
}

test('the hostile list is long enough', () => {
  expect(hostile().length).toBeGreaterThanOrEqual(40);
});

test('/auth/confirm: every hostile next lands on the home of the host it was asked on', async () => {
  const org = await createOrg('rp-confirm');
  for (const slug of [null, org.slug]) {
    for (const next of hostile()) {
      const label = `${hostOf(slug)} /auth/confirm next=${JSON.stringify(next)}`;
      const response = await send({ slug, method: 'GET', path: '/auth/confirm', query: { next } });
      expect(pathOf(landing(response, slug, label)), label).toBe(home(slug));
    }
    // Control: a same-host path is kept.
    const kept = await send({ slug, method: 'GET', path: '/auth/confirm', query: { next: '/account?from=confirm' } });
    expect(pathOf(landing(kept, slug, 'control'))).toBe('/account?from=confirm');
  }
});

test('/sign-in and /sign-up, signed in: every hostile next lands on the home of the same host', async ({ page }) => {
  const { org, user } = await tenantWithMember('rp-pages');
  for (const slug of [null, org.slug]) {
    const cookie = await signInOn(page, slug, user);
    for (const path of ['/sign-in', '/sign-up']) {
      for (const next of hostile()) {
        const label = `${hostOf(slug)} ${path} next=${JSON.stringify(next)}`;
        const response = await send({ slug, method: 'GET', path, query: { next }, headers: { cookie } });
        expect(pathOf(landing(response, slug, label)), label).toBe(home(slug));
      }
      const kept = await send({ slug, method: 'GET', path, query: { next: '/account?from=page' }, headers: { cookie } });
      expect(pathOf(landing(kept, slug, `${path} control`))).toBe('/account?from=page');
    }
  }
});

test('/auth/handoff: with a valid code every hostile next opens the workspace home; with a bad one, sign-in on the same host', async () => {
  const { org, user } = await tenantWithMember('rp-handoff');
  const issue = async () => {
    const code = crypto.randomBytes(32).toString('base64url');
    await adminDb()`insert into public.handoff_codes (code_hash, user_id, target_host) values (${hashSecretToken(code)}, ${user.id}, ${hostOf(org.slug)})`;
    return code;
  };
  for (const next of hostile()) {
    const label = `handoff next=${JSON.stringify(next)}`;
    const response = await send({ slug: org.slug, method: 'GET', path: '/auth/handoff', query: { code: await issue(), next } });
    expect(pathOf(landing(response, org.slug, label)), label).toBe('/');
    expect(String(response.headers['set-cookie'] ?? ''), `${label}: a session was started`).toMatch(/sb-[^=]+-auth-token/);
    const refused = await send({ slug: org.slug, method: 'GET', path: '/auth/handoff', query: { code: 'not-a-code', next } });
    expect(pathOf(landing(refused, org.slug, `${label} (bad code)`)), label).toBe('/sign-in?error=handoff_failed&next=%2F');
  }
  const kept = await send({ slug: org.slug, method: 'GET', path: '/auth/handoff', query: { code: await issue(), next: '/members' } });
  expect(pathOf(landing(kept, org.slug, 'control'))).toBe('/members');
});

test('the sign-in action: every hostile next lands on the home of the same host', async () => {
  // Three users, so no address comes near the auth server's per-address sign-in limit (30 in 5 minutes).
  const users = [await createConfirmedUser('rp-action-a'), await createConfirmedUser('rp-action-b'), await createConfirmedUser('rp-action-c')];
  const { org } = await tenantWithMember('rp-action');
  for (const user of users) await addMember(org, { id: user.id, email: user.email, token: '' }, 'member');
  let tries = 0;
  for (const slug of [null, org.slug]) {
    const fields = actionFormFields((await send({ slug, method: 'GET', path: '/sign-in' })).text, 'password');
    const list = slug ? SAMPLE() : hostile();
    for (const next of list) {
      const user = users[tries++ % users.length]!;
      const label = `${hostOf(slug)} sign-in action next=${JSON.stringify(next)}`;
      const response = await postAction(slug, '/sign-in', { ...fields, next, email: user.email, password: user.password });
      expect(pathOf(landing(response, slug, label)), label).toBe(home(slug));
    }
  }
});

test('invitation acceptance: a signed-out accept with any token goes to sign-in on the same host with a safe next', async ({ page }) => {
  const { org, user } = await tenantWithMember('rp-invite');
  const invitee = await createConfirmedUser('rp-invitee');
  const token = crypto.randomBytes(32).toString('base64url');
  await adminDb()`insert into public.invitations (org_id, email, role, token_hash, invited_by)
                  values (${org.id}, ${invitee.email.toLowerCase()}, 'member', ${hashSecretToken(token)}, ${user.id})`;
  const cookie = await signInOn(page, org.slug, invitee);
  const invitePage = await send({ slug: org.slug, method: 'GET', path: `/invite/${token}`, headers: { cookie } });
  const fields = actionFormFields(invitePage.text, 'token');
  for (const hostileToken of [...hostile(), ...hostile().map((h) => `${token}/${h}`)]) {
    const label = `accept token=${JSON.stringify(hostileToken)}`;
    const signedOut = await postAction(org.slug, `/invite/${token}`, { ...fields, token: hostileToken });
    const url = landing(signedOut, org.slug, label);
    expect(url.pathname, label).toBe('/sign-in');
    expectSafeNext(url, label);
    // Signed in, a bad token is an error on the page, never a redirect.
    const signedIn = await postAction(org.slug, `/invite/${token}`, { ...fields, token: hostileToken }, cookie);
    expect(signedIn.status, label).toBe(200);
  }
  const accepted = await postAction(org.slug, `/invite/${token}`, { ...fields, token }, cookie);
  expect(pathOf(landing(accepted, org.slug, 'control'))).toBe('/?notice=joined');
});

test("middleware's sign-in redirect: a signed-out request for any path stays on the tenant host", async () => {
  const org = await createOrg('rp-middleware');
  const rawPaths = hostile().filter((path) => path.startsWith('/') && /^[\x21-\x7e]+$/.test(path));
  expect(rawPaths.length).toBeGreaterThanOrEqual(25);
  for (const path of rawPaths) {
    const label = `GET ${path}`;
    const response = await send({ slug: org.slug, method: 'GET', path });
    if (response.status >= 300 && response.status < 400) expectSafeNext(landing(response, org.slug, label), label);
    else expect([400, 404], `${label}: ${response.status}`).toContain(response.status);
  }
  const control = await send({ slug: org.slug, method: 'GET', path: '/members?tab=all' });
  expect(pathOf(landing(control, org.slug, 'control'))).toBe('/sign-in?next=%2Fmembers%3Ftab%3Dall');
});

test('the magic-link and sign-up actions: a sample of hostile nexts becomes the apex home in the email link', async () => {
  const signInFields = actionFormFields((await send({ slug: null, method: 'GET', path: '/sign-in' })).text, 'email', 'Email me a sign-in link');
  const signUpFields = actionFormFields((await send({ slug: null, method: 'GET', path: '/sign-up' })).text, 'password');
  const expectLink = (redirectTo: string, label: string) => {
    const link = new URL(redirectTo);
    expect(link.origin, label).toBe(originOf(null));
    expect(link.pathname, label).toBe('/auth/confirm');
    expect(link.searchParams.get('next'), label).toBe(home(null));
  };
  for (const next of SAMPLE()) {
    const user = await createConfirmedUser('rp-link');
    const label = `magic link next=${JSON.stringify(next)}`;
    const response = await postAction(null, '/sign-in', { ...signInFields, next, email: user.email });
    expect(pathOf(landing(response, null, label))).toBe(`/check-email?email=${encodeURIComponent(user.email)}&reason=magic-link`);
    expectLink((await waitForMail(user.email, { kind: 'magiclink' })).redirect_to, label);
  }
  for (const next of SAMPLE()) {
    const email = uniqueEmail('rp-signup');
    const label = `sign-up next=${JSON.stringify(next)}`;
    const response = await postAction(null, '/sign-up', { ...signUpFields, next, name: 'Ada', email, password: newPassword() });
    const url = landing(response, null, label);
    expect(url.pathname, label).toBe('/check-email');
    expect(url.searchParams.get('next'), label).toBe(home(null));
    expectLink((await waitForMail(email, { kind: 'signup' })).redirect_to, label);
  }
});
