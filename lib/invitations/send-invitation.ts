import { invitationEmail } from '@/lib/email/invitation-email';
import { sendEmail } from '@/lib/email/send-email';
import { env } from '@/lib/env';
import type { IssuedInvitation } from '@/lib/invitations/service';

/** Emails an issued invitation's link (the only place its token goes). Used by the API and the members page. */
export async function sendInvitation(
  { invitation, token }: IssuedInvitation,
  org: { name: string; slug: string },
  inviterEmail: string,
): Promise<void> {
  await sendEmail(
    invitationEmail({
      to: invitation.email,
      organizationName: org.name,
      organizationSlug: org.slug,
      rootDomain: env().NEXT_PUBLIC_ROOT_DOMAIN,
      inviterEmail,
      role: invitation.role,
      token,
      expiresAt: invitation.expiresAt,
    }),
  );
}
