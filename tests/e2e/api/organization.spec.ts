import { test } from '@playwright/test';
import { adminDb, createTenant, randomUuid, suffix, useTenants, type ApiUser } from '../support/api-fixtures';
import { send, type ApiRequest } from './client';
import { countedExpect } from './counter';
import { ORG_NOT_FOUND } from './routes';

/**
 * API matrix, part 3: /api/admin/organizations/current. The organization is
 * always the Host's: an `orgId` of another tenant or an unknown one changes
 * nothing and answers the same; a slug change or a deletion takes effect on the
 * very next request (tenant cache invalidated).
 */
const { expect, report } = countedExpect('api organization matrix');
const PATH = '/api/admin/organizations/current';
const { acme, globex } = useTenants(report);

type Call = Omit<ApiRequest, 'slug' | 'token' | 'method' | 'path'>;
const as = (user: ApiUser, method: string, slug: string, extra: Call = {}) =>
  send({ slug, token: user.token, method, path: PATH, sameOrigin: true, ...extra });

async function orgRow(id: string) {
  const [row] = await adminDb()<{ name: string; slug: string }[]>`select name, slug from public.organizations where id = ${id}`;
  return row ?? null;
}

test('GET: the Host decides; an orgId parameter is ignored; non-members get 404', async () => {
  const own = await as(acme.users.viewer, 'GET', acme.org.slug, { query: { orgId: globex.org.id } });
  expect(own.status).toBe(200);
  const { data } = own.json as { data: Record<string, unknown> };
  expect(data).toMatchObject({ id: acme.org.id, slug: acme.org.slug, name: acme.org.name, role: 'viewer' });
  expect(data.permissions).toEqual(['approvals:read', 'members:read', 'org:read', 'projects:read', 'tasks:read', 'templates:read']);
  const foreign = await as(globex.users.owner, 'GET', acme.org.slug);
  expect(foreign.text).toBe(ORG_NOT_FOUND);
});

test("PATCH: renames the Host's organization, whatever orgId says", async () => {
  let name = acme.org.name;
  for (const orgId of [globex.org.id, randomUuid()]) {
    name = `Acme ${suffix()}`;
    const response = await as(acme.users.admin, 'PATCH', acme.org.slug, { body: { name, orgId } });
    expect(response.status).toBe(200);
    expect((response.json as { data: { id: string; name: string } }).data).toMatchObject({ id: acme.org.id, name });
    expect((await orgRow(acme.org.id))?.name).toBe(name);
  }
  expect(await orgRow(globex.org.id)).toEqual({ name: globex.org.name, slug: globex.org.slug });
  // The database audits what changed (the name), not the unchanged slug.
  const [audit] = await adminDb()`select action, after from public.audit_log
    where org_id = ${acme.org.id} and action = 'organization.updated' order by created_at desc limit 1`;
  expect(audit?.after).toEqual({ name });
});

test('PATCH slug: the old host stops resolving and the new one works at once', async () => {
  const tenant = await createTenant('rename');
  const next = `renamed-${suffix()}`;
  // Both hosts are looked up (and cached) first: the change must invalidate both entries.
  expect((await as(tenant.users.owner, 'GET', tenant.org.slug)).status).toBe(200);
  expect((await send({ slug: next, method: 'GET', path: '/' })).text).toContain('Workspace not found');

  const taken = await as(tenant.users.owner, 'PATCH', tenant.org.slug, { body: { slug: globex.org.slug } });
  expect(taken.status).toBe(409);
  const response = await as(tenant.users.owner, 'PATCH', tenant.org.slug, { body: { slug: next.toUpperCase() } });
  expect(response.status).toBe(200);
  expect((response.json as { data: { slug: string } }).data.slug).toBe(next);

  expect((await send({ slug: tenant.org.slug, method: 'GET', path: '/' })).text).toContain('Workspace not found');
  const moved = await as(tenant.users.owner, 'GET', next);
  expect(moved.status).toBe(200);
  expect((moved.json as { data: { id: string } }).data.id).toBe(tenant.org.id);
});

test('DELETE: a foreign or unknown orgId with its own confirmation deletes nothing and answers alike', async () => {
  const foreign = await as(acme.users.owner, 'DELETE', acme.org.slug, { body: { orgId: globex.org.id, confirmation: globex.org.slug } });
  const unknown = await as(acme.users.owner, 'DELETE', acme.org.slug, { body: { orgId: randomUuid(), confirmation: 'no-such-org' } });
  expect(foreign.status).toBe(422);
  expect(foreign.json).toMatchObject({ error: { code: 'validation_failed', message: `Type "${acme.org.slug}" to confirm the deletion.` } });
  expect(unknown.text).toBe(foreign.text);
  expect(await orgRow(globex.org.id)).not.toBeNull();
  expect(await orgRow(acme.org.id)).not.toBeNull();
});

test('DELETE by the owner with the typed slug removes the tenant and all its data; its host stops resolving', async () => {
  const tenant = await createTenant('doomed');
  const unsupported = await as(tenant.users.owner, 'POST', tenant.org.slug, { body: { confirmation: tenant.org.slug } });
  expect(unsupported.status).toBe(405);
  const denied = await as(tenant.users.admin, 'DELETE', tenant.org.slug, { body: { confirmation: tenant.org.slug } });
  expect(denied.status).toBe(403);
  const response = await as(tenant.users.owner, 'DELETE', tenant.org.slug, { body: { confirmation: ` ${tenant.org.slug} ` } });
  expect(response.status).toBe(204);
  expect(response.text).toBe('');
  const sql = adminDb();
  const [counts] = await sql<{ orgs: number; members: number; audit: number }[]>`
    select (select count(*)::int from public.organizations where id = ${tenant.org.id}) as orgs,
           (select count(*)::int from public.memberships where org_id = ${tenant.org.id}) as members,
           (select count(*)::int from public.audit_log where org_id = ${tenant.org.id}) as audit`;
  expect(counts).toEqual({ orgs: 0, members: 0, audit: 0 });
  expect((await send({ slug: tenant.org.slug, method: 'GET', path: '/' })).text).toContain('Workspace not found');
});
