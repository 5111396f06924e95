import { withServiceRole } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { RequestContext } from '@/lib/db';
import { parseInput } from '@/lib/validation/parse-input';
import type { Role } from '@/lib/permissions/schemas';
import { invitationStatus, type InvitationRow } from './queries';
import { hashSecretToken } from '@/lib/crypto/secret-token';
import { acceptInvitationSchema, type AcceptInvitationInput } from './schemas';

export interface AcceptedInvitation {
  organization: { id: string; name: string; slug: string };
  role: Role;
  /** True when the user was already a member: their role is left as it was. */
  alreadyMember: boolean;
}

/**
 * The invitee joins: `userId` and `email` must come from the verified session;
 * the email must match the invitation (case-insensitively); `orgId` is the
 * organization of the host it is accepted on, and an invitation of any other
 * organization answers like an unknown link before anything is written. Single
 * use. Service path, since the invitee is not a member yet.
 */
export async function acceptInvitation(input: AcceptInvitationInput, context: RequestContext): Promise<AcceptedInvitation> {
  const { token, userId, email, orgId } = parseInput(acceptInvitationSchema, input);
  return withServiceRole('invitations: the invitee joins an organization they are not a member of yet', async (tx) => {
    const [inv] = await tx<(InvitationRow & { org_name: string; org_slug: string })[]>`
      select i.*, o.name as org_name, o.slug as org_slug
      from public.invitations i join public.organizations o on o.id = i.org_id
      where i.token_hash = ${hashSecretToken(token)}
      for update of i`;
    if (!inv || inv.org_id !== orgId) throw new AppError('not_found', 'This invitation link is not valid.');
    const organization = { id: inv.org_id, name: inv.org_name, slug: inv.org_slug };
    const status = invitationStatus(inv);
    if (status === 'accepted' && inv.accepted_by === userId) {
      const [m] = await tx<{ role: Role }[]>`select role from public.memberships where org_id = ${inv.org_id} and user_id = ${userId}`;
      if (m) return { organization, role: m.role, alreadyMember: true };
    }
    if (status !== 'pending') {
      throw new AppError('conflict', `This invitation was ${status === 'expired' ? 'sent too long ago' : status}.`, {
        reason: status,
      });
    }
    if (inv.email !== email) throw new AppError('forbidden', 'This invitation was sent to a different email address.');
    const [user] = await tx`select 1 from auth.users where id = ${userId}`;
    if (!user) throw new AppError('unauthorized', 'Sign in to accept the invitation.');
    const [existing] = await tx<{ role: Role }[]>`
      select role from public.memberships where org_id = ${inv.org_id} and user_id = ${userId}`;
    if (!existing) {
      await tx`insert into public.memberships (org_id, user_id, role) values (${inv.org_id}, ${userId}, ${inv.role})`;
    }
    await tx`update public.invitations set accepted_at = now(), accepted_by = ${userId} where id = ${inv.id}`;
    return { organization, role: existing?.role ?? inv.role, alreadyMember: Boolean(existing) };
  }, { actorId: userId, context });
}
