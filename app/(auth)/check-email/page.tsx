import { Mail } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { AuthCard } from '@/components/auth/auth-card';
import { EmailAddress } from '@/components/auth/email-address';
import { ResendConfirmationForm } from '@/components/auth/email-forms';
import { givenReturnPath } from '@/lib/auth/return-path';
import { emailSchema } from '@/lib/auth/schemas';

export const metadata: Metadata = { title: 'Check your email' };

const reasons = {
  signup: 'Open the link in it to confirm your address and finish creating your account.',
  'magic-link': 'If an account exists for this address, the email holds a link that signs you in.',
  recovery: 'If an account exists for this address, the email holds a link to choose a new password.',
} as const;
type Reason = keyof typeof reasons | 'email-change';

function reasonOf(value: unknown): Reason {
  if (value === 'email-change') return value;
  return typeof value === 'string' && value in reasons ? (value as keyof typeof reasons) : 'signup';
}

export default async function CheckEmailPage({ searchParams }: PageProps<'/check-email'>) {
  const params = await searchParams;
  const parsedEmail = emailSchema.safeParse(params.email);
  const email = parsedEmail.success ? parsedEmail.data : null;
  const next = givenReturnPath(params.next);
  const reason = reasonOf(params.reason);
  const footer = (
    <Link href="/sign-in" className="text-primary hover:underline">
      Back to sign in
    </Link>
  );
  if (reason === 'email-change') {
    return (
      <AuthCard
        title="One more link to open"
        description="This address is confirmed. To finish changing your email, also open the link we sent to your other address. Until then you keep signing in with your current email."
        footer={
          <Link href="/account" className="text-primary hover:underline">
            Back to your account
          </Link>
        }
      />
    );
  }
  return (
    <AuthCard
      title="Check your email"
      description={
        email ? (
          <>
            <p>We sent an email to</p>
            {/* The address on a line of its own, wrapping only at its joints if it must (390 px phones). */}
            <p className="mt-2 flex items-start gap-2 rounded-md border border-border bg-background px-3 py-2 font-medium text-foreground">
              <Mail aria-hidden className="mt-0.5 h-4 w-4 shrink-0 text-muted" />
              <EmailAddress email={email} className="min-w-0" />
            </p>
            <p className="mt-3">
              {reasons[reason]} The link works for one hour.
            </p>
          </>
        ) : (
          <>
            We sent an email. {reasons[reason]} The link works for one hour.
          </>
        )
      }
      footer={footer}
    >
      <div className="space-y-4 text-sm text-muted">
        <p>Nothing arrived? Check your spam folder{reason === 'signup' && email ? ', or ask for it again.' : '.'}</p>
        {reason === 'signup' && email ? <ResendConfirmationForm email={email} next={next} /> : null}
      </div>
    </AuthCard>
  );
}
