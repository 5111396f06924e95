import type { Metadata } from 'next';
import { AuthCard } from '@/components/auth/auth-card';
import { SetPasswordForm } from '@/components/auth/email-forms';
import { requireUser } from '@/lib/auth/current-user';

export const metadata: Metadata = { title: 'Choose a new password' };

export default async function ResetPasswordPage() {
  const user = await requireUser('/reset-password');
  return (
    <AuthCard title="Choose a new password" description={<>For {user.email}. You stay signed in afterwards.</>}>
      <SetPasswordForm from="reset" submitLabel="Save new password" />
    </AuthCard>
  );
}
