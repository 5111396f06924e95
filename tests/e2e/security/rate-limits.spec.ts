import crypto from 'node:crypto';
import { expect, test } from '@playwright/test';
import { send, type ApiResponse } from '../api/client';
import { createConfirmedUser, signInAs } from '../auth/fixtures';
import { SignInPage } from '../pages/sign-in.po';
import { formatWait } from '../../../lib/rate-limit/wait';
import { addMember, closeAdminDb, createOrg, createUser } from '../support/api-fixtures';

/**
 * Rate limits counted in Postgres, per client IP and per account. The e2e server
 * trusts 127.0.0.1 as a proxy, so each test client here names its own address
 * with X-Forwarded-For; from 127.0.0.2 a client is untrusted and its headers count for nothing.
 */
const clientIp = () => `203.0.113.${crypto.randomInt(1, 255)}`;
test.afterAll(() => closeAdminDb());

/** A 429 in the project's JSON shape whose message states the same wait as Retry-After. */
function expectLimited(response: ApiResponse, refusal: string) {
  expect(response.status, response.text).toBe(429);
  const retryAfter = Number(response.headers['retry-after']);
  expect(retryAfter).toBeGreaterThan(0);
  expect(response.json).toEqual({
    error: { code: 'rate_limited', message: `${refusal} Try again in ${formatWait(retryAfter)}.`, details: { retryAfterSeconds: retryAfter } },
  });
}

/** `count` requests, 20 at a time; every one must get `status`. */
async function expectAll(count: number, status: number, call: () => Promise<ApiResponse>) {
  for (let done = 0; done < count; done += 20) {
    const batch = await Promise.all(Array.from({ length: Math.min(20, count - done) }, call));
    expect(batch.map((r) => r.status)).toEqual(batch.map(() => status));
  }
}

test('slug checks: one client over its limit gets 429 with Retry-After; other clients do not', async () => {
  test.setTimeout(180_000);
  const check = (headers: Record<string, string>, from?: string) =>
    send({ slug: null, method: 'GET', path: '/api/orgs/slug-availability', query: { slug: 'northwind-traders' }, headers, from });
  const flooder = { 'x-forwarded-for': clientIp() };
  await expectAll(300, 200, () => check(flooder));
  const limited = await check(flooder);
  expectLimited(limited, 'Too many subdomain checks.');
  expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(300);
  expect((await check({ 'x-forwarded-for': `198.51.100.${crypto.randomInt(1, 255)}` })).status).toBe(200);

  // An untrusted client rotating forged addresses is still one client.
  await expectAll(300, 200, () => check({ 'x-forwarded-for': clientIp() }, '127.0.0.2'));
  expectLimited(await check({ 'x-forwarded-for': clientIp() }, '127.0.0.2'), 'Too many subdomain checks.');
});

test('invitations: per account, with Retry-After; another admin is not held back', async () => {
  test.setTimeout(120_000);
  const org = await createOrg('limits');
  const owner = await createUser('limits-owner');
  const admin = await createUser('limits-admin');
  await addMember(org, owner, 'owner');
  await addMember(org, admin, 'admin');
  const headers = { 'x-forwarded-for': clientIp() };
  const invite = (token: string) =>
    send({
      slug: org.slug,
      method: 'POST',
      path: '/api/admin/users',
      token,
      sameOrigin: true,
      headers,
      body: { email: `invitee-${crypto.randomBytes(4).toString('hex')}@example.com`, role: 'viewer' },
    });
  await expectAll(50, 201, () => invite(owner.token));
  expectLimited(await invite(owner.token), 'Too many invitations sent.');
  expect((await invite(admin.token)).status).toBe(201);
});

test("one client's wrong passwords lock that client out of the account, not its owner signing in from elsewhere", async ({ browser }) => {
  test.setTimeout(180_000);
  const victim = await createConfirmedUser('locked-out');
  const attacker = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': clientIp() } });
  const owner = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': `198.51.100.${crypto.randomInt(1, 255)}` } });
  try {
    const signIn = new SignInPage(await attacker.newPage());
    await signIn.goto();
    for (let i = 0; i < 10; i += 1) {
      await signIn.signIn(victim.email, `guess-${i}-${victim.password}`);
      await expect(signIn.password).toHaveValue('');
      await expect(signIn.alert).toHaveText('That email and password do not match. Check both and try again.');
    }
    // Now even the right password is refused from this client, with the real wait.
    await signIn.signIn(victim.email, victim.password);
    await expect(signIn.alert).toHaveText(/^Too many sign-in attempts\. Try again in 1[45] minutes\.$/);

    await signInAs(await owner.newPage(), victim);
  } finally {
    await attacker.close();
    await owner.close();
  }
});
