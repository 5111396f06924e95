import { tenantApiRoute } from '@/lib/http/api-route';
import { changeRoleOrRequestApproval } from '@/lib/approvals/role-change';
import { toApprovalJson } from '@/lib/approvals/json';
import { publishAfterCommit } from '@/lib/events/publish';
import { removeMember } from '@/lib/members/service';
import { changeMemberRoleSchema, removeMemberSchema } from '@/lib/members/schemas';

/**
 * POST /api/admin/role-bindings `{ userId, role }` → `{ data: { userId, role } }`
 * (members:update_role). Only an owner grants `owner`, which adds an owner;
 * handing ownership over (with confirmation) is transferOwnership, not this route.
 * When the org's user_role_change policy holds raises to admin or owner for approval:
 * 202 `{ data: { approvalRequest } }` and the change is applied once approved.
 */
export const POST = tenantApiRoute(changeMemberRoleSchema, async ({ tx, input, context }) => {
  const outcome = await changeRoleOrRequestApproval(tx, input, context.requestId);
  const afterCommit = () => publishAfterCommit(outcome.events);
  if (outcome.kind === 'held') return { status: 202, body: { data: { approvalRequest: toApprovalJson(outcome.request) } }, afterCommit };
  return { body: { data: outcome.binding }, afterCommit };
});

/** DELETE /api/admin/role-bindings `{ userId }` (body or query) → 204 (members:remove; yourself = leave). */
export const DELETE = tenantApiRoute(removeMemberSchema, async ({ tx, input }) => {
  await removeMember(tx, input);
  return { status: 204 };
});
