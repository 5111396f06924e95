import { test } from '@playwright/test';
import { addAuditEntry, adminDb, countRows, randomUuid, useTenants, type ApiUser } from '../support/api-fixtures';
import { send, type ApiRequest } from './client';
import { countedExpect } from './counter';
import { EMPTY_PAGE } from './routes';

/**
 * API matrix, part 4: /api/audit. Only the Host's entries, whatever orgId says;
 * another tenant's actor filters like an unknown one; filters and pages are exact.
 */
const { expect, report } = countedExpect('api audit matrix');
const { acme, globex } = useTenants(report);
let globexEntry: string;

test.beforeAll(async () => {
  globexEntry = await addAuditEntry(globex.org, globex.users.owner, 'member.role_changed');
  for (const action of ['member.role_changed', 'invitation.created', 'member.removed']) await addAuditEntry(acme.org, acme.users.admin, action);
  await addAuditEntry(acme.org, acme.users.owner, 'organization.updated');
});

type Call = Omit<ApiRequest, 'slug' | 'token' | 'method' | 'path'>;
const as = (user: ApiUser, method: string, path: string, extra: Call = {}) =>
  send({ slug: acme.org.slug, token: user.token, method, path, sameOrigin: true, ...extra });

test("GET /api/audit: own entries only; a foreign actor reads like an unknown one", async () => {
  const own = await as(acme.users.admin, 'GET', '/api/audit', { query: { orgId: globex.org.id } });
  expect(own.status).toBe(200);
  const entries = (own.json as { data: { id: string; actorId: string }[] }).data;
  expect(entries.length).toBeGreaterThan(0);
  expect(entries.map((e) => e.id)).not.toContain(globexEntry);
  expect(entries.length).toBe(Math.min(await countRows('audit_log', acme.org.id), 50));

  const byAdmin = await as(acme.users.admin, 'GET', '/api/audit', { query: { actor: acme.users.admin.id } });
  const admins = (byAdmin.json as { data: { id: string }[] }).data;
  const adminRows = await adminDb()<{ id: string }[]>`select id from public.audit_log
    where org_id = ${acme.org.id} and actor_id = ${acme.users.admin.id} order by created_at desc, id desc`;
  expect(adminRows.length).toBe(3);
  expect(admins.map((e) => e.id)).toEqual(adminRows.map((r) => r.id));

  const foreign = await as(acme.users.admin, 'GET', '/api/audit', { query: { actor: globex.users.owner.id } });
  const unknown = await as(acme.users.admin, 'GET', '/api/audit', { query: { actor: randomUuid() } });
  expect(foreign.text).toBe(EMPTY_PAGE);
  expect(unknown.text).toBe(foreign.text);

  const future = await as(acme.users.admin, 'GET', '/api/audit', { query: { from: '2999-01-01' } });
  expect(future.text).toBe(EMPTY_PAGE);
  const today = new Date().toISOString().slice(0, 10);
  const byDay = await as(acme.users.admin, 'GET', '/api/audit', { query: { from: today, to: today, action: 'member.role_changed' } });
  const day = (byDay.json as { data: { action: string; actorId: string }[] }).data;
  expect(day.map((e) => [e.action, e.actorId])).toEqual([['member.role_changed', acme.users.admin.id]]);
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const before = await as(acme.users.admin, 'GET', '/api/audit', { query: { to: yesterday } });
  expect(before.text).toBe(EMPTY_PAGE);
});

test('GET /api/audit pages newest first through every own entry exactly once', async () => {
  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const query: Record<string, string> = cursor ? { limit: '2', cursor } : { limit: '2' };
    const page = await as(acme.users.owner, 'GET', '/api/audit', { query });
    expect(page.status).toBe(200);
    const body = page.json as { data: { id: string }[]; nextCursor: string | null };
    expect(body.data.length).toBeLessThanOrEqual(2);
    seen.push(...body.data.map((e) => e.id));
    cursor = body.nextCursor;
  } while (cursor);
  const rows = await adminDb()<{ id: string }[]>`
    select id from public.audit_log where org_id = ${acme.org.id} order by created_at desc, id desc`;
  expect(seen).toEqual(rows.map((r) => r.id));
});
