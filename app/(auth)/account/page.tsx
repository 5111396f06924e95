import { LayoutGrid } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { EmailAddress } from '@/components/auth/email-address';
import { ChangeEmailForm, SetPasswordForm } from '@/components/auth/email-forms';
import { FormMessage } from '@/components/forms/form-message';
import { Button } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/auth/current-user';
import { signOutAction } from '@/lib/auth/account-actions';

export const metadata: Metadata = { title: 'Your account' };

const notices: Record<string, string> = {
  'password-reset': 'Your new password is saved.',
  'email-changed': 'Your email address change is confirmed.',
};

export default async function AccountPage({ searchParams }: PageProps<'/account'>) {
  const user = await requireUser('/account');
  const params = await searchParams;
  const notice = typeof params.notice === 'string' ? notices[params.notice] : undefined;
  return (
    <div className="mx-auto max-w-2xl space-y-6 px-4 py-12">
      <PageHeader
        title="Your account"
        description={
          <>
            Signed in as{' '}
            <strong className="text-foreground" data-testid="account-email">
              <EmailAddress email={user.email} />
            </strong>
            {user.name ? <> ({user.name})</> : null}
          </>
        }
        actions={
          <Button asChild variant="secondary">
            <Link href="/workspaces">
              <LayoutGrid aria-hidden className="h-4 w-4" />
              Your workspaces
            </Link>
          </Button>
        }
      />
      <FormMessage message={notice} ok />
      <Section title="Email address" description="The address you sign in with and where notifications go.">
        <ChangeEmailForm />
      </Section>
      <Section title="Password" description="At least 8 characters; common passwords are refused.">
        <SetPasswordForm from="account" submitLabel="Change password" />
      </Section>
      <Section title="Sessions" description="Sign out here, or on every device where you are signed in.">
        <div className="flex flex-wrap gap-3">
          <form action={signOutAction}>
            <input type="hidden" name="scope" value="local" />
            <Button type="submit" variant="secondary">Sign out</Button>
          </form>
          <form action={signOutAction}>
            <input type="hidden" name="scope" value="global" />
            <Button type="submit" variant="danger">Sign out everywhere</Button>
          </form>
        </div>
      </Section>
    </div>
  );
}

function Section({ title, description, children }: { title: string; description: string; children: React.ReactNode }) {
  // An id without spaces: aria-labelledby takes a space-separated list of ids.
  const headingId = `${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-title`;
  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-border bg-surface p-6">
      <h2 id={headingId} className="text-lg font-semibold">{title}</h2>
      <p className="mt-1 text-sm text-muted">{description}</p>
      <div className="mt-5">{children}</div>
    </section>
  );
}
