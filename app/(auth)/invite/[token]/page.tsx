import type { Metadata } from 'next';
import { headers } from 'next/headers';
import Link from 'next/link';
import { AuthCard } from '@/components/auth/auth-card';
import { EmailAddress } from '@/components/auth/email-address';
import { TenantMark } from '@/components/auth/tenant-mark';
import { AcceptInvitationForm } from '@/components/invitations/accept-form';
import { Button } from '@/components/ui/button';
import { getCurrentUser } from '@/lib/auth/current-user';
import { safeReturnPath } from '@/lib/auth/return-path';
import { optionalTenantFromHeaders } from '@/lib/tenancy/tenant-headers';
import { invitationPath } from '@/lib/invitations/invitation-path';
import { previewInvitation } from '@/lib/invitations/queries';

export const metadata: Metadata = { title: 'Invitation' };

const statusText = {
  expired: 'This invitation has expired. Ask whoever invited you to send it again.',
  accepted: 'This invitation was already used.',
  revoked: 'This invitation was withdrawn.',
} as const;

/** Invitation link landing page on the tenant host: preview, then sign in/up and accept. */
export default async function InvitationPage({ params }: PageProps<'/invite/[token]'>) {
  const { token } = await params;
  const tenant = optionalTenantFromHeaders(await headers());
  const preview = await previewInvitation(token);
  if (!preview || !tenant || preview.organization.slug !== tenant.slug) {
    return <AuthCard title="Invitation not found" description="This invitation link is not valid. Check that you opened the whole link from the email." />;
  }
  const org = preview.organization.name;
  if (preview.status !== 'pending') {
    return <AuthCard title={`Invitation to ${org}`} description={statusText[preview.status]} />;
  }
  const user = await getCurrentUser();
  const next = encodeURIComponent(safeReturnPath(invitationPath(token), '/'));
  return (
    <AuthCard
      mark={<TenantMark tenant={tenant} />}
      title={`Join ${org}`}
      description={
        <>
          You were invited as <strong className="text-foreground">{preview.role}</strong> for{' '}
          <EmailAddress email={preview.email} className="font-medium text-foreground" />.
        </>
      }
    >
      {!user ? (
        <div className="space-y-3">
          <Button asChild className="w-full"><Link href={`/sign-up?next=${next}`}>Create an account to accept</Link></Button>
          <Button asChild variant="secondary" className="w-full"><Link href={`/sign-in?next=${next}`}>I already have an account</Link></Button>
        </div>
      ) : user.email.toLowerCase() !== preview.email.toLowerCase() ? (
        <p role="alert" className="text-sm">
          This invitation is for <EmailAddress email={preview.email} />, but you are signed in as{' '}
          <EmailAddress email={user.email} />. Sign out and sign in with the invited address.
        </p>
      ) : (
        <AcceptInvitationForm token={token} orgName={org} />
      )}
    </AuthCard>
  );
}
