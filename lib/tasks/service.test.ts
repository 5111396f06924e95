import { afterAll, describe, expect, it } from 'vitest';
import { closeSql, withRls } from '@/lib/db';
import { adminSql } from '@/tests/setup/admin-sql';
import { createOrgWithRoles, testContext } from '@/tests/setup/fixtures';
import { getTaskDetail } from './detail';
import { getBoard, listTasks } from './queries';
import { addComment, createTask, deleteTask, setWatching, transitionTask, updateTask } from './service';

const admin = adminSql();
afterAll(async () => {
  await closeSql();
  await admin.end();
});
const ctx = testContext();

describe('tasks', () => {
  it('creates, assigns, moves and comments, with the history and audit written in the same transaction', async () => {
    const w = await createOrgWithRoles(admin);
    const orgId = w.org.id;
    const task = await withRls(w.member.claims, (tx) =>
      createTask(tx, { orgId, title: '  Ship the intake form ', priority: 'high', labels: ['Intake', 'intake', 'forms'], dueOn: '2030-01-31' }), { context: ctx });
    expect(task).toMatchObject({ title: 'Ship the intake form', status: 'todo', priority: 'high', labels: ['intake', 'forms'], dueOn: '2030-01-31' });
    await withRls(w.member.claims, (tx) => updateTask(tx, { orgId, taskId: task.id, assigneeId: w.admin.id }));
    await withRls(w.admin.claims, (tx) => transitionTask(tx, { orgId, taskId: task.id, to: 'in_progress' }));
    await withRls(w.admin.claims, (tx) => addComment(tx, { orgId, taskId: task.id, body: 'On it.' }));

    const detail = await withRls(w.admin.claims, (tx) => getTaskDetail(tx, { orgId, taskId: task.id }));
    expect(detail.task).toMatchObject({ status: 'in_progress', assignee: { id: w.admin.id }, commentCount: 1 });
    expect(detail.comments.map((c) => [c.author?.id, c.body])).toEqual([[w.admin.id, 'On it.']]);
    expect(detail.activity.map((a) => [a.actor?.id, a.field, a.from, a.to])).toEqual([
      [w.member.id, 'created', null, { title: 'Ship the intake form', status: 'todo' }],
      [w.member.id, 'assignee', null, w.admin.id],
      [w.admin.id, 'status', 'todo', 'in_progress'],
      [w.admin.id, 'comment', null, { comment_id: detail.comments[0]!.id }],
    ]);
    expect(detail.activity[1]).toMatchObject({ toPerson: { id: w.admin.id } });
    expect(detail.watchers.map((p) => p.id).sort()).toEqual([w.member.id, w.admin.id].sort());
    const audit = await admin<{ action: string; request_id: string | null }[]>`
      select action, request_id from public.audit_log where org_id = ${orgId} and target_type = 'task' order by created_at`;
    expect(audit.map((a) => a.action)).toEqual(['task.created', 'task.updated', 'task.updated', 'task.commented']);
    expect(audit[0]?.request_id).toBe(ctx.requestId);
  });

  it('refuses an illegal move with the allowed ones, and changes nothing', async () => {
    const w = await createOrgWithRoles(admin);
    const task = await withRls(w.member.claims, (tx) => createTask(tx, { orgId: w.org.id, title: 'Review' }));
    await expect(withRls(w.member.claims, (tx) => transitionTask(tx, { orgId: w.org.id, taskId: task.id, to: 'done' })))
      .rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('From To do it can go to In progress, Blocked, Cancelled') });
    const [row] = await admin`select status from public.tasks where id = ${task.id}`;
    expect(row?.status).toBe('todo');
  });

  it('keeps viewers reading, assignment to members with tasks:assign, and other orgs out', async () => {
    const w = await createOrgWithRoles(admin);
    const other = await createOrgWithRoles(admin);
    const orgId = w.org.id;
    await expect(withRls(w.viewer.claims, (tx) => createTask(tx, { orgId, title: 'No' }))).rejects.toMatchObject({ code: 'forbidden' });
    const task = await withRls(w.member.claims, (tx) => createTask(tx, { orgId, title: 'Mine' }));
    await expect(withRls(w.viewer.claims, (tx) => transitionTask(tx, { orgId, taskId: task.id, to: 'in_progress' }))).rejects.toMatchObject({ code: 'forbidden' });
    await expect(withRls(w.member.claims, (tx) => updateTask(tx, { orgId, taskId: task.id, assigneeId: other.owner.id })))
      .rejects.toMatchObject({ code: 'validation_failed', details: { field: 'assigneeId' } });
    await expect(withRls(w.member.claims, (tx) => deleteTask(tx, { orgId, taskId: task.id }))).rejects.toMatchObject({ code: 'forbidden' });
    // Another organization's task answers exactly like a missing one.
    await expect(withRls(other.owner.claims, (tx) => getTaskDetail(tx, { orgId: other.org.id, taskId: task.id }))).rejects.toMatchObject({ code: 'not_found', message: 'Task not found.' });
    await expect(withRls(other.owner.claims, (tx) => addComment(tx, { orgId: other.org.id, taskId: task.id, body: 'x' }))).rejects.toMatchObject({ code: 'not_found' });
    expect(await withRls(w.viewer.claims, (tx) => listTasks(tx, { orgId }))).toMatchObject({ items: [{ id: task.id }] });
    await withRls(w.viewer.claims, (tx) => setWatching(tx, { orgId, taskId: task.id, watching: true }));
    await withRls(w.admin.claims, (tx) => deleteTask(tx, { orgId, taskId: task.id }));
    expect(await withRls(w.admin.claims, (tx) => listTasks(tx, { orgId }))).toMatchObject({ items: [] });
  });

  it('orders the board by rank and places a dropped card after its neighbour', async () => {
    const w = await createOrgWithRoles(admin);
    const orgId = w.org.id;
    const make = (title: string) => withRls(w.member.claims, (tx) => createTask(tx, { orgId, title }));
    const first = await make('A');
    const second = await make('B');
    const third = await make('C');
    await withRls(w.member.claims, (tx) => transitionTask(tx, { orgId, taskId: third.id, to: 'todo', afterId: first.id }));
    await withRls(w.member.claims, (tx) => transitionTask(tx, { orgId, taskId: second.id, to: 'in_progress', afterId: null }));
    const board = await withRls(w.member.claims, (tx) => getBoard(tx, orgId));
    expect(board.tasks.filter((t) => t.status === 'todo').map((t) => t.title)).toEqual(['A', 'C']);
    expect(board.counts).toMatchObject({ todo: 2, in_progress: 1, done: 0 });
  });

  it('filters the list by status, assignee, priority, due, label and title, a page at a time', async () => {
    const w = await createOrgWithRoles(admin);
    const orgId = w.org.id;
    const make = (title: string, extra: Record<string, unknown> = {}) => withRls(w.owner.claims, (tx) => createTask(tx, { orgId, title, ...extra }));
    await make('Alpha report', { priority: 'urgent', labels: ['finance'], dueOn: '2001-01-01', assigneeId: w.member.id });
    await make('Beta launch', { status: 'in_progress' });
    await make('Gamma 100% done?');
    const titles = async (filters: Record<string, unknown>) =>
      (await withRls(w.owner.claims, (tx) => listTasks(tx, { orgId, ...filters }))).items.map((t) => t.title);
    expect(await titles({ status: 'in_progress' })).toEqual(['Beta launch']);
    expect(await titles({ assignee: w.member.id })).toEqual(['Alpha report']);
    expect(await titles({ assignee: 'none' })).toEqual(['Gamma 100% done?', 'Beta launch']);
    expect(await titles({ priority: 'urgent', label: 'finance', due: 'overdue' })).toEqual(['Alpha report']);
    expect(await titles({ search: '100%' })).toEqual(['Gamma 100% done?']);
    const page1 = await withRls(w.owner.claims, (tx) => listTasks(tx, { orgId, limit: 2 }));
    const page2 = await withRls(w.owner.claims, (tx) => listTasks(tx, { orgId, limit: 2, cursor: page1.nextCursor! }));
    expect([...page1.items, ...page2.items].map((t) => t.title)).toEqual(['Gamma 100% done?', 'Beta launch', 'Alpha report']);
    expect(page2.nextCursor).toBeNull();
  });

  it('unassigns a member who leaves, and keeps their history', async () => {
    const w = await createOrgWithRoles(admin);
    const task = await withRls(w.owner.claims, (tx) => createTask(tx, { orgId: w.org.id, title: 'Hand over', assigneeId: w.viewer.id }));
    await admin`delete from public.memberships where org_id = ${w.org.id} and user_id = ${w.viewer.id}`;
    const detail = await withRls(w.owner.claims, (tx) => getTaskDetail(tx, { orgId: w.org.id, taskId: task.id }));
    expect(detail.task.assignee).toBeNull();
    expect(detail.activity.at(-1)).toMatchObject({ field: 'assignee', from: w.viewer.id, to: null });
  });
});
