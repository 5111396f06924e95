import { z } from 'zod';
import { memberRoleChanged } from '@/inngest/domain-events';
import { AppError } from '@/lib/errors';
import { changeMemberRoleAs } from '@/lib/members/service';
import { idSchema, outranksOrEquals, roleSchema, type Role } from '@/lib/permissions/schemas';
import type { ApprovalType } from '../registry';

export const userRoleChangePayloadSchema = z.object({
  userId: idSchema,
  role: roleSchema,
  fromRole: roleSchema,
  /** How the member was named when asked (shown in the subject and summary). */
  email: z.string().max(320).default(''),
  name: z.string().max(200).default(''),
});
export type UserRoleChangePayload = z.infer<typeof userRoleChangePayloadSchema>;

/** The event that a member's role changed (published after commit, by whoever applied it). */
export function roleChangedEvent(orgId: string, actorId: string | null, userId: string, role: Role, key: string) {
  return memberRoleChanged.create(
    {
      orgId, actorId, recipientIds: [userId], title: `Your role is now ${role}`, body: '', path: '/members',
      occurredAt: new Date().toISOString(), userId, role,
    },
    { id: `role-changed:${key}` },
  );
}

/**
 * A role change held for approval. Asked by a holder of members:update_role about a member at
 * or below them (the new role may be above the requester: an admin may ask for a new owner).
 * Approvers are only members who could make the change themselves (the database refuses an
 * admin making an owner): an owner approves a new owner; an admin or owner approves a new admin.
 * Applied as the deciding approver, with the members service's role rules.
 */
export const userRoleChangeApproval: ApprovalType<UserRoleChangePayload> = {
  type: 'user_role_change',
  label: 'Role change',
  payloadSchema: userRoleChangePayloadSchema,
  defaultPolicy: { required: false, approverRole: 'admin', approverIds: [], quorum: 1, expiryHours: 72 },
  async prepare(tx, requester, payload) {
    if (!requester.permissions.includes('members:update_role')) {
      throw new AppError('forbidden', `Your role (${requester.role}) does not allow members:update_role.`);
    }
    const [target] = await tx<{ role: Role }[]>`
      select role from public.memberships where org_id = ${requester.orgId} and user_id = ${payload.userId}`;
    if (!target) throw new AppError('not_found', 'Member not found.');
    if (!outranksOrEquals(requester.role, target.role)) throw new AppError('forbidden', 'You cannot change the role of a member above you.');
    if (target.role !== payload.fromRole) throw new AppError('conflict', 'That member’s role has changed; reload and try again.');
    const who = payload.name || payload.email || 'a member';
    const article = payload.role === 'admin' || payload.role === 'owner' ? 'an' : 'a';
    return { subject: `Make ${who} ${article} ${payload.role}` };
  },
  canApprove: (payload, approverRole) => outranksOrEquals(approverRole, payload.role) && outranksOrEquals(approverRole, payload.fromRole),
  summarize: (payload) => [
    { label: 'Member', value: payload.name && payload.email ? `${payload.name} (${payload.email})` : payload.email || payload.name || payload.userId },
    { label: 'Role', value: `${payload.fromRole} → ${payload.role}` },
  ],
  async apply(tx, request, decider) {
    const [holds] = await tx<{ ok: boolean }[]>`
      select exists (select 1 from public.role_permissions where role = ${decider.role} and permission = 'members:update_role') as ok`;
    if (!holds?.ok) throw new AppError('forbidden', 'Your role does not allow changing roles.');
    const { payload } = request;
    await changeMemberRoleAs(tx, decider, { orgId: request.orgId, userId: payload.userId, role: payload.role });
    return [roleChangedEvent(request.orgId, decider.userId, payload.userId, payload.role, `approval:${request.id}`)];
  },
};
