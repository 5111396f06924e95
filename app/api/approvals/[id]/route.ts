import { z } from 'zod';
import { getApproval } from '@/lib/approvals/queries';
import { idSchema } from '@/lib/permissions/schemas';
import { tenantApiRoute } from '@/lib/http/api-route';
import { pathIdSchema } from '@/lib/validation/path-id';

/** GET /api/approvals/:id → `{ data: ApprovalDetail }` with decisions and history (approvals:read); other tenants' ids: 404. */
export const GET = tenantApiRoute(z.object({ orgId: idSchema, id: pathIdSchema }), async ({ tx, input }) => {
  return { body: { data: await getApproval(tx, input.orgId, input.id) } };
});
