'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { FormField } from '@/components/forms/form-field';
import { FormMessage } from '@/components/forms/form-message';
import { SubmitButton } from '@/components/forms/submit-button';
import { magicLinkAction, signInAction } from '@/lib/auth/actions';
import type { FormState } from '@/lib/forms/form-state';

/** Password sign-in, and below it a sign-in link by email. */
export function SignInForm({ next, error, notice }: { next?: string; error?: string; notice?: string }) {
  const [state, action] = useActionState<FormState, FormData>(signInAction, {});
  const [linkState, linkAction] = useActionState<FormState, FormData>(magicLinkAction, {});
  return (
    <div className="space-y-6">
      <form action={action} className="space-y-4" noValidate aria-label="Sign in with password">
        <input type="hidden" name="next" value={next ?? ''} />
        <FormMessage message={state.message ?? error} />
        {!state.message && !error ? <FormMessage message={notice} ok /> : null}
        <FormField name="email" type="email" label="Email" autoComplete="email" required defaultValue={state.values?.email} error={state.fieldErrors?.email} />
        <div className="space-y-1.5">
          <FormField name="password" type="password" label="Password" autoComplete="current-password" required error={state.fieldErrors?.password} />
          <Link href="/forgot-password" className="inline-block text-sm text-primary hover:underline">
            Forgot your password?
          </Link>
        </div>
        <SubmitButton className="w-full" pendingText="Signing in…">
          Sign in
        </SubmitButton>
      </form>
      <div className="flex items-center gap-3 text-xs uppercase text-muted">
        <span className="h-px flex-1 bg-border" /> or <span className="h-px flex-1 bg-border" />
      </div>
      <form action={linkAction} className="space-y-3" noValidate aria-label="Email me a sign-in link">
        <input type="hidden" name="next" value={next ?? ''} />
        <FormMessage message={linkState.message} />
        <FormField id="magic-email" name="email" type="email" label="Email me a sign-in link" autoComplete="email" required defaultValue={linkState.values?.email} error={linkState.fieldErrors?.email} />
        <SubmitButton variant="secondary" className="w-full" pendingText="Sending…">
          Send sign-in link
        </SubmitButton>
      </form>
    </div>
  );
}
