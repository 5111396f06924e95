import { tenantApiRoute } from '@/lib/http/api-route';
import { transitionTaskSchema } from '@/lib/tasks/schemas';
import { transitionTask } from '@/lib/tasks/service';

/**
 * POST /api/tasks/:id/transitions `{ to, afterId? }` → `{ data: Task }` (tasks:update).
 * 409 with the allowed moves when the state machine refuses the change.
 */
export const POST = tenantApiRoute(transitionTaskSchema, async ({ tx, input }) => {
  const { task } = await transitionTask(tx, input);
  return { body: { data: task } };
});
