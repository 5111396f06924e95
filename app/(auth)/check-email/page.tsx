import type { Metadata } from 'next';
import Link from 'next/link';
import { AuthCard } from '@/components/auth/auth-card';
import { ResendConfirmationForm } from '@/components/auth/email-forms';
import { emailSchema } from '@/lib/auth/schemas';

export const metadata: Metadata = { title: 'Check your email' };

const reasons = {
  signup: 'Open the link in it to confirm your address and finish creating your account.',
  'magic-link': 'If an account exists for this address, the email holds a link that signs you in.',
  recovery: 'If an account exists for this address, the email holds a link to choose a new password.',
} as const;

export default async function CheckEmailPage({ searchParams }: PageProps<'/check-email'>) {
  const params = await searchParams;
  const parsedEmail = emailSchema.safeParse(params.email);
  const email = parsedEmail.success ? parsedEmail.data : null;
  const reason = typeof params.reason === 'string' && params.reason in reasons ? (params.reason as keyof typeof reasons) : 'signup';
  return (
    <AuthCard
      title="Check your email"
      description={
        <>
          We sent an email{email ? <> to <strong className="text-foreground">{email}</strong></> : null}. {reasons[reason]} The
          link works for one hour.
        </>
      }
      footer={
        <Link href="/sign-in" className="text-primary hover:underline">
          Back to sign in
        </Link>
      }
    >
      <div className="space-y-4 text-sm text-muted">
        <p>Nothing arrived? Check your spam folder{reason === 'signup' && email ? ', or ask for it again:' : '.'}</p>
        {reason === 'signup' && email ? <ResendConfirmationForm email={email} /> : null}
      </div>
    </AuthCard>
  );
}
