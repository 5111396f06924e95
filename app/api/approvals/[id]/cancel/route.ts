import { z } from 'zod';
import { toApprovalJson } from '@/lib/approvals/json';
import { reasonSchema } from '@/lib/approvals/schemas';
import { cancelApproval } from '@/lib/approvals/service';
import { idSchema } from '@/lib/permissions/schemas';
import { withRequestId } from '../../_lib/with-request-id';

/** POST /api/approvals/:id/cancel `{ reason? }` → `{ data: Approval }` (the requester, or approvals:manage; pending only). */
export const POST = withRequestId(z.object({ orgId: idSchema, reason: reasonSchema }), async ({ tx, input, requestId }) => {
  const { request } = await cancelApproval(tx, { ...input, requestId });
  return { body: { data: toApprovalJson(request) } };
});
