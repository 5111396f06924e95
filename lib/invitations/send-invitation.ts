import { inngest } from '@/inngest/client';
import { invitationCreated } from '@/inngest/events';
import { AppError } from '@/lib/errors';
import type { IssuedInvitation } from '@/lib/invitations/service';
import { log } from '@/lib/log';

/**
 * Queues the email of an issued invitation: `members/invitation.created` goes to
 * Inngest, and the send-invitation-email job delivers it with retries, so a mail
 * server that is down no longer fails the request. Called inside the request's
 * transaction: if the event cannot be queued, the invitation is rolled back and
 * the caller gets 503, so no invitation exists without its email on the way.
 * The event carries the link's token (stored hashed, so only the email can).
 */
export async function queueInvitationEmail(
  { invitation, token }: IssuedInvitation,
  org: { id: string; name: string; slug: string },
  inviterEmail: string,
): Promise<void> {
  const event = invitationCreated.create({
    orgId: org.id,
    invitationId: invitation.id,
    email: invitation.email,
    role: invitation.role,
    organizationName: org.name,
    organizationSlug: org.slug,
    inviterEmail,
    token,
    expiresAt: invitation.expiresAt.toISOString(),
  });
  try {
    await inngest.send(event);
  } catch (error) {
    log.error('invitation email not queued', { orgId: org.id, invitationId: invitation.id, error });
    throw new AppError('unavailable', 'Invitations cannot be sent right now. Please try again in a moment.');
  }
}
