'use client';

import { useActionState } from 'react';
import { Field } from '@/components/forms/form-field';
import { FormMessage } from '@/components/forms/form-message';
import { SubmitButton } from '@/components/forms/submit-button';
import { useFocusFirstError } from '@/components/forms/use-focus-first-error';
import { Select } from '@/components/ui/select';
import { formErrorsFor, type FormState } from '@/lib/forms/form-state';
import { transferOwnershipAction } from '@/lib/workspace/org-actions';

const FIELDS = ['userId', 'confirm'] as const;

/** Owner only: make another member the owner (you become an admin), with an explicit confirmation. */
export function TransferOwnershipForm({ candidates }: { candidates: { userId: string; email: string; name: string }[] }) {
  const [state, action] = useActionState<FormState, FormData>(transferOwnershipAction, {});
  const { message, fieldErrors } = formErrorsFor(state, FIELDS);
  const formRef = useFocusFirstError(state);
  if (candidates.length === 0) return <p className="text-sm text-muted">Invite someone first: there is no other member to transfer to.</p>;
  return (
    <form ref={formRef} action={action} className="space-y-4" aria-label="Transfer ownership" noValidate>
      <FormMessage message={state.ok ? state.message : message} ok={state.ok} />
      <Field id="new-owner" label="New owner" error={fieldErrors.userId} className="max-w-sm">
        {(control) => (
          <Select
            {...control}
            name="userId"
            defaultValue={state.values?.userId ?? candidates[0]!.userId}
            options={candidates.map((c) => ({ value: c.userId, label: c.name || c.email, description: c.name ? c.email : undefined }))}
          />
        )}
      </Field>
      <div className="space-y-1.5">
        <label className="flex items-start gap-2.5 text-sm">
          <input
            type="checkbox"
            name="confirm"
            value="yes"
            aria-invalid={fieldErrors.confirm ? true : undefined}
            aria-describedby={fieldErrors.confirm ? 'transfer-confirm-error' : undefined}
            className="mt-0.5 h-4 w-4 shrink-0 accent-[rgb(var(--primary))]"
          />
          <span>I understand that I will become an admin and the new owner controls the organization.</span>
        </label>
        {fieldErrors.confirm ? (
          <p id="transfer-confirm-error" className="pl-6.5 text-sm text-danger">
            {fieldErrors.confirm}
          </p>
        ) : null}
      </div>
      <SubmitButton variant="danger" pendingText="Transferring…">
        Transfer ownership
      </SubmitButton>
    </form>
  );
}
