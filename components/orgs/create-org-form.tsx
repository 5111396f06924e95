'use client';

import { useActionState, useState } from 'react';
import { FormMessage } from '@/components/forms/form-message';
import { SubmitButton } from '@/components/forms/submit-button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import type { FormState } from '@/lib/forms/form-state';
import { createOrganizationAction } from '@/lib/orgs/actions';
import { SlugStatus } from './slug-status';

/** Suggests a subdomain from a name: "Acme Health, Inc." → "acme-health-inc". */
export function suggestSlug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}

export function CreateOrgForm({ rootDomain }: { rootDomain: string }) {
  const [state, action] = useActionState<FormState, FormData>(createOrganizationAction, {});
  const [name, setName] = useState(state.values?.name ?? '');
  const [slug, setSlug] = useState(state.values?.slug ?? '');
  const [slugEdited, setSlugEdited] = useState(false);
  return (
    <form action={action} className="space-y-5" noValidate>
      <FormMessage message={state.message} />
      <div className="space-y-1.5">
        <Label htmlFor="org-name">Organization name</Label>
        <Input
          id="org-name"
          name="name"
          required
          maxLength={100}
          value={name}
          invalid={Boolean(state.fieldErrors?.name)}
          onChange={(e) => {
            setName(e.target.value);
            if (!slugEdited) setSlug(suggestSlug(e.target.value));
          }}
        />
        {state.fieldErrors?.name ? <p className="text-sm text-danger">{state.fieldErrors.name}</p> : null}
      </div>
      <div className="space-y-1.5">
        <Label htmlFor="org-slug">Subdomain</Label>
        <div className="flex items-center gap-2">
          <Input
            id="org-slug"
            name="slug"
            required
            maxLength={40}
            value={slug}
            autoCapitalize="none"
            spellCheck={false}
            invalid={Boolean(state.fieldErrors?.slug)}
            aria-describedby="org-slug-status"
            onChange={(e) => {
              setSlugEdited(true);
              setSlug(e.target.value.toLowerCase());
            }}
          />
          <span className="shrink-0 text-sm text-muted">.{rootDomain}</span>
        </div>
        <div id="org-slug-status">
          {state.fieldErrors?.slug ? (
            <p className="text-sm text-danger">{state.fieldErrors.slug}</p>
          ) : (
            <SlugStatus slug={slug} rootDomain={rootDomain} />
          )}
        </div>
      </div>
      <SubmitButton className="w-full" pendingText="Creating your workspace…">
        Create workspace
      </SubmitButton>
    </form>
  );
}
