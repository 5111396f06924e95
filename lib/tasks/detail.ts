import type { Tx } from '@/lib/db';
import { currentUserId } from '@/lib/permissions/queries';
import { getTask } from './queries';
import type { TaskRef } from './schemas';
import { peopleOf } from './task-row';
import type { TaskActivity, TaskDetail } from './types';

/** At most this many comments and history entries come with a task (the newest). */
const DETAIL_LIMIT = 200;

/** A task with its comments, history and watchers, oldest first (tasks:read). */
export async function getTaskDetail(tx: Tx, input: TaskRef): Promise<TaskDetail> {
  const task = await getTask(tx, input);
  const { orgId } = input;
  const [me, comments, activity, watchers] = await Promise.all([
    currentUserId(tx),
    tx<{ id: string; author_id: string | null; body: string; created_at: Date }[]>`
      select * from (
        select id, author_id, body, created_at from public.task_comments
        where org_id = ${orgId} and task_id = ${task.id} order by created_at desc limit ${DETAIL_LIMIT}
      ) c order by created_at`,
    tx<{ id: string; actor_id: string | null; field: TaskActivity['field']; from_value: unknown; to_value: unknown; created_at: Date }[]>`
      select * from (
        select id, actor_id, field, from_value, to_value, created_at from public.task_activity
        where org_id = ${orgId} and task_id = ${task.id} order by created_at desc limit ${DETAIL_LIMIT}
      ) a order by created_at`,
    tx<{ user_id: string }[]>`select user_id from public.task_watchers where org_id = ${orgId} and task_id = ${task.id} order by created_at`,
  ]);
  const assigneeIds = activity.filter((a) => a.field === 'assignee').flatMap((a) => [a.from_value, a.to_value]);
  const people = await peopleOf(tx, orgId, [
    ...comments.map((c) => c.author_id),
    ...activity.map((a) => a.actor_id),
    ...watchers.map((w) => w.user_id),
    ...assigneeIds.map((v) => (typeof v === 'string' ? v : null)),
  ]);
  const person = (id: unknown) => (typeof id === 'string' ? (people.get(id) ?? null) : null);
  return {
    task,
    comments: comments.map((c) => ({ id: c.id, author: person(c.author_id), body: c.body, createdAt: c.created_at.toISOString() })),
    activity: activity.map((a) => ({
      id: a.id,
      actor: person(a.actor_id),
      field: a.field,
      from: a.from_value,
      to: a.to_value,
      ...(a.field === 'assignee' ? { fromPerson: person(a.from_value), toPerson: person(a.to_value) } : {}),
      createdAt: a.created_at.toISOString(),
    })),
    watchers: watchers.map((w) => person(w.user_id)).filter((p) => p !== null),
    watching: watchers.some((w) => w.user_id === me),
  };
}
