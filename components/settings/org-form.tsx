'use client';

import { useActionState, useState } from 'react';
import { FormField } from '@/components/forms/form-field';
import { FormMessage } from '@/components/forms/form-message';
import { SubmitButton } from '@/components/forms/submit-button';
import { useFocusFirstError } from '@/components/forms/use-focus-first-error';
import { formErrorsFor, type FormState } from '@/lib/forms/form-state';
import { tenantOrigin } from '@/lib/tenancy/host';
import { updateOrganizationAction } from '@/lib/workspace/org-actions';
import { WorkspaceAddress } from './workspace-address';

const FIELDS = ['name', 'slug'] as const;
const hostOf = (slug: string, rootDomain: string) => tenantOrigin(slug, rootDomain).replace(/^https?:\/\//, '');

/** Name and subdomain, under the current full address; a changed subdomain shows the address it makes. */
export function OrgForm({ name, slug, rootDomain }: { name: string; slug: string; rootDomain: string }) {
  const [state, action] = useActionState<FormState, FormData>(updateOrganizationAction, {});
  const [typed, setTyped] = useState(state.values?.slug ?? slug);
  const { message, fieldErrors } = formErrorsFor(state, FIELDS);
  const formRef = useFocusFirstError(state);
  const saved = state.ok && state.values?.slug ? state.values.slug : slug;
  const next = typed.trim().toLowerCase();
  const moving = next !== '' && next !== saved;
  return (
    <form ref={formRef} action={action} className="space-y-4" noValidate aria-label="Organization details">
      <FormMessage message={state.ok ? state.message : message} ok={state.ok} />
      <div className="flex flex-col gap-1 rounded-md border border-border bg-background px-3 py-2.5 text-sm sm:flex-row sm:items-center sm:gap-3">
        <span className="text-muted">Workspace address</span>
        <WorkspaceAddress slug={saved} rootDomain={rootDomain} />
      </div>
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
          moving ? (
            <>
              New address: <span className="font-medium text-foreground [overflow-wrap:anywhere]">{hostOf(next, rootDomain)}</span>. Saving
              moves everyone there; the old address stops working at once.
            </>
          ) : (
            'Changing it moves everyone to a new address; the old one stops working at once.'
          )
        }
      />
      <SubmitButton pendingText="Saving…">Save changes</SubmitButton>
    </form>
  );
}
