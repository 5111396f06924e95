import { test } from '@playwright/test';
import { addMember, createTenant, createUser, snapshot, useTenants, type Tenant } from '../support/api-fixtures';
import { hostOf, originOf, send, type ApiRequest } from './client';
import { countedExpect } from './counter';
import { CROSS_ORIGIN, ROUTES, type RouteCase } from './routes';

/**
 * CSRF: every mutating route refuses a request whose Origin is not the tenant
 * host itself (another site, the apex, a sibling tenant, `null`), or whose
 * Sec-Fetch-Site says cross-site / same-site, before doing anything; the same
 * origin is accepted. Safe methods are not blocked, and no CORS header lets
 * another origin read the answer.
 */
const { expect, report } = countedExpect('api origin check');
const { acme, globex } = useTenants(report);

const mutating = ROUTES.filter((route) => route.mutating);

function foreignHeaders(): Record<string, string>[] {
  return [
    { origin: 'http://evil.example' },
    { origin: 'https://evil.example' },
    { origin: originOf(null) },
    { origin: originOf(globex.org.slug) },
    { origin: `${originOf(acme.org.slug)}.evil.example` },
    { origin: 'null' },
    { origin: 'not a url' },
    { origin: originOf(acme.org.slug), 'x-forwarded-host': hostOf(globex.org.slug) },
    { 'sec-fetch-site': 'cross-site' },
    { 'sec-fetch-site': 'same-site' },
  ];
}

const request = (route: RouteCase, tenant: Tenant, userId: string, headers: Record<string, string>, sameOrigin = false): ApiRequest => ({
  slug: tenant.org.slug,
  method: route.method,
  path: route.path,
  token: tenant.users.owner.token,
  headers,
  sameOrigin,
  ...route.input({ userId, slug: tenant.org.slug }),
});

test('mutating routes refuse foreign origins with 403 and change nothing (signed in or not)', async () => {
  const target = await createUser('csrf-target');
  await addMember(acme.org, target, 'member');
  const before = await snapshot([acme.org.id, globex.org.id]);
  for (const route of mutating) {
    for (const headers of foreignHeaders()) {
      const label = `${route.method} ${route.path} ${JSON.stringify(headers)}`;
      const response = await send(request(route, acme, target.id, headers));
      expect(response.status, label).toBe(403);
      expect(response.text, label).toBe(CROSS_ORIGIN);
      const signedOut = await send({ ...request(route, acme, target.id, headers), token: undefined });
      expect(signedOut.status, `${label} signed out`).toBe(403);
    }
  }
  expect(await snapshot([acme.org.id, globex.org.id])).toEqual(before);
});

test('the same origin is accepted on every mutating route', async () => {
  for (const route of mutating) {
    // Each route gets its own tenant and target, so the deletion does not affect the others.
    const tenant = route.name === 'delete organization' ? await createTenant('csrf-ok') : acme;
    const target = await createUser('csrf-ok');
    await addMember(tenant.org, target, 'member');
    const sameOrigin = await send(request(route, tenant, target.id, { 'sec-fetch-site': 'same-origin' }, true));
    if (route.namesNoRow) expect(sameOrigin.status, `${route.method} ${route.path}: ${sameOrigin.text}`).toBe(404);
    else expect(sameOrigin.status, `${route.method} ${route.path}: ${sameOrigin.text}`).toBeLessThan(300);
  }
  // Clients that are not browsers send neither header (curl, server to server with a bearer token).
  const noHeaders = await send(request(mutating[0]!, acme, acme.users.member.id, {}));
  expect(noHeaders.status).toBe(201);
});

test('safe methods are not blocked, and no CORS header lets another origin read them', async () => {
  for (const route of ROUTES.filter((r) => !r.mutating)) {
    const response = await send(request(route, acme, acme.users.member.id, { origin: 'http://evil.example', 'sec-fetch-site': 'cross-site' }));
    expect(response.status, route.path).toBe(route.namesNoRow ? 404 : 200);
    expect(response.headers['access-control-allow-origin'], route.path).toBeUndefined();
    const preflight = await send({ slug: acme.org.slug, method: 'OPTIONS', path: route.path, headers: { origin: 'http://evil.example', 'access-control-request-method': 'POST' } });
    expect(preflight.headers['access-control-allow-origin'], `${route.path} preflight`).toBeUndefined();
  }
});
