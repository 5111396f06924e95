import { test } from '@playwright/test';
import { adminDb, randomUuid, useTenants, type ApiUser, type Tenant } from '../support/api-fixtures';
import { send, type ApiRequest } from './client';
import { countedExpect } from './counter';

/**
 * Tasks over the API: the id matrix (another tenant's task answers byte for byte like a
 * missing one, on every task route) and bad input (illegal transitions, assignees from
 * another org, oversized text, wrong types, viewers writing, unknown fields): each gets its
 * 4xx with a message and changes nothing.
 */
const { expect, report } = countedExpect('api tasks');
const { acme, globex } = useTenants(report);

type Call = Omit<ApiRequest, 'slug' | 'token' | 'method' | 'path'>;
const as = (user: ApiUser, method: string, path: string, extra: Call = {}, tenant: Tenant = acme) =>
  send({ slug: tenant.org.slug, token: user.token, method, path, sameOrigin: true, ...extra });

async function newTask(tenant: Tenant, title = 'Ship the intake form'): Promise<string> {
  const res = await as(tenant.users.member, 'POST', '/api/tasks', { body: { title } }, tenant);
  expect(res.status, res.text).toBe(201);
  return (res.json as { data: { id: string } }).data.id;
}

/** Everything a task route could change, as one comparable value. */
async function state(orgId: string) {
  const sql = adminDb();
  const tasks = await sql`select id, title, description, status, priority, assignee_id, due_on::text, labels, rank, updated_at from public.tasks where org_id = ${orgId} order by id`;
  const [counts] = await sql`select (select count(*)::int from public.task_comments where org_id = ${orgId}) as comments,
                                    (select count(*)::int from public.task_activity where org_id = ${orgId}) as activity,
                                    (select count(*)::int from public.task_watchers where org_id = ${orgId}) as watchers`;
  return JSON.parse(JSON.stringify({ tasks, counts }));
}

test("another tenant's task id reads exactly like a missing one, on every task route", async () => {
  const foreign = await newTask(globex);
  const missing = randomUuid();
  const calls: [string, string, Call][] = [
    ['GET', '', {}],
    ['PATCH', '', { body: { title: 'Taken over' } }],
    ['DELETE', '', {}],
    ['POST', '/transitions', { body: { to: 'in_progress' } }],
    ['POST', '/comments', { body: { body: 'Hello from acme' } }],
    ['POST', '/watching', { body: { watching: true } }],
  ];
  const before = await state(globex.org.id);
  for (const [method, tail, extra] of calls) {
    const a = await as(acme.users.owner, method, `/api/tasks/${foreign}${tail}`, extra);
    const b = await as(acme.users.owner, method, `/api/tasks/${missing}${tail}`, extra);
    expect(a.status, `${method} ${tail}`).toBe(404);
    expect(a.text, `${method} ${tail}`).toBe(b.text);
  }
  const list = await as(acme.users.owner, 'GET', '/api/tasks');
  expect((list.json as { data: { id: string }[] }).data.map((t) => t.id)).not.toContain(foreign);
  expect(await state(globex.org.id)).toEqual(before);
});

test('bad task requests get their 4xx with a message and change nothing', async () => {
  const id = await newTask(acme);
  const done = await newTask(acme, 'Already reviewed');
  for (const to of ['in_progress', 'in_review', 'done']) {
    expect((await as(acme.users.member, 'POST', `/api/tasks/${done}/transitions`, { body: { to } })).status).toBe(200);
  }
  const before = await state(acme.org.id);
  const T = `/api/tasks/${id}`;
  const { member, viewer, admin } = acme.users;
  const cases: [string, number, ApiUser, string, string, Call][] = [
    ['illegal move todo → done', 409, member, 'POST', `${T}/transitions`, { body: { to: 'done' } }],
    ['illegal move todo → in_review', 409, member, 'POST', `${T}/transitions`, { body: { to: 'in_review' } }],
    ['illegal move done → cancelled', 409, member, 'POST', `/api/tasks/${done}/transitions`, { body: { to: 'cancelled' } }],
    ['move to an unknown status', 422, member, 'POST', `${T}/transitions`, { body: { to: 'shipped' } }],
    ['move with status as a number', 422, member, 'POST', `${T}/transitions`, { body: { to: 3 } }],
    ['move after itself', 422, member, 'POST', `${T}/transitions`, { body: { to: 'todo', afterId: id } }],
    ['move after a card in another column', 422, member, 'POST', `${T}/transitions`, { body: { to: 'in_progress', afterId: done } }],
    ['move by a viewer', 403, viewer, 'POST', `${T}/transitions`, { body: { to: 'in_progress' } }],
    ['create: viewer', 403, viewer, 'POST', '/api/tasks', { body: { title: 'No' } }],
    ['create: no title', 422, member, 'POST', '/api/tasks', { body: { description: 'x' } }],
    ['create: blank title', 422, member, 'POST', '/api/tasks', { body: { title: '   ' } }],
    ['create: title 201 characters', 422, member, 'POST', '/api/tasks', { body: { title: 't'.repeat(201) } }],
    ['create: title is an object', 422, member, 'POST', '/api/tasks', { body: { title: { $ne: null } } }],
    ['create: description 10,001 characters', 422, member, 'POST', '/api/tasks', { body: { title: 'x', description: 'd'.repeat(10_001) } }],
    ['create: status done', 422, member, 'POST', '/api/tasks', { body: { title: 'x', status: 'done' } }],
    ['create: unknown priority', 422, member, 'POST', '/api/tasks', { body: { title: 'x', priority: 'asap' } }],
    ['create: assignee from another org', 422, member, 'POST', '/api/tasks', { body: { title: 'x', assigneeId: globex.users.member.id } }],
    ['create: assignee not an id', 422, member, 'POST', '/api/tasks', { body: { title: 'x', assigneeId: 'bob' } }],
    ['create: due date not a date', 422, member, 'POST', '/api/tasks', { body: { title: 'x', dueOn: 'tomorrow' } }],
    ['create: due date 2026-02-30', 422, member, 'POST', '/api/tasks', { body: { title: 'x', dueOn: '2026-02-30' } }],
    ['create: 11 labels', 422, member, 'POST', '/api/tasks', { body: { title: 'x', labels: Array.from({ length: 11 }, (_, i) => `l${i}`) } }],
    ['create: label with markup', 422, member, 'POST', '/api/tasks', { body: { title: 'x', labels: ['<b>x</b>'] } }],
    ['create: labels as a string', 422, member, 'POST', '/api/tasks', { body: { title: 'x', labels: 'a,b' } }],
    ['update: nothing to change', 422, member, 'PATCH', T, { body: {} }],
    ['update: status through PATCH', 422, member, 'PATCH', T, { body: { status: 'done' } }],
    ['update: unknown field', 422, member, 'PATCH', T, { body: { orgId: globex.org.id, title: 'x', rank: 1 } }],
    ['update: assignee from another org', 422, member, 'PATCH', T, { body: { assigneeId: globex.users.owner.id } }],
    ['update: by a viewer', 403, viewer, 'PATCH', T, { body: { title: 'Viewer edit' } }],
    ['update: title too long', 422, member, 'PATCH', T, { body: { title: 'x'.repeat(201) } }],
    ['update: malformed id in the path (like a missing task)', 404, member, 'PATCH', '/api/tasks/not-an-id', { body: { title: 'x' } }],
    ['delete: by a member', 403, member, 'DELETE', T, {}],
    ['delete: bad id', 404, admin, 'DELETE', '/api/tasks/123', {}],
    ['comment: empty', 422, member, 'POST', `${T}/comments`, { body: { body: '  ' } }],
    ['comment: 5,001 characters', 422, member, 'POST', `${T}/comments`, { body: { body: 'c'.repeat(5001) } }],
    ['comment: body as an array', 422, member, 'POST', `${T}/comments`, { body: { body: ['hi'] } }],
    ['comment: by a viewer', 403, viewer, 'POST', `${T}/comments`, { body: { body: 'Viewer says hi' } }],
    ['watching: not a boolean', 422, member, 'POST', `${T}/watching`, { body: { watching: 'yes' } }],
    ['list: unknown status', 422, member, 'GET', '/api/tasks', { query: { status: 'open' } }],
    ['list: assignee not an id', 422, member, 'GET', '/api/tasks', { query: { assignee: 'me' } }],
    ['list: unknown due filter', 422, member, 'GET', '/api/tasks', { query: { due: 'later' } }],
    ['list: limit 1000', 422, member, 'GET', '/api/tasks', { query: { limit: '1000' } }],
    ['list: cursor garbage', 422, member, 'GET', '/api/tasks', { query: { cursor: 'not-a-cursor' } }],
    ['list: search 101 characters', 422, member, 'GET', '/api/tasks', { query: { search: 's'.repeat(101) } }],
  ];
  console.log(`[api tasks] ${cases.length} bad requests`);
  for (const [name, status, user, method, path, extra] of cases) {
    const res = await as(user, method, path, extra);
    expect(res.status, `${name}: ${res.text.slice(0, 200)}`).toBe(status);
    expect(typeof (res.json as { error?: { message?: unknown } }).error?.message, name).toBe('string');
  }
  expect(await state(acme.org.id)).toEqual(before);
});
