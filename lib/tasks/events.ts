import { taskAssigned, taskCommentCreated } from '@/inngest/domain-events';
import type { Tx } from '@/lib/db';
import { peopleOf } from './task-row';
import type { Task, TaskComment, TaskPerson } from './types';

type DomainEvent = ReturnType<typeof taskAssigned.create> | ReturnType<typeof taskCommentCreated.create>;

const displayName = (person: TaskPerson | null | undefined) => person?.name || person?.email || 'Someone';
const taskPath = (taskId: string) => `/tasks?task=${taskId}`;
/** Titles stay within the event's 200 characters. */
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * `tasks/task.assigned` when a change gave the task a new assignee (other than the one who
 * made it). Its id (the idempotency key) names the task, the assignee and the change's time.
 */
export async function assignmentEvents(tx: Tx, orgId: string, actorId: string, before: Task | null, task: Task): Promise<DomainEvent[]> {
  const assignee = task.assignee;
  if (!assignee || assignee.id === before?.assignee?.id || assignee.id === actorId) return [];
  const actor = (await peopleOf(tx, orgId, [actorId])).get(actorId);
  return [
    taskAssigned.create(
      {
        orgId,
        actorId,
        recipientIds: [assignee.id],
        title: clip(`${clip(displayName(actor), 60)} assigned you “${clip(task.title, 120)}”`, 200),
        body: '',
        path: taskPath(task.id),
        occurredAt: task.updatedAt,
        taskId: task.id,
        assigneeId: assignee.id,
      },
      { id: `task-assigned:${task.id}:${assignee.id}:${task.updatedAt}` },
    ),
  ];
}

/** `tasks/comment.created` for the task's watchers (the fan-out leaves out the author). */
export async function commentEvents(tx: Tx, orgId: string, task: Task, comment: TaskComment): Promise<DomainEvent[]> {
  const watchers = await tx<{ user_id: string }[]>`
    select user_id from public.task_watchers where org_id = ${orgId} and task_id = ${task.id}`;
  const recipientIds = watchers.map((w) => w.user_id).filter((id) => id !== comment.author?.id);
  if (recipientIds.length === 0) return [];
  return [
    taskCommentCreated.create(
      {
        orgId,
        actorId: comment.author?.id ?? null,
        recipientIds,
        title: clip(`${clip(displayName(comment.author), 60)} commented on “${clip(task.title, 120)}”`, 200),
        body: comment.body.slice(0, 2000),
        path: taskPath(task.id),
        occurredAt: comment.createdAt,
        taskId: task.id,
        commentId: comment.id,
      },
      { id: `task-comment:${comment.id}` },
    ),
  ];
}
