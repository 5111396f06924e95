import { tenantApiRoute } from '@/lib/http/api-route';
import { changeMemberRole, removeMember } from '@/lib/members/service';
import { changeMemberRoleSchema, removeMemberSchema } from '@/lib/members/schemas';

/**
 * POST /api/admin/role-bindings `{ userId, role }` → `{ data: { userId, role } }`
 * (members:update_role). Only an owner grants `owner`, which adds an owner;
 * handing ownership over (with confirmation) is transferOwnership, not this route.
 */
export const POST = tenantApiRoute(changeMemberRoleSchema, async ({ tx, input, context }) => {
  const binding = await changeMemberRole(tx, input);
  return { body: { data: binding } };
});

/** DELETE /api/admin/role-bindings `{ userId }` (body or query) → 204 (members:remove; yourself = leave). */
export const DELETE = tenantApiRoute(removeMemberSchema, async ({ tx, input, context }) => {
  await removeMember(tx, input);
  return { status: 204 };
});
