import type { Metadata } from 'next';
import { headers } from 'next/headers';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { AuthCard } from '@/components/auth/auth-card';
import { SignInForm } from '@/components/auth/sign-in-form';
import { TenantMark } from '@/components/auth/tenant-mark';
import { getCurrentUser } from '@/lib/auth/current-user';
import { homePathFor } from '@/lib/auth/home-path';
import { signInErrorMessage } from '@/lib/auth/messages';
import { givenReturnPath } from '@/lib/auth/return-path';
import { invitationTokenFromPath } from '@/lib/invitations/invitation-path';
import { optionalTenantFromHeaders } from '@/lib/tenancy/tenant-headers';

export const metadata: Metadata = { title: 'Sign in' };

const notices: Record<string, string> = {
  'signed-out': 'You are signed out.',
  'signed-out-everywhere': 'You are signed out on every device.',
};

export default async function SignInPage({ searchParams }: PageProps<'/sign-in'>) {
  const params = await searchParams;
  const requestHeaders = await headers();
  const next = givenReturnPath(params.next);
  if (await getCurrentUser()) redirect(next ?? homePathFor(requestHeaders));
  // Only known codes, each with a fixed message: no text from the URL reaches the page.
  const error = signInErrorMessage(params.error);
  // Sent here from a page that needs an account: say so.
  const notice = (typeof params.notice === 'string' ? notices[params.notice] : undefined) ?? (next ? 'Sign in to continue.' : undefined);
  const signUpHref = next ? `/sign-up?next=${encodeURIComponent(next)}` : '/sign-up';
  // On a tenant host: the organization's own sign-in page (its name and mark, no marketing).
  const tenant = optionalTenantFromHeaders(requestHeaders);
  if (tenant) {
    const invited = Boolean(invitationTokenFromPath(next));
    return (
      <AuthCard
        mark={<TenantMark tenant={tenant} />}
        title={`Sign in to ${tenant.name}`}
        description="Use your password or an email link."
        footer={
          invited ? (
            <>
              No account yet?{' '}
              <Link href={signUpHref} className="text-primary hover:underline">
                Create one to accept the invitation
              </Link>
            </>
          ) : (
            <>New to {tenant.name}? Ask one of its admins to invite you.</>
          )
        }
      >
        <SignInForm next={next} error={error} notice={notice} />
      </AuthCard>
    );
  }
  return (
    <AuthCard
      title="Sign in"
      description="Welcome back. Sign in with your password or an email link."
      footer={
        <>
          New here?{' '}
          <Link href={signUpHref} className="text-primary hover:underline">
            Create an account
          </Link>
        </>
      }
    >
      <SignInForm next={next} error={error} notice={notice} />
    </AuthCard>
  );
}
