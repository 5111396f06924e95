import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { AuthCard } from '@/components/auth/auth-card';
import { SignUpForm } from '@/components/auth/sign-up-form';
import { getCurrentUser } from '@/lib/auth/current-user';
import { safeReturnPath } from '@/lib/auth/return-path';

export const metadata: Metadata = { title: 'Create your account' };

export default async function SignUpPage({ searchParams }: PageProps<'/sign-up'>) {
  const params = await searchParams;
  const next = typeof params.next === 'string' ? safeReturnPath(params.next) : undefined;
  if (await getCurrentUser()) redirect(next ?? '/account');
  return (
    <AuthCard
      title="Create your account"
      description="One account for every organization you work with."
      footer={
        <>
          Already have an account?{' '}
          <Link href={next ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in'} className="text-primary underline underline-offset-4 hover:no-underline">
            Sign in
          </Link>
        </>
      }
    >
      <SignUpForm next={next} />
    </AuthCard>
  );
}
