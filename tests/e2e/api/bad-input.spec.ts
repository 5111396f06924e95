import crypto from 'node:crypto';
import { test } from '@playwright/test';
import { snapshot, useTenants } from '../support/api-fixtures';
import { e2eStack } from '../support/stack';
import { send } from './client';
import { countedExpect } from './counter';
import { badCases } from './bad-input-cases';
import { EMPTY_PAGE } from './routes';

/**
 * Bad input: every malformed request gets the exact 4xx it deserves (never a
 * 5xx), as a `{ error: { code, message } }` body without internals, and the data
 * (organizations, memberships, invitations, audit log, mailbox) is unchanged.
 */
const { expect, report } = countedExpect('api bad input');
const { acme, globex } = useTenants(report);

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Tokens an attacker could make: unsigned, signed with the well-known local HS256 secret, or a real one edited. */
function forgedTokens() {
  const now = Math.floor(Date.now() / 1000);
  const claims = {
    iss: `${e2eStack().authUrl}/auth/v1`,
    sub: acme.users.owner.id,
    aud: 'authenticated',
    role: 'authenticated',
    email: acme.users.owner.email,
    iat: now,
    exp: now + 3600,
  };
  const hsInput = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims)}`;
  const hsSignature = crypto.createHmac('sha256', 'super-secret-jwt-token-with-at-least-32-characters-long').update(hsInput).digest('base64url');
  const [header, payload, signature] = acme.users.viewer.token.split('.');
  const edited = { ...JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()), sub: acme.users.owner.id };
  return {
    forgedNone: `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`,
    defaultSecret: `${hsInput}.${hsSignature}`,
    tampered: `${header}.${b64(edited)}.${signature}`,
  };
}

const internals = /node_modules|\bat [\w.<>]+ \(|\.tsx?:\d+|postgres|syntax error|stack/i;

test('malformed requests get their 4xx, never a 5xx, and change nothing', async () => {
  const cases = badCases(acme.org.slug, globex.org.slug, forgedTokens());
  expect(cases.length).toBeGreaterThanOrEqual(50);
  console.log(`[api bad input] ${cases.length} malformed requests`);
  const before = await snapshot([acme.org.id, globex.org.id]);
  for (const { name, as, request, status } of cases) {
    const response = await send({ slug: acme.org.slug, token: acme.users[as].token, sameOrigin: true, ...request });
    expect(response.status, `${name}: ${response.text.slice(0, 200)}`).toBe(status);
    if (status === 405) continue; // answered by Next.js itself, before any route code
    const error = (response.json as { error?: { code?: unknown; message?: unknown } } | null)?.error;
    expect(typeof error?.code, name).toBe('string');
    expect(typeof error?.message, name).toBe('string');
    expect(response.text, name).not.toMatch(internals);
  }
  expect(await snapshot([acme.org.id, globex.org.id])).toEqual(before);
});

test('hostile but well-formed searches are plain text: no injection, no wildcards', async () => {
  const before = await snapshot([acme.org.id, globex.org.id]);
  const searches = ["' or 1=1 --", '%', '_', '\\', '%@%', "'); delete from public.memberships; --", 'José 🚀 عربى', globex.users.owner.email];
  for (const search of searches) {
    const response = await send({ slug: acme.org.slug, token: acme.users.admin.token, method: 'GET', path: '/api/admin/users', query: { search } });
    expect(response.status, search).toBe(200);
    expect(response.text, search).toBe(EMPTY_PAGE);
  }
  const positive = await send({
    slug: acme.org.slug,
    token: acme.users.admin.token,
    method: 'GET',
    path: '/api/admin/users',
    query: { search: acme.users.admin.email.slice(0, 8) },
  });
  expect((positive.json as { data: { email: string }[] }).data.map((m) => m.email)).toEqual([acme.users.admin.email]);
  expect(await snapshot([acme.org.id, globex.org.id])).toEqual(before);
});
