'use client';

import { useActionState, useState } from 'react';
import { FormField } from '@/components/forms/form-field';
import { FormMessage } from '@/components/forms/form-message';
import { SubmitButton } from '@/components/forms/submit-button';
import { useFocusFirstError } from '@/components/forms/use-focus-first-error';
import { formErrorsFor, type FormState } from '@/lib/forms/form-state';
import { tenantOrigin } from '@/lib/tenancy/host';
import { updateOrganizationAction } from '@/lib/workspace/org-actions';

const FIELDS = ['name', 'slug'] as const;

/** Name and subdomain; the hint shows the full address the subdomain makes, as it is typed. */
export function OrgForm({ name, slug, rootDomain }: { name: string; slug: string; rootDomain: string }) {
  const [state, action] = useActionState<FormState, FormData>(updateOrganizationAction, {});
  const [typed, setTyped] = useState(state.values?.slug ?? slug);
  const { message, fieldErrors } = formErrorsFor(state, FIELDS);
  const formRef = useFocusFirstError(state);
  const address = tenantOrigin(typed.trim().toLowerCase() || slug, rootDomain).replace(/^https?:\/\//, '');
  return (
    <form ref={formRef} action={action} className="space-y-4" noValidate aria-label="Organization details">
      <FormMessage message={state.ok ? state.message : message} ok={state.ok} />
      <FormField name="name" id="settings-name" label="Name" required maxLength={100} defaultValue={state.values?.name ?? name} error={fieldErrors.name} />
      <FormField
        name="slug"
        id="settings-slug"
        label="Subdomain"
        required
        maxLength={40}
        autoCapitalize="none"
        spellCheck={false}
        defaultValue={state.values?.slug ?? slug}
        onChange={(e) => setTyped(e.target.value)}
        error={fieldErrors.slug}
        hint={
          <>
            Your workspace address: <span className="font-medium text-foreground [overflow-wrap:anywhere]">{address}</span>. Changing it
            moves everyone: the old address stops working at once.
          </>
        }
      />
      <SubmitButton pendingText="Saving…">Save changes</SubmitButton>
    </form>
  );
}
