'use client';

import { useActionState } from 'react';
import { FormField } from '@/components/forms/form-field';
import { FormMessage } from '@/components/forms/form-message';
import { SubmitButton } from '@/components/forms/submit-button';
import { changeEmailAction, forgotPasswordAction, setPasswordAction } from '@/lib/auth/account-actions';
import { resendConfirmationAction } from '@/lib/auth/actions';
import type { FormState } from '@/lib/forms/form-state';

export function ForgotPasswordForm() {
  const [state, action] = useActionState<FormState, FormData>(forgotPasswordAction, {});
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage message={state.message} />
      <FormField name="email" type="email" label="Email" autoComplete="email" required defaultValue={state.values?.email} error={state.fieldErrors?.email} />
      <SubmitButton className="w-full" pendingText="Sending…">
        Send reset link
      </SubmitButton>
    </form>
  );
}

/** New password + confirmation; `from` tells the action where to go next. */
export function SetPasswordForm({ from, submitLabel }: { from: 'reset' | 'account'; submitLabel: string }) {
  const [state, action] = useActionState<FormState, FormData>(setPasswordAction, {});
  return (
    <form action={action} className="space-y-4" noValidate aria-label={submitLabel}>
      <input type="hidden" name="from" value={from} />
      <FormMessage message={state.message} ok={state.ok} />
      <FormField name="password" id={`${from}-password`} type="password" label="New password" autoComplete="new-password" required minLength={8} error={state.fieldErrors?.password} />
      <FormField name="confirm" id={`${from}-confirm`} type="password" label="Repeat new password" autoComplete="new-password" required error={state.fieldErrors?.confirm} />
      <SubmitButton pendingText="Saving…">{submitLabel}</SubmitButton>
    </form>
  );
}

export function ChangeEmailForm() {
  const [state, action] = useActionState<FormState, FormData>(changeEmailAction, {});
  return (
    <form action={action} className="space-y-4" noValidate aria-label="Change email">
      <FormMessage message={state.message} ok={state.ok} />
      <FormField name="email" id="new-email" type="email" label="New email address" autoComplete="email" required defaultValue={state.values?.email} error={state.fieldErrors?.email} hint="We send a confirmation link to the new address and one to your current address." />
      <SubmitButton pendingText="Sending…">Change email</SubmitButton>
    </form>
  );
}

export function ResendConfirmationForm({ email, next }: { email: string; next?: string }) {
  const [state, action] = useActionState<FormState, FormData>(resendConfirmationAction, {});
  return (
    <form action={action} className="space-y-3" aria-label="Send the confirmation email again">
      <input type="hidden" name="email" value={email} />
      <input type="hidden" name="next" value={next ?? ''} />
      <FormMessage message={state.message} ok={state.ok} />
      <SubmitButton variant="secondary" pendingText="Sending…">
        Send the email again
      </SubmitButton>
    </form>
  );
}
