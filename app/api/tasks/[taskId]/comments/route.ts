import { tenantApiRoute } from '@/lib/http/api-route';
import { publishAfterCommit } from '@/lib/events/publish';
import { commentEvents } from '@/lib/tasks/events';
import { addCommentSchema } from '@/lib/tasks/schemas';
import { addComment } from '@/lib/tasks/service';

/** POST /api/tasks/:id/comments `{ body }` → 201 `{ data: TaskComment }` (comments:create). */
export const POST = tenantApiRoute(
  addCommentSchema,
  async ({ tx, input }) => {
    const { task, comment } = await addComment(tx, input);
    const events = await commentEvents(tx, input.orgId, task, comment);
    return { status: 201, body: { data: comment }, afterCommit: () => publishAfterCommit(events) };
  },
);
