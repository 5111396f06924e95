import { tenantApiRoute } from '@/lib/http/api-route';
import { publishAfterCommit } from '@/lib/events/publish';
import { getTaskDetail } from '@/lib/tasks/detail';
import { assignmentEvents } from '@/lib/tasks/events';
import { taskRefSchema, updateTaskSchema } from '@/lib/tasks/schemas';
import { deleteTask, updateTask } from '@/lib/tasks/service';

/** GET /api/tasks/:id → `{ data: { task, comments, activity, watchers, watching } }` (tasks:read). */
export const GET = tenantApiRoute(taskRefSchema, async ({ tx, input }) => ({ body: { data: await getTaskDetail(tx, input) } }));

/** PATCH /api/tasks/:id `{ title?, description?, priority?, assigneeId?, dueOn?, labels? }` → `{ data: Task }` (tasks:update; tasks:assign for the assignee). */
export const PATCH = tenantApiRoute(updateTaskSchema, async ({ tx, input, user }) => {
  const { before, task } = await updateTask(tx, input);
  const events = await assignmentEvents(tx, input.orgId, user.id, before, task);
  return { body: { data: task }, afterCommit: () => publishAfterCommit(events) };
});

/** DELETE /api/tasks/:id → 204 (tasks:delete). */
export const DELETE = tenantApiRoute(taskRefSchema, async ({ tx, input }) => {
  await deleteTask(tx, input);
  return { status: 204 };
});
