import crypto from 'node:crypto';
import { test } from '@playwright/test';
import { encodeCursor } from '../../../lib/pagination/cursor';
import {
  addMember,
  adminDb,
  countRows,
  createUser,
  randomUuid,
  roleOf,
  useTenants,
  type ApiUser,
} from '../support/api-fixtures';
import { waitForMail } from '../support/mailbox';
import { e2eStack } from '../support/stack';
import { send, type ApiRequest } from './client';
import { countedExpect } from './counter';
import { EMPTY_PAGE, MEMBER_NOT_FOUND } from './routes';

/**
 * API matrix, part 2: the member routes with an id of the caller's own tenant,
 * of another tenant, and one that does not exist (organization: organization.spec.ts,
 * audit: audit.spec.ts). Another tenant's id must answer
 * byte for byte like a nonexistent one; `orgId` from the client is ignored.
 */
const { expect, report } = countedExpect('api id matrix');
const { acme, globex } = useTenants(report);

type Call = Omit<ApiRequest, 'slug' | 'token' | 'method' | 'path'>;
const as = (user: ApiUser, method: string, path: string, extra: Call = {}, tenant = acme) =>
  send({ slug: tenant.org.slug, token: user.token, method, path, sameOrigin: true, ...extra });

async function freshMember(): Promise<ApiUser> {
  const user = await createUser('disposable');
  await addMember(acme.org, user, 'member');
  return user;
}

test('GET /api/admin/users: own members only; a foreign email or cursor key reads like an unknown one', async () => {
  const own = await as(acme.users.admin, 'GET', '/api/admin/users');
  expect(own.status).toBe(200);
  const body = own.json as { data: { userId: string; email: string; role: string }[]; nextCursor: string | null };
  expect(body.data.map((m) => m.email).sort()).toEqual(Object.values(acme.users).map((u) => u.email).sort());
  expect(Object.keys(body.data[0] ?? {}).sort()).toEqual(['email', 'joinedAt', 'lastSignInAt', 'name', 'role', 'userId']);
  expect(body.nextCursor).toBeNull();

  const foreign = await as(acme.users.admin, 'GET', '/api/admin/users', { query: { search: globex.users.member.email } });
  const unknown = await as(acme.users.admin, 'GET', '/api/admin/users', { query: { search: 'nobody-at-all@example.com' } });
  expect(foreign.text).toBe(EMPTY_PAGE);
  expect(unknown.text).toBe(foreign.text);

  const t = '2000-01-01T00:00:00+00:00';
  const foreignKey = await as(acme.users.admin, 'GET', '/api/admin/users', { query: { cursor: encodeCursor({ t, k: globex.users.owner.id }) } });
  const unknownKey = await as(acme.users.admin, 'GET', '/api/admin/users', { query: { cursor: encodeCursor({ t, k: randomUuid() }) } });
  expect(foreignKey.status).toBe(200);
  expect(unknownKey.text).toBe(foreignKey.text);

  const injected = await as(acme.users.admin, 'GET', '/api/admin/users', { query: { orgId: globex.org.id } });
  expect(injected.text).toBe(own.text);
});

test('GET /api/admin/users pages with a cursor, at most `limit` per page', async () => {
  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const query: Record<string, string> = cursor ? { limit: '3', cursor } : { limit: '3' };
    const page = await as(acme.users.viewer, 'GET', '/api/admin/users', { query });
    const body = page.json as { data: { userId: string }[]; nextCursor: string | null };
    expect(body.data.length).toBeLessThanOrEqual(3);
    seen.push(...body.data.map((m) => m.userId));
    cursor = body.nextCursor;
  } while (cursor);
  const rows = await adminDb()<{ user_id: string }[]>`
    select user_id from public.memberships where org_id = ${acme.org.id} order by created_at, user_id`;
  expect(rows.length).toBeGreaterThan(3);
  expect(seen).toEqual(rows.map((r) => r.user_id));
});

test('POST /api/admin/users invites into the own tenant and emails a working link, never returning the token', async () => {
  const email = `Invitee-${crypto.randomBytes(3).toString('hex')}@Example.com`;
  const response = await as(acme.users.admin, 'POST', '/api/admin/users', { body: { email, role: 'member', orgId: globex.org.id } });
  expect(response.status).toBe(201);
  const { data } = response.json as { data: Record<string, unknown> };
  expect(Object.keys(data).sort()).toEqual(['createdAt', 'email', 'expiresAt', 'id', 'invitedBy', 'orgId', 'role', 'sentAt', 'status']);
  expect(data).toMatchObject({ orgId: acme.org.id, email: email.toLowerCase(), role: 'member', status: 'pending', invitedBy: acme.users.admin.id });

  const [row] = await adminDb()<{ org_id: string; token_hash: string }[]>`select org_id, token_hash from public.invitations where id = ${String(data.id)}`;
  expect(row?.org_id).toBe(acme.org.id);
  // The email goes out through the send-invitation-email job, a moment after the response.
  const mail = await waitForMail(email.toLowerCase(), { timeoutMs: 30_000 });
  const link = new RegExp(`^http://${acme.org.slug}\\.${e2eStack().rootDomain.replace('.', '\\.')}/invite/([A-Za-z0-9_-]{43})$`).exec(mail?.action_link ?? '');
  expect(link, mail?.action_link).not.toBeNull();
  const token = link?.[1] ?? '';
  expect(crypto.createHash('sha256').update(token).digest('hex')).toBe(row?.token_hash);
  expect(response.text).not.toContain(token);
  expect(mail?.text).toContain(mail?.action_link ?? '-');
  const [audit] = await adminDb()`select action, actor_id, request_id from public.audit_log where target_id = ${String(data.id)}`;
  expect(audit).toMatchObject({ action: 'invitation.created', actor_id: acme.users.admin.id });
  expect(audit?.request_id).toMatch(/^[0-9a-f-]{36}$/);
});

test("POST /api/admin/users: another tenant's member is invited like any new address; an own member is a conflict", async () => {
  const shape = (r: { status: number; json: unknown }) => {
    const { data } = r.json as { data: Record<string, unknown> };
    return { status: r.status, keys: Object.keys(data).sort(), orgId: data.orgId, role: data.role, status_: data.status };
  };
  const foreign = await as(acme.users.admin, 'POST', '/api/admin/users', { body: { email: globex.users.viewer.email, role: 'viewer' } });
  const unknown = await as(acme.users.admin, 'POST', '/api/admin/users', { body: { email: `new-${randomUuid()}@example.com`, role: 'viewer' } });
  expect(shape(foreign)).toEqual(shape(unknown));
  expect(shape(foreign).orgId).toBe(acme.org.id);
  const own = await as(acme.users.admin, 'POST', '/api/admin/users', { body: { email: acme.users.member.email, role: 'viewer' } });
  expect(own.status).toBe(409);
  expect((own.json as { error: { code: string } }).error.code).toBe('conflict');
  expect(await countRows('invitations', globex.org.id)).toBe(0);
});

test('POST /api/admin/role-bindings: own member changes; foreign and unknown ids get the same 404', async () => {
  const target = await freshMember();
  const own = await as(acme.users.admin, 'POST', '/api/admin/role-bindings', { body: { userId: target.id, role: 'viewer' } });
  expect(own.status).toBe(200);
  expect(own.text).toBe(JSON.stringify({ data: { userId: target.id, role: 'viewer' } }));
  expect(await roleOf(acme.org, target)).toBe('viewer');
  const [audit] = await adminDb()`select before, after from public.audit_log
    where org_id = ${acme.org.id} and action = 'member.role_changed' and target_id = ${target.id}`;
  expect(audit).toMatchObject({ before: { role: 'member' }, after: { role: 'viewer' } });

  const foreign = await as(acme.users.admin, 'POST', '/api/admin/role-bindings', {
    body: { userId: globex.users.member.id, role: 'viewer', orgId: globex.org.id },
  });
  const unknown = await as(acme.users.admin, 'POST', '/api/admin/role-bindings', { body: { userId: randomUuid(), role: 'viewer' } });
  expect(foreign.status).toBe(404);
  expect(foreign.text).toBe(MEMBER_NOT_FOUND);
  expect(unknown.text).toBe(foreign.text);
  expect(await roleOf(globex.org, globex.users.member)).toBe('member');
});

test('DELETE /api/admin/role-bindings: own member leaves (body or query); foreign and unknown ids get the same 404', async () => {
  for (const place of ['body', 'query'] as const) {
    const target = await freshMember();
    const input = place === 'body' ? { body: { userId: target.id } } : { query: { userId: target.id } };
    const own = await as(acme.users.admin, 'DELETE', '/api/admin/role-bindings', input);
    expect(own.status).toBe(204);
    expect(own.text).toBe('');
    expect(await roleOf(acme.org, target)).toBeNull();

    const ids = [globex.users.admin.id, randomUuid()];
    const [foreign, unknown] = await Promise.all(
      ids.map((userId) =>
        as(acme.users.admin, 'DELETE', '/api/admin/role-bindings', place === 'body' ? { body: { userId, orgId: globex.org.id } } : { query: { userId } }),
      ),
    );
    expect(foreign?.status).toBe(404);
    expect(foreign?.text).toBe(MEMBER_NOT_FOUND);
    expect(unknown?.text).toBe(foreign?.text);
  }
  expect(await roleOf(globex.org, globex.users.admin)).toBe('admin');
});
