import type { Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { escapeLike } from '@/lib/members/queries';
import { toPage, type Page } from '@/lib/pagination/cursor';
import { requirePermission } from '@/lib/permissions/queries';
import { parseInput } from '@/lib/validation/parse-input';
import { listTasksSchema, taskRefSchema, type ListTasksInput, type TaskRef } from './schemas';
import { taskStatuses, type TaskStatus } from './transitions';
import { attachPeople, taskColumns, toTask, type TaskRow } from './task-row';
import type { Task, TaskBoard } from './types';

export const taskNotFound = () => new AppError('not_found', 'Task not found.');

/** Board columns show this many cards each; the count says how many there are. */
export const BOARD_COLUMN_LIMIT = 100;

/**
 * Tasks newest first, filtered by status, assignee ("none" = unassigned), priority, due
 * (overdue / today / this week / none, in UTC), label and a search of the title (tasks:read).
 */
export async function listTasks(tx: Tx, input: ListTasksInput): Promise<Page<Task>> {
  const { orgId, status, assignee, priority, due, label, search, cursor, limit } = parseInput(listTasksSchema, input);
  await requirePermission(tx, orgId, 'tasks:read');
  const pattern = search ? `%${escapeLike(search)}%` : null;
  const rows = await tx<TaskRow[]>`
    select ${taskColumns(tx)}, to_json(t.created_at) #>> '{}' as sort_at
    from public.tasks t
    where t.org_id = ${orgId}
      ${status ? tx`and t.status = ${status}` : tx``}
      ${assignee === 'none' ? tx`and t.assignee_id is null` : assignee ? tx`and t.assignee_id = ${assignee}` : tx``}
      ${priority ? tx`and t.priority = ${priority}` : tx``}
      ${due === 'overdue' ? tx`and t.due_on < current_date and t.status not in ('done', 'cancelled')` : tx``}
      ${due === 'today' ? tx`and t.due_on = current_date` : tx``}
      ${due === 'week' ? tx`and t.due_on between current_date and current_date + 6` : tx``}
      ${due === 'none' ? tx`and t.due_on is null` : tx``}
      ${label ? tx`and t.labels @> array[${label}]::text[]` : tx``}
      ${pattern ? tx`and t.title ilike ${pattern}` : tx``}
      ${cursor ? tx`and (t.created_at, t.id) < (${cursor.t}::text::timestamptz, ${cursor.k}::uuid)` : tx``}
    order by t.created_at desc, t.id desc
    limit ${limit + 1}`;
  return toPage(await attachPeople(tx, orgId, rows), limit, (r) => r.id, toTask);
}

/** Every column of the board in rank order, the first BOARD_COLUMN_LIMIT cards of each (tasks:read). */
export async function getBoard(tx: Tx, orgId: string): Promise<TaskBoard> {
  await requirePermission(tx, orgId, 'tasks:read');
  const [rows, countRows] = await Promise.all([
    tx<TaskRow[]>`
      select * from (
        select ${taskColumns(tx)}, row_number() over (partition by t.status order by t.rank, t.created_at) as n
        from public.tasks t where t.org_id = ${orgId}
      ) ranked
      where n <= ${BOARD_COLUMN_LIMIT}
      order by rank, created_at`,
    tx<{ status: TaskStatus; n: number }[]>`
      select status, count(*)::int as n from public.tasks where org_id = ${orgId} group by status`,
  ]);
  const counts = Object.fromEntries(taskStatuses.map((s) => [s, 0])) as Record<TaskStatus, number>;
  for (const row of countRows) counts[row.status] = row.n;
  return { tasks: (await attachPeople(tx, orgId, rows)).map(toTask), counts };
}

/** One task (tasks:read); not_found for ids of other organizations, exactly like missing ones. */
export async function getTask(tx: Tx, input: TaskRef): Promise<Task> {
  const { orgId, taskId } = parseInput(taskRefSchema, input);
  await requirePermission(tx, orgId, 'tasks:read');
  const [row] = await tx<TaskRow[]>`select ${taskColumns(tx)} from public.tasks t where t.org_id = ${orgId} and t.id = ${taskId}`;
  if (!row) throw taskNotFound();
  const [withPeople] = await attachPeople(tx, orgId, [row]);
  return toTask(withPeople ?? row);
}

/** The labels in use in the organization, for the list's filter (tasks:read). */
export async function listTaskLabels(tx: Tx, orgId: string): Promise<string[]> {
  await requirePermission(tx, orgId, 'tasks:read');
  const rows = await tx<{ label: string }[]>`
    select distinct unnest(labels) as label from public.tasks where org_id = ${orgId} order by 1 limit 200`;
  return rows.map((r) => r.label);
}
