import { afterAll, describe, expect, it } from 'vitest';
import { closeSql, withRls } from '@/lib/db';
import { adminSql } from '@/tests/setup/admin-sql';
import { createOrgWithRoles } from '@/tests/setup/fixtures';
import { canTransition, taskStatuses, taskTransitions, type TaskStatus } from './transitions';

const admin = adminSql();
afterAll(async () => {
  await closeSql();
  await admin.end();
});

const pairs = taskStatuses.flatMap((from) => taskStatuses.filter((to) => to !== from).map((to) => [from, to] as const));

describe('the task state machine', () => {
  it('is the same in the code and in public.task_transitions', async () => {
    const rows = await admin<{ from_status: string; to_status: string }[]>`select from_status, to_status from public.task_transitions`;
    const inDb = rows.map((r) => `${r.from_status}→${r.to_status}`).sort();
    const inCode = Object.entries(taskTransitions).flatMap(([from, tos]) => tos.map((to) => `${from}→${to}`)).sort();
    expect(inDb).toEqual(inCode);
  });

  it('walks the happy path todo → in_progress → in_review → done and never skips review', () => {
    expect(canTransition('todo', 'in_progress')).toBe(true);
    expect(canTransition('in_progress', 'in_review')).toBe(true);
    expect(canTransition('in_review', 'done')).toBe(true);
    expect(canTransition('todo', 'done')).toBe(false);
    expect(canTransition('in_progress', 'done')).toBe(false);
  });

  // Every ordered pair of distinct statuses, through the real trigger: allowed pairs
  // change the row, the others are refused by the database with tasks_transition_allowed.
  it(`the database allows exactly the listed moves (all ${pairs.length} pairs)`, async () => {
    const w = await createOrgWithRoles(admin);
    const outcomes: string[] = [];
    for (const [from, to] of pairs) {
      const [task] = await admin<{ id: string }[]>`
        insert into public.tasks (org_id, title, status, created_by) values (${w.org.id}, ${`${from}→${to}`}, 'todo', ${w.owner.id}) returning id`;
      await forcePath(task!.id, from);
      const result = await withRls(w.member.claims, (tx) => tx`update public.tasks set status = ${to} where id = ${task!.id}`)
        .then(() => 'allowed', (error: { constraint_name?: string }) => `refused:${error.constraint_name}`);
      outcomes.push(`${from}→${to}:${result}`);
    }
    const expected = pairs.map(([from, to]) => `${from}→${to}:${canTransition(from, to) ? 'allowed' : 'refused:tasks_transition_allowed'}`);
    expect(outcomes).toEqual(expected);
  });
});

/** Reaches `status` from todo along allowed moves (the guard holds for the admin connection too). */
async function forcePath(taskId: string, status: TaskStatus): Promise<void> {
  const path: Record<TaskStatus, TaskStatus[]> = {
    todo: [],
    in_progress: ['in_progress'],
    in_review: ['in_progress', 'in_review'],
    done: ['in_progress', 'in_review', 'done'],
    blocked: ['blocked'],
    cancelled: ['cancelled'],
  };
  for (const step of path[status]) await admin`update public.tasks set status = ${step} where id = ${taskId}`;
}
