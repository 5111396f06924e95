import { z } from 'zod';
import { toApprovalJson } from '@/lib/approvals/json';
import { reasonSchema } from '@/lib/approvals/schemas';
import { cancelApproval } from '@/lib/approvals/service';
import { idSchema } from '@/lib/permissions/schemas';
import { tenantApiRoute } from '@/lib/http/api-route';
import { pathIdSchema } from '@/lib/validation/path-id';

/** POST /api/approvals/:id/cancel `{ reason? }` → `{ data: Approval }` (the requester, or approvals:manage; pending only). */
export const POST = tenantApiRoute(z.object({ orgId: idSchema, id: pathIdSchema, reason: reasonSchema }), async ({ tx, input: { id, ...input } }) => {
  const { request } = await cancelApproval(tx, { ...input, requestId: id });
  return { body: { data: toApprovalJson(request) } };
});
