import type { Metadata } from 'next';
import { headers } from 'next/headers';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { AuthCard } from '@/components/auth/auth-card';
import { SignInForm } from '@/components/auth/sign-in-form';
import { getCurrentUser } from '@/lib/auth/current-user';
import { signInErrorMessage } from '@/lib/auth/messages';
import { safeReturnPath } from '@/lib/auth/return-path';
import { optionalTenantFromHeaders } from '@/lib/tenancy/tenant-headers';

export const metadata: Metadata = { title: 'Sign in' };

const notices: Record<string, string> = {
  'signed-out': 'You are signed out.',
  'signed-out-everywhere': 'You are signed out on every device.',
};

export default async function SignInPage({ searchParams }: PageProps<'/sign-in'>) {
  const params = await searchParams;
  const next = typeof params.next === 'string' ? safeReturnPath(params.next) : undefined;
  if (await getCurrentUser()) redirect(next ?? '/account');
  // Only known codes, each with a fixed message: no text from the URL reaches the page.
  const error = signInErrorMessage(params.error);
  // Sent here from a page that needs an account: say so.
  const notice = (typeof params.notice === 'string' ? notices[params.notice] : undefined) ?? (next ? 'Sign in to continue.' : undefined);
  // On a tenant host, say which workspace this is.
  const tenant = optionalTenantFromHeaders(await headers());
  return (
    <AuthCard
      title="Sign in"
      description={
        tenant ? (
          <>
            Sign in to <strong className="text-foreground">{tenant.name}</strong> with your password or an email link.
          </>
        ) : (
          'Welcome back. Sign in with your password or an email link.'
        )
      }
      footer={
        <>
          New here?{' '}
          <Link href={next ? `/sign-up?next=${encodeURIComponent(next)}` : '/sign-up'} className="text-primary hover:underline">
            Create an account
          </Link>
        </>
      }
    >
      <SignInForm next={next} error={error} notice={notice} />
    </AuthCard>
  );
}
