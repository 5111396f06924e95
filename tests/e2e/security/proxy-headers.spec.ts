import crypto from 'node:crypto';
import { expect, test } from '@playwright/test';
import { hostOf, send, type ApiRequest } from '../api/client';
import { ORG_NOT_FOUND } from '../api/routes';
import { addMember, adminDb, closeAdminDb, createOrg, createUser, type ApiOrg, type ApiUser } from '../support/api-fixtures';

/**
 * Proxy headers are believed only from a trusted hop. The e2e server trusts
 * 127.0.0.1 (a proxy at a known address, TRUSTED_PROXIES=127.0.0.1,::1); a
 * request from 127.0.0.2 is an untrusted client, which is what every client is
 * under the default TRUSTED_PROXIES=none.
 */
const UNTRUSTED = '127.0.0.2';
const FORGED = {
  'x-forwarded-for': '203.0.113.99',
  'x-real-ip': '203.0.113.98',
  forwarded: 'for=203.0.113.97',
  'x-request-id': 'chosen-by-the-client-0001',
};

let acme: ApiOrg;
let globex: ApiOrg;
let owner: ApiUser;

test.beforeAll(async () => {
  acme = await createOrg('proxy-acme');
  globex = await createOrg('proxy-globex');
  owner = await createUser('proxy-owner');
  await addMember(acme, owner, 'owner');
});
test.afterAll(() => closeAdminDb());

const rename = (extra: Partial<ApiRequest>) =>
  send({
    slug: acme.slug,
    method: 'PATCH',
    path: '/api/admin/organizations/current',
    token: owner.token,
    sameOrigin: true,
    body: { name: `Proxy ${crypto.randomBytes(3).toString('hex')}` },
    ...extra,
  });

async function newestAuditEntry(org: ApiOrg) {
  const [row] = await adminDb()<{ request_id: string; ip: string | null }[]>`
    select request_id, host(ip) as ip from public.audit_log where org_id = ${org.id} order by created_at desc, id desc limit 1`;
  return row;
}

test('an untrusted client cannot choose the IP or the request id in the audit log', async () => {
  const response = await rename({ from: UNTRUSTED, headers: FORGED });
  expect(response.status, response.text).toBe(200);
  const serverId = String(response.headers['x-request-id']);
  expect(serverId).toMatch(/^[0-9a-f-]{36}$/);
  expect(await newestAuditEntry(acme)).toEqual({ request_id: serverId, ip: UNTRUSTED });
});

test('a trusted proxy names the client: the rightmost address it did not add itself', async () => {
  const response = await rename({ headers: { ...FORGED, 'x-forwarded-for': 'chosen-by-client, 203.0.113.51' } });
  expect(response.status, response.text).toBe(200);
  expect(await newestAuditEntry(acme)).toEqual({ request_id: String(response.headers['x-request-id']), ip: '203.0.113.51' });
});

test('X-Forwarded-Host from an untrusted client does not choose the tenant; from the trusted proxy it does', async () => {
  const read = (headers: Record<string, string>, from?: string) =>
    send({ slug: acme.slug, method: 'GET', path: '/api/admin/organizations/current', token: owner.token, headers, from });
  const untrusted = await read({ 'x-forwarded-host': hostOf(globex.slug) }, UNTRUSTED);
  expect(untrusted.status, untrusted.text).toBe(200);
  expect((untrusted.json as { data: { slug: string } }).data.slug).toBe(acme.slug);
  const proxied = await read({ 'x-forwarded-host': hostOf(globex.slug) });
  expect(`${proxied.status} ${proxied.text}`).toBe(`404 ${ORG_NOT_FOUND}`);
});

test('a handoff code binds to the host the request really came to', async () => {
  const user = await createUser('handoff');
  const issue = async (host: string) => {
    const code = crypto.randomBytes(32).toString('base64url');
    const hash = crypto.createHash('sha256').update(code).digest('hex');
    await adminDb()`insert into public.handoff_codes (code_hash, user_id, target_host) values (${hash}, ${user.id}, ${host})`;
    return { code, hash };
  };
  const redeem = (code: string, slug: string | null, headers: Record<string, string>, from?: string) =>
    send({ slug, method: 'GET', path: '/auth/handoff', query: { code }, headers, from });
  const usedAt = async (hash: string) => (await adminDb()`select used_at from public.handoff_codes where code_hash = ${hash}`)[0]?.used_at;

  // A code for globex, brought to acme with a forged X-Forwarded-Host naming globex: refused and burnt.
  const forged = await issue(hostOf(globex.slug));
  const refused = await redeem(forged.code, acme.slug, { 'x-forwarded-host': hostOf(globex.slug) }, UNTRUSTED);
  expect(refused.status).toBe(303);
  expect(refused.headers.location).toMatch(new RegExp(`^http://${hostOf(acme.slug).replace(/\./g, '\\.')}/sign-in\\?error=`));
  expect(refused.headers['set-cookie'] ?? []).toEqual([]);
  expect(await usedAt(forged.hash)).not.toBeNull();
  expect((await redeem(forged.code, globex.slug, {}, UNTRUSTED)).headers.location).toMatch(/\/sign-in\?error=/);

  // The control: a code for the host the client really asked for starts a session there.
  const genuine = await issue(hostOf(acme.slug));
  const accepted = await redeem(genuine.code, acme.slug, {}, UNTRUSTED);
  expect(accepted.status).toBe(303);
  expect(accepted.headers.location).toBe(`http://${hostOf(acme.slug)}/`);
  expect(String(accepted.headers['set-cookie'])).toMatch(/sb-[^=]+-auth-token/);

  // Behind the trusted proxy, X-Forwarded-Host is the host the client asked for.
  const proxied = await issue(hostOf(globex.slug));
  const viaProxy = await redeem(proxied.code, null, { 'x-forwarded-host': hostOf(globex.slug) });
  expect(viaProxy.headers.location).toBe(`http://${hostOf(globex.slug)}/`);
});
