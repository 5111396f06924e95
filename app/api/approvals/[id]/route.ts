import { z } from 'zod';
import { getApproval } from '@/lib/approvals/queries';
import { idSchema } from '@/lib/permissions/schemas';
import { withRequestId } from '../_lib/with-request-id';

/** GET /api/approvals/:id → `{ data: ApprovalDetail }` with decisions and history (approvals:read); other tenants' ids: 404. */
export const GET = withRequestId(z.object({ orgId: idSchema }), async ({ tx, input, requestId }) => {
  return { body: { data: await getApproval(tx, input.orgId, requestId) } };
});
