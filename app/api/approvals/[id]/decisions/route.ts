import { z } from 'zod';
import { decideApproval } from '@/lib/approvals/decide';
import { toApprovalJson } from '@/lib/approvals/json';
import { decisionSchema, reasonSchema } from '@/lib/approvals/schemas';
import { publishAfterCommit } from '@/lib/events/publish';
import { idSchema } from '@/lib/permissions/schemas';
import { tenantApiRoute } from '@/lib/http/api-route';
import { pathIdSchema } from '@/lib/validation/path-id';

const bodySchema = z.object({ orgId: idSchema, id: pathIdSchema, decision: decisionSchema, reason: reasonSchema });

/**
 * POST /api/approvals/:id/decisions `{ decision: 'approve'|'reject', reason? }` → 201 `{ data: Approval }`
 * (a listed approver, once, never the requester, while pending). An approval that reaches the
 * quorum applies the request's change in the same transaction.
 */
export const POST = tenantApiRoute(bodySchema, async ({ tx, input: { id, ...input } }) => {
  const { request, events } = await decideApproval(tx, { ...input, requestId: id });
  return { status: 201, body: { data: toApprovalJson(request) }, afterCommit: () => publishAfterCommit(events) };
});
