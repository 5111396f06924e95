import crypto from 'node:crypto';
import { test } from '@playwright/test';
import { addMember, closeAdminDb, createOrg, createUser, type ApiOrg, type ApiUser } from '../support/api-fixtures';
import { send, type ApiResponse } from './client';
import { countedExpect } from './counter';

/**
 * The benchmark routes (app/api/bench) exist only in a server that
 * bench/request-path.ts started (BENCH_ROUTES=1). In a normal start they answer
 * like a path that does not exist: same status, headers and bytes, on the apex
 * and on a tenant host, with a token or without.
 */
const { expect, report } = countedExpect('api bench routes hidden');
let org: ApiOrg;
let user: ApiUser;

test.beforeAll(async () => {
  org = await createOrg('benchgate');
  user = await createUser('benchgate');
  await addMember(org, user, 'admin');
});
test.afterAll(async () => {
  report();
  await closeAdminDb();
});

/**
 * What may differ: the request id, the clock, and Next's `x-middleware-rewrite`
 * marker, which Next adds to every middleware rewrite (the hidden /w tree shows it too).
 */
/** Per-request values (request id, date, the CSP nonce, the path in the page data) are masked; everything else must match. */
function comparable(response: ApiResponse) {
  const { 'x-request-id': _id, date: _date, 'x-middleware-rewrite': _rewrite, ...headers } = response.headers;
  const mask = (text: string) => text.replace(/nonce-[A-Za-z0-9+/=]+/g, 'nonce-*').replace(/(nonce=\\?"|\\"nonce\\":\\")[A-Za-z0-9+/=]+/g, '$1*');
  const csp = headers['content-security-policy'];
  return {
    status: response.status,
    headers: { ...headers, ...(typeof csp === 'string' ? { 'content-security-policy': mask(csp) } : {}) },
    // Pages render per request (the nonce), so the page data names the path asked for.
    text: mask(response.text)
      .replace(/\\"c\\":\[[^\]]*\]/, '\\"c\\":[path]')
      .replace(/\\"q\\":\\".*?\\"/, '\\"q\\":\\"[query]\\"'),
  };
}

test('the benchmark routes answer like an unknown path in a normal start', async () => {
  const benchPaths = ['/api/bench/bare-sql', `/api/bench/bare-sql?orgId=${org.id}&limit=20`, '/api/bench/constant', '/api/bench'];
  for (const slug of [null, org.slug]) {
    for (const token of [undefined, user.token]) {
      const unknown = comparable(await send({ slug, token, method: 'GET', path: `/api/no-such-route-${crypto.randomBytes(4).toString('hex')}` }));
      expect(unknown.status).toBe(404);
      for (const path of benchPaths) {
        const label = `${slug ?? 'apex'} ${token ? 'signed in' : 'signed out'} GET ${path}`;
        expect(comparable(await send({ slug, token, method: 'GET', path })), label).toEqual(unknown);
      }
    }
  }
});
