import type { Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { guardDb } from '@/lib/db/errors';
import { parseInput } from '@/lib/validation/parse-input';
import { requireMembership, requirePermission } from '@/lib/permissions/queries';
import { outranksOrEquals, type Role } from '@/lib/permissions/schemas';
import { findMember } from '@/lib/members/queries';
import {
  changeMemberRoleSchema,
  leaveOrganizationSchema,
  removeMemberSchema,
  transferOwnershipSchema,
  type ChangeMemberRoleInput,
  type LeaveOrganizationInput,
  type RemoveMemberInput,
  type TransferOwnershipInput,
} from '@/lib/members/schemas';

/*
 * Role rules, checked here for clear errors and held by the database for every
 * caller (policies on memberships, trigger memberships_protect_last_owner):
 * nobody grants a role above their own or acts on a member above them; the last
 * owner cannot be demoted, removed or leave; only an owner makes an owner.
 */

const memberNotFound = () => new AppError('not_found', 'Member not found.');
const lastOwner = () =>
  new AppError('conflict', 'An organization needs at least one owner: transfer ownership first or delete the organization.');

async function assertAnotherOwner(tx: Tx, orgId: string, userId: string): Promise<void> {
  const [other] = await tx`
    select 1 from public.memberships where org_id = ${orgId} and role = 'owner' and user_id <> ${userId} limit 1`;
  if (!other) throw lastOwner();
}

/** Sets a member's role (members:update_role; target and new role at or below the caller's level). */
export async function changeMemberRole(
  tx: Tx,
  input: ChangeMemberRoleInput,
): Promise<{ userId: string; role: Role }> {
  const parsed = parseInput(changeMemberRoleSchema, input);
  const actor = await requirePermission(tx, parsed.orgId, 'members:update_role');
  return changeMemberRoleAs(tx, { userId: actor.userId, role: actor.role }, parsed);
}

/**
 * The role rules for an actor named by the caller, who has already established that the actor
 * holds members:update_role (changeMemberRole above; an approved role change, which may run on
 * a service path where RLS does not stand behind these checks). Reads memberships directly, so
 * it works as `authenticated` (members:read) and as the service role.
 */
export async function changeMemberRoleAs(
  tx: Tx,
  actor: { userId: string; role: Role },
  input: ChangeMemberRoleInput,
): Promise<{ userId: string; role: Role }> {
  const { orgId, userId, role } = parseInput(changeMemberRoleSchema, input);
  const [target] = await tx<{ role: Role }[]>`
    select role from public.memberships where org_id = ${orgId} and user_id = ${userId}`;
  if (!target) throw memberNotFound();
  if (!outranksOrEquals(actor.role, target.role)) {
    throw new AppError('forbidden', 'You cannot change the role of a member above you.');
  }
  if (!outranksOrEquals(actor.role, role)) throw new AppError('forbidden', 'You cannot grant a role above your own.');
  if (target.role === role) return { userId, role };
  if (target.role === 'owner') await assertAnotherOwner(tx, orgId, userId);
  const updated = await guardDb(
    tx`update public.memberships set role = ${role} where org_id = ${orgId} and user_id = ${userId} returning user_id`,
  );
  if (updated.length !== 1) throw new AppError('forbidden', 'You do not have permission to do that.');
  return { userId, role };
}

/** Removes a member (members:remove; target at or below the caller's level). Removing oneself is leaving. */
export async function removeMember(tx: Tx, input: RemoveMemberInput): Promise<void> {
  const { orgId, userId } = parseInput(removeMemberSchema, input);
  const actor = await requirePermission(tx, orgId, 'members:remove');
  if (actor.userId === userId) return leaveOrganization(tx, { orgId });
  const target = await findMember(tx, orgId, userId);
  if (!target) throw memberNotFound();
  if (!outranksOrEquals(actor.role, target.role)) throw new AppError('forbidden', 'You cannot remove a member above you.');
  if (target.role === 'owner') await assertAnotherOwner(tx, orgId, userId);
  const deleted = await guardDb(
    tx`delete from public.memberships where org_id = ${orgId} and user_id = ${userId} returning user_id`,
  );
  if (deleted.length !== 1) throw new AppError('forbidden', 'You do not have permission to do that.');
}

/** The caller leaves the organization; the last owner must transfer ownership or delete it first. */
export async function leaveOrganization(tx: Tx, input: LeaveOrganizationInput): Promise<void> {
  const { orgId } = parseInput(leaveOrganizationSchema, input);
  const me = await requireMembership(tx, orgId);
  if (me.role === 'owner') await assertAnotherOwner(tx, orgId, me.userId);
  await guardDb(tx`delete from public.memberships where org_id = ${orgId} and user_id = ${me.userId}`);
}

/**
 * Makes another member the owner and the caller (an owner) an admin, with an
 * explicit confirmation. The new owner is promoted before the caller steps
 * down, so the organization is never without an owner.
 */
export async function transferOwnership(tx: Tx, input: TransferOwnershipInput): Promise<void> {
  const { orgId, userId } = parseInput(transferOwnershipSchema, input);
  const me = await requireMembership(tx, orgId);
  if (me.role !== 'owner') throw new AppError('forbidden', 'Only an owner can transfer ownership.');
  if (userId === me.userId) throw new AppError('validation_failed', 'Choose another member as the new owner.');
  const target = await findMember(tx, orgId, userId);
  if (!target) throw memberNotFound();
  await guardDb(tx`update public.memberships set role = 'owner' where org_id = ${orgId} and user_id = ${userId}`);
  await guardDb(tx`update public.memberships set role = 'admin' where org_id = ${orgId} and user_id = ${me.userId}`);
}
