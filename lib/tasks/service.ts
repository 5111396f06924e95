import type { Tx } from '@/lib/db';
import { guardDb } from '@/lib/db/errors';
import { AppError } from '@/lib/errors';
import { requirePermission, type Membership } from '@/lib/permissions/queries';
import { parseInput } from '@/lib/validation/parse-input';
import { getTask, taskNotFound } from './queries';
import { rankFor } from './rank';
import {
  addCommentSchema,
  createTaskSchema,
  taskRefSchema,
  transitionTaskSchema,
  updateTaskSchema,
  watchTaskSchema,
  type AddCommentInput,
  type CreateTaskInput,
  type TaskRef,
  type TransitionTaskInput,
  type UpdateTaskInput,
} from './schemas';
import { canTransition, transitionRefusal } from './transitions';
import type { Task, TaskComment } from './types';

/*
 * Changes to tasks. The database holds every rule (policies, the tasks_guard trigger:
 * transitions, who may assign, assignee membership); these checks come first so callers
 * get a clear message. Each change returns what changed; lib/tasks/events.ts turns it
 * into the notifications to publish after commit.
 */

async function assertAssignable(tx: Tx, actor: Membership, orgId: string, assigneeId: string): Promise<void> {
  if (!actor.permissions.includes('tasks:assign')) {
    throw new AppError('forbidden', `Your role (${actor.role}) does not allow tasks:assign.`, { permission: 'tasks:assign', role: actor.role });
  }
  const [member] = await tx`select 1 from public.memberships where org_id = ${orgId} and user_id = ${assigneeId}`;
  if (!member) throw new AppError('validation_failed', 'The assignee must be a member of this organization.', { field: 'assigneeId' });
}

/** Creates a task (tasks:create; tasks:assign to assign it). It lands at the end of its column. */
export async function createTask(tx: Tx, input: CreateTaskInput): Promise<Task> {
  const data = parseInput(createTaskSchema, input);
  const actor = await requirePermission(tx, data.orgId, 'tasks:create');
  if (data.assigneeId) await assertAssignable(tx, actor, data.orgId, data.assigneeId);
  const rank = await rankFor(tx, data.orgId, data.status, undefined);
  const [row] = await guardDb(tx<{ id: string }[]>`
    insert into public.tasks (org_id, title, description, status, priority, assignee_id, due_on, labels, rank, created_by)
    values (${data.orgId}, ${data.title}, ${data.description}, ${data.status}, ${data.priority}, ${data.assigneeId},
            ${data.dueOn}, ${data.labels}::text[], ${rank}, ${actor.userId})
    returning id`);
  return getTask(tx, { orgId: data.orgId, taskId: row!.id });
}

/** Edits fields other than the status (tasks:update; tasks:assign to change the assignee). */
export async function updateTask(tx: Tx, input: UpdateTaskInput): Promise<{ before: Task; task: Task }> {
  const { orgId, taskId, ...changes } = parseInput(updateTaskSchema, input);
  if (Object.values(changes).every((value) => value === undefined)) {
    throw new AppError('validation_failed', 'Nothing to change: send at least one field.');
  }
  const actor = await requirePermission(tx, orgId, 'tasks:update');
  const before = await getTask(tx, { orgId, taskId });
  const assigneeChanges = changes.assigneeId !== undefined && changes.assigneeId !== (before.assignee?.id ?? null);
  if (assigneeChanges && changes.assigneeId) await assertAssignable(tx, actor, orgId, changes.assigneeId);
  if (assigneeChanges && !changes.assigneeId && !actor.permissions.includes('tasks:assign')) {
    throw new AppError('forbidden', `Your role (${actor.role}) does not allow tasks:assign.`, { permission: 'tasks:assign', role: actor.role });
  }
  const set: Record<string, unknown> = {};
  if (changes.title !== undefined) set.title = changes.title;
  if (changes.description !== undefined) set.description = changes.description;
  if (changes.priority !== undefined) set.priority = changes.priority;
  if (changes.assigneeId !== undefined) set.assignee_id = changes.assigneeId;
  if (changes.dueOn !== undefined) set.due_on = changes.dueOn;
  if (Object.keys(set).length > 0) {
    await guardDb(tx`update public.tasks set ${tx(set)} where org_id = ${orgId} and id = ${taskId}`);
  }
  if (changes.labels !== undefined) {
    await guardDb(tx`update public.tasks set labels = ${changes.labels}::text[] where org_id = ${orgId} and id = ${taskId}`);
  }
  return { before, task: await getTask(tx, { orgId, taskId }) };
}

/**
 * Moves a task to a status (tasks:update) along the state machine, placed after `afterId`
 * in the target column (null: at the top; omitted: at the end). A move within the same
 * column only reorders.
 */
export async function transitionTask(tx: Tx, input: TransitionTaskInput): Promise<{ before: Task; task: Task }> {
  const { orgId, taskId, to, afterId } = parseInput(transitionTaskSchema, input);
  await requirePermission(tx, orgId, 'tasks:update');
  const before = await getTask(tx, { orgId, taskId });
  if (before.status !== to && !canTransition(before.status, to)) {
    throw new AppError('conflict', transitionRefusal(before.status, to), { from: before.status, to });
  }
  if (afterId === taskId) throw new AppError('validation_failed', 'A task cannot be placed after itself.', { field: 'afterId' });
  const rank = await rankFor(tx, orgId, to, afterId, taskId);
  await guardDb(tx`update public.tasks set status = ${to}, rank = ${rank} where org_id = ${orgId} and id = ${taskId}`);
  return { before, task: await getTask(tx, { orgId, taskId }) };
}

/** Deletes a task with its comments and history (tasks:delete); the audit log keeps the record. */
export async function deleteTask(tx: Tx, input: TaskRef): Promise<void> {
  const { orgId, taskId } = parseInput(taskRefSchema, input);
  await requirePermission(tx, orgId, 'tasks:delete');
  const deleted = await guardDb(tx`delete from public.tasks where org_id = ${orgId} and id = ${taskId} returning id`);
  if (deleted.length === 0) throw taskNotFound();
}

/** Comments on a task (comments:create); the author starts watching it. */
export async function addComment(tx: Tx, input: AddCommentInput): Promise<{ task: Task; comment: TaskComment }> {
  const { orgId, taskId, body } = parseInput(addCommentSchema, input);
  const actor = await requirePermission(tx, orgId, 'comments:create');
  const task = await getTask(tx, { orgId, taskId });
  const [row] = await guardDb(tx<{ id: string; created_at: Date }[]>`
    insert into public.task_comments (task_id, org_id, author_id, body)
    values (${taskId}, ${orgId}, ${actor.userId}, ${body}) returning id, created_at`);
  const [me] = await tx<{ name: string; email: string }[]>`
    select name, email from private.member_directory where org_id = ${orgId} and user_id = ${actor.userId}`;
  return {
    task,
    comment: { id: row!.id, author: me ? { id: actor.userId, ...me } : null, body, createdAt: row!.created_at.toISOString() },
  };
}

/** Starts or stops watching a task as oneself (tasks:read). */
export async function setWatching(tx: Tx, input: { orgId: string; taskId: string; watching: boolean }): Promise<boolean> {
  const { orgId, taskId, watching } = parseInput(watchTaskSchema, input);
  const actor = await requirePermission(tx, orgId, 'tasks:read');
  await getTask(tx, { orgId, taskId });
  if (watching) {
    await guardDb(tx`insert into public.task_watchers (task_id, org_id, user_id) values (${taskId}, ${orgId}, ${actor.userId}) on conflict do nothing`);
  } else {
    await guardDb(tx`delete from public.task_watchers where org_id = ${orgId} and task_id = ${taskId} and user_id = ${actor.userId}`);
  }
  return watching;
}
