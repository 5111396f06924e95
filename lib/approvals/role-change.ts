import type { Tx } from '@/lib/db';
import { changeMemberRole } from '@/lib/members/service';
import { changeMemberRoleSchema, type ChangeMemberRoleInput } from '@/lib/members/schemas';
import { requireMembership } from '@/lib/permissions/queries';
import { roleLevels, type Role } from '@/lib/permissions/schemas';
import { parseInput } from '@/lib/validation/parse-input';
import type { DomainEvent } from './domain-events';
import { getPolicy } from './policies';
import type { RequestRow } from './request-row';
import { requestApproval } from './service';
import { roleChangedEvent } from './types/user-role-change';

export type RoleChangeOutcome =
  | { kind: 'applied'; binding: { userId: string; role: Role }; events: DomainEvent[] }
  | { kind: 'held'; request: RequestRow; events: DomainEvent[] };

/**
 * The role change of the members page and POST /api/admin/role-bindings. When the org's
 * `user_role_change` policy is required and the change raises a member to admin or owner, it
 * becomes an approval request (applied when approved); otherwise it is applied now. Lives here,
 * not in lib/members, so members never imports approvals.
 */
export async function changeRoleOrRequestApproval(tx: Tx, input: ChangeMemberRoleInput, requestKey: string): Promise<RoleChangeOutcome> {
  const { orgId, userId, role } = parseInput(changeMemberRoleSchema, input);
  const me = await requireMembership(tx, orgId);
  const [target] = await tx<{ role: Role; email: string; name: string }[]>`
    select role, email, name from private.member_directory where org_id = ${orgId} and user_id = ${userId}`;
  const raises = target && (role === 'admin' || role === 'owner') && roleLevels[role] > roleLevels[target.role];
  if (raises && me.permissions.includes('members:update_role') && (await getPolicy(tx, orgId, 'user_role_change')).required) {
    const { request, events } = await requestApproval(tx, {
      orgId, type: 'user_role_change', payload: { userId, role, fromRole: target.role, email: target.email, name: target.name },
    });
    return { kind: 'held', request, events };
  }
  const before = target?.role;
  const binding = await changeMemberRole(tx, { orgId, userId, role });
  const events = before === role ? [] : [roleChangedEvent(orgId, me.userId, userId, role, requestKey)];
  return { kind: 'applied', binding, events };
}
