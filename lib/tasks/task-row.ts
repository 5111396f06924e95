import type { Tx } from '@/lib/db';
import type { TaskPriority } from './schemas';
import type { TaskStatus } from './transitions';
import type { Task, TaskPerson } from './types';

/** A task as selected by taskColumns, with its people resolved by `attachPeople`. */
export interface TaskRow {
  id: string;
  title: string;
  description: string;
  status: TaskStatus;
  priority: TaskPriority;
  assignee_id: string | null;
  due_on: string | null;
  labels: string[];
  rank: number;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
  comment_count: number;
  sort_at: string;
  assignee?: TaskPerson | null;
  creator?: TaskPerson | null;
}

/** The select list of a task row (alias `t`). */
export function taskColumns(tx: Tx) {
  return tx`t.id, t.title, t.description, t.status, t.priority, t.assignee_id, t.due_on::text as due_on, t.labels,
    t.rank, t.created_by, t.created_at, t.updated_at,
    (select count(*)::int from public.task_comments c where c.task_id = t.id) as comment_count`;
}

/** Name and email of the given users while they are members of the organization. */
export async function peopleOf(tx: Tx, orgId: string, ids: Iterable<string | null | undefined>): Promise<Map<string, TaskPerson>> {
  const wanted = [...new Set([...ids].filter((id): id is string => Boolean(id)))];
  if (wanted.length === 0) return new Map();
  const rows = await tx<{ user_id: string; name: string; email: string }[]>`
    select user_id, name, email from private.member_directory where org_id = ${orgId} and user_id = any(${wanted}::uuid[])`;
  return new Map(rows.map((r) => [r.user_id, { id: r.user_id, name: r.name, email: r.email }]));
}

/** Fills `assignee` and `creator` of the rows from one directory lookup. */
export async function attachPeople<R extends TaskRow>(tx: Tx, orgId: string, rows: R[]): Promise<R[]> {
  const people = await peopleOf(tx, orgId, rows.flatMap((r) => [r.assignee_id, r.created_by]));
  for (const row of rows) {
    row.assignee = row.assignee_id ? (people.get(row.assignee_id) ?? null) : null;
    row.creator = row.created_by ? (people.get(row.created_by) ?? null) : null;
  }
  return rows;
}

export function toTask(row: TaskRow): Task {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    status: row.status,
    priority: row.priority,
    assignee: row.assignee ?? null,
    dueOn: row.due_on,
    labels: row.labels,
    rank: row.rank,
    createdBy: row.creator ?? null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    commentCount: row.comment_count,
  };
}
