import { z } from 'zod';
import { tenantApiRoute } from '@/lib/http/api-route';
import { idSchema } from '@/lib/permissions/schemas';
import { getBoard } from '@/lib/tasks/queries';

/** GET /api/tasks/board → `{ data: { tasks: Task[], counts } }`: every column in rank order (tasks:read). */
export const GET = tenantApiRoute(z.object({ orgId: idSchema }), async ({ tx, input }) => ({
  body: { data: await getBoard(tx, input.orgId) },
}));
