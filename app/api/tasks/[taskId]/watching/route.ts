import { tenantApiRoute } from '@/lib/http/api-route';
import { watchTaskSchema } from '@/lib/tasks/schemas';
import { setWatching } from '@/lib/tasks/service';

/** POST /api/tasks/:id/watching `{ watching: boolean }` → `{ data: { watching } }`: follow a task or stop (tasks:read). */
export const POST = tenantApiRoute(watchTaskSchema, async ({ tx, input }) => ({
  body: { data: { watching: await setWatching(tx, input) } },
}));
