import { tenantApiRoute } from '@/lib/http/api-route';
import { publishAfterCommit } from '@/lib/events/publish';
import { assignmentEvents } from '@/lib/tasks/events';
import { listTasks } from '@/lib/tasks/queries';
import { createTaskSchema } from '@/lib/tasks/schemas';
import { listTasksQuerySchema } from '@/lib/tasks/query-params';
import { createTask } from '@/lib/tasks/service';

/** GET /api/tasks?status=&assignee=&priority=&due=&label=&search=&cursor=&limit= → `{ data: Task[], nextCursor }` (tasks:read). */
export const GET = tenantApiRoute(listTasksQuerySchema, async ({ tx, input }) => {
  const page = await listTasks(tx, input);
  return { body: { data: page.items, nextCursor: page.nextCursor } };
});

/** POST /api/tasks `{ title, description?, status?, priority?, assigneeId?, dueOn?, labels? }` → 201 `{ data: Task }` (tasks:create). */
export const POST = tenantApiRoute(createTaskSchema, async ({ tx, input, user }) => {
  const task = await createTask(tx, input);
  const events = await assignmentEvents(tx, input.orgId, user.id, null, task);
  return { status: 201, body: { data: task }, afterCommit: () => publishAfterCommit(events) };
});
