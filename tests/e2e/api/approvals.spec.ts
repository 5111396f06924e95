import { expect as playwrightExpect, test } from '@playwright/test';
import { adminDb, createUser, addMember, randomUuid, roleOf, useTenants, type ApiUser, type Tenant } from '../support/api-fixtures';
import { send, type ApiRequest } from './client';
import { countedExpect } from './counter';

/**
 * Approvals over the API: the id matrix (another tenant's request answers byte for byte like a
 * missing one) and bad input (non-approvers, double decisions, decisions after expiry,
 * self-approval, wrong types, oversized text): each gets its 4xx and changes nothing.
 */
const { expect, report } = countedExpect('api approvals');
const { acme, globex } = useTenants(report);

type Call = Omit<ApiRequest, 'slug' | 'token' | 'method' | 'path'>;
const as = (user: ApiUser, method: string, path: string, extra: Call = {}, tenant: Tenant = acme) =>
  send({ slug: tenant.org.slug, token: user.token, method, path, sameOrigin: true, ...extra });

async function ask(tenant: Tenant, by: ApiUser, subject = 'Sign off the budget'): Promise<string> {
  const res = await as(by, 'POST', '/api/approvals', { body: { type: 'custom', subject, payload: { details: 'details' } } }, tenant);
  expect(res.status, res.text).toBe(201);
  return (res.json as { data: { id: string } }).data.id;
}

async function state(id: string) {
  const sql = adminDb();
  const [r] = await sql`select status, updated_at from public.approval_requests where id = ${id}`;
  const decisions = await sql`select approver_id, decision from public.approval_decisions where request_id = ${id} order by approver_id`;
  return JSON.parse(JSON.stringify({ r, decisions }));
}

test.beforeAll(async () => {
  // Two approvals needed, so one decision leaves the request pending.
  const res = await as(acme.users.owner, 'PUT', '/api/approvals/policies', {
    body: { type: 'custom', required: true, approverRole: 'admin', quorum: 2, expiryHours: 72 },
  });
  expect(res.status, res.text).toBe(200);
});

test("another tenant's request id reads exactly like a missing one, on every approval route", async () => {
  const foreign = await ask(globex, globex.users.member);
  const missing = randomUuid();
  const calls: [string, string, Call][] = [
    ['GET', '', {}],
    ['POST', '/decisions', { body: { decision: 'approve' } }],
    ['POST', '/cancel', { body: {} }],
  ];
  for (const [method, tail, extra] of calls) {
    const a = await as(acme.users.owner, method, `/api/approvals/${foreign}${tail}`, extra);
    const b = await as(acme.users.owner, method, `/api/approvals/${missing}${tail}`, extra);
    const c = await as(acme.users.owner, method, `/api/approvals/not-an-id${tail}`, extra);
    expect(a.status, `${method} ${tail}`).toBe(404);
    expect(a.text).toBe(b.text);
    expect(c.text).toBe(b.text);
  }
  const list = await as(acme.users.owner, 'GET', '/api/approvals', { query: { filter: 'all' } });
  expect((list.json as { data: { id: string }[] }).data.map((r) => r.id)).not.toContain(foreign);
  expect(await state(foreign)).toMatchObject({ r: { status: 'pending' }, decisions: [] });
});

test('bad decisions, cancels and inputs get their 4xx and change nothing', async () => {
  const id = await ask(acme, acme.users.member);
  const first = await as(acme.users.admin, 'POST', `/api/approvals/${id}/decisions`, { body: { decision: 'approve', reason: 'ok' } });
  expect(first.status, first.text).toBe(201);
  const cancelled = await ask(acme, acme.users.member, 'To be cancelled');
  expect((await as(acme.users.member, 'POST', `/api/approvals/${cancelled}/cancel`, { body: { reason: 'no longer needed' } })).status).toBe(200);
  const expired = await ask(acme, acme.users.member, 'Will expire');
  await adminDb().begin(async (tx) => {
    await tx`set local session_replication_role = replica`;
    await tx`update public.approval_requests set expires_at = now() - interval '1 minute' where id = ${expired}`;
  });
  // The expiry job (sleeping until expires_at) closes it without anyone opening a page.
  await playwrightExpect.poll(async () => (await state(expired)).r.status, { timeout: 20_000 }).toBe('expired');
  const before = await Promise.all([id, cancelled, expired].map(state));

  const D = (rid: string) => `/api/approvals/${rid}/decisions`;
  const cases: [string, number, ApiUser, string, string, Call][] = [
    ['decision by the requester (self-approval)', 403, acme.users.member, 'POST', D(id), { body: { decision: 'approve' } }],
    ['decision by a viewer', 403, acme.users.viewer, 'POST', D(id), { body: { decision: 'approve' } }],
    ['decision by another tenant’s admin', 404, globex.users.admin, 'POST', D(id), { body: { decision: 'approve' } }],
    ['second decision by the same approver', 409, acme.users.admin, 'POST', D(id), { body: { decision: 'reject' } }],
    ['decision on a cancelled request', 409, acme.users.owner, 'POST', D(cancelled), { body: { decision: 'approve' } }],
    ['decision after expiry', 409, acme.users.owner, 'POST', D(expired), { body: { decision: 'approve' } }],
    ['decision maybe', 422, acme.users.owner, 'POST', D(id), { body: { decision: 'maybe' } }],
    ['decision as a number', 422, acme.users.owner, 'POST', D(id), { body: { decision: 1 } }],
    ['decision missing', 422, acme.users.owner, 'POST', D(id), { body: { reason: 'why' } }],
    ['reason 1001 characters', 422, acme.users.owner, 'POST', D(id), { body: { decision: 'approve', reason: 'r'.repeat(1001) } }],
    ['reason as an array', 422, acme.users.owner, 'POST', D(id), { body: { decision: 'approve', reason: ['a'] } }],
    ['cancel by a viewer', 403, acme.users.viewer, 'POST', `/api/approvals/${id}/cancel`, { body: {} }],
    ['cancel twice', 409, acme.users.member, 'POST', `/api/approvals/${cancelled}/cancel`, { body: {} }],
    ['ask: viewer', 403, acme.users.viewer, 'POST', '/api/approvals', { body: { type: 'custom', subject: 'x' } }],
    ['ask: role change through the generic route', 422, acme.users.admin, 'POST', '/api/approvals', { body: { type: 'user_role_change', payload: {} } }],
    ['ask: unknown type', 422, acme.users.member, 'POST', '/api/approvals', { body: { type: 'Deploy!', subject: 'x' } }],
    ['ask: no subject', 422, acme.users.member, 'POST', '/api/approvals', { body: { type: 'custom' } }],
    ['ask: subject 201 characters', 422, acme.users.member, 'POST', '/api/approvals', { body: { type: 'custom', subject: 's'.repeat(201) } }],
    ['ask: subject is a number', 422, acme.users.member, 'POST', '/api/approvals', { body: { type: 'custom', subject: 7 } }],
    ['ask: payload is an array', 422, acme.users.member, 'POST', '/api/approvals', { body: { type: 'custom', subject: 'x', payload: [] } }],
    ['ask: details 5001 characters', 422, acme.users.member, 'POST', '/api/approvals', { body: { type: 'custom', subject: 'x', payload: { details: 'd'.repeat(5001) } } }],
    ['policy: member', 403, acme.users.member, 'PUT', '/api/approvals/policies', { body: { type: 'custom', required: true, approverRole: 'admin', quorum: 1, expiryHours: 1 } }],
    ['policy: quorum 0', 422, acme.users.owner, 'PUT', '/api/approvals/policies', { body: { type: 'custom', required: true, approverRole: 'admin', quorum: 0, expiryHours: 1 } }],
    ['policy: expiry 721 hours', 422, acme.users.owner, 'PUT', '/api/approvals/policies', { body: { type: 'custom', required: true, approverRole: 'admin', quorum: 1, expiryHours: 721 } }],
    ['policy: role and names', 422, acme.users.owner, 'PUT', '/api/approvals/policies', { body: { type: 'custom', required: true, approverRole: 'admin', approverIds: [acme.users.admin.id], quorum: 1, expiryHours: 1 } }],
    ['policy: approver role member', 422, acme.users.owner, 'PUT', '/api/approvals/policies', { body: { type: 'custom', required: true, approverRole: 'member', quorum: 1, expiryHours: 1 } }],
    ['policy: another tenant’s user', 422, acme.users.owner, 'PUT', '/api/approvals/policies', { body: { type: 'custom', required: true, approverIds: [globex.users.admin.id], quorum: 1, expiryHours: 1 } }],
    ['policy: unknown type', 422, acme.users.owner, 'PUT', '/api/approvals/policies', { body: { type: 'rocket_launch', required: true, approverRole: 'admin', quorum: 1, expiryHours: 1 } }],
    ['policy: required as a string', 422, acme.users.owner, 'PUT', '/api/approvals/policies', { body: { type: 'custom', required: 'yes', approverRole: 'admin', quorum: 1, expiryHours: 1 } }],
    ['list: unknown filter', 422, acme.users.member, 'GET', '/api/approvals', { query: { filter: 'everything' } }],
    ['list: unknown status', 422, acme.users.member, 'GET', '/api/approvals', { query: { status: 'open' } }],
    ['list: limit 0', 422, acme.users.member, 'GET', '/api/approvals', { query: { limit: '0' } }],
    ['list: cursor garbage', 422, acme.users.member, 'GET', '/api/approvals', { query: { cursor: '%%%' } }],
  ];
  expect(cases.length).toBeGreaterThanOrEqual(20);
  console.log(`[api approvals] ${cases.length} bad requests`);
  for (const [name, status, user, method, path, extra] of cases) {
    const res = await as(user, method, path, extra);
    expect(res.status, `${name}: ${res.text.slice(0, 200)}`).toBe(status);
    expect(typeof (res.json as { error?: { message?: unknown } }).error?.message, name).toBe('string');
  }
  expect(await Promise.all([id, cancelled, expired].map(state))).toEqual(before);
  const policies = await as(acme.users.member, 'GET', '/api/approvals/policies');
  expect((policies.json as { data: { type: string; quorum: number }[] }).data.find((p) => p.type === 'custom')?.quorum).toBe(2);
});

test('a role change the policy holds answers 202 with the request and applies on approval', async () => {
  const target = await createUser('promote');
  await addMember(acme.org, target, 'member');
  const policy = await as(acme.users.owner, 'PUT', '/api/approvals/policies', {
    body: { type: 'user_role_change', required: true, approverRole: 'admin', quorum: 1, expiryHours: 24 },
  });
  expect(policy.status).toBe(200);
  const held = await as(acme.users.admin, 'POST', '/api/admin/role-bindings', { body: { userId: target.id, role: 'admin' } });
  expect(held.status, held.text).toBe(202);
  const request = (held.json as { data: { approvalRequest: { id: string; status: string; approvers: string[] } } }).data.approvalRequest;
  expect(request.status).toBe('pending');
  expect(request.approvers).toEqual([acme.users.owner.id]);
  expect(await roleOf(acme.org, target)).toBe('member');
  const self = await as(acme.users.admin, 'POST', `/api/approvals/${request.id}/decisions`, { body: { decision: 'approve' } });
  expect(self.status).toBe(403);
  const approved = await as(acme.users.owner, 'POST', `/api/approvals/${request.id}/decisions`, { body: { decision: 'approve' } });
  expect(approved.status, approved.text).toBe(201);
  expect(await roleOf(acme.org, target)).toBe('admin');
  // Lowering a role is never held.
  const lowered = await as(acme.users.admin, 'POST', '/api/admin/role-bindings', { body: { userId: target.id, role: 'viewer' } });
  expect(lowered.status).toBe(200);
  await as(acme.users.owner, 'PUT', '/api/approvals/policies', {
    body: { type: 'user_role_change', required: false, approverRole: 'admin', quorum: 1, expiryHours: 72 },
  });
});
