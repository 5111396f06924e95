'use client';

import { useActionState } from 'react';
import { FormField } from '@/components/forms/form-field';
import { FormMessage } from '@/components/forms/form-message';
import { SubmitButton } from '@/components/forms/submit-button';
import { signUpAction } from '@/lib/auth/actions';
import type { FormState } from '@/lib/forms/form-state';

/** `email` pre-fills the address (an invitation's); the person may still change it. */
export function SignUpForm({ next, email }: { next?: string; email?: string }) {
  const [state, action] = useActionState<FormState, FormData>(signUpAction, {});
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="next" value={next ?? ''} />
      <FormMessage message={state.message} ok={state.ok} />
      <FormField name="name" label="Your name" autoComplete="name" hint="Optional. Your teammates see it." defaultValue={state.values?.name} error={state.fieldErrors?.name} />
      <FormField name="email" type="email" label="Work email" autoComplete="email" required defaultValue={state.values?.email ?? email} error={state.fieldErrors?.email} />
      <FormField
        name="password"
        type="password"
        label="Password"
        autoComplete="new-password"
        required
        minLength={8}
        hint="At least 8 characters; common passwords are refused."
        error={state.fieldErrors?.password}
      />
      <SubmitButton className="w-full" pendingText="Creating your account…">
        Create account
      </SubmitButton>
    </form>
  );
}
