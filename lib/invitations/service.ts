import type { Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { guardDb } from '@/lib/db/errors';
import { parseInput } from '@/lib/validation/parse-input';
import { requirePermission } from '@/lib/permissions/queries';
import { outranksOrEquals } from '@/lib/permissions/schemas';
import { toInvitation, type Invitation, type InvitationRow } from '@/lib/invitations/queries';
import { generateSecretToken, hashSecretToken } from '@/lib/crypto/secret-token';
import { invitationRefSchema, inviteMemberSchema, type InvitationRef, type InviteMemberInput } from '@/lib/invitations/schemas';

/** A new or resent invitation with its plaintext token: returned once, for the caller to email. Never stored. */
export interface IssuedInvitation {
  invitation: Invitation;
  token: string;
}

const invitationNotFound = () => new AppError('not_found', 'Invitation not found.');

/** Invites an email with a role at or below the caller's (members:invite). 7-day expiry; single use. */
export async function inviteMember(tx: Tx, input: InviteMemberInput): Promise<IssuedInvitation> {
  const { orgId, email, role } = parseInput(inviteMemberSchema, input);
  const actor = await requirePermission(tx, orgId, 'members:invite');
  if (!outranksOrEquals(actor.role, role)) throw new AppError('forbidden', 'You cannot invite with a role above your own.');
  const [member] = await tx`select 1 from private.member_directory where org_id = ${orgId} and lower(email) = ${email}`;
  if (member) throw new AppError('conflict', 'That person is already a member.', { field: 'email' });
  const [pending] = await tx<{ id: string; expired: boolean }[]>`
    select id, expires_at <= now() as expired from public.invitations
    where org_id = ${orgId} and email = ${email} and accepted_at is null and revoked_at is null
    for update`;
  if (pending && !pending.expired) {
    throw new AppError('conflict', 'That email already has a pending invitation: resend it instead.', {
      field: 'email',
      invitationId: pending.id,
    });
  }
  if (pending) await tx`update public.invitations set revoked_at = now() where id = ${pending.id}`;
  const token = generateSecretToken();
  const [row] = await guardDb(
    tx<InvitationRow[]>`
      insert into public.invitations (org_id, email, role, token_hash, invited_by)
      values (${orgId}, ${email}, ${role}, ${hashSecretToken(token)}, ${actor.userId})
      returning *`,
  );
  if (!row) throw new Error('insert returned no row');
  return { invitation: toInvitation(row), token };
}

async function lockInvitation(tx: Tx, orgId: string, invitationId: string): Promise<InvitationRow> {
  const [row] = await tx<InvitationRow[]>`
    select * from public.invitations where id = ${invitationId} and org_id = ${orgId} for update`;
  if (!row) throw invitationNotFound();
  if (row.accepted_at) throw new AppError('conflict', 'This invitation was already accepted.');
  return row;
}

/** Sends a fresh token (the old link stops working) and restarts the 7 days. */
export async function resendInvitation(tx: Tx, input: InvitationRef): Promise<IssuedInvitation> {
  const { orgId, invitationId } = parseInput(invitationRefSchema, input);
  const actor = await requirePermission(tx, orgId, 'members:invite');
  const current = await lockInvitation(tx, orgId, invitationId);
  if (current.revoked_at) throw new AppError('conflict', 'This invitation was revoked: invite the person again.');
  if (!outranksOrEquals(actor.role, current.role)) throw new AppError('forbidden', 'You cannot resend this invitation.');
  const token = generateSecretToken();
  const [row] = await guardDb(
    tx<InvitationRow[]>`update public.invitations set token_hash = ${hashSecretToken(token)}
                        where id = ${invitationId} returning *`,
  );
  if (!row) throw invitationNotFound();
  return { invitation: toInvitation(row), token };
}

/** Revokes a pending invitation (its link stops working). Revoking twice is a no-op. */
export async function revokeInvitation(tx: Tx, input: InvitationRef): Promise<Invitation> {
  const { orgId, invitationId } = parseInput(invitationRefSchema, input);
  const actor = await requirePermission(tx, orgId, 'members:invite');
  const current = await lockInvitation(tx, orgId, invitationId);
  if (current.revoked_at) return toInvitation(current);
  if (!outranksOrEquals(actor.role, current.role)) throw new AppError('forbidden', 'You cannot revoke this invitation.');
  const [row] = await guardDb(
    tx<InvitationRow[]>`update public.invitations set revoked_at = now() where id = ${invitationId} returning *`,
  );
  if (!row) throw invitationNotFound();
  return toInvitation(row);
}

export { acceptInvitation, type AcceptedInvitation } from '@/lib/invitations/accept-invitation';
