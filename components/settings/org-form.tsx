'use client';

import { useActionState } from 'react';
import { FormField } from '@/components/forms/form-field';
import { FormMessage } from '@/components/forms/form-message';
import { SubmitButton } from '@/components/forms/submit-button';
import type { FormState } from '@/lib/forms/form-state';
import { updateOrganizationAction } from '@/lib/workspace/org-actions';

export function OrgForm({ name, slug, rootDomain }: { name: string; slug: string; rootDomain: string }) {
  const [state, action] = useActionState<FormState, FormData>(updateOrganizationAction, {});
  return (
    <form action={action} className="space-y-4" noValidate aria-label="Organization details">
      <FormMessage message={state.message} ok={state.ok} />
      <FormField name="name" id="settings-name" label="Name" required maxLength={100} defaultValue={state.values?.name ?? name} error={state.fieldErrors?.name} />
      <FormField
        name="slug"
        id="settings-slug"
        label="Subdomain"
        required
        maxLength={40}
        defaultValue={state.values?.slug ?? slug}
        error={state.fieldErrors?.slug}
        hint={`Your workspace lives at <subdomain>.${rootDomain}. Changing it moves everyone: the old address stops working at once.`}
      />
      <SubmitButton pendingText="Saving…">Save changes</SubmitButton>
    </form>
  );
}
