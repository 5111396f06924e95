import type { Metadata } from 'next';
import { headers } from 'next/headers';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { AuthCard } from '@/components/auth/auth-card';
import { SignUpForm } from '@/components/auth/sign-up-form';
import { TenantMark } from '@/components/auth/tenant-mark';
import { getCurrentUser } from '@/lib/auth/current-user';
import { homePathFor } from '@/lib/auth/home-path';
import { givenReturnPath } from '@/lib/auth/return-path';
import { invitationTokenFromPath } from '@/lib/invitations/invitation-path';
import { previewInvitation } from '@/lib/invitations/queries';
import { optionalTenantFromHeaders } from '@/lib/tenancy/tenant-headers';

export const metadata: Metadata = { title: 'Create your account' };

export default async function SignUpPage({ searchParams }: PageProps<'/sign-up'>) {
  const params = await searchParams;
  const requestHeaders = await headers();
  const next = givenReturnPath(params.next);
  if (await getCurrentUser()) redirect(next ?? homePathFor(requestHeaders));
  const tenant = optionalTenantFromHeaders(requestHeaders);
  // Coming from an invitation on its organization's host: say what happens next and fill in the invited address.
  const token = tenant ? invitationTokenFromPath(next) : null;
  const preview = token ? await previewInvitation(token) : null;
  const invitation = preview?.status === 'pending' && preview.organization.slug === tenant?.slug ? preview : null;
  const signInHref = next ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in';
  return (
    <AuthCard
      mark={tenant ? <TenantMark tenant={tenant} /> : undefined}
      title="Create your account"
      description={
        invitation ? (
          <>
            Then you join <strong className="text-foreground">{invitation.organization.name}</strong> as{' '}
            {invitation.role === 'admin' ? 'an' : 'a'} {invitation.role}. Keep
            the invited address and you are in at once, with no confirmation email.
          </>
        ) : (
          'One account for every organization you work with.'
        )
      }
      footer={
        <>
          Already have an account?{' '}
          <Link href={signInHref} className="text-primary underline underline-offset-4 hover:no-underline">
            Sign in
          </Link>
        </>
      }
    >
      <SignUpForm next={next} email={invitation?.email} />
    </AuthCard>
  );
}
