import { invitationEmail, sendEmail } from '@/lib/email';
import { env } from '@/lib/env';
import { inngest } from '../client';
import { invitationCreated } from '../events';

/**
 * Emails an invitation's accept link when `members/invitation.created` arrives. A transport
 * failure fails the step, which Inngest retries with backoff (4 retries), instead of failing
 * the request that issued the invitation.
 */
export const sendInvitationEmail = inngest.createFunction(
  { id: 'send-invitation-email', name: 'Send invitation email', retries: 4, triggers: [invitationCreated] },
  async ({ event, step }) => {
    const message = invitationEmail({
      to: event.data.email,
      organizationName: event.data.organizationName,
      organizationSlug: event.data.organizationSlug,
      rootDomain: env().NEXT_PUBLIC_ROOT_DOMAIN,
      inviterEmail: event.data.inviterEmail,
      role: event.data.role,
      token: event.data.token,
      expiresAt: new Date(event.data.expiresAt),
    });
    await step.run('send-email', () => sendEmail(message));
    return { sentTo: event.data.email };
  },
);
